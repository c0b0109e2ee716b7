"""The start screen: who is capturing where, today's count, your day, new interview, drafts."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from localdigital_tui.core.capture.day_summary import interviewer_day
from localdigital_tui.core.capture.storage import CaptureStore, DraftInfo
from localdigital_tui.core.questionnaire.model import Questionnaire
from localdigital_tui.errors import LocalDigitalError
from localdigital_tui.tui.key_routing import TakesKeys
from localdigital_tui.tui.palette import OffersCommands, PaletteCommand
from localdigital_tui.tui.screens.confirm import ConfirmDialog
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.widgets.keys_line import KeysLine

NEW = "__new__"


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%d %b %H:%M")


def where_stopped(draft: DraftInfo, questionnaire: Questionnaire) -> str:
    if draft.position is None:
        return "at the review"
    try:
        number = questionnaire.question(draft.position).number
    except KeyError:
        return f"at {draft.position}"
    return f"at Q{number}" if number else "at the profile"


def draft_line(draft: DraftInfo, questionnaire: Questionnaire) -> str:
    where = where_stopped(draft, questionnaire)
    line = (
        f"Resume: {draft.who + ' · ' if draft.who else ''}{draft.audience} · started "
        f"{local_time(draft.started_at)} by "
        f"{draft.interviewer} · {draft.answered} of {draft.total} answered · {where} · "
        f"last saved {local_time(draft.updated_at)}"
    )
    if not draft.same_questionnaire:
        line += f" · other questionnaire ({draft.questionnaire_version})"
    return line


class StartScreen(TakesKeys, OffersCommands, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "discard", "Discard draft"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, store: CaptureStore) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        title = self.store.loaded.questionnaire.title
        yield Static(f"{title} · capture", id="title")
        yield Static(id="session")
        yield OptionList(id="start-menu")
        yield Static(id="unreadable")
        yield KeysLine()

    def on_mount(self) -> None:
        self.refresh_contents()
        self.set_focus(self.query_one("#start-menu", OptionList))

    def refresh_contents(self) -> None:
        """Today's count and the drafts as they are now (called whenever they may have changed)."""
        store = self.store
        rows = [
            ("Interviewer", store.interviewer),
            ("Event", store.event or "(none given)"),
            ("Device", store.device),
            ("Output file", str(store.responses_path())),
            ("Submitted today", str(store.submitted_today())),
            ("Your day", interviewer_day(store.responses_path(), store.interviewer).describe()),
        ]
        info = "\n".join(f"{label:<17}{value}" for label, value in rows)
        self.query_one("#session", Static).update(info)

        menu = self.query_one("#start-menu", OptionList)
        menu.clear_options()
        menu.add_option(Option(Text("▶ New interview", style="bold"), id=NEW))
        drafts = store.list_drafts()
        for draft in drafts:
            menu.add_option(
                Option(draft_line(draft, store.loaded.questionnaire), id=draft.record_id)
            )
        menu.highlighted = 0
        broken = store.unreadable_drafts()
        self.query_one("#unreadable", Static).update(
            "\n".join(f"Cannot read draft {b.path.name}: {b.reason}" for b in broken)
        )

    def palette_commands(self) -> list[PaletteCommand]:
        found = [PaletteCommand("New interview", "Start with the respondent type",
                                partial(self.open, NEW))]  # fmt: skip
        for draft in self.store.list_drafts():
            line = draft_line(draft, self.store.loaded.questionnaire)
            found.append(
                PaletteCommand(line, "Resume this draft", partial(self.open, draft.record_id))
            )
        return found

    async def take_key(self, event: events.Key) -> bool:
        """Enter opens the highlighted line at once (the interview is ready for the next key)."""
        if event.key != "enter":
            return False
        option = self.query_one("#start-menu", OptionList).highlighted_option
        if option is not None and option.id is not None:
            await self.open(option.id)
        return True

    @on(OptionList.OptionSelected, "#start-menu")
    async def clicked(self, event: OptionList.OptionSelected) -> None:
        if self.app.screen is self and event.option_id is not None:
            await self.open(event.option_id)

    async def open(self, option_id: str) -> None:
        """A new interview (it starts with the respondent type), or a draft where it stopped."""
        if option_id == NEW:
            await self.app.push_screen(InterviewScreen(self.store))
            return
        try:
            flow = self.store.resume(option_id)
        except LocalDigitalError as refused:
            self.notify(str(refused), severity="error", timeout=10)
            return
        await self.app.push_screen(InterviewScreen(self.store, flow))

    async def action_discard(self) -> None:
        menu = self.query_one("#start-menu", OptionList)
        option = menu.highlighted_option
        if option is None or option.id in (None, NEW):
            return
        record_id = option.id

        def discard(confirmed: bool | None) -> None:
            if confirmed:
                self.store.discard_draft(record_id)
                self.notify("Draft set aside in drafts/discarded/.")
                self.refresh_contents()

        await self.app.push_screen(
            ConfirmDialog(f"Discard this draft?\n{option.prompt}", confirm="Discard"), discard
        )
