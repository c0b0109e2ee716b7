"""``localdigital capture``: run interviews (Textual app, or plain prompts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import (
    PathType,
    language_options,
    load_in_language,
    questionnaire_option,
)

if TYPE_CHECKING:
    from pathlib import Path

    from localdigital_tui.core.encryption.sealed_answers import AnswerSealer


@click.command()
@click.option("--interviewer", required=True, help="Who is running the interviews.")
@click.option("--event", default=None, help="Where they are run, e.g. 'LocalGov Digital 2013'.")
@click.option(
    "--out",
    "out_dir",
    type=PathType(file_okay=False),
    default="capture",
    show_default=True,
    help="Directory for drafts and the day's answers and personal files.",
)
@questionnaire_option
@click.option("--device", default=None, help="Id of this machine (default: its host name).")
@click.option(
    "--plain", is_flag=True, help="Plain prompts instead of the full-screen app (screen readers)."
)
@language_options
@click.option(
    "--encrypt-to",
    "public_key_file",
    type=PathType(exists=True, dir_okay=False),
    default=None,
    help="Encrypt personal answers to this age public key (NAME.pub from localdigital keys new);"
    " OUT remembers it.",
)
def capture(
    interviewer: str,
    event: str | None,
    out_dir: Path,
    questionnaire_file: Path | None,
    device: str | None,
    plain: bool,
    language: str | None,
    allow_missing: bool,
    public_key_file: Path | None,
) -> None:
    """Run interviews and save each answer as it is given.

    Drafts are written after every answer to OUT/drafts/; a submitted interview
    is one line of OUT/responses-DEVICE-DAY.jsonl (personal answers go to
    OUT/personal-DEVICE-DAY.jsonl). After a crash, start again: the start
    screen offers the unfinished drafts. Only one capture may write to OUT.

    With --encrypt-to, no personal answer is written in the clear (drafts too):
    each is sealed to the public key, which OUT/encrypt-to.pub remembers for
    every later capture into OUT; only the private key can read them back.

    \b
    Example:
      localdigital capture --interviewer ann --event "LocalGov Digital 2013" --out capture
      localdigital capture --interviewer ann --language cy --allow-missing-translations
    """
    from localdigital_tui.core.capture.output_lock import OutputLock
    from localdigital_tui.core.capture.storage import CaptureStore

    loaded = load_in_language(questionnaire_file, language, allow_missing)
    with OutputLock(out_dir, interviewer=interviewer):
        store = CaptureStore(
            out_dir,
            loaded,
            interviewer=interviewer,
            device=device,
            event=event,
            sealer=_sealer(out_dir, public_key_file),
        )
        if not plain and not _full_screen_possible():
            click.echo(
                "capture: no terminal here (input or output is not a terminal, or TERM is "
                "dumb): using the plain prompts",
                err=True,
            )
            plain = True
        if plain:
            from localdigital_tui.prompts import run_plain

            run_plain(store)
        else:
            from localdigital_tui.tui.app import CaptureApp

            _restore_terminal()

            finished = store.complete_interrupted_submits()
            note = CaptureApp(store, finished_submits=len(finished)).run()
            if note:
                click.echo(note)
        click.echo(
            f"{store.submitted_today()} interviews submitted today in {store.responses_path()}"
        )


def _sealer(out_dir: Path, given: Path | None) -> AnswerSealer | None:
    """The sealer for the key given or remembered by ``out_dir`` (see capture_key)."""
    from localdigital_tui.core.encryption.capture_key import capture_public_key

    key_file = capture_public_key(out_dir, given)
    if key_file is None:
        return None
    from localdigital_tui.core.encryption.sealed_answers import AnswerSealer

    sealer = AnswerSealer.from_file(key_file)
    click.echo(f"capture: personal answers are encrypted to {sealer.public_key}", err=True)
    return sealer


# Leave the alternate screen, show the cursor, stop mouse and paste reporting: what a
# full-screen app killed with SIGKILL (which nothing can catch) leaves switched on.
RESTORE = "\x1b[?1049l\x1b[?25h\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l"


def _full_screen_possible() -> bool:
    """The full-screen app needs a terminal for input and output that can draw."""
    import os
    import sys

    term = os.environ.get("TERM", "")
    return sys.stdin.isatty() and sys.stdout.isatty() and term not in ("", "dumb")


def _restore_terminal() -> None:
    """Undo what an earlier capture killed by SIGKILL left on (see RESTORE)."""
    import sys

    sys.stdout.write(RESTORE)
    sys.stdout.flush()
