"""--language and --allow-missing-translations on show, tables, capture and validate."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from localdigital_tui.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_language_with_untranslated_texts_is_refused_naming_each(tmp_path: Path) -> None:
    code, out, err = run("show", "--language", "cy")
    assert code == 1 and out == ""
    assert "questionnaire.yaml:" in err and "text has no cy translation" in err
    assert "--allow-missing-translations shows them in the default language" in err
    code, out, err = run("show", "--language", "cy", "--allow-missing-translations")
    assert code == 0
    assert "POB ATEB YN DDIENW" in out and "Arweinyddiaeth ddigidol yn fy sefydliad" in out
    assert "Do you agree or disagree" in out  # Q5 is not translated: shown in English
    assert "warning:" in err and "shown in en" in err
    code, _, err = run("show", "--language", "fr")
    assert code == 1 and "no language 'fr'" in err and "Traceback" not in err
    code, _, err = run("show", "--allow-missing-translations")
    assert code == 2 and "goes with --language" in err


def test_validate_lists_the_gaps_as_warnings() -> None:
    code, out, _ = run("validate", "questionnaire.yaml")
    assert code == 0
    assert "languages:       en (default), cy (" in out
    assert "warning: questionnaire.yaml:" in out and "text has no cy translation" in out


def test_tables_in_welsh_have_the_same_figures_and_welsh_labels() -> None:
    code, english, _ = run("tables", "-t", "5.2", "-f", "tidy")
    assert code == 0
    code, welsh, _ = run(
        "tables", "-t", "5.2", "-f", "tidy", "--language", "cy", "--allow-missing-translations"
    )
    assert code == 0
    en_rows = list(csv.DictReader(io.StringIO(english)))
    cy_rows = list(csv.DictReader(io.StringIO(welsh)))
    figures = ("count", "base", "percent")
    assert [[r[k] for k in figures] for r in en_rows] == [[r[k] for k in figures] for r in cy_rows]
    assert {r["column"] for r in cy_rows} == {"Ddim yn Bwysig", "Niwtral", "Pwysig"}
    assert any(r["row"].startswith("Arweinyddiaeth") for r in cy_rows)


def test_plain_capture_in_welsh_records_the_language_of_each_answer(tmp_path: Path) -> None:
    out = tmp_path / "capture"
    answers = "1\n1\n7\n\n\n\n1\n"  # new interview, council, Welsh unitary, Q1-Q3 blank, role
    result = subprocess.run(
        [sys.executable, "-m", "localdigital_tui", "capture", "--plain", "--interviewer", "ann",
         "--out", str(out), "--language", "cy", "--allow-missing-translations"],
        input=answers, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "Math o ymatebydd" in result.stdout, result.stdout[-2000:]
    draft = json.loads(next((out / "drafts").glob("*.json")).read_text(encoding="utf-8"))
    assert draft["answers"]["council_type"] == "welsh_unitary"
    assert set(draft["languages"].values()) == {"cy"}
