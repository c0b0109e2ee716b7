"""A list of choices: arrows and Enter, or the choice's number key, pick one.

Keys reach it through :meth:`ChoiceList.take_key` (the screen asks what a key
means here and acts on the answer at once); a mouse click posts the same
message.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ChoiceList(OptionList):
    """Choices numbered 1..n; the current answer is marked and highlighted."""

    class Chosen(Message):
        """The respondent picked the choice with this code (``key``: a number or enter)."""

        def __init__(self, choice_list: ChoiceList, code: str, key: str) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.code = code
            self.key = key

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    class Cleared(Message):
        """The respondent withdrew the answer."""

        def __init__(self, choice_list: ChoiceList) -> None:
            super().__init__()
            self.choice_list = choice_list

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        *,
        current: str | None = None,
        id: str | None = None,
    ) -> None:
        """``choices`` are (code, label) pairs; ``current`` is the code already chosen."""
        self.codes = [code for code, _ in choices]
        options = [
            Option(f"{'●' if code == current else '○'} {index}  {label}", id=code)
            for index, (code, label) in enumerate(choices, start=1)
        ]
        super().__init__(*options, id=id)
        self._current = current

    def on_mount(self) -> None:
        self.highlighted = self.codes.index(self._current) if self._current in self.codes else 0

    def take_key(self, event: events.Key) -> Message | None:
        """What ``event`` means here: a choice (number key, Enter), a clearing, or nothing.

        Arrows and the like are not handled here: they are OptionList bindings.
        """
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.codes):
                self.highlighted = index
                return self.Chosen(self, self.codes[index], event.character)
            return None
        if event.key == "enter" and self.highlighted is not None:
            return self.Chosen(self, self.codes[self.highlighted], "enter")
        if event.key in ("delete", "backspace"):
            return self.Cleared(self)
        return None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.Chosen(self, event.option_id, "enter"))
