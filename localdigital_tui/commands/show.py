"""``localdigital show``: print the questionnaire as readable text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import questionnaire_option, questionnaire_or_bundled

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
def show(audience: str, questionnaire_file: Path | None) -> None:
    """Print the questionnaire as a respondent of AUDIENCE reads it.

    Each question shows its code in [brackets]; * marks a required row.

    \b
    Example:
      localdigital show --audience supplier | less
    """
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.questionnaire.text import render_questionnaire

    loaded = load_questionnaire(questionnaire_or_bundled(questionnaire_file))
    codes = loaded.questionnaire.audience_codes()
    if audience not in codes:
        raise click.BadParameter(f"expected one of: {', '.join(codes)}", param_hint="--audience")
    click.echo(render_questionnaire(loaded.questionnaire, audience), nl=False)
