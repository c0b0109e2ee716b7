"""The ``localdigital`` command line: parse, call core, format. Nothing else.

Commands live one per module in :mod:`localdigital_tui.commands` and are imported
only when used: ``localdigital --help`` lists them from the one-line summaries
kept here, so it imports no command module (nor pathlib, pydantic, polars,
textual or questionary). This is the one place where errors become exit codes:
0 success, 1 bad input or a failed check (or a file-system problem, reported as
``error: PATH: reason``), 2 a usage error. SIGTERM and SIGHUP stop a command the
way Ctrl-C does: its ``finally`` blocks remove what it had not published.
"""

from __future__ import annotations

import errno
import importlib
import os
import signal
import sys
from gettext import gettext
from typing import Any

import click
from click import formatting

# name -> ("module:attribute", the first sentence of the command's help); a new
# command is one line here and one module. tests/test_cli.py checks each summary
# gives the listing the command's own help would.
COMMANDS: dict[str, tuple[str, str]] = {
    "capture": (
        "localdigital_tui.commands.capture:capture",
        "Run interviews and save each answer as it is given.",
    ),
    "convert": (
        "localdigital_tui.commands.convert:convert",
        "Convert answers files (.jsonl, or directories of them) to Parquet: one file, or a"
        " folder of parts when OUTPUT does not end in .parquet.",
    ),
    "decrypt": (
        "localdigital_tui.commands.decrypt:decrypt",
        "Decrypt the personal lines of PERSONAL_FILE with the private key.",
    ),
    "export": (
        "localdigital_tui.commands.export:export",
        "Export records for SPSS (.sav), Stata (.dta), Excel (.xlsx), CSV or Parquet; with no"
        " DATA, the bundled 2013 data.",
    ),
    "keys": (
        "localdigital_tui.commands.keys:keys",
        "Make the age key pair that personal answers are encrypted to.",
    ),
    "merge": (
        "localdigital_tui.commands.merge:merge",
        "Merge INPUT files of responses and personal lines from many laptops.",
    ),
    "report": (
        "localdigital_tui.commands.report:report",
        "Write the report's breakdowns and tables, with charts, as one HTML file; with no"
        " DATA, from the bundled 2013 data.",
    ),
    "show": (
        "localdigital_tui.commands.show:show",
        "Print the questionnaire as a respondent of AUDIENCE reads it.",
    ),
    "simulate": (
        "localdigital_tui.commands.simulate:simulate",
        "Write simulated interviews that follow the questionnaire.",
    ),
    "tables": (
        "localdigital_tui.commands.tables:tables",
        "Print the report's tables from answers files (JSON Lines or Parquet, files or"
        " directories); with no DATA, from the bundled 2013 data.",
    ),
    "weight": (
        "localdigital_tui.commands.weight:weight",
        "Rim-weight complete records to population margins; with no DATA, the bundled data.",
    ),
    "validate": (
        "localdigital_tui.commands.validate:validate",
        "Check questionnaire files (.yaml) and response files (.jsonl).",
    ),
    "xlsform": (
        "localdigital_tui.commands.xlsform:xlsform",
        "Convert the questionnaire to an XLSForm (ODK, KoboToolbox) and back.",
    ),
}


class LocalDigitalGroup(click.Group):
    """A group that imports each command on demand and reports typed errors."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        if parent is None and "terminal_width" not in extra:  # subcommands inherit it
            max_width = extra.get(
                "max_content_width", self.context_settings.get("max_content_width")
            )
            extra["terminal_width"] = help_width(max_width)
        return super().make_context(info_name, args, parent, **extra)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The listing click would make, shortened the same way, from the summaries."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [
            (name, click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit))
            for name in names
        ]
        with formatter.section(gettext("Commands")):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            # Only code that imported the typed errors can raise one, so `--help`
            # need not import them (and dataclasses).
            if "localdigital_tui.errors" not in sys.modules:
                raise
            from localdigital_tui.errors import (
                LocalDigitalError,
                QuestionnaireError,
                XLSFormError,
            )

            if isinstance(exc, QuestionnaireError | XLSFormError):
                for problem in exc.problems:
                    click.echo(str(problem), err=True)
                click.echo(exc.summary, err=True)
                ctx.exit(1)
            if isinstance(exc, LocalDigitalError):
                click.echo(f"error: {exc}", err=True)
                ctx.exit(1)
            if isinstance(exc, OSError) and exc.errno != errno.EPIPE:  # EPIPE: click's
                click.echo(f"error: {os_error_message(exc)}", err=True)
                ctx.exit(1)
            raise


def os_error_message(exc: OSError) -> str:
    """``PATH: reason`` for a file-system error, without the ``[Errno N]`` noise."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:
        return reason
    where = str(exc.filename)
    if exc.filename2 is not None:
        where += f" -> {exc.filename2}"
    return f"{where}: {reason}"


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: unwind as Ctrl-C does (click reports "Aborted!")."""


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signal.Signals(signum).name)


def stop_on_signals() -> None:
    """Make SIGTERM and SIGHUP unwind the command like Ctrl-C, so that temporary files
    are removed and worker processes stopped; only where nothing else set a handler."""
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _stop)


def help_width(max_width: int | None) -> int:
    """The help width click's HelpFormatter picks, found without the ``import shutil``
    it makes for it (~3 ms of every ``--help``): $COLUMNS, else the width of the
    terminal on standard output, else 80; at most max_width (80) minus 2, at least 50.
    tests/test_cli.py checks it against click's own choice.
    """
    if formatting.FORCED_WIDTH is not None:  # set by click.testing.CliRunner
        return formatting.FORCED_WIDTH
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout, closed, or not a terminal
            columns = 0
        columns = columns or 80
    return max(min(columns, max_width or 80) - 2, 50)


@click.group(cls=LocalDigitalGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="localdigital", prog_name="localdigital")
def cli() -> None:
    """Local Digital Today: capture, merge and tabulate the 2013 survey of
    digital technology in local government.

    \b
    Examples:
      localdigital show --audience supplier     read the questionnaire
      localdigital validate questionnaire.yaml  check a questionnaire file
      localdigital validate responses.jsonl     check a file of responses
    """


def main(argv: list[str] | None = None) -> None:
    stop_on_signals()
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="localdigital")
