"""``localdigital export``: labelled files SPSS, Stata and Excel read back as labelled."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pyreadstat
import pytest
from click.testing import CliRunner, Result

from localdigital_tui.cli import cli
from localdigital_tui.core.export.codebook import Kind, codebook
from localdigital_tui.core.questionnaire.bundled import data_path
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire

BUNDLED = data_path("responses.jsonl")
PERSONAL = Path(__file__).resolve().parents[2] / "data/personal.jsonl"
RECORDS = [json.loads(x) for x in BUNDLED.read_text(encoding="utf-8").splitlines()]


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["export", *map(str, args)])


@pytest.fixture(scope="module")
def sav(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, Any]:
    path = tmp_path_factory.mktemp("sav") / "survey.sav"
    result = run("-o", path)
    assert result.exit_code == 0, result.output
    return pyreadstat.read_sav(path, output_format="polars", user_missing=True)


def test_spss_file_has_a_row_per_record_and_labels(sav: tuple[pl.DataFrame, Any]) -> None:
    frame, meta = sav
    assert frame.height == 200
    assert meta.column_names_to_labels["q5__flexible_working"] == (
        "Q5: Enable staff to work flexibly and on the move"
    )
    assert meta.variable_value_labels["q5__flexible_working"] == {
        1: "Strongly Disagree", 2: "Disagree", 3: "Neutral / Don't Know", 4: "Agree",
        5: "Strongly Agree", -1: "Not asked", -2: "Not answered",
    }  # fmt: skip
    assert meta.missing_ranges["q10_amount"] == [{"lo": -1.0, "hi": -1.0}, {"lo": -2.0, "hi": -2.0}]
    assert all(len(name) <= 29 for name in meta.column_names)
    assert not {"q1_name", "q2_job_title", "q3_organisation"} & set(meta.column_names)


def test_not_asked_and_not_answered_have_their_own_codes(sav: tuple[pl.DataFrame, Any]) -> None:
    frame, _ = sav
    rows = {r["record_id"]: r for r in frame.iter_rows(named=True)}
    for record in RECORDS:
        row, answers = rows[record["record_id"]], record["answers"]
        if record["audience"] == "supplier":
            assert row["council_type"] == -1  # a council question
            assert row["q9__services_digital"] == -1
        elif "services_digital" not in answers.get("q9", {}):
            assert row["q9__services_digital"] == -2
        if record["audience"] == "council" and "q8" not in answers:
            assert row["q8"] == -2
        q10_yes = answers.get("q10") == "yes"
        expected = answers.get("q10_amount", -2 if q10_yes else -1)
        assert row["q10_amount"] == expected, record["record_id"]


def test_spss_notes_name_the_questionnaire_and_the_data(sav: tuple[pl.DataFrame, Any]) -> None:
    import hashlib

    _, meta = sav
    notes = "\n".join(meta.notes)
    assert hashlib.sha256(BUNDLED.read_bytes()).hexdigest() in notes
    assert "questionnaire sha256:" in notes and "-1 = Not asked; -2 = Not answered" in notes


def test_stata_file_has_value_labels_and_a_file_label(tmp_path: Path) -> None:
    long = dict(RECORDS[0])
    long["answers"] = dict(long["answers"], q5_other="x" * 3000)  # longer than a Stata str
    data = tmp_path / "answers.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in [long, *RECORDS[1:]]) + "\n")
    result = run(data, "-o", tmp_path / "survey.dta")
    assert result.exit_code == 0, result.output
    frame, meta = pyreadstat.read_dta(tmp_path / "survey.dta", output_format="polars")
    assert frame.height == 200
    assert meta.variable_value_labels["q8"][1] == "Yes"
    assert meta.file_label.startswith("q ")
    assert frame["q5_other"][0] == "x" * 3000


def test_xlsx_has_data_variables_and_notes_sheets(tmp_path: Path) -> None:
    result = run("-o", tmp_path / "survey.xlsx")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "survey.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
    for sheet in ("data", "variables", "notes"):
        assert f'name="{sheet}"' in workbook


def test_csv_and_parquet_hold_the_answer_codes(tmp_path: Path) -> None:
    assert run("-o", tmp_path / "s.csv").exit_code == 0
    assert run("-o", tmp_path / "s.parquet").exit_code == 0
    csv = pl.read_csv(tmp_path / "s.csv")
    parquet = pl.read_parquet(tmp_path / "s.parquet")
    assert csv.height == parquet.height == 200
    assert set(csv["q8"].drop_nulls()) <= {"yes", "intend", "no_intention"}
    assert parquet.schema["q8"] == pl.Enum(["yes", "intend", "no_intention"])


def test_personal_answers_only_with_personal_and_only_apart(tmp_path: Path) -> None:
    result = run("-o", tmp_path / "s.csv", "--personal", PERSONAL)
    assert result.exit_code == 0, result.output
    name = json.loads(PERSONAL.read_text().splitlines()[0])["answers"]["q1_name"]
    assert name not in (tmp_path / "s.csv").read_text()
    personal = pl.read_csv(tmp_path / "s-personal.csv")
    assert personal.height == 200 and name in personal["q1_name"].to_list()


def test_encrypted_personal_answers_are_refused_not_exported_empty(tmp_path: Path) -> None:
    from localdigital_tui.core.encryption.keys import new_key_pair
    from localdigital_tui.core.encryption.personal_lines import sealed_personal_record
    from localdigital_tui.core.encryption.sealed_answers import AnswerSealer
    from localdigital_tui.core.records.model import PersonalRecord, dump_line

    sealer = AnswerSealer.from_file(new_key_pair(tmp_path / "organiser").recipient)
    lines = PERSONAL.read_text().splitlines()
    first = PersonalRecord.model_validate_json(lines[0])
    sealed = dump_line(sealed_personal_record(first, sealer, {}))
    encrypted = tmp_path / "personal.jsonl"
    encrypted.write_text("\n".join([sealed, *lines[1:]]) + "\n")

    result = run("-o", tmp_path / "s.csv", "--personal", encrypted)

    assert result.exit_code == 1
    assert f"error: {encrypted}: the personal answers of 1 exported records are encrypted" in (
        result.stderr
    )
    assert "localdigital decrypt" in result.stderr
    assert not (tmp_path / "s-personal.csv").exists()


def test_bad_requests_are_refused(tmp_path: Path) -> None:
    assert run("-o", tmp_path / "s.txt").exit_code == 2
    copy = tmp_path / "in.jsonl"
    copy.write_bytes(BUNDLED.read_bytes())
    refused = run(copy, "-o", copy, "--format", "csv")
    assert refused.exit_code == 1 and "is also an input" in refused.stderr
    assert copy.read_bytes() == BUNDLED.read_bytes()


def test_every_variable_and_value_label_and_missing_code_reads_back(
    loaded: LoadedQuestionnaire, sav: tuple[pl.DataFrame, Any], tmp_path: Path
) -> None:
    variables = codebook(loaded.questionnaire)
    _, meta = sav
    assert meta.column_names == [v.name for v in variables]
    assert meta.column_names_to_labels == {v.name: v.label for v in variables}
    coded = [v for v in variables if v.kind in (Kind.CHOICE, Kind.NUMBER)]
    assert {n: dict(lab) for n, lab in meta.variable_value_labels.items()} == {
        v.name: v.value_labels for v in coded if v.value_labels
    }
    answers = [v.name for v in coded if v.question is not None]
    assert sorted(meta.missing_ranges) == sorted(answers)
    assert run("-o", tmp_path / "s.dta").exit_code == 0
    _, stata = pyreadstat.read_dta(tmp_path / "s.dta", output_format="polars")
    assert stata.column_names_to_labels == {
        v.name: v.label[:77] + "..." if len(v.label) > 80 else v.label for v in variables
    }
    assert {stata.variable_to_label[n] for n in answers} <= set(stata.value_labels)
    assert run("-o", tmp_path / "s.xlsx").exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "s.xlsx")
    assert book.sheetnames == ["data", "variables", "notes"]
    assert book["data"].max_row == 201


def test_the_order_the_files_are_given_in_changes_nothing(tmp_path: Path) -> None:
    lines = BUNDLED.read_bytes().splitlines(keepends=True)
    (tmp_path / "a.jsonl").write_bytes(b"".join(lines[:120]))
    (tmp_path / "b.jsonl").write_bytes(b"".join(lines[100:]))  # 20 records in both
    for name, order in (("ab", ("a", "b")), ("ba", ("b", "a"))):
        result = run(*(tmp_path / f"{x}.jsonl" for x in order), "-o", tmp_path / f"{name}.csv")
        assert result.exit_code == 0, result.output
    assert (tmp_path / "ab.csv").read_bytes() == (tmp_path / "ba.csv").read_bytes()
    assert pl.read_csv(tmp_path / "ab.csv").height == 200
