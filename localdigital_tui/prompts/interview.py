"""The plain interview: a start menu, then one prompt per question, a review, submit.

It drives the same :class:`InterviewFlow` and :class:`CaptureStore` as the
Textual app and writes the same files. The caller holds the output lock.
"""

from __future__ import annotations

import enum
import os
import sys
import textwrap
from typing import Any

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.missing import question_names
from localdigital_tui.core.capture.storage import CaptureStore, DraftInfo
from localdigital_tui.core.questionnaire.model import Questionnaire
from localdigital_tui.errors import DraftError, FlowError
from localdigital_tui.prompts.prompter import BACK, LinePrompter, Option, Prompter
from localdigital_tui.prompts.question_prompts import RowStart, Step, ask_question
from localdigital_tui.prompts.review import heading_line, question_label, review_lines, short_answer


class Action(enum.Enum):
    NEW = "new"
    DISCARD = "discard"
    QUIT = "quit"
    SUBMIT = "submit"
    EDIT = "edit"
    LEAVE = "leave"
    AUDIENCE = "audience"


def default_prompter(input: Any = None, output: Any = None) -> Prompter:
    """Line prompts on a dumb terminal or a pipe; questionary menus on a real terminal."""
    if input is None and output is None:
        dumb = os.environ.get("TERM", "").lower() in {"", "dumb", "unknown"}
        if dumb or not (sys.stdin.isatty() and sys.stdout.isatty()):
            return LinePrompter()
    from localdigital_tui.prompts.questionary_prompter import QuestionaryPrompter

    return QuestionaryPrompter(input, output)


def run_plain(
    store: CaptureStore, *, input: Any = None, output: Any = None, prompter: Prompter | None = None
) -> int:
    """Run interviews until the interviewer quits; returns how many were submitted.

    ``input``/``output`` are prompt_toolkit objects for questionary (tests pass a
    pipe input); ``prompter`` replaces the prompts altogether.
    """
    return PlainCapture(store, prompter or default_prompter(input, output)).run()


class PlainCapture:
    def __init__(self, store: CaptureStore, prompter: Prompter) -> None:
        self.store = store
        self.prompter = prompter
        self.submitted = 0

    def say(self, text: str = "") -> None:
        self.prompter.say(text)

    # -------------------------------------------------------------- start menu
    def run(self) -> int:
        questionnaire = self.store.loaded.questionnaire
        self.say(f"{questionnaire.title} - plain interview mode")
        for record_id in self.store.complete_interrupted_submits():
            self.say(f"Finished submitting {record_id}, which a crash had interrupted.")
        while True:
            try:
                chosen = self._start_menu()
            except (KeyboardInterrupt, EOFError):
                self.say()
                chosen = Action.QUIT
            if chosen is Action.QUIT:
                self.say(f"Goodbye. {self.submitted} interview(s) submitted in this session.")
                return self.submitted
            if chosen is Action.NEW:
                flow = self._new_interview()
            elif chosen is Action.DISCARD:
                self._discard()
                continue
            else:
                flow = self._resume(chosen)
            if flow is not None:
                self._interview(flow)

    def _start_menu(self) -> Any:
        store = self.store
        self.say()
        event = f", event {store.event}" if store.event else ""
        self.say(f"Interviewer {store.interviewer}{event}, device {store.device}")
        self.say(f"Saving to {store.responses_path()} ({store.submitted_today()} submitted today)")
        for broken in store.unreadable_drafts():
            self.say(f"Cannot read draft {broken.path}: {broken.reason} (left in place)")
        drafts = store.list_drafts()
        options = [Option("Start a new interview", Action.NEW)]
        options += [
            Option("Resume: " + describe_draft(d, self.store.loaded.questionnaire), d.record_id)
            for d in drafts
        ]
        if drafts:
            options.append(Option("Discard a draft", Action.DISCARD))
        options.append(Option("Quit", Action.QUIT))
        return self.prompter.select("What next?", options)

    def _new_interview(self) -> InterviewFlow | None:
        questionnaire = self.store.loaded.questionnaire
        self.say(introduction_text(questionnaire))
        options = [Option(a.label, a.code) for a in questionnaire.audiences] + [
            Option("< Back", BACK)
        ]
        chosen = self.prompter.select(questionnaire.audience_question.text, options)
        return None if chosen is BACK else self.store.new_interview(chosen)

    def _resume(self, record_id: str) -> InterviewFlow | None:
        try:
            return self.store.resume(record_id)
        except DraftError as exc:
            self.say(f"Cannot resume: {exc}")
            return None

    def _discard(self) -> None:
        drafts = self.store.list_drafts()
        options = [
            Option(describe_draft(d, self.store.loaded.questionnaire), d.record_id) for d in drafts
        ] + [Option("< Back", BACK)]
        chosen = self.prompter.select("Discard which draft?", options)
        if chosen is not BACK and self.prompter.confirm(
            "Discard it? It is moved to drafts/discarded/ and no longer offered."
        ):
            self.store.discard_draft(chosen)
            self.say("Draft discarded.")

    # --------------------------------------------------------------- interview
    def _interview(self, flow: InterviewFlow) -> None:
        try:
            self._ask_all(flow)
        except (KeyboardInterrupt, EOFError):
            path = self.store.save_draft(flow)
            self.say()
            self.say(f"Interview paused. The draft is kept ({path});")
            self.say("resume it from the start menu. Ctrl-C there quits.")

    def _ask_all(self, flow: InterviewFlow) -> None:
        store = self.store
        editing = False
        rows_from: RowStart = "unanswered"  # a resumed grid carries on at its first open row
        while True:
            if flow.at_review:
                action = self._review(flow)
                if action is Action.SUBMIT or action is Action.LEAVE:
                    return
                if action is Action.AUDIENCE:
                    self._change_audience(flow)
                elif action is BACK:
                    flow.back()
                    rows_from = "last"
                else:
                    flow.go_to(action)
                    editing = True
                store.save_draft(flow)
                continue
            question = flow.current
            assert question is not None
            self.say()
            if question.heading:
                self.say(question.heading)
            self.say(heading_line(flow, question))
            if question.help:
                self.say(question.help)
            step = ask_question(
                self.prompter, flow, question, lambda: store.save_draft(flow), rows_from=rows_from
            )
            rows_from = "first"
            if step is Step.BACK:
                editing = False
                if flow.position == 0:
                    self._change_audience(flow)
                    store.save_draft(flow)
                    continue
                flow.back()
                rows_from = "last"
            elif editing:
                flow.go_to_review()
                editing = False
            else:
                flow.next()
            store.save_draft(flow)

    def _review(self, flow: InterviewFlow) -> Any:
        """Show the review until the interviewer submits, leaves, goes back or picks a question."""
        while True:
            self.say()
            for line in review_lines(flow):
                self.say(line)
            missing = flow.missing()
            options = []
            if missing:
                options.append(Option("Go to the first missing answer", missing[0].question))
            else:
                options.append(Option("Submit this interview", Action.SUBMIT))
            options += [
                Option("Change an answer", Action.EDIT),
                Option("Change the respondent type", Action.AUDIENCE),
                Option("< Back to the last question", BACK),
                Option("Leave it for now (the draft is kept)", Action.LEAVE),
            ]
            chosen = self.prompter.select("Review", options)
            if chosen is Action.EDIT:
                chosen = self._pick_question(flow)
                if chosen is BACK:
                    continue
            elif chosen is Action.SUBMIT and not self._submit(flow):
                continue
            elif chosen is Action.LEAVE:
                self.say(f"The draft is kept ({self.store.draft_path(flow.record_id)}).")
            return chosen

    def _change_audience(self, flow: InterviewFlow) -> None:
        """The respondent type again; a change drops the answers the new type is not asked."""
        q = flow.questionnaire
        options = [Option(a.label, a.code) for a in q.audiences] + [Option("< Back", BACK)]
        chosen = self.prompter.select(q.audience_question.text, options, default=flow.audience)
        if chosen is BACK or chosen == flow.audience:
            return
        dropped = flow.dropped_by(chosen)
        if dropped:
            names = question_names(dropped, flow.audience)
            self.say(f"These answers will be dropped: {names.rstrip('.')}. The others are kept.")
            if not self.prompter.confirm("Change the respondent type?", default=False):
                return
        flow.change_audience(chosen)

    def _pick_question(self, flow: InterviewFlow) -> Any:
        options = [
            Option(
                f"{question_label(flow, q)} {flow.text(q)[:50]} - {short_answer(flow, q)}", q.code
            )
            for q in flow.asked
        ]
        return self.prompter.select("Change which answer?", [*options, Option("< Back", BACK)])

    def _submit(self, flow: InterviewFlow) -> bool:
        if not self.prompter.confirm("Submit this interview now?", default=True):
            return False
        try:
            record = self.store.submit(flow)
        except FlowError as exc:
            self.say(f"Cannot submit: {exc}")
            return False
        self.submitted += 1
        self.say(
            f"Submitted {record.record_id} to {self.store.responses_path()} "
            f"({self.store.submitted_today()} today). Thank the respondent!"
        )
        return True


def describe_draft(draft: DraftInfo, questionnaire: Questionnaire) -> str:
    """``council, started 24 Jun 09:14 by ann, 5 of 20 answered, at Q4``."""
    where = "at the review"
    if draft.position:
        try:
            number = questionnaire.question(draft.position).number
        except KeyError:
            number = None
        where = f"at Q{number}" if number else f"at {draft.position}"
    started = draft.started_at.astimezone()
    text = (
        (f"{draft.who}, " if draft.who else "")
        + f"{draft.audience}, started {started:%d %b %H:%M} by {draft.interviewer}, "
        f"{draft.answered} of {draft.total} answered, {where}"
    )
    if not draft.same_questionnaire:
        text += f" (questionnaire {draft.questionnaire_version}: cannot be resumed here)"
    return text


def introduction_text(questionnaire: Questionnaire, width: int = 78) -> str:
    """The heading (the anonymity statement) and the introduction, to read out."""
    lines = [questionnaire.heading, ""] if questionnaire.heading else []
    for line in questionnaire.introduction.strip().splitlines():
        lines += textwrap.wrap(line, width) or [""]
    return "\n".join(lines)
