"""``localdigital xlsform``: the questionnaire as an XLSForm, and an XLSForm back."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import PathType, questionnaire_or_bundled

if TYPE_CHECKING:
    from pathlib import Path


@click.group()
def xlsform() -> None:
    """Convert the questionnaire to an XLSForm (ODK, KoboToolbox) and back.

    An XLSForm is a spreadsheet (sheets survey, choices, settings) that ODK's
    pyxform turns into a form for ODK Collect, Enketo or KoboToolbox. Export then
    import gives back the same questionnaire.

    \b
    Examples:
      localdigital xlsform export questionnaire.yaml -o form.xlsx
      localdigital xlsform import form.xlsx -o questionnaire.yaml
    """


@xlsform.command("export")
@click.argument("questionnaire", required=False, type=PathType(dir_okay=False))
@click.option(
    "-o", "--output", type=PathType(dir_okay=False), required=True,
    help="The XLSForm to write (.xlsx).",
)  # fmt: skip
def export_command(questionnaire: Path | None, output: Path) -> None:
    """Write QUESTIONNAIRE (default: the bundled one) as an XLSForm.

    A question worded for each audience is written once per audience (named
    CODE-AUDIENCE, relevant to that audience only); what XLSForm has no column
    for is in notes and in columns named localdigital*, which ODK ignores.

    \b
    Example:
      localdigital xlsform export questionnaire.yaml -o form.xlsx
    """
    from localdigital_tui.core.files.durable import make_folder, write_atomically
    from localdigital_tui.core.files.outputs import refuse_overwriting
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.questionnaire.translated import Texts
    from localdigital_tui.core.xlsform.export import form_sheets
    from localdigital_tui.core.xlsform.workbook import workbook_bytes

    if output.suffix.lower() != ".xlsx":
        raise click.BadParameter(f"{output}: an XLSForm is an .xlsx file", param_hint="-o")
    source = questionnaire_or_bundled(questionnaire)
    refuse_overwriting(output, [source])
    loaded = load_questionnaire(source)
    sheets = form_sheets(loaded.questionnaire, Texts.of_loaded(loaded))
    make_folder(output.parent)
    write_atomically(output, workbook_bytes(sheets))
    survey, choices, _ = sheets
    lists = len({row.get("list_name") for row in choices.rows})
    q = loaded.questionnaire
    click.echo(
        f"{output}: XLSForm of {q.id} version {q.version}: {len(q.questions)} questions in "
        f"{len(survey.rows)} survey rows, {lists} choice lists",
        err=True,
    )


@xlsform.command("import")
@click.argument("form", type=PathType(dir_okay=False))
@click.option(
    "-o", "--output", type=PathType(dir_okay=False), required=True,
    help="The questionnaire YAML to write.",
)  # fmt: skip
def import_command(form: Path, output: Path) -> None:
    """Read the XLSForm FORM back into a questionnaire YAML file.

    Everything that cannot be mapped (an unknown type, a missing list, a
    relevant expression that is not a test of earlier answers) is listed with
    its sheet and row and left out; with nothing usable, exit status 1.

    \b
    Example:
      localdigital xlsform import form.xlsx -o questionnaire.yaml
    """
    from localdigital_tui.core.files.durable import make_folder, write_atomically
    from localdigital_tui.core.files.outputs import refuse_overwriting
    from localdigital_tui.core.xlsform.import_form import import_form

    refuse_overwriting(output, [form])
    imported = import_form(form)
    for problem in imported.problems:
        click.echo(f"warning: {problem}", err=True)
    make_folder(output.parent)
    write_atomically(output, imported.yaml_text.encode("utf-8"))
    q = imported.questionnaire
    count, left = len(q.questions), len(imported.problems)
    click.echo(
        f"{output}: questionnaire {q.id} version {q.version}: {count} question{'s' * (count != 1)}"
        + (f"; {left} thing{'s' * (left != 1)} not carried over (listed above)" if left else ""),
        err=True,
    )
