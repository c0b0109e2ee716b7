"""PathType: click.Path's checks and messages, values as pathlib.Path (defaults too)."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from localdigital_tui.commands.options import PathType


@click.command()
@click.argument("source", type=PathType(exists=True, dir_okay=False))
@click.option("--out", type=PathType(file_okay=False), default="capture")
def report_types(source: Path, out: Path) -> None:
    click.echo(f"{type(source).__name__} {source}")
    click.echo(f"{type(out).__name__} {out}")


def test_values_and_default_are_pathlib_paths(tmp_path: Path) -> None:
    source = tmp_path / "answers.jsonl"
    source.write_text("")
    result = CliRunner().invoke(report_types, [str(source)])
    assert result.exit_code == 0, result.output
    kind = type(Path()).__name__
    assert result.output == f"{kind} {source}\n{kind} capture\n"


def test_click_path_checks_still_apply(tmp_path: Path) -> None:
    missing = CliRunner().invoke(report_types, [str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    directory = CliRunner().invoke(report_types, [str(tmp_path)])
    assert directory.exit_code == 2
    assert "is a directory" in directory.output
    a_file = tmp_path / "answers.jsonl"
    a_file.write_text("")
    not_a_dir = CliRunner().invoke(report_types, [str(a_file), "--out", str(a_file)])
    assert not_a_dir.exit_code == 2
    assert "is a file" in not_a_dir.output
