"""``localdigital keys``: make the age key pair personal answers are encrypted to."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import PathType

if TYPE_CHECKING:
    from pathlib import Path


@click.group()
def keys() -> None:
    """Make the age key pair that personal answers are encrypted to.

    The organiser makes one pair per survey: NAME.pub goes to every laptop
    (capture --encrypt-to NAME.pub), NAME.key stays with the organiser, who
    alone can decrypt (localdigital decrypt). Keep a copy of NAME.key off the
    laptops: without it the encrypted personal answers can never be read.

    \b
    Example:
      localdigital keys new -o organiser
    """


@keys.command()
@click.option(
    "-o",
    "--output",
    "stem",
    required=True,
    type=PathType(dir_okay=False),
    help="NAME: writes NAME.key (private, mode 0600) and NAME.pub (public).",
)
def new(stem: Path) -> None:
    """Write a new key pair, NAME.key and NAME.pub; never over existing files.

    \b
    Example:
      localdigital keys new -o organiser
    """
    from localdigital_tui.core.encryption.keys import new_key_pair
    from localdigital_tui.core.files.durable import make_folder

    make_folder(stem.parent)
    made = new_key_pair(stem)
    click.echo(f"private key: {made.identity} (mode 0600)")
    click.echo("  keep it, and a copy off the laptops: without it the personal answers")
    click.echo("  encrypted to this pair can never be read; it never goes on a laptop")
    click.echo(f"public key:  {made.recipient} ({made.public_key})")
    click.echo(f"  for the laptops: localdigital capture --encrypt-to {made.recipient.name} ...")
