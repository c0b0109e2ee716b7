"""A yes/no question in a box: Enter or y confirms, Escape or n cancels."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from localdigital_tui.tui.key_routing import TakesKeys


class ConfirmDialog(TakesKeys, ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n,escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, message: str, *, confirm: str = "Yes", cancel: str = "Cancel") -> None:
        super().__init__()
        self.message = message
        self.confirm = confirm
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.message, classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.confirm} (y)", id="confirm", variant="primary")
                yield Button(f"{self.cancel} (n)", id="cancel")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#confirm", Button))

    async def take_key(self, event: events.Key) -> bool:
        """Enter answers with the focused button (at once: a Button would answer later)."""
        if event.key != "enter":
            return False
        self.dismiss(isinstance(self.focused, Button) and self.focused.id == "confirm")
        return True

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_answer(self, confirmed: bool) -> None:
        self.dismiss(confirmed)
