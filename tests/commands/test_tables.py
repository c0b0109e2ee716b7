"""``localdigital tables`` through the CLI runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.questionnaire.bundled import data_path
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.tables.specs import TABLE_IDS
from tests.core.tables.survey_fixture import write_survey


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["tables", *args])
    return result.exit_code, result.stdout, result.stderr


def test_no_arguments_prints_every_table_of_the_bundled_data() -> None:
    code, out, _ = run()
    assert code == 0
    headings = [
        line.split(" ", 1)[0] for line in out.splitlines() if line.split(" ", 1)[0] in TABLE_IDS
    ]
    assert headings == list(TABLE_IDS)
    assert "Head of Customer Service" in out and "57.5%" in out
    assert "£1,064,567" in out and "37.97" in out


def test_check_reconciles_the_bundled_data_with_the_report() -> None:
    code, out, _ = run("--check")
    assert code == 0, out
    with data_path("targets.csv").open(encoding="utf-8") as handle:
        targets = sum(1 for _ in csv.DictReader(handle))
    with data_path("slips.csv").open(encoding="utf-8") as handle:
        slips = sum(1 for _ in csv.DictReader(handle))
    last = out.strip().splitlines()[-1]
    assert last == (
        f"{targets - slips} of {targets} figures reproduced; {slips} report slips as listed; "
        "0 mismatches"
    )
    assert (
        "report slip  rounded_sum: published = 52.8 + 28.4" in out
    )  # 5.4b: the report added rounded figures


def test_check_fails_on_a_mismatch(tmp_path: Path) -> None:
    targets = tmp_path / "targets.csv"
    lines = data_path("targets.csv").read_text(encoding="utf-8").splitlines()
    wrong = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("5.1,council,q5,flexible_working,agree,")
    )
    lines[wrong] = lines[wrong].replace(",48.3,", ",48.4,")
    targets.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run("--check", "--targets", str(targets), "--table", "5.1", "-f", "csv")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    bad = [r for r in rows if r["result"] == "mismatch"]
    assert [(r["question/row"], r["published"], r["computed"]) for r in bad] == [
        ("q5/flexible_working", "48.4", "48.3")
    ]
    assert {r["table"] for r in rows} == {"5.1"}


def test_formats_and_output_file(loaded: LoadedQuestionnaire, tmp_path: Path) -> None:
    survey = write_survey(loaded, tmp_path)
    out_file = tmp_path / "tables.csv"
    code, out, _ = run(str(survey), "-t", "5.1", "-f", "tidy", "-o", str(out_file))
    assert (code, out) == (0, "")
    assert out_file.read_text().splitlines()[0] == "table,group,row,column,count,base,percent,value"
    code, out, _ = run(str(survey), "-t", "5.4", "-f", "json")
    document = json.loads(out)
    assert document["data"]["files"][0]["path"] == str(survey)
    assert document["tables"][0]["id"] == "5.4"
    for fmt in ("text", "markdown", "csv", "latex", "html"):
        code, out, _ = run(str(survey), "-t", "5.6", "-f", fmt)
        assert code == 0 and "40.0" in out, fmt


def test_parquet_and_json_lines_give_the_same_tables(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    survey = write_survey(loaded, tmp_path)
    parquet = tmp_path / "survey.parquet"
    pl.read_ndjson(survey).write_parquet(parquet)
    assert run(str(survey), "-f", "tidy") == run(str(parquet), "-f", "tidy")


def test_options_that_do_not_go_together_are_usage_errors() -> None:
    assert run("--compare", "--group", "council")[0] == 2
    assert run("--check", "--net")[0] == 2
    assert run("--check", "-f", "html")[0] == 2
    assert run("--table", "9.9")[0] == 2


def test_impossible_tables_and_personal_files_are_errors(tmp_path: Path) -> None:
    code, _, err = run("--table", "5.5", "--group", "supplier")
    assert code == 1 and "not asked of supplier respondents" in err
    code, _, err = run("--by", "q5")
    assert code == 2 and "council_type, supplier_size, role, audience" in err
    personal = tmp_path / "personal.jsonl"
    personal.write_text("")
    code, _, err = run(str(personal))
    assert code == 1 and "tables never read personal data" in err


def test_compare_and_by_from_the_command_line() -> None:
    code, out, _ = run("--compare", "--table", "5.6c", "--width", "120")
    assert code == 0 and "supplier" in out and "(B)" in out and "Fisher" in out
    code, out, _ = run("--by", "council_type", "--table", "4.role", "-f", "tidy")
    groups = {r["group"] for r in csv.DictReader(io.StringIO(out))}
    assert "council:council_type=english_district" in groups


@pytest.mark.parametrize("width", ["80", "60", "40"])
@pytest.mark.parametrize(
    "options", [[], ["--compare"], ["--net", "--group", "all"], ["--by", "role", "-t", "5.4"]]
)
def test_text_tables_fit_the_width(width: str, options: list[str]) -> None:
    code, out, _ = run(*options, "--width", width)
    assert code == 0
    too_long = [line for line in out.splitlines() if len(line) > int(width)]
    assert too_long == []


def test_text_width_follows_columns_and_wrapped_labels_are_indented(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    code, out, _ = run("-t", "5.1")
    assert code == 0 and max(map(len, out.splitlines())) <= 70
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Help my organisation"))
    assert lines[start + 1].startswith("  ") and "'better" in lines[start] + lines[start + 1]


def test_a_text_report_starts_with_its_data_and_questionnaire() -> None:
    code, out, _ = run("-t", "5.4")
    assert code == 0
    head = out.split("\n\n\n", 1)[0]
    assert head.startswith(f"Data: {data_path('responses.jsonl')}; 200 records tabulated")
    assert "Questionnaire: local-digital-today-2013 1.0.0" in head
    assert "a reconstruction consistent with the figures published" in head


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (["-t", "4.role", "--net"], "--net: 4.role have no nets (nets are defined for 5.1"),
        (["-t", "5.5", "--base", "asked"], "--base: 5.5 are statistics"),
        (["-t", "4.role", "--sort", "questionnaire"], "printed in the form's order already"),
    ],
)
def test_an_option_that_would_do_nothing_is_refused(options: list[str], reason: str) -> None:
    result = CliRunner().invoke(cli, ["tables", *options])
    assert result.exit_code == 2 and reason in result.output


def test_statistics_are_named_in_words_and_coded_in_tidy_output() -> None:
    code, out, _ = run("-t", "5.6b", "--width", "200")
    assert code == 0
    for words in ("Gave a figure", "Lowest", "Mean above £1,000", "Share of the group"):
        assert words in out
    code, out, _ = run("-t", "5.6b", "-f", "tidy")
    assert {r["column"] for r in csv.DictReader(io.StringIO(out))} >= {"n", "pct_of_group"}


@pytest.mark.parametrize("width", ["80", "50"])
def test_chart_draws_bars_within_the_width(width: str) -> None:
    code, out, _ = run("-t", "5.4", "-t", "5.1", "--chart", "--width", width)
    assert code == 0
    assert max(map(len, out.splitlines())) <= int(width)
    assert "█" in out and "Key: · Strongly Disagree" in out
    yes = next(line for line in out.splitlines() if line.startswith("Yes ") and "█" in line)
    assert yes.endswith("35.5%")


def test_chart_is_for_text_only() -> None:
    result = CliRunner().invoke(cli, ["tables", "--chart", "-f", "csv"])
    assert result.exit_code == 2 and "--chart draws bars in text tables" in result.output
