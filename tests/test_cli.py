"""The CLI starts light and python -m works; core imports no UI or CLI framework."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from localdigital_tui.cli import COMMANDS, cli, help_width

HEAVY = ["textual", "polars", "questionary", "pydantic", "pandas"]


def loaded_modules(code: str, *, top_level: bool = True) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    names = json.loads(out.splitlines()[-1])
    return {name.split(".")[0] for name in names} if top_level else set(names)


def run_module(*args: str, env: dict[str, str] | None = None) -> str:
    """What ``python -m localdigital_tui ARGS`` prints (it must exit 0)."""
    command = [sys.executable, "-m", "localdigital_tui", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout


def modules_after_cli(*args: str, top_level: bool = True) -> set[str]:
    return loaded_modules(
        f"import sys\nsys.argv = ['localdigital', *{list(args)!r}]\n"
        "from localdigital_tui.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass",
        top_level=top_level,
    )


@pytest.mark.parametrize("args", [["--help"], ["tables", "--help"], ["simulate", "--help"]])
def test_help_loads_no_heavy_library(args: list[str]) -> None:
    modules = modules_after_cli(*args)
    assert "click" in modules
    assert not modules & set(HEAVY), modules & set(HEAVY)


def test_help_lists_commands_without_importing_them() -> None:
    modules = modules_after_cli("--help", top_level=False)
    assert "localdigital_tui.cli" in modules
    assert not {m for m in modules if m.startswith("localdigital_tui.commands")}


def test_command_help_imports_that_command_only() -> None:
    modules = modules_after_cli("tables", "--help", top_level=False)
    commands = {m for m in modules if m.startswith("localdigital_tui.commands.")}
    assert commands == {"localdigital_tui.commands.tables", "localdigital_tui.commands.options"}


@pytest.mark.parametrize("width", [50, 60, 78, 100, 200])
def test_command_listing_is_what_each_commands_own_help_gives(width: int) -> None:
    """The summaries in COMMANDS list exactly what click makes from each command's help."""
    ctx = click.Context(cli, info_name="localdigital")
    from_summaries = click.HelpFormatter(width=width)
    cli.format_commands(ctx, from_summaries)
    from_commands = click.HelpFormatter(width=width)
    click.Group.format_commands(cli, ctx, from_commands)  # imports every command module
    assert from_summaries.getvalue() == from_commands.getvalue()
    assert all(name in from_summaries.getvalue() for name in COMMANDS)


@pytest.mark.parametrize("columns", [None, "40", "60", "100", "200", "0", "wide"])
@pytest.mark.parametrize("max_width", [None, 60, 120])
def test_help_width_is_the_one_click_picks(
    columns: str | None, max_width: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(click.formatting, "FORCED_WIDTH", None)
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert help_width(max_width) == click.HelpFormatter(max_width=max_width).width


def test_help_is_wrapped_to_columns() -> None:
    lines = run_module("--help", env={**os.environ, "COLUMNS": "60"}).splitlines()
    assert "  tables    Print the report's tables from answers..." in lines
    assert max(len(line) for line in lines if not line.startswith("    localdigital")) <= 58


def test_core_imports_no_front_end_or_cli_framework() -> None:
    modules = loaded_modules(
        "import importlib, pkgutil, localdigital_tui.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'localdigital_tui.core.'):\n"
        "    importlib.import_module(m.name)"
    )
    assert "pydantic" in modules
    assert not modules & {"textual", "questionary", "click", "typer", "rich", "prompt_toolkit"}


def test_python_dash_m_runs_the_cli() -> None:
    assert run_module("--version").startswith("localdigital, version ")


def test_every_registered_command_has_help_with_an_example() -> None:
    for name in COMMANDS:
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, name
