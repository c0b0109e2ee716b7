"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

questionnaire_option = click.option(
    "--questionnaire",
    "-q",
    "questionnaire_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Questionnaire YAML file (default: the bundled questionnaire.yaml).",
)


def questionnaire_or_bundled(path: Path | None) -> Path:
    from localdigital_tui.core.bundled import questionnaire_path

    return path if path is not None else questionnaire_path()
