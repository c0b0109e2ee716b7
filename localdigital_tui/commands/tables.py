"""``localdigital tables``: the report's tables from answers files, or a check against it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import (
    PathType,
    engine_option,
    language_options,
    load_in_language,
    note_copies,
    questionnaire_option,
)

if TYPE_CHECKING:
    from pathlib import Path

    from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire

TABLE_IDS = (
    "4.council_type", "4.role", "4.supplier_size",
    "5.1", "5.2", "5.3", "5.4", "5.4b", "5.5", "5.6", "5.6b", "5.6c",
)  # fmt: skip
FORMAT_NAMES = ("text", "markdown", "csv", "tidy", "json", "latex", "html", "xlsx")
BASES = ("table", "row", "question", "asked")


@click.command()
@click.argument("data", nargs=-1, type=PathType(exists=True))
@click.option(
    "--table",
    "-t",
    "table_ids",
    multiple=True,
    type=click.Choice(TABLE_IDS),
    help="A table to make (repeat for several). Default: every table.",
)
@click.option(
    "--group",
    "-g",
    type=click.Choice(["council", "supplier", "all"]),
    default=None,
    help="Whose answers. Default: the group the report prints each table for.",
)
@click.option(
    "--by",
    "by",
    default=None,
    metavar="QUESTION",
    help="Split every table by a profile question: council_type, supplier_size, role, audience.",
)
@click.option(
    "--by-tables",
    is_flag=True,
    help="With --by: one table per answer instead of a banner (answers as columns).",
)
@click.option(
    "--compare", is_flag=True, help="Council and supplier side by side, with significance letters."
)
@click.option(
    "--net",
    is_flag=True,
    help="Add nets: agree + strongly agree, disagree + strongly disagree, yes + intend.",
)
@click.option(
    "--sort",
    type=click.Choice(["report", "questionnaire"]),
    default="report",
    show_default=True,
    help="Row order: the report's (descending by the top category) or the questionnaire's.",
)
@click.option(
    "--base",
    "base",
    type=click.Choice(BASES),
    default="table",
    show_default=True,
    help="Percentages of those who answered the row, the question, or were asked; "
    "'table' uses each table's own rule (stated under it).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    default="text",
    show_default=True,
    help="Output format; tidy is one CSV line per cell; xlsx (with -o) a sheet a table.",
)
@click.option(
    "--output",
    "-o",
    type=PathType(dir_okay=False),
    default=None,
    help="Write to this file (atomically) instead of standard output.",
)
@click.option(
    "--width",
    type=click.IntRange(min=40),
    default=None,
    help="Fit text tables to this many columns (default: $COLUMNS, the terminal, else 80).",
)
@click.option("--chart", is_flag=True, help="Text only: a bar chart under each table.")
@click.option(
    "--check",
    is_flag=True,
    help="Compare every published figure with the data; exit 1 on a mismatch "
    "that is not a listed slip.",
)
@click.option(
    "--targets",
    type=PathType(exists=True, dir_okay=False),
    default=None,
    help="Published figures for --check (default: the bundled targets.csv).",
)
@click.option(
    "--slips",
    type=PathType(exists=True, dir_okay=False),
    default=None,
    help="The report's slips for --check (default: the bundled slips.csv).",
)
@click.option(
    "--include-partial",
    is_flag=True,
    help="Tabulate partial records too (default: complete records only).",
)
@click.option(
    "--weights",
    type=PathType(exists=True, dir_okay=False),
    default=None,
    help="Weight the figures: a record_id,weight CSV (as 'localdigital weight' writes); "
    "bases stay unweighted, with the effective base beside them.",
)
@engine_option
@questionnaire_option
@language_options
def tables(
    data: tuple[Path, ...],
    table_ids: tuple[str, ...],
    group: str | None,
    by: str | None,
    by_tables: bool,
    compare: bool,
    net: bool,
    sort: str,
    base: str,
    fmt: str,
    output: Path | None,
    width: int | None,
    chart: bool,
    check: bool,
    targets: Path | None,
    slips: Path | None,
    include_partial: bool,
    weights: Path | None,
    engine: str,
    questionnaire_file: Path | None,
    language: str | None,
    allow_missing: bool,
) -> None:
    """Print the report's tables from answers files (JSON Lines or Parquet, files or
    directories); with no DATA, from the bundled 2013 data.

    Percentages are of each row's own base unless the table says otherwise, rounded
    half-up to one decimal; every table states its base rule underneath.

    \b
    Examples:
      localdigital tables                              the report, all tables
      localdigital tables --table 5.1 --group supplier --net
      localdigital tables --compare --format markdown
      localdigital tables day1.jsonl day2.jsonl --by role -f tidy -o tables.csv
      localdigital tables --check                      every published figure, reconciled
      localdigital tables --weights weights.csv        weighted (see localdigital weight)
      localdigital tables --language cy --allow-missing-translations   labels in Welsh
    """
    from localdigital_tui.commands.progress import progress_bar, size_of
    from localdigital_tui.core.questionnaire.bundled import data_path
    from localdigital_tui.core.records.provenance import provenance
    from localdigital_tui.core.tables.build import (
        Request,
        idle_options,
        plan,
        split_questions,
        tabulate_files,
    )
    from localdigital_tui.core.tables.compute import Options
    from localdigital_tui.core.tables.frame import input_files
    from localdigital_tui.core.tables.specs import BaseRule
    from localdigital_tui.render import render
    from localdigital_tui.render.text import header, terminal_width

    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx writes a workbook: give -o FILE.xlsx")
    if by_tables and by is None:
        raise click.UsageError("--by-tables splits the tables of --by QUESTION: give --by")
    if compare and (group or by):
        raise click.UsageError("--compare puts council beside supplier: not with --group or --by")
    loaded = load_in_language(questionnaire_file, language, allow_missing)
    profiles = split_questions(loaded.questionnaire)
    if by is not None and by not in profiles:
        raise click.BadParameter(f"expected one of: {', '.join(profiles)}", param_hint="--by")
    files = input_files(list(data) or [data_path("responses.jsonl")])
    inputs = [*files, *(p for p in (weights, targets, slips) if p is not None)]
    if check:
        if compare or group or by or net or sort != "report" or base != "table" or weights:
            raise click.UsageError(
                "--check takes only DATA, --table, --targets, --slips and --format"
            )
        text, failed = _check(loaded, files, table_ids, fmt, (targets, slips), engine)
        _emit(text, output, inputs)
        if failed:
            raise SystemExit(1)
        return
    rule = {"row": BaseRule.ROW, "question": BaseRule.QUESTION, "asked": BaseRule.ASKED}.get(base)
    request = Request(
        table_ids=table_ids,
        group=group,
        by=by,
        compare=compare,
        options=Options(net=net, sort=sort, base=rule),
        include_partial=include_partial,
        by_tables=by_tables,
        weights=weights,
        engine=engine,
    )
    idle = idle_options([spec for spec, _ in plan(loaded.questionnaire, request)], request.options)
    if idle:
        raise click.UsageError("; ".join(idle))
    with progress_bar(size_of(f for f in files if f.suffix != ".parquet"), "reading") as advance:
        made, aggregates = tabulate_files(
            files, loaded.questionnaire, request, loaded.sha256, advance
        )
    note_copies(aggregates.copies)
    source = None
    if fmt in ("json", "text", "xlsx"):
        q = loaded.questionnaire
        source = provenance(q.id, q.version, loaded.sha256, files)
    if fmt == "xlsx":
        from localdigital_tui.render.workbook import render_xlsx

        _emit(render_xlsx(made, source), output, inputs)
        return
    columns = terminal_width(width, to_terminal=output is None)
    if chart and fmt != "text":
        raise click.UsageError("--chart draws bars in text tables: not with --format " + fmt)
    text = render(fmt, made, source, columns, chart)
    if fmt == "text" and source is not None:
        records = sum(aggregates.records.values())
        bundled = not data and questionnaire_file is None
        text = header(source, records, bundled, columns) + "\n\n\n" + text
    _emit(text, output, inputs)


def _emit(text: str | bytes, output: Path | None, inputs: list[Path]) -> None:
    if output is None:
        assert isinstance(text, str)
        click.echo(text, nl=False)
        return
    from localdigital_tui.core.files.durable import make_folder, write_atomically
    from localdigital_tui.core.files.outputs import refuse_overwriting

    refuse_overwriting(output, inputs)
    make_folder(output.parent)
    write_atomically(output, text if isinstance(text, bytes) else text.encode("utf-8"))


def _check(
    loaded: LoadedQuestionnaire,
    files: list[Path],
    table_ids: tuple[str, ...],
    fmt: str,
    figures: tuple[Path | None, Path | None],
    engine: str,
) -> tuple[str, bool]:
    from localdigital_tui.core.questionnaire.bundled import data_path
    from localdigital_tui.core.tables.build import tables_by_group
    from localdigital_tui.core.tables.check import MISMATCH, load_slips, load_targets, reconcile
    from localdigital_tui.core.tables.compute import Options
    from localdigital_tui.render.reconciliation import render_reconciliation

    if fmt not in ("text", "csv"):
        raise click.UsageError("--check prints text or csv")
    targets, slips = figures  # --targets, --slips
    wanted = load_targets(targets or data_path("targets.csv"))
    if table_ids:
        wanted = [t for t in wanted if t.table in table_ids]
    listed = load_slips(slips or data_path("slips.csv"))
    found, aggregates = tables_by_group(
        files, loaded.questionnaire, Options(net=True), loaded.sha256, engine
    )
    note_copies(aggregates.copies)
    outcomes = reconcile(wanted, listed, found)
    return render_reconciliation(outcomes, fmt), any(o.status == MISMATCH for o in outcomes)
