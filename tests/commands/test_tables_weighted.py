"""``localdigital tables --weights``, driven as an analyst would after ``weight``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.questionnaire.bundled import data_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def weights(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("weights") / "weights.csv"
    code, _, err = run(
        "weight", "--targets", str(data_path("council_types_2013.csv")), "-o", str(path)
    )
    assert code == 0, err
    assert "weighting efficiency 75.1%" in err
    return path


def test_text_tables_show_weighted_percentages_bases_and_effective_bases(weights: Path) -> None:
    code, out, _ = run("tables", "--weights", str(weights), "-t", "4.council_type", "-t", "5.4")
    assert code == 0, out
    plain_code, plain, _ = run("tables", "-t", "4.council_type", "-t", "5.4")
    assert plain_code == 0
    assert "Eff. base" in out and "Eff. base" not in plain
    assert out.count("Weighted by") == 2  # a note under each table
    # the sample's 33.0% English districts (58 of 176) become the country's share of
    # councils, 201 of 406, for the 174 councils with a type that has a target
    assert "33.0%" in plain and "33.0%" not in out
    district = next(line for line in out.splitlines() if line.startswith("English district"))
    assert district.split()[-3:] == [f"{100 * 201 / 406 * 174 / 176:.1f}%", "176", "132.6"]


def test_tidy_json_and_xlsx_carry_the_effective_base(weights: Path, tmp_path: Path) -> None:
    code, out, _ = run("tables", "--weights", str(weights), "-t", "5.4", "-f", "tidy")
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(float(r["effective_base"]) < int(r["base"]) for r in rows)
    code, out, _ = run("tables", "--weights", str(weights), "-t", "5.4", "-f", "json")
    table = json.loads(out)["tables"][0]
    assert table["weighted"] is True
    assert all(b["effective_base"] < b["base"] for r in table["rows"] for b in r["bases"])
    book = tmp_path / "weighted.xlsx"
    code, _, err = run(
        "tables", "--weights", str(weights), "-t", "5.4", "-f", "xlsx", "-o", str(book)
    )
    assert code == 0, err
    from openpyxl import load_workbook

    sheet = load_workbook(book)["5.4 council"]
    headers = [c.value for c in sheet[4]]
    assert headers[-2:] == ["Base", "Eff. base"]
    assert isinstance(sheet.cell(5, len(headers)).value, float)


def test_compare_and_banners_are_weighted_too(weights: Path) -> None:
    for extra in (["--compare", "-t", "5.1"], ["--by", "role", "-t", "5.4", "-g", "council"]):
        code, out, err = run("tables", "--weights", str(weights), *extra, "-f", "tidy")
        assert code == 0, err
        assert all(r["effective_base"] for r in csv.DictReader(io.StringIO(out)))


def test_weights_problems_are_named_with_their_line(tmp_path: Path) -> None:
    cases = {
        "record_id,wait\nx,1\n": "1: the header must be record_id,weight",
        "record_id,weight\nx,heavy\n": "2: weight: 'heavy' is not a number",
        "record_id,weight\nx,1\ny,-2\n": "3: weight: '-2' is not a weight",
        "record_id,weight\nx,1\nx,2\n": "3: record_id: x has a weight on line 2 already",
        "record_id,weight\n": "no weights",
        "record_id,weight\nx,1\ny,0.4": "3: the last line has no line end",
    }
    for text, expected in cases.items():
        path = tmp_path / "w.csv"
        path.write_text(text, encoding="utf-8")
        code, _, err = run("tables", "--weights", str(path))
        assert code == 1 and f"{path}:{expected}" in err.replace(f"{path}: ", f"{path}:"), err
        assert "Traceback" not in err


def test_records_without_a_weight_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("record_id,weight\nnot-a-record,1.5\n", encoding="utf-8")
    code, _, err = run("tables", "--weights", str(path))
    assert code == 1
    assert "200 record(s)" not in err and "have no weight in" in err and "responses.jsonl" in err


def test_the_weights_file_is_never_the_output_and_check_is_unweighted(weights: Path) -> None:
    before = weights.read_bytes()
    code, _, err = run("tables", "--weights", str(weights), "-f", "csv", "-o", str(weights))
    assert code == 1 and "input" in err
    assert weights.read_bytes() == before
    code, _, err = run("tables", "--check", "--weights", str(weights))
    assert code == 2 and "--check takes only" in err
