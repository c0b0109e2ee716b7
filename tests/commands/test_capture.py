"""``localdigital capture``: one capture per output directory; plain mode through the CLI."""

from __future__ import annotations

import os
import re
from pathlib import Path

from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.capture.output_lock import OutputLock


def test_a_second_capture_on_the_same_output_is_refused_naming_the_first(tmp_path: Path) -> None:
    out = tmp_path / "capture"
    with OutputLock(out, interviewer="bea"):
        result = CliRunner().invoke(
            cli, ["capture", "--interviewer", "ann", "--out", str(out), "--plain"], input=""
        )
    assert result.exit_code == 1
    assert f"pid {os.getpid()}" in result.output
    assert "interviewer bea" in result.output
    assert not list(out.glob("responses-*")), "the refused capture wrote nothing"


def test_plain_capture_runs_through_the_command_and_reports_the_day_file(tmp_path: Path) -> None:
    out = tmp_path / "capture"
    start_menu_quit = "2\n"  # 1 New interview, 2 Quit (no drafts yet)
    result = CliRunner().invoke(
        cli,
        ["capture", "--interviewer", "ann", "--out", str(out), "--device", "laptop-3", "--plain"],
        input=start_menu_quit,
    )
    assert result.exit_code == 0, result.output
    assert re.search(
        r"0 interviews submitted today in .*responses-laptop-3-\d{4}-\d\d-\d\d\.jsonl",
        result.output,
    ), result.output
    assert (out / "drafts").is_dir()


def test_capture_needs_an_interviewer() -> None:
    result = CliRunner().invoke(cli, ["capture"])
    assert result.exit_code == 2
    assert "--interviewer" in result.output


def test_an_output_folder_under_a_file_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x\n")
    out = tmp_path / "a-file/capture"
    result = CliRunner().invoke(
        cli, ["capture", "--interviewer", "ann", "--out", str(out), "--plain"], input=""
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {tmp_path}/a-file: not a folder (a file of that name is in the way)\n"
    )


def test_without_a_terminal_capture_falls_back_to_plain_prompts_and_never_hangs(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    for env in ({}, {"TERM": "dumb"}):
        done = subprocess.run(
            [sys.executable, "-m", "localdigital_tui", "capture", "--interviewer", "ann",
             "--out", str(tmp_path / f"out{len(env)}")],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
            env={**os.environ, **env},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "no terminal here" in done.stderr and "using the plain prompts" in done.stderr
        assert "Goodbye." in done.stdout
