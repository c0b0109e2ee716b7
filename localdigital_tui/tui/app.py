"""The capture app: its screens, its app-wide keys, and keys handled in the order typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.tui.key_routing import TakesKeys, paste_into, route_key
from localdigital_tui.tui.palette import PALETTE_KEY, CaptureCommands
from localdigital_tui.tui.screens.help import HelpScreen
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.screens.quit import QuitChoice, QuitDialog
from localdigital_tui.tui.screens.start import StartScreen


class CaptureApp(App[str | None]):
    """Runs interviews one after another; returns a note about a kept draft, if any."""

    CSS_PATH = "app.tcss"
    TITLE = "localdigital capture"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {CaptureCommands}
    COMMAND_PALETTE_BINDING = PALETTE_KEY  # ctrl+p is Back
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding(PALETTE_KEY, "command_palette", "Commands", priority=True, show=False),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(self, store: CaptureStore, *, finished_submits: int = 0) -> None:
        """``finished_submits``: submits a crash had cut short, completed at start-up."""
        super().__init__()
        self.store = store
        self.finished_submits = finished_submits

    async def on_mount(self) -> None:
        # Awaited, like every screen change here: a key read next finds the screen ready.
        await self.push_screen(StartScreen(self.store))
        if self.finished_submits:
            self.notify(
                f"Finished {self.finished_submits} submit(s) that a crash had interrupted.",
                timeout=10,
            )

    async def on_event(self, event: events.Event) -> None:
        """Keys (and pastes) of our screens are handled here, each to the end before the next.

        See :mod:`localdigital_tui.tui.key_routing` for why Textual's own delivery
        (to the widget focused when the key is read) loses keys typed ahead.
        """
        screen = self.screen if self._screen_stack else None
        if isinstance(screen, TakesKeys) and not event.is_forwarded:
            if isinstance(event, events.Key):
                self.app_focus = True
                await route_key(self, screen, event)
                return
            if isinstance(event, events.Paste):
                paste_into(screen.focused, event.text)
                return
        await super().on_event(event)

    def start_screen(self) -> StartScreen:
        return next(s for s in self.screen_stack if isinstance(s, StartScreen))

    def back_to_start(self) -> None:
        """Close the interview (and any dialog over it); the start screen shows the drafts now."""
        start = self.start_screen()
        while self.screen is not start:
            self.pop_screen()
        start.refresh_contents()

    def on_interview_screen_submitted(self, message: InterviewScreen.Submitted) -> None:
        self.back_to_start()
        self.notify(f"Interview submitted ({message.today} today). Ready for the next one.")

    async def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            await self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        interview = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, InterviewScreen)), None
        )
        if interview is None or interview.flow is None:
            self.exit(None)
            return
        if isinstance(self.screen, QuitDialog):
            return
        flow = interview.flow
        interview.keep_draft()
        path = self.store.draft_path(flow.record_id)

        def leave(choice: QuitChoice | None) -> None:
            if choice == "quit":
                self.exit(
                    f"Interview not finished: the draft is kept ({len(flow.answers)} questions "
                    f"answered, {path}). Resume it from the start screen of the next capture."
                )
            elif choice == "start":
                self.back_to_start()
                self.notify("The draft is kept; resume it from this list.")

        await self.push_screen(QuitDialog(path.name), leave)
