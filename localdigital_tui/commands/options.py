"""Options and parameter types shared by several commands."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:  # imported when a value is converted: `--help` needs no pathlib (~4 ms)
    from collections.abc import Sequence
    from pathlib import Path

    from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
    from localdigital_tui.core.records.kinds import FileKind
    from localdigital_tui.core.records.validation import ValidationSummary


Command = TypeVar("Command", bound=Callable[..., Any])


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

engine_option = click.option(
    "--engine",
    type=click.Choice(["polars", "spark"]),
    default="polars",
    show_default=True,
    help="What computes the cells: polars here, or Spark (Parquet only; spark.master as "
    "Spark is configured; needs the spark extra).",
)


def questionnaires_option(what: str) -> Callable[[Command], Command]:
    """``--questionnaire`` repeatable: the questionnaires ``what`` (records, lines) may name."""
    return click.option(
        "--questionnaire",
        "-q",
        "questionnaire_files",
        multiple=True,
        type=PathType(exists=True, dir_okay=False),
        help=f"A questionnaire the {what} may name (repeatable; default: the bundled one).",
    )


def questionnaire_or_bundled(path: Path | None) -> Path:
    from localdigital_tui.core.questionnaire.bundled import questionnaire_path

    return path if path is not None else questionnaire_path()


def require_valid(
    loaded: LoadedQuestionnaire,
    checks: Sequence[tuple[Path, FileKind]],
    *,
    not_done: str,
    shown: int = 20,
) -> None:
    """Validate each file as its kind, print the first problems on stderr, and stop with
    exit status 1 (``not_done``: ``not converted``) if any line is bad."""
    from localdigital_tui.core.records.validation import RecordValidator

    validator = RecordValidator(loaded)
    stop_if_invalid(
        [validator.validate_file(path, kind) for path, kind in checks], not_done=not_done
    )


def stop_if_invalid(
    summaries: Sequence[ValidationSummary], *, not_done: str, shown: int = 20
) -> None:
    """Print each file's first problems on stderr and stop with exit status 1 if any line
    of any file is bad."""
    bad = 0
    for summary in summaries:
        for problem in summary.problems[:shown]:
            click.echo(str(problem), err=True)
        if summary.bad:
            click.echo(f"{summary.path}: INVALID: {summary.bad} bad lines", err=True)
        bad += summary.bad
    if bad:
        click.echo(f"{not_done}: {bad} bad lines (run localdigital validate)", err=True)
        raise SystemExit(1)


def language_options(command: Any) -> Any:
    """``--language CODE`` and ``--allow-missing-translations``, for commands that show texts."""
    command = click.option(
        "--allow-missing-translations",
        "allow_missing",
        is_flag=True,
        help="With --language: show texts that have no translation in the default language "
        "(each is listed as a warning) instead of refusing.",
    )(command)
    return click.option(
        "--language",
        "-l",
        default=None,
        metavar="CODE",
        help="Show the questionnaire's texts in this language (e.g. cy); default: its "
        "default language. Records store codes, so data does not depend on it.",
    )(command)


def load_in_language(
    path: Path | None, language: str | None, allow_missing: bool
) -> LoadedQuestionnaire:
    """The questionnaire (bundled if ``path`` is None) with its texts in ``language``;
    the texts left in the default language are listed on stderr as warnings."""
    from localdigital_tui.core.questionnaire.loader import load_questionnaire

    loaded = load_questionnaire(questionnaire_or_bundled(path))
    if allow_missing and language is None:
        raise click.UsageError("--allow-missing-translations goes with --language CODE")
    translated = loaded.in_language(language, allow_missing)
    gaps = loaded.gaps.get(language or "", []) if translated is not loaded else []
    for gap in gaps:
        click.echo(f"warning: {gap}", err=True)
    if gaps:
        click.echo(
            f"warning: {len(gaps)} text(s) have no {language} translation and are shown in "
            f"{loaded.questionnaire.language}",
            err=True,
        )
    return translated


def note_copies(copies: int) -> None:
    """tables' note on stderr: records found more than once were counted once."""
    if copies:
        click.echo(
            f"note: {copies} line(s) held a record already read (the same record id and "
            "contents: a copied folder, or a file given twice); each record is counted once",
            err=True,
        )
