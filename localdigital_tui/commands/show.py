"""``localdigital show``: print the questionnaire as readable text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import (
    language_options,
    load_in_language,
    questionnaire_option,
)

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.option(
    "--audience",
    "-a",
    default="council",
    show_default=True,
    help="Whose wording to show: council or supplier.",
)
@questionnaire_option
@language_options
def show(
    audience: str, questionnaire_file: Path | None, language: str | None, allow_missing: bool
) -> None:
    """Print the questionnaire as a respondent of AUDIENCE reads it.

    Each question shows its code in [brackets]; * marks a required row.

    \b
    Example:
      localdigital show --audience supplier | less
      localdigital show --language cy --allow-missing-translations
    """
    from localdigital_tui.core.questionnaire.text import render_questionnaire

    loaded = load_in_language(questionnaire_file, language, allow_missing)
    codes = loaded.questionnaire.audience_codes()
    if audience not in codes:
        raise click.BadParameter(f"expected one of: {', '.join(codes)}", param_hint="--audience")
    click.echo(render_questionnaire(loaded.questionnaire, audience), nl=False)
