"""A numeric input with its label above and the reason a value is refused below."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static


class NumberField(Vertical):
    """One number (a percentage, an amount in pounds); the screen asks the flow if it is valid."""

    class Changed(Message):
        """The typed text changed; ``row`` is None for a single-number question."""

        def __init__(self, field: NumberField, text: str) -> None:
            super().__init__()
            self.field = field
            self.row = field.row
            self.text = text

        @property
        def control(self) -> NumberField:
            return self.field

    class Submitted(Message):
        """Enter was pressed in the field (made by the view that takes the keys)."""

        def __init__(self, field: NumberField) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> NumberField:
            return self.field

    def __init__(
        self, label: str, *, row: str | None, value: str, unit: str, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="number-field")
        self.row = row
        self._label = label
        self._value = value
        self._unit = unit
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="field-label")
        # select_on_focus off: a digit typed ahead of the focus move must not be selected
        # and then replaced by the next one (25 typed fast became 5)
        field = Input(
            value=self._value, placeholder=self._unit, classes="number-input", select_on_focus=False
        )
        field.cursor_blink = False  # always visible, and no redraws twice a second over SSH
        yield field
        yield Static("", classes="field-error")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def show_error(self, reason: str | None) -> None:
        """Show why the value is refused (``None`` removes the message)."""
        self.error = reason
        self.query_one(".field-error", Static).update(f"✗ {reason}" if reason else "")
        self.set_class(reason is not None, "-invalid")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))
