"""The CLI starts light and python -m works; core imports no UI or CLI framework."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from localdigital_tui.cli import COMMANDS, cli

HEAVY = ["textual", "polars", "questionary", "pydantic", "pandas"]


def loaded_modules(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {name.split(".")[0] for name in json.loads(out.splitlines()[-1])}


def test_help_loads_no_heavy_library() -> None:
    modules = loaded_modules(
        "import sys\nsys.argv = ['localdigital', '--help']\n"
        "from localdigital_tui.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert "click" in modules
    assert not modules & set(HEAVY), modules & set(HEAVY)


def test_core_imports_no_front_end_or_cli_framework() -> None:
    modules = loaded_modules(
        "import importlib, pkgutil, localdigital_tui.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'localdigital_tui.core.'):\n"
        "    importlib.import_module(m.name)"
    )
    assert "pydantic" in modules
    assert not modules & {"textual", "questionary", "click", "typer", "rich", "prompt_toolkit"}


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "localdigital_tui", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("localdigital, version ")


def test_every_registered_command_has_help_with_an_example() -> None:
    for name in COMMANDS:
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, name
