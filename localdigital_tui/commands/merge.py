"""``localdigital merge``: combine the JSON Lines files of many laptops into one."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from localdigital_tui.commands.options import PathType, questionnaires_option

if TYPE_CHECKING:
    from pathlib import Path

    from localdigital_tui.core.merge.report import MergeReport

COLUMNS = (
    ("lines", "lines"),
    ("blank", "blank"),
    ("valid", "valid"),
    ("merged", "merged"),
    ("duplicates", "duplicate"),
    ("conflicts", "conflict"),
    ("not_kept", "not kept"),
    ("partial_skipped", "partial skipped"),
    ("quarantined", "quarantined"),
)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=PathType(dir_okay=False),
    help="The merged answers file; the other outputs go beside it unless named.",
)
@questionnaires_option("records")
@click.option("--include-partial", is_flag=True, help="Merge drafts (status partial) too.")
@click.option("--personal", type=PathType(dir_okay=False), help="Personal output.")
@click.option("--quarantine", type=PathType(dir_okay=False), help="Bad lines.")
@click.option("--conflicts", type=PathType(dir_okay=False), help="Conflicting versions.")
@click.option("--json", "as_json", is_flag=True, help="Also print the report as JSON on stdout.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: auto).")
def merge(
    inputs: tuple[str, ...],
    output: Path,
    questionnaire_files: tuple[Path, ...],
    include_partial: bool,
    personal: Path | None,
    quarantine: Path | None,
    conflicts: Path | None,
    as_json: bool,
    jobs: int | None,
) -> None:
    """Merge INPUT files of responses and personal lines from many laptops.

    INPUT is a file, a directory (searched for *.jsonl) or a glob. Every line is
    validated against the questionnaire it names (by sha256). Writes, each
    atomically, never over an input:

    \b
      OUTPUT               kept answers, sorted by (submitted_at, record_id)
      quarantine.jsonl     bad lines: file, line, errors, raw text
      conflicts.jsonl      every version of a record_id seen with different content
      personal.jsonl       kept personal lines (and personal-quarantine.jsonl,
                           personal-conflicts.jsonl), only if personal lines were read

    The same record_id with the same content is kept once (a duplicate). With
    different content (a conflict) the kept version is: complete over partial,
    then the latest submitted_at, then the smallest canonical JSON. Drafts are
    left out unless --include-partial (a draft is sorted by its started_at).

    A table per input file goes to stderr (--json: the report on stdout too).
    Exit status: 0 clean; 1 anything quarantined or conflicted (the outputs are
    still written); 2 usage errors (no inputs found, an output over an input).

    \b
    Example:
      localdigital merge laptops/ extra/*.jsonl -o merged/merged.jsonl
    """
    from localdigital_tui.commands.options import questionnaire_or_bundled
    from localdigital_tui.commands.progress import progress_bar, size_of
    from localdigital_tui.core.merge import MergeOptions, MergeOutputs, expand_inputs
    from localdigital_tui.core.merge import merge as merge_files
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.errors import MergeInputError

    paths = questionnaire_files or (questionnaire_or_bundled(None),)
    questionnaires = [load_questionnaire(path) for path in paths]
    outputs = MergeOutputs.beside(
        output, personal=personal, quarantine=quarantine, conflicts=conflicts
    )
    options = MergeOptions(include_partial=include_partial, jobs=jobs)
    try:
        files = expand_inputs(inputs)
        with progress_bar(size_of(files), "merging") as advance:
            report = merge_files(files, questionnaires, outputs, options, advance)
    except MergeInputError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(render_report(report), err=True)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    if not report.clean:
        raise SystemExit(1)


def render_report(report: MergeReport) -> str:
    """The per-file table and a few lines saying where everything went."""
    from tabulate import tabulate

    rows: list[list[Any]] = [
        [counts.path, counts.kind, *(getattr(counts, name) for name, _ in COLUMNS)]
        for counts in report.files
    ]
    totals = report.totals
    rows.append(["total", "", *(getattr(totals, name) for name, _ in COLUMNS)])
    headers = ["file", "kind", *(title for _, title in COLUMNS)]
    lines = [tabulate(rows, headers=headers, tablefmt="simple", intfmt=",")]
    outputs = report.outputs
    lines.append(f"merged {report.records['responses']:,} records -> {outputs['merged']}")
    if "personal" in outputs:
        lines.append(f"personal {report.records['personal']:,} records -> {outputs['personal']}")
    for kind, role in (("responses", "conflicts"), ("personal", "personal_conflicts")):
        if report.conflicted_records.get(kind):
            lines.append(
                f"CONFLICTS: {report.conflicted_records[kind]:,} {kind} record ids with "
                f"different versions -> {outputs[role]}"
            )
    described = {
        "responses": "bad answers lines",
        "personal": "bad lines that are personal or cannot be read (kept with the personal data)",
    }
    for kind, role in (("responses", "quarantine"), ("personal", "personal_quarantine")):
        if report.quarantined.get(kind):
            lines.append(
                f"QUARANTINED: {report.quarantined[kind]:,} {described[kind]} -> {outputs[role]}"
            )
    if report.first_problem:
        lines.append(f"  first bad line: {report.first_problem}")
    for unknown in report.unknown_questionnaires:
        lines.append(
            f"UNKNOWN QUESTIONNAIRE {unknown.sha256}: {unknown.lines:,} lines, first at "
            f"{unknown.first} (record {unknown.record_id}); pass its file with --questionnaire"
        )
    if report.clean:
        lines.append("clean: nothing quarantined, no conflicts")
    return "\n".join(lines)
