"""Leaving an interview half done: the draft is kept either way."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from localdigital_tui.tui.key_routing import TakesKeys

QuitChoice = Literal["quit", "start", "cancel"]


class QuitDialog(TakesKeys, ModalScreen[QuitChoice]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "choose('quit')", "Quit", show=False),
        Binding("s", "choose('start')", "Start screen", show=False),
        Binding("escape,c", "choose('cancel')", "Cancel", show=False),
    ]

    def __init__(self, draft_name: str) -> None:
        super().__init__()
        self.draft_name = draft_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                "Leave this interview?\n"
                f"The draft is kept ({self.draft_name}); "
                "resume it from the start screen.",
                classes="dialog-message",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Quit capture (q)", id="quit", variant="error")
                yield Button("Start screen (s)", id="start")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#cancel", Button))

    async def take_key(self, event: events.Key) -> bool:
        """Enter chooses the focused button (at once: a Button would answer later)."""
        if event.key != "enter":
            return False
        focused = self.focused
        self.action_choose(focused.id or "cancel" if isinstance(focused, Button) else "cancel")
        return True

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        if choice == "quit":
            self.dismiss("quit")
        elif choice == "start":
            self.dismiss("start")
        else:
            self.dismiss("cancel")
