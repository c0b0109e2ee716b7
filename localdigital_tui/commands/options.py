"""Options and parameter types shared by several commands."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # imported when a value is converted: `--help` needs no pathlib (~4 ms)
    from pathlib import Path


class PathType(click.Path):
    """``click.Path(path_type=pathlib.Path)`` that imports pathlib only to convert a value.

    The checks (exists, file or directory, readable...) and their messages are
    click.Path's own; the value it accepts becomes a ``pathlib.Path``.
    """

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        from pathlib import Path

        return Path(os.fsdecode(super().convert(value, param, ctx)))


questionnaire_option = click.option(
    "--questionnaire",
    "-q",
    "questionnaire_file",
    type=PathType(exists=True, dir_okay=False),
    default=None,
    help="Questionnaire YAML file (default: the bundled questionnaire.yaml).",
)


def questionnaire_or_bundled(path: Path | None) -> Path:
    from localdigital_tui.core.questionnaire.bundled import questionnaire_path

    return path if path is not None else questionnaire_path()
