"""``localdigital decrypt``: encrypted personal lines back to plain ones, with the private key."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import PathType, questionnaires_option

if TYPE_CHECKING:
    from pathlib import Path

SHOWN = 20


@click.command()
@click.argument("personal_file", type=PathType(exists=True, dir_okay=False))
@click.option(
    "--identity",
    "-i",
    "identity_file",
    required=True,
    type=PathType(exists=True, dir_okay=False),
    help="The private key file (NAME.key from localdigital keys new).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=PathType(dir_okay=False),
    help="The plain personal lines (never one of the inputs).",
)
@questionnaires_option("lines")
def decrypt(
    personal_file: Path, identity_file: Path, output: Path, questionnaire_files: tuple[Path, ...]
) -> None:
    """Decrypt the personal lines of PERSONAL_FILE with the private key.

    Each encrypted personal line (from capture --encrypt-to, or merged) becomes
    the plain line it was, checked as merge checks lines; plain lines pass
    through. OUTPUT is written only when every line decrypts (temporary file,
    fsync, rename); otherwise each line that does not is listed as
    file:line: field: problem and the exit status is 1.

    \b
    Example:
      localdigital decrypt merged/personal.jsonl --identity organiser.key -o plain.jsonl
    """
    from localdigital_tui.commands.options import questionnaire_or_bundled
    from localdigital_tui.core.encryption.personal_lines import decrypt_personal_file
    from localdigital_tui.core.encryption.sealed_answers import AnswerOpener
    from localdigital_tui.core.files.durable import make_folder, write_atomically
    from localdigital_tui.core.files.outputs import refuse_overwriting
    from localdigital_tui.core.questionnaire.loader import load_questionnaire

    refuse_overwriting(output, [personal_file, identity_file])
    opener = AnswerOpener.from_file(identity_file)
    paths = questionnaire_files or (questionnaire_or_bundled(None),)
    questionnaires = [load_questionnaire(path) for path in paths]
    result = decrypt_personal_file(personal_file, opener, questionnaires, str(identity_file))
    if result.problems:
        for problem in result.problems[:SHOWN]:
            click.echo(str(problem), err=True)
        if len(result.problems) > SHOWN:
            click.echo(f"... and {len(result.problems) - SHOWN} more", err=True)
        total = len(result.problems) + len(result.lines)
        click.echo(
            f"{personal_file}: NOT DECRYPTED: {len(result.problems)} of {total} lines cannot be "
            f"decrypted; {output} not written",
            err=True,
        )
        raise SystemExit(1)
    make_folder(output.parent)
    write_atomically(output, b"".join(line + b"\n" for line in result.lines))
    click.echo(
        f"decrypted {result.decrypted} personal lines ({result.plain} plain already) -> {output}",
        err=True,
    )
