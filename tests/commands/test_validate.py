"""``localdigital validate`` through click's test runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from tests.conftest import QUESTIONNAIRE
from tests.records_factory import complete_line


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_valid_questionnaire_prints_a_summary() -> None:
    code, out = run("validate", str(QUESTIONNAIRE))
    assert code == 0
    assert "valid questionnaire 'local-digital-today-2013'" in out
    assert "grid rows:       55" in out
    assert "audiences:       council, supplier" in out
    assert "personal fields: q1_name, q2_job_title, q3_organisation" in out


def test_duplicate_code_reports_its_line(tmp_path: Path, questionnaire_text: str) -> None:
    lines = questionnaire_text.splitlines(keepends=True)
    target = next(i for i, line in enumerate(lines) if line.startswith("  - code: q6\n"))
    lines[target] = "  - code: q5\n"
    broken = tmp_path / "broken.yaml"
    broken.write_text("".join(lines), encoding="utf-8")
    code, out = run("validate", str(broken))
    assert code == 1
    assert f"{broken}:{target + 1}:5: questions[8].code" in out
    assert "duplicate question code 'q5'" in out


def test_jsonl_with_a_truncated_line_reports_it_and_counts_the_rest(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    lines = [json.dumps(complete_line(loaded, seed=i)) for i in range(4)]
    lines[2] = lines[2][:100]
    path = tmp_path / "responses.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 1
    assert f"{path}:3: line: not valid JSON" in out
    assert "3 valid responses lines, 1 bad lines" in out


def test_clean_jsonl_exits_zero(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    path = tmp_path / "responses.jsonl"
    path.write_text(json.dumps(complete_line(loaded)) + "\n", encoding="utf-8")
    code, out = run("validate", str(path), "--questionnaire", str(QUESTIONNAIRE))
    assert code == 0
    assert "ok: 1 valid responses lines, 0 bad lines" in out


def test_missing_file_is_a_usage_error() -> None:
    code, out = run("validate", "no/such/file.jsonl")
    assert code == 2
    assert "does not exist" in out


BUNDLED = QUESTIONNAIRE.parent / "data"


def test_files_joined_with_cat_validate_as_merge_reads_them(tmp_path: Path) -> None:
    # a byte order mark at the start of the second file's first line, and both kinds
    responses = (BUNDLED / "responses.jsonl").read_bytes()
    personal = (BUNDLED / "personal.jsonl").read_bytes()
    joined = tmp_path / "joined.jsonl"
    joined.write_bytes(responses + b"\xef\xbb\xbf" + personal)
    code, out = run("validate", str(joined))
    assert code == 0, out
    assert out == f"{joined}: ok: 400 valid lines (200 responses, 200 personal), 0 bad lines\n"


def test_what_is_not_a_record_is_called_so_and_never_personal(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text('{"x": 1}\n[1, 2]\n')
    (tmp_path / "random.bin").write_bytes(bytes(range(256)) * 4)
    code, out = run("validate", str(tmp_path / "x.jsonl"), str(tmp_path / "random.bin"))
    assert code == 1
    assert f"{tmp_path}/x.jsonl:1: line: not a record: none of a record's fields" in out
    assert f"{tmp_path}/x.jsonl:2: line: not a JSON object" in out
    assert f"{tmp_path}/random.bin:1: line: contains NUL bytes" in out
    assert "personal" not in out


def test_a_parquet_file_is_named_as_one(tmp_path: Path) -> None:
    parquet = tmp_path / "r.parquet"
    converted = CliRunner().invoke(
        cli, ["convert", str(BUNDLED / "responses.jsonl"), "-o", str(parquet)]
    )
    assert converted.exit_code == 0, converted.output
    result = CliRunner().invoke(cli, ["validate", str(parquet), str(BUNDLED / "responses.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {parquet}: a Parquet file, not JSON Lines")
    assert "responses.jsonl: ok: 200 valid responses lines" in result.stdout


def test_max_problems_must_not_be_negative() -> None:
    code, out = run("validate", str(BUNDLED / "responses.jsonl"), "--max-problems", "-1")
    assert code == 2 and "-1 is not in the range x>=0" in out
