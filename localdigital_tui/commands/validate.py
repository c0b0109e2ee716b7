"""``localdigital validate``: check a questionnaire file or files of responses."""

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

QUESTIONNAIRE_SUFFIXES = {".yaml", ".yml"}


@click.command()
@click.argument("files", nargs=-1, required=True, type=PathType(exists=True, dir_okay=False))
@questionnaire_option
@click.option(
    "--max-problems",
    type=click.IntRange(min=0),
    default=None,
    help="Print at most this many problems per file.",
)
def validate(
    files: tuple[Path, ...], questionnaire_file: Path | None, max_problems: int | None
) -> None:
    """Check questionnaire files (.yaml) and response files (.jsonl).

    A questionnaire gets a short summary, or every problem as file:line:column.
    A responses or personal file gets every bad line as file:line: field:
    problem, and a count of good lines. Exit status 1 if anything is invalid.

    \b
    Examples:
      localdigital validate questionnaire.yaml
      localdigital validate data/responses.jsonl data/personal.jsonl
    """
    from localdigital_tui.commands.progress import progress_bar, size_of
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.questionnaire.text import summary_lines
    from localdigital_tui.core.records.validation import RecordValidator
    from localdigital_tui.errors import QuestionnaireError, RecordFileError

    failed = False
    validator: RecordValidator | None = None
    for path in files:
        if path.suffix in QUESTIONNAIRE_SUFFIXES:
            try:
                loaded = load_questionnaire(path)
            except QuestionnaireError as exc:
                failed = True
                for problem in exc.problems:
                    click.echo(str(problem))
                click.echo(exc.summary)
                continue
            click.echo("\n".join(summary_lines(loaded)))
            for language, gaps in loaded.gaps.items():
                for gap in gaps:
                    click.echo(f"warning: {gap}")
                click.echo(
                    f"{path}: warning: {len(gaps)} text(s) have no {language} translation "
                    f"(capture --language {language} needs --allow-missing-translations)"
                )
            continue
        if validator is None:
            validator = RecordValidator(
                load_questionnaire(questionnaire_or_bundled(questionnaire_file))
            )
        try:
            with progress_bar(size_of([path]), f"validating {path.name}") as advance:
                summary = validator.validate_file(path, progress=advance)
        except RecordFileError as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
            continue
        shown = summary.problems if max_problems is None else summary.problems[:max_problems]
        for problem in shown:
            click.echo(str(problem))
        if len(shown) < len(summary.problems):
            click.echo(f"{path}: ... {len(summary.problems) - len(shown)} more problems not shown")
        verdict = "ok" if summary.bad == 0 else "INVALID"
        click.echo(
            f"{path}: {verdict}: {summary.describe_good()}, "
            f"{summary.bad} bad lines" + (f", {summary.blank} blank" if summary.blank else "")
        )
        failed = failed or summary.bad > 0
    if failed:
        raise SystemExit(1)
