"""The ``localdigital`` command line: parse, call core, format. Nothing else.

Commands live one per module in :mod:`localdigital_tui.commands` and are imported
only when used, so ``localdigital --help`` starts without loading pydantic,
polars, textual or questionary. This is the one place where errors become exit
codes: 0 success, 1 bad input or a failed check, 2 a usage error.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from localdigital_tui.errors import LocalDigitalError, QuestionnaireError

# name -> "module:attribute"; a new command is one line here and one module.
COMMANDS: dict[str, str] = {
    "capture": "localdigital_tui.commands.capture:capture",
    "convert": "localdigital_tui.commands.convert:convert",
    "merge": "localdigital_tui.commands.merge:merge",
    "show": "localdigital_tui.commands.show:show",
    "simulate": "localdigital_tui.commands.simulate:simulate",
    "tables": "localdigital_tui.commands.tables:tables",
    "validate": "localdigital_tui.commands.validate:validate",
}


class LocalDigitalGroup(click.Group):
    """A group that imports each command on demand and reports typed errors."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QuestionnaireError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(exc.summary, err=True)
            ctx.exit(1)
        except LocalDigitalError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)


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
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="localdigital")
