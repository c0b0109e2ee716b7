"""The one progress bar: drawn for a terminal only, by every command that reads a lot."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.commands import progress
from localdigital_tui.commands.progress import progress_bar


class Terminal:
    def isatty(self) -> bool:
        return True


def test_a_bar_only_for_a_terminal_and_never_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert not progress.wanted()  # pytest's stderr is no terminal
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert progress.wanted()
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted()
    with progress_bar(100, "x") as advance:
        assert advance is None


def test_the_bar_counts_what_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "wanted", lambda: True)
    shown: list[str] = []

    class Bar:
        def __init__(self, **options: object) -> None:
            self.show = options["item_show_func"]

        def __enter__(self) -> Bar:
            return self

        def __exit__(self, *args: object) -> None:
            return None

        def update(self, amount: int) -> None:
            shown.append(self.show(None))  # type: ignore[operator]

    monkeypatch.setattr(progress.click, "progressbar", Bar)
    with progress_bar(3 << 20, "reading") as advance:
        assert advance is not None
        advance(2 << 20)
    assert shown[0].startswith("2 MiB, ") and shown[0].endswith(" MiB/s")
    with progress_bar(10, "simulating", unit="records") as advance:
        assert advance is not None
        advance(4)
    assert shown[1].startswith("4 records, ") and shown[1].endswith("records/s")


def test_each_big_command_draws_the_bar_on_stderr(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(progress, "wanted", lambda: True)
    runner = CliRunner()
    sim = tmp_path / "sim.jsonl"
    result = runner.invoke(cli, ["simulate", "-n", "300", "-o", str(sim), "--no-personal"])
    assert result.exit_code == 0 and "simulating" in result.stderr
    commands = {
        "converting": ["convert", str(sim), "-o", str(tmp_path / "sim.parquet")],
        "validating sim.jsonl": ["validate", str(sim)],
        "reading": ["tables", str(sim), "-f", "tidy"],
        "merging": ["merge", str(sim), "-o", str(tmp_path / "merged" / "merged.jsonl")],
    }
    for label, args in commands.items():
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert label in result.stderr
    monkeypatch.setattr(progress, "wanted", lambda: False)
    quiet = runner.invoke(cli, ["validate", str(sim)])
    assert quiet.exit_code == 0 and "validating" not in quiet.stderr
