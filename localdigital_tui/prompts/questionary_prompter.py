"""The prompter for a real terminal: questionary menus and inputs.

Choices get number and letter shortcuts (``1``-``9``, ``0``, ``a``...) besides
the arrow keys, so a scale answer is "3, Enter". Colours follow prompt_toolkit,
which drops them when ``NO_COLOR`` is set. ``input``/``output`` are
prompt_toolkit ``Input``/``Output`` objects (tests pass a pipe input and a
``DummyOutput``); ``None`` means the terminal.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output

from localdigital_tui.prompts.prompter import Option, Validator

SHORTCUT_KEYS = "1234567890abcdefhilmnoprstuvwxyz"  # no j/k/g/q: kept free of other meanings


class QuestionaryPrompter:
    def __init__(self, input: Input | None = None, output: Output | None = None) -> None:
        self.input = input
        self.output = output

    def _io(self) -> dict[str, Any]:
        return {"input": self.input, "output": self.output}

    def say(self, text: str = "") -> None:
        print_formatted_text(FormattedText([("", text)]), output=self.output)

    def _fitted(self, message: str, instruction: str) -> str:
        """The prompt line: ``message`` itself if it fits beside ``instruction``, else
        ``message`` printed above, wrapped, and a short prompt (questionary draws a prompt
        wider than the terminal as a blank screen)."""
        width = shutil.get_terminal_size().columns
        if len(message) + len(instruction) + 4 <= width:
            return message
        self.say(textwrap.fill(message, max(width - 1, 20)))
        return "Answer"

    def _menu_labels(self, options: Sequence[Option]) -> list[str]:
        """The menu's lines: each label, or, when one is too wide for the terminal (the
        menu would cut it), every label printed whole above and short ones in the menu."""
        width = shutil.get_terminal_size().columns
        room = width - 8  # pointer, shortcut key and margin
        labels = [option.label for option in options]
        if all(len(label) <= room for label in labels):
            return labels
        for number, label in enumerate(labels, start=1):
            self.say(textwrap.fill(label, width - 1, initial_indent=f"{number}) ",
                                   subsequent_indent="   "))  # fmt: skip
        return [label if len(label) <= room else label[: room - 1] + "…" for label in labels]

    def select(self, message: str, options: Sequence[Option], *, default: Any = None) -> Any:
        labels = self._menu_labels(options)
        choices = [
            questionary.Choice(
                labels[index],
                value=option.value,
                shortcut_key=SHORTCUT_KEYS[index] if index < len(SHORTCUT_KEYS) else False,
            )
            for index, option in enumerate(options)
        ]
        preset = next((c for c in choices if default is not None and c.value == default), None)
        instruction = "(arrow keys or the number, then Enter)"
        return questionary.select(
            self._fitted(message, instruction),
            choices=choices,
            default=preset,
            use_shortcuts=len(options) <= len(SHORTCUT_KEYS),
            use_jk_keys=False,
            instruction=instruction,
            **self._io(),
        ).unsafe_ask()

    def text(
        self,
        message: str,
        *,
        default: str = "",
        multiline: bool = False,
        validate: Validator | None = None,
        hint: str = "",
    ) -> str:
        def check(typed: str) -> bool | str:
            reason = validate(typed) if validate is not None else None
            return True if reason is None else reason

        instruction = hint
        if multiline:
            instruction = (hint + "; " if hint else "") + "finish with Esc then Enter"
        shown = f"({instruction})" if instruction else ""
        answer = questionary.text(
            self._fitted(message, shown),
            default=default,
            multiline=multiline,
            validate=check,
            instruction=shown or None,
            **self._io(),
        ).unsafe_ask()
        return str(answer)

    def confirm(self, message: str, *, default: bool = False) -> bool:
        answer = questionary.confirm(message, default=default, **self._io()).unsafe_ask()
        return bool(answer)
