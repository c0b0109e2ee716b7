"""The command palette (ctrl+o): jump to a question, review, next missing, submit, quit.

Textual's palette, with one provider: each screen that :class:`OffersCommands`
lists what it can do now (the interview: every question asked of this respondent,
the review, the next missing answer, submit; the start screen: a new interview
and the drafts), and the app adds help and quit. ctrl+o, because ctrl+p (Textual's
default) is Back here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider

PALETTE_KEY = "ctrl+o"


class PaletteCommand(NamedTuple):
    name: str
    help: str | None
    run: Callable[[], Awaitable[object] | None]


class OffersCommands:
    """Mix into a screen: what its command palette offers, in the order listed."""

    def palette_commands(self) -> list[PaletteCommand]:
        return []


class CaptureCommands(Provider):
    """The commands of the screen the palette was opened on, then the app's."""

    def _commands(self) -> list[PaletteCommand]:
        screen = self.screen
        found = screen.palette_commands() if isinstance(screen, OffersCommands) else []
        app = self.app
        return [
            *found,
            PaletteCommand("Help", "The keys of this screen (F1)", partial(app.run_action, "help")),
            PaletteCommand(
                "Quit",
                "Leave capture; an unfinished interview is kept as a draft",
                partial(app.run_action, "quit"),
            ),
        ]

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            if (score := matcher.match(command.name)) > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
