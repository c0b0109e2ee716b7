"""``localdigital xlsform export`` and ``import`` driven as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from localdigital_tui.cli import cli
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from tests.conftest import QUESTIONNAIRE
from tests.xlsform_forms import AUDIENCE_CHOICES, AUDIENCE_ROW, LABEL, write_form


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["xlsform", *map(str, args)])


def test_export_then_import_gives_the_same_questionnaire(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    exported = run("export", QUESTIONNAIRE, "-o", tmp_path / "form.xlsx")
    assert exported.exit_code == 0, exported.output
    assert exported.stderr == (
        f"{tmp_path / 'form.xlsx'}: XLSForm of local-digital-today-2013 version 1.0.0: "
        "21 questions in 159 survey rows, 12 choice lists\n"
    )
    back = run("import", tmp_path / "form.xlsx", "-o", tmp_path / "back" / "questionnaire.yaml")
    assert back.exit_code == 0, back.output
    assert back.stderr == (
        f"{tmp_path / 'back' / 'questionnaire.yaml'}: questionnaire local-digital-today-2013 "
        "version 1.0.0: 21 questions\n"
    )
    again = load_questionnaire(tmp_path / "back" / "questionnaire.yaml")
    assert again.questionnaire == loaded.questionnaire


def test_export_without_a_questionnaire_writes_the_bundled_one(tmp_path: Path) -> None:
    assert run("export", "-o", tmp_path / "form.xlsx").exit_code == 0
    assert (tmp_path / "form.xlsx").read_bytes()[:2] == b"PK"


def test_an_output_that_is_the_input_is_refused(tmp_path: Path) -> None:
    form = tmp_path / "form.xlsx"
    assert run("export", "-o", form).exit_code == 0
    before = form.read_bytes()
    result = run("import", form, "-o", form)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {form}: is also an input ({form}); inputs are never replaced: write elsewhere\n"
    )
    assert form.read_bytes() == before
    (tmp_path / "q.xlsx").write_bytes(QUESTIONNAIRE.read_bytes())  # a questionnaire named .xlsx
    result = run("export", tmp_path / "q.xlsx", "-o", tmp_path / "q.xlsx")
    assert result.exit_code == 1 and "is also an input" in result.stderr


def test_a_missing_file_is_exit_1_naming_it(tmp_path: Path) -> None:
    result = run("import", tmp_path / "none.xlsx", "-o", tmp_path / "q.yaml")
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'none.xlsx'}: No such file or directory\n"
    result = run("export", tmp_path / "none.yaml", "-o", tmp_path / "f.xlsx")
    assert result.exit_code == 1 and "none.yaml: No such file or directory" in result.stderr
    assert not (tmp_path / "q.yaml").exists() and not (tmp_path / "f.xlsx").exists()


def test_a_file_that_is_not_a_workbook_is_exit_1_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "form.xlsx"
    bad.write_text("type,name,label\ntext,why,Why?\n")
    result = run("import", bad, "-o", tmp_path / "q.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{bad}: cannot be read: not an .xlsx workbook (BadZipFile: File is not a zip file); "
        "save it as .xlsx",
        f"{bad}: not an XLSForm workbook",
    ]
    assert not (tmp_path / "q.yaml").exists()


def test_unmappable_rows_are_warnings_and_the_rest_is_written(tmp_path: Path) -> None:
    form = write_form(tmp_path / "form.xlsx", [
        AUDIENCE_ROW,
        {"type": "geopoint", "name": "where", LABEL: "Where?"},
        {"type": "select_one colours", "name": "colour", LABEL: "Colour?"},
        {"type": "text", "name": "why", LABEL: "Why?", "relevant": "${where} = 'x'"},
    ], AUDIENCE_CHOICES)  # fmt: skip
    result = run("import", form, "-o", tmp_path / "q.yaml")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"warning: {form}: sheet survey, row 3, column type: unknown question type 'geopoint' "
        "(the questionnaire maps text, integer, decimal, select_one, note, begin group, end "
        "group); left out"
    )
    assert lines[1].startswith(f"warning: {form}: sheet survey, row 4, column type: list")
    assert lines[2].startswith(f"warning: {form}: sheet survey, row 5, column relevant: ${{where}}")
    assert lines[3] == (
        f"{tmp_path / 'q.yaml'}: questionnaire hand_made version 1: 1 question; 3 things not "
        "carried over (listed above)"
    )
    assert [q.code for q in load_questionnaire(tmp_path / "q.yaml").questionnaire.questions] == [
        "why"
    ]


def test_nothing_usable_is_exit_1_with_every_problem(tmp_path: Path) -> None:
    form = write_form(tmp_path / "form.xlsx", [{"type": "geopoint", "name": "where"}])
    result = run("import", form, "-o", tmp_path / "q.yaml")
    assert result.exit_code == 1
    assert "sheet survey, row 2, column type: unknown question type" in result.stderr
    assert result.stderr.splitlines()[-1] == f"{form}: no question in it could be mapped"
    assert not (tmp_path / "q.yaml").exists()


def test_a_broken_questionnaire_is_not_exported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(QUESTIONNAIRE.read_text().replace("code: q6\n", "code: q5\n"))
    result = run("export", broken, "-o", tmp_path / "form.xlsx")
    assert result.exit_code == 1
    assert "duplicate question code 'q5'" in result.stderr
    assert not (tmp_path / "form.xlsx").exists()


@pytest.mark.parametrize("output", ["form.xls", "form.csv"])
def test_export_wants_an_xlsx_name(tmp_path: Path, output: str) -> None:
    result = run("export", "-o", tmp_path / output)
    assert result.exit_code == 2 and "an XLSForm is an .xlsx file" in result.stderr


@pytest.mark.slow
def test_the_installed_command_round_trips(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "localdigital_tui", "xlsform"]
    subprocess.run([*command, "export", "-o", tmp_path / "f.xlsx"], check=True)
    done = subprocess.run(
        [*command, "import", tmp_path / "f.xlsx", "-o", tmp_path / "q.yaml"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert load_questionnaire(tmp_path / "q.yaml").questionnaire == (
        load_questionnaire(QUESTIONNAIRE).questionnaire
    )
