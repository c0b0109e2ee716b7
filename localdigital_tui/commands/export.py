"""``localdigital export``: records to a labelled SPSS, Stata, Excel, CSV or Parquet file."""

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

FORMATS = ("sav", "dta", "xlsx", "csv", "parquet")


@click.command()
@click.argument("data", nargs=-1, type=PathType(exists=True))
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
    help="File format (default: from the output's suffix).",
)  # fmt: skip
@click.option(
    "-o", "--output", type=PathType(dir_okay=False), required=True, help="The file to write."
)
@click.option("--include-partial", is_flag=True, help="Export drafts too (status partial).")
@click.option(
    "--personal",
    "personal_file",
    type=PathType(exists=True, dir_okay=False),
    default=None,
    help="Also export this personal file's answers of the exported records, to a file of "
    "their own: OUTPUT's name with -personal before the suffix.",
)
@questionnaire_option
def export(
    data: tuple[Path, ...],
    fmt: str | None,
    output: Path,
    include_partial: bool,
    personal_file: Path | None,
    questionnaire_file: Path | None,
) -> None:
    """Export records for SPSS (.sav), Stata (.dta), Excel (.xlsx), CSV or Parquet;
    with no DATA, the bundled 2013 data.

    One row per complete record, one column per answer (q5__flexible_working),
    with variable labels (the question or row text), value labels (choices as
    1, 2, ... in questionnaire order) and two missing codes: -1 not asked, -2
    asked and not answered. The questionnaire's and the data's sha256 go in the
    file's notes. Personal answers are never in it (see --personal).

    \b
    Examples:
      localdigital export -o survey.sav
      localdigital export merged/merged.jsonl -o survey.dta
      localdigital export merged/ -o survey.xlsx --personal merged/personal.jsonl
    """
    from localdigital_tui.core.export.export import export_personal, export_records
    from localdigital_tui.core.files.durable import make_folder
    from localdigital_tui.core.files.outputs import refuse_overwriting
    from localdigital_tui.core.questionnaire.bundled import data_path
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.records.input_files import PARQUET_SUFFIXES
    from localdigital_tui.core.records.kinds import FileKind
    from localdigital_tui.core.tables.frame import input_files

    chosen = fmt or output.suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise click.BadParameter(
            f"{output}: name it .sav, .dta, .xlsx, .csv or .parquet, or give --format",
            param_hint="--output",
        )
    loaded = load_questionnaire(questionnaire_or_bundled(questionnaire_file))
    files = input_files(list(data) or [data_path("responses.jsonl")])
    personal_out = output.with_name(f"{output.stem}-personal{output.suffix}")
    for target in (output, personal_out):
        refuse_overwriting(target, [*files, *([personal_file] if personal_file else [])])
    checks = [(p, FileKind.RESPONSES) for p in files if p.suffix not in PARQUET_SUFFIXES]
    checks += [(personal_file, FileKind.PERSONAL)] if personal_file else []
    require_valid(loaded, checks, not_done="not exported")
    make_folder(output.parent)
    report = export_records(files, loaded, chosen, output, include_partial)
    if report.copies:
        click.echo(f"note: {report.copies} identical copies of records counted once", err=True)
    click.echo(f"{output}: {report.records} records, {report.variables} variables ({chosen})")
    if report.partial_left_out:
        click.echo(f"  {report.partial_left_out} partial records left out (--include-partial)")
    for source, name in report.renamed:
        click.echo(f"  column {source} is named {name}")
    if personal_file is not None:
        count = export_personal(personal_file, report.record_ids, loaded, chosen, personal_out)
        click.echo(f"{personal_out}: personal answers of {count} records (keep it apart)")
