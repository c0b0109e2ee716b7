"""``localdigital report``: the report's tables and charts as one HTML file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import (
    PathType,
    questionnaire_option,
    questionnaire_or_bundled,
)

if TYPE_CHECKING:
    from pathlib import Path

BUNDLED_ABOUT = (
    "<p>The bundled data is a reconstruction consistent with the figures published in "
    "<cite>Local Digital Today</cite> (October 2013), not the original responses. Each "
    "table lists the published figures beside the computed ones; the report's own slips "
    "are marked.</p>"
)


@click.command()
@click.argument("data", nargs=-1, type=PathType(exists=True))
@click.option(
    "-o", "--output", type=PathType(dir_okay=False), required=True, help="The HTML file to write."
)
@questionnaire_option
def report(data: tuple[Path, ...], output: Path, questionnaire_file: Path | None) -> None:
    """Write the report's breakdowns and tables, with charts, as one HTML file;
    with no DATA, from the bundled 2013 data.

    Self-contained (no script, nothing fetched when it is viewed), readable on a
    phone or a desktop, printable; every chart has its table beside it.

    \b
    Example:
      localdigital report -o report.html
    """
    from localdigital_tui.core.files.durable import make_folder, write_atomically
    from localdigital_tui.core.files.outputs import refuse_overwriting
    from localdigital_tui.core.questionnaire.bundled import data_path
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.records.provenance import provenance
    from localdigital_tui.core.tables.build import tables_by_group
    from localdigital_tui.core.tables.check import load_slips, load_targets, reconcile
    from localdigital_tui.core.tables.compute import Options
    from localdigital_tui.core.tables.frame import input_files
    from localdigital_tui.core.tables.specs import TABLES
    from localdigital_tui.render.report_page import report_page

    loaded = load_questionnaire(questionnaire_or_bundled(questionnaire_file))
    files = input_files(list(data) or [data_path("responses.jsonl")])
    refuse_overwriting(output, files)
    q = loaded.questionnaire
    found, _ = tables_by_group(files, q, Options(net=True), loaded.sha256)
    tables = [found[(s.id, s.group)] for s in TABLES if (s.id, s.group) in found]
    bundled = not data and questionnaire_file is None
    outcomes = []
    if bundled:
        targets = load_targets(data_path("targets.csv"))
        outcomes = reconcile(targets, load_slips(data_path("slips.csv")), found)
    source = provenance(q.id, q.version, loaded.sha256, files)
    page = report_page(tables, source, outcomes, BUNDLED_ABOUT if bundled else "")
    make_folder(output.parent)
    write_atomically(output, page.encode("utf-8"))
    click.echo(f"{output}: {len(tables)} tables, {page.count('<svg')} charts", err=True)
