"""The README's two set-up commands exist, and .ci/run runs the README's test command."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    return [
        line.strip()
        for block in blocks[:2]
        for line in block.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def test_readme_opens_with_an_install_and_run_and_an_install_and_test_command() -> None:
    run, test = readme_commands()
    assert "pip install -e ." in run and "localdigital " in run
    assert 'pip install -e ".[dev]"' in test and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    _, test = readme_commands()
    test_command = test.split("&&")[-1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    assert 'pip install --quiet -e ".[dev]"' in ci
