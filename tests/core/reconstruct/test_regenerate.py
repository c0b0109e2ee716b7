"""Regeneration is byte-identical, and a target it cannot meet is named and fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from localdigital_tui.core.reconstruct.__main__ import main, regenerate

ROOT = Path(__file__).resolve().parents[3]


def test_regeneration_gives_identical_bytes(tmp_path: Path) -> None:
    matched, slipped, total = regenerate(ROOT, tmp_path)
    assert matched + slipped == total
    for name in ("responses.jsonl", "personal.jsonl"):
        assert (tmp_path / name).read_bytes() == (ROOT / "data" / name).read_bytes(), name


def _project_copy(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "questionnaire.yaml", tmp_path / "questionnaire.yaml")
    for name in ("targets.csv", "slips.csv"):
        shutil.copy(ROOT / "data" / name, tmp_path / "data" / name)
    return tmp_path


def test_a_slip_taken_off_the_list_fails_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project_copy(tmp_path)
    slips = root / "data" / "slips.csv"
    lines = slips.read_text(encoding="utf-8").splitlines(keepends=True)
    slips.write_text(
        "".join(line for line in lines if ",supplier,q5,cost_effective," not in line),
        encoding="utf-8",
    )
    assert main(["--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "5.1 supplier q5/cost_effective net_agree = 91.0" in err
    assert not (root / "data" / "responses.jsonl").exists()


def test_a_figure_the_data_misses_fails_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project_copy(tmp_path)
    with (root / "data" / "targets.csv").open("a", encoding="utf-8") as handle:
        handle.write("5.5,council,q9,services_digital,max,96,prose,an invented figure\n")
    assert main(["--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "5.5 council q9/services_digital max = 96: computed 95 (mismatch)" in err


def test_reconstruction_imports_no_user_interface() -> None:
    code = (
        "import sys, localdigital_tui.core.reconstruct.__main__;"
        "bad = [m for m in ('textual', 'questionary', 'click') if m in sys.modules];"
        "print(', '.join(bad), file=sys.stderr); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
