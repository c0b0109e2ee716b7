"""What the plain interview needs from a terminal: say, select, type, confirm.

Two prompters implement it. :class:`LinePrompter` reads and writes whole lines
(numbered choices, "type 3 and Enter"): it works on a dumb terminal, through a
pipe, and reads well in a screen reader, which speaks each line once instead of
a redrawn menu. :class:`~localdigital_tui.prompts.questionary_prompter.QuestionaryPrompter`
uses questionary's arrow-key menus on a real terminal.

Both raise :class:`KeyboardInterrupt` on Ctrl-C and :class:`EOFError` when the
input ends; the interview loop turns either into "the draft is kept".
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

BACK_KEY = "<"
CLEAR_KEY = "-"  # line prompter: typed alone, clears the current answer
Validator = Callable[[str], str | None]  # the reason a text is refused, or None if accepted


class Back(enum.Enum):
    """Chosen when the respondent wants the previous question (or row)."""

    BACK = "back"


BACK = Back.BACK


@dataclass(frozen=True)
class Option:
    """One choice of a menu: what is shown and what is returned."""

    label: str
    value: Any


class Prompter(Protocol):
    def say(self, text: str = "") -> None: ...

    def select(self, message: str, options: Sequence[Option], *, default: Any = None) -> Any: ...

    def text(
        self,
        message: str,
        *,
        default: str = "",
        multiline: bool = False,
        validate: Validator | None = None,
        hint: str = "",
    ) -> str: ...

    def confirm(self, message: str, *, default: bool = False) -> bool: ...


class LinePrompter:
    """Line by line on plain text streams: no cursor movement, no colour."""

    def __init__(self, input: TextIO | None = None, output: TextIO | None = None) -> None:
        self.input = input or sys.stdin
        self.output = output or sys.stdout

    def say(self, text: str = "") -> None:
        self.output.write(text + "\n")
        self.output.flush()

    def _read(self, prompt: str) -> str:
        self.output.write(prompt)
        self.output.flush()
        line = self.input.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    def select(self, message: str, options: Sequence[Option], *, default: Any = None) -> Any:
        self.say(message)
        preset = None
        for number, option in enumerate(options, start=1):
            marker = " (current)" if default is not None and option.value == default else ""
            preset = number if marker else preset
            self.say(f"  {number}) {option.label}{marker}")
        hint = f"Choose 1-{len(options)}" + (f", Enter keeps {preset}" if preset else "") + ": "
        while True:
            typed = self._read(hint).strip()
            if not typed and preset:
                return options[preset - 1].value
            if typed == BACK_KEY:
                backs = [o.value for o in options if o.value is BACK]
                if backs:
                    return BACK
            if typed.isdigit() and 1 <= int(typed) <= len(options):
                return options[int(typed) - 1].value
            self.say(f"  Please type a number from 1 to {len(options)}.")

    def text(
        self,
        message: str,
        *,
        default: str = "",
        multiline: bool = False,
        validate: Validator | None = None,
        hint: str = "",
    ) -> str:
        self.say(message)
        hints = [hint] if hint else []
        if multiline:
            hints.append("several lines allowed; finish with an empty line")
        if hints:
            self.say(f"  ({'; '.join(hints)})")
        if default:
            self.say(f"  Current answer: {default} (Enter keeps it, {CLEAR_KEY} clears it)")
        while True:
            typed = self._read_multiline() if multiline else self._read("> ")
            if not typed.strip() and default:
                typed = default
            elif typed.strip() == CLEAR_KEY and default:
                typed = ""
            reason = validate(typed) if validate is not None else None
            if reason is None:
                return typed
            self.say(f"  {reason}")

    def _read_multiline(self) -> str:
        """Lines until an empty one; a first line of ``<`` alone is "back"."""
        lines: list[str] = []
        while True:
            line = self._read("> " if not lines else ". ")
            if not line.strip():
                return "\n".join(lines)
            if not lines and line.strip() == BACK_KEY:
                return BACK_KEY
            lines.append(line)

    def confirm(self, message: str, *, default: bool = False) -> bool:
        choices = "Y/n" if default else "y/N"
        while True:
            typed = self._read(f"{message} ({choices}) ").strip().lower()
            if not typed:
                return default
            if typed in {"y", "yes"}:
                return True
            if typed in {"n", "no"}:
                return False
            self.say("  Please answer y or n.")
