"""From answers files to table objects: choose tables, scan once, aggregate, lay out.

:func:`tabulate_files` is the library entry point behind ``localdigital tables``:
it reads only the columns the chosen tables need, runs one polars collect for all
of them (:mod:`.aggregate`), and builds one :class:`~.table.Table` per table, group
and ``--by`` split.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from localdigital_tui.core.export.parquet import flat_name
from localdigital_tui.core.questionnaire.model import (
    LoadedQuestionnaire,
    Questionnaire,
    SingleChoiceQuestion,
)
from localdigital_tui.core.tables.aggregate import aggregate
from localdigital_tui.core.tables.banner import BANNER_NOTE, banner_columns, banner_rows
from localdigital_tui.core.tables.compare import compare_rows
from localdigital_tui.core.tables.compute import Options, base_rule, group_rows, sort_rows, wording
from localdigital_tui.core.tables.frame import AUDIENCE, Wanted, flat_columns, record_batches
from localdigital_tui.core.tables.notes import table_notes
from localdigital_tui.core.tables.specs import TABLES, Layout, TableSpec, spec_for
from localdigital_tui.core.tables.table import Split, Table
from localdigital_tui.core.tables.totals import Aggregates
from localdigital_tui.core.tables.view import GroupView
from localdigital_tui.errors import TableError

NOT_ANSWERED = "Not answered"


@dataclass(frozen=True)
class Request:
    table_ids: tuple[str, ...] = ()  # empty: every table
    group: str | None = None  # None: the group the report publishes each table for
    by: str | None = None  # a profile question or "audience"
    compare: bool = False
    options: Options = field(default_factory=Options)
    include_partial: bool = False
    by_tables: bool = False  # --by as one table per answer, not a banner
    weights: Path | None = None  # a record_id,weight file: weighted tables
    engine: str = "polars"  # or "spark", for Parquet inputs (core/tables/spark.py)


def audiences_of(questionnaire: Questionnaire, group: str) -> tuple[str, ...]:
    codes = tuple(questionnaire.audience_codes())
    return codes if group == "all" else (group,)


def split_questions(questionnaire: Questionnaire) -> list[str]:
    """What ``--by`` accepts: the profile questions and the audience."""
    return [q.code for q in questionnaire.questions if q.profile] + [AUDIENCE]


def _applies(questionnaire: Questionnaire, question: str, group: str) -> bool:
    q = questionnaire.question(question)
    return any(q.applies_to(a) for a in audiences_of(questionnaire, group))


def plan(questionnaire: Questionnaire, request: Request) -> list[tuple[TableSpec, str]]:
    """The (table, group) pairs to make; a table asked for by id must be possible."""
    if request.by is not None and request.by not in split_questions(questionnaire):
        allowed = ", ".join(split_questions(questionnaire))
        raise TableError(f"--by {request.by}: expected a profile question ({allowed})")
    for table_id in request.table_ids:
        try:
            spec_for(table_id)
        except KeyError:
            known = ", ".join(s.id for s in TABLES)
            raise TableError(f"no table {table_id!r}; the tables are {known}") from None
    specs = [s for s in TABLES if not request.table_ids or s.id in request.table_ids]
    pairs = []
    for spec in specs:
        groups = ("council", "supplier") if request.compare else (request.group or spec.group,)
        possible = all(_applies(questionnaire, spec.question, g) for g in groups)
        if request.compare and spec.layout is Layout.STATISTICS:
            possible = False
        if possible:
            pairs.append((spec, groups[0]))
        elif request.table_ids:
            who = " and ".join(groups)
            raise TableError(f"table {spec.id} ({spec.question}) is not asked of {who} respondents")
    by, group = request.by, request.group
    if by and by != AUDIENCE and group and not _applies(questionnaire, by, group):
        raise TableError(f"--by {by}: not asked of {group} respondents")
    if not pairs:
        raise TableError("no table to make for these options")
    return pairs


def idle_options(specs: Sequence[TableSpec], options: Options) -> list[str]:
    """Why an option asked for would change none of these tables (empty: all do something)."""
    reasons = []
    ids = ", ".join(s.id for s in specs)
    if options.net and not any(s.nets for s in specs):
        with_nets = ", ".join(s.id for s in TABLES if s.nets)
        reasons.append(f"--net: {ids} have no nets (nets are defined for {with_nets})")
    if options.sort != "report" and not any(s.sort_by for s in specs):
        reasons.append(f"--sort {options.sort}: {ids} are printed in the form's order already")
    if options.base is not None and all(s.layout is Layout.STATISTICS for s in specs):
        reasons.append(f"--base: {ids} are statistics over those who gave a figure")
    return reasons


def wanted(questionnaire: Questionnaire, specs: Sequence[TableSpec], by: str | None) -> Wanted:
    """The questions to read: the tables', their skip-rule conditions, the ``--by`` one."""
    codes: list[str] = []
    for spec in specs:
        condition = questionnaire.question(spec.question).ask_if
        codes += [spec.question] + ([condition.question] if condition else [])
    extra = (by,) if by and by != AUDIENCE else ()
    return Wanted(tuple(codes), extra)


def tabulate_files(
    files: Sequence[Path],
    questionnaire: Questionnaire,
    request: Request,
    sha256: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[Table], Aggregates]:
    """Read ``files`` once and make every table the request asks for; with ``sha256``
    (the questionnaire file's), records of another questionnaire are refused.
    ``progress`` is told the bytes of each block of JSON Lines read."""
    pairs = plan(questionnaire, request)
    want = wanted(questionnaire, [spec for spec, _ in pairs], request.by)
    columns = flat_columns(questionnaire, want)
    thresholds = {
        flat_name(spec.question): spec.threshold for spec, _ in pairs if spec.threshold is not None
    }
    aggregates = aggregate(
        record_batches(files, questionnaire, want, engine=request.engine),
        columns,
        audiences=questionnaire.audience_codes(),
        sha256=sha256,
        split=request.by,
        thresholds=thresholds,
        include_partial=request.include_partial,
        weights=request.weights,
        progress=progress,
        decode_with=None
        if sha256 is None
        else LoadedQuestionnaire(questionnaire=questionnaire, path="", sha256=sha256),
    )
    return make_tables(aggregates, questionnaire, request), aggregates


def _splits(
    aggregates: Aggregates, questionnaire: Questionnaire, by: str | None, group: str
) -> list[Split | None]:
    if by is None:
        return [None]
    audiences = audiences_of(questionnaire, group)
    present = {
        split for (audience, split), n in aggregates.records.items() if audience in audiences and n
    }
    if by == AUDIENCE:
        labels = {a.code: a.label for a in questionnaire.audiences}
    else:
        question = questionnaire.question(by)
        assert isinstance(question, SingleChoiceQuestion)
        labels = {c.code: c.label_for(wording(questionnaire, group)) for c in question.choices}
    ordered: list[str | None] = [code for code in labels if code in present]
    ordered += [None] if None in present else []
    return [Split(by, code, labels[code] if code else NOT_ANSWERED) for code in ordered]


def make_tables(
    aggregates: Aggregates, questionnaire: Questionnaire, request: Request
) -> list[Table]:
    tables = []
    for spec, group in plan(questionnaire, request):
        if request.by is not None and not request.by_tables:
            tables.append(_banner_table(spec, group, aggregates, questionnaire, request))
            continue
        for split in _splits(aggregates, questionnaire, request.by, group):
            code = split.code if split else None
            if request.compare:
                views = {
                    g: GroupView(aggregates, questionnaire, audiences_of(questionnaire, g), code)
                    for g in ("council", "supplier")
                }
                columns, rows = compare_rows(spec, views, request.options)
                view, shown = views["council"], "council v supplier"
            else:
                view = GroupView(
                    aggregates, questionnaire, audiences_of(questionnaire, group), code
                )
                columns, rows = group_rows(spec, view, group, request.options)
                rows = sort_rows(spec, columns, rows, request.options.sort)
                shown = group
            rule = base_rule(spec, request.options)
            table = Table(
                id=spec.id,
                title=spec.title
                or questionnaire.question(spec.question).text_for(wording(questionnaire, group)),
                question=spec.question,
                group=shown,
                base_rule=rule.value,
                columns=tuple(columns),
                rows=tuple(rows),
                split=split,
                show_base=spec.layout is not Layout.STATISTICS,
                groups=("council", "supplier") if request.compare else (group,),
            )
            notes = table_notes(
                spec, table, view, rule, request.options, request.compare, aggregates
            )
            tables.append(replace(table, notes=tuple(notes)))
    return tables


def _banner_table(
    spec: TableSpec, group: str, aggregates: Aggregates, q: Questionnaire, request: Request
) -> Table:
    assert request.by is not None
    splits = [s for s in _splits(aggregates, q, request.by, group) if s is not None]
    audiences = audiences_of(q, group)
    total = GroupView(aggregates, q, audiences, splits=[s.code for s in splits])
    views = [GroupView(aggregates, q, audiences, s.code) for s in splits]
    labels = [(s.code, s.label) for s in splits]
    banner = banner_columns(group, request.by, labels, total, views)
    columns, rows = banner_rows(spec, banner, group, request.options)
    rule = base_rule(spec, request.options)
    table = Table(
        id=spec.id,
        title=spec.title or q.question(spec.question).text_for(wording(q, group)),
        question=spec.question,
        group=f"{group} by {request.by}",
        base_rule=rule.value,
        columns=tuple(columns),
        rows=tuple(rows),
        show_base=spec.layout is not Layout.STATISTICS,
        groups=tuple(b.key for b in banner),
        group_labels=tuple(b.label for b in banner),
    )
    notes = table_notes(spec, table, total, rule, request.options, request.compare, aggregates)
    return replace(table, notes=(*notes, BANNER_NOTE))


def tables_by_group(
    files: Sequence[Path],
    questionnaire: Questionnaire,
    options: Options,
    sha256: str | None = None,
    engine: str = "polars",
) -> tuple[dict[tuple[str, str], Table], Aggregates]:
    """Every table for every single group, from one read: what ``--check`` looks figures up in."""
    request = Request(group="all", options=options, engine=engine)
    _, aggregates = tabulate_files(files, questionnaire, request, sha256)
    found: dict[tuple[str, str], Table] = {}
    for group in questionnaire.audience_codes():
        for table in make_tables(aggregates, questionnaire, replace(request, group=group)):
            found[(table.id, group)] = table
    return found, aggregates
