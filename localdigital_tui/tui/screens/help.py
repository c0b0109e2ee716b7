"""The keys, in one place."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from localdigital_tui.tui.key_routing import TakesKeys

KEYS = """\
[b]Everywhere[/b]
  F1            this help
  ctrl+o        commands: go to a question, the next
                missing answer, review, submit, quit
  ctrl+q        quit (mid-interview the draft is kept)

[b]Start screen[/b]
  Enter         start a new interview, or resume a draft
  Delete        set the highlighted draft aside

[b]Respondent type[/b] (the introduction above it, to read out)
  PgUp PgDn     scroll the introduction
  F2            the introduction in the next language
  1 2           council or supplier; to change it later,
                ctrl+p on the first question, or the review

[b]In an interview[/b]
  ctrl+n        next question (Enter too, not in long text)
  ctrl+p        previous question
  ctrl+r        review all answers
  F2            the next language (questionnaires with several)
  Tab           next field (Q9 has two)

[b]Choices[/b]
  1-9           choose and move on
  ↑ ↓ Enter     move, then choose
  Delete        clear the answer

[b]Grids[/b] (one row per statement)
  1-5           answer the focused row, on to the next
  ↑ ↓           move between rows
  Delete or 0   clear the focused row
  *             a required row; leaving with required rows
                unanswered asks first (leave them, or go back)

[b]Numbers[/b]
  A refused value shows the reason under the field:
  fix or clear it to move on.

[b]Review[/b]
  Enter         change the answer under the cursor
  m             the next missing answer
  ctrl+s        submit (asks first), then the start screen

Every answer is saved to a draft as soon as it is given;
after a crash the start screen offers the draft to resume.

Escape or F1 closes this help."""


class HelpScreen(TakesKeys, ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "app.pop_screen", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(KEYS)
