"""``localdigital convert``: answers files to one Parquet file for large-scale tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import (
    PathType,
    questionnaire_option,
    questionnaire_or_bundled,
    require_valid,
)

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=PathType(exists=True))
@click.option(
    "-o", "--output", type=PathType(dir_okay=False), required=True,
    help="The Parquet file to write.",
)  # fmt: skip
@click.option(
    "--no-validate",
    is_flag=True,
    help="Skip validating the inputs first (only for files already validated).",
)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@questionnaire_option
def convert(
    inputs: tuple[Path, ...],
    output: Path,
    no_validate: bool,
    force: bool,
    questionnaire_file: Path | None,
) -> None:
    """Convert answers files (.jsonl, or directories of them) to one Parquet file.

    The columns are fixed by the questionnaire, so any set of files converts to
    the same schema: q8, q5__flexible_working, q10_amount, timings__q5 ... (see
    docs/record-format.md, "Parquet"). Personal files are never converted. The
    inputs are validated first; any bad line stops the conversion.

    \b
    Example:
      localdigital convert data/ -o responses.parquet
      localdigital tables responses.parquet
    """
    from localdigital_tui.core.export.parquet import answers_files
    from localdigital_tui.core.export.parquet import convert as write_parquet
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.records.kinds import FileKind

    loaded = load_questionnaire(questionnaire_or_bundled(questionnaire_file))
    files = answers_files(inputs)
    if not no_validate:
        require_valid(loaded, [(p, FileKind.RESPONSES) for p in files], not_done="not converted")
    records = write_parquet(files, output, loaded, overwrite=force)
    click.echo(f"{output}: {records} records from {len(files)} file(s)")
