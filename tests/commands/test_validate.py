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
