"""``localdigital convert``: answers files to one Parquet file for large-scale tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import (
    PathType,
    questionnaire_option,
    questionnaire_or_bundled,
    stop_if_invalid,
)

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=PathType(exists=True))
@click.option(
    "-o", "--output", type=PathType(), required=True,
    help="The Parquet file to write (NAME.parquet), or a folder of Parquet parts (a dataset).",
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
    """Convert answers files (.jsonl, or directories of them) to Parquet: one file, or a
    folder of parts when OUTPUT does not end in .parquet.

    The columns are fixed by the questionnaire, so any set of files converts to
    the same schema: q8, q5__flexible_working, q10_amount, timings__q5 ... (see
    docs/record-format.md, "Parquet"); answers are Enums in questionnaire order.
    Personal files are never converted. Every line is validated as it is
    converted; any bad line stops the conversion and nothing is written.

    \b
    Example:
      localdigital convert data/ -o responses.parquet
      localdigital tables responses.parquet
    """
    from localdigital_tui.commands.progress import progress_bar, size_of
    from localdigital_tui.core.export.convert import convert as write_parquet
    from localdigital_tui.core.export.parquet import answers_files
    from localdigital_tui.core.questionnaire.loader import load_questionnaire

    loaded = load_questionnaire(questionnaire_or_bundled(questionnaire_file))
    files = answers_files(inputs)
    with progress_bar(size_of(files), "converting") as advance:
        result = write_parquet(
            files, output, loaded, overwrite=force, validate=not no_validate, progress=advance
        )
    stop_if_invalid(result.summaries, not_done="not converted")
    click.echo(f"{output}: {result.records} records from {len(files)} file(s)")
