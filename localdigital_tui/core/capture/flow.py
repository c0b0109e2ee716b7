"""The interview flow: the one object both front ends drive.

It knows which questions are asked (skip rules applied to the answers so far), where
the interview is, whether an answer is acceptable, what required items are missing,
the time spent on each question, and it makes the response and personal records.
Widgets and prompts only show what it says and pass on what the respondent chose."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from localdigital_tui.core.capture.missing import MissingItem, missing_items
from localdigital_tui.core.questionnaire import answer_rules
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumbersQuestion,
    Question,
)
from localdigital_tui.core.questionnaire.skip_rules import is_asked
from localdigital_tui.core.records.model import (
    PersonalRecord,
    QuestionnaireRef,
    ResponseRecord,
    Status,
    utc_now,
)
from localdigital_tui.errors import FlowError

SEALED_ANSWER = "(given before, encrypted: kept unless answered again)"


class InterviewFlow:
    """One interview in progress. Position ``len(asked)`` means "at the review"."""

    def __init__(
        self,
        loaded: LoadedQuestionnaire,
        audience: str,
        *,
        record_id: str | None = None,
        started_at: datetime | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if audience not in loaded.questionnaire.audience_codes():
            raise FlowError(
                f"unknown audience '{audience}'; expected one of: "
                + ", ".join(loaded.questionnaire.audience_codes())
            )
        self.loaded = loaded
        self.questionnaire = loaded.questionnaire
        self.audience = audience
        self.record_id = record_id or str(uuid.uuid4())
        self.started_at = started_at or utc_now()
        self.answers: dict[str, Any] = {}
        self.timings: dict[str, float] = {}
        # Personal answers sealed before a resume (code -> ciphertext): unreadable on this
        # laptop, kept unless a new answer replaces them (a blank answer keeps them).
        self.sealed: dict[str, str] = {}
        # The language each answer was given in (paradata; only when languages are declared).
        self.languages: dict[str, str] = {}
        self._clock = clock
        self._position = 0
        self._entered_at = clock()

    @property
    def asked(self) -> list[Question]:
        """The questions put to this respondent, given the answers so far."""
        return [q for q in self.questionnaire.questions if is_asked(q, self.audience, self.answers)]

    @property
    def position(self) -> int:
        return self._position

    @property
    def total(self) -> int:
        return len(self.asked)

    @property
    def current(self) -> Question | None:
        """The question on screen, or ``None`` at the review."""
        asked = self.asked
        return asked[self._position] if self._position < len(asked) else None

    @property
    def at_review(self) -> bool:
        return self.current is None

    def is_answered(self, code: str) -> bool:
        """Answered, in this session or (sealed) before a resume."""
        return code in self.answers or code in self.sealed

    def text(self, question: Question) -> str:
        return question.text_for(self.audience)

    def next(self) -> Question | None:
        if self.at_review:
            raise FlowError("already at the review; there is no next question")
        self._move_to(self._position + 1)
        return self.current

    def back(self) -> Question | None:
        if self._position == 0:
            raise FlowError("already at the first question")
        self._move_to(self._position - 1)
        return self.current

    def go_to(self, code: str) -> Question:
        """Jump to a question (from the review, to edit an answer)."""
        codes = [q.code for q in self.asked]
        if code not in codes:
            raise FlowError(f"question '{code}' is not asked of this respondent")
        self._move_to(codes.index(code))
        question = self.current
        assert question is not None
        return question

    def go_to_review(self) -> None:
        self._move_to(len(self.asked))

    def _move_to(self, position: int) -> None:
        self._record_time()
        self._position = max(0, min(position, len(self.asked)))

    def _record_time(self) -> None:
        now = self._clock()
        question = self.current
        if question is not None:
            spent = max(0.0, now - self._entered_at)
            self.timings[question.code] = round(self.timings.get(question.code, 0.0) + spent, 3)
        self._entered_at = now

    # ----------------------------------------------------------------- answers
    def answer(self, code: str, value: Any) -> Any:
        """Set a whole answer; returns the stored value. ``None`` or blank text clears it."""
        question = self._question(code)
        if value is None:
            return self.clear(code)
        checked = answer_rules.check_whole(self.questionnaire, question, value)
        if checked is None or checked == {}:
            return self.clear(code)
        self.answers[code] = checked
        self.sealed.pop(code, None)
        self._note_language(code)
        self._drop_skipped()
        return checked

    def answer_row(self, code: str, row: str, value: Any) -> Any:
        """Set one row of a grid or numbers question. ``None`` clears the row."""
        question = self._question(code)
        if not isinstance(question, GridQuestion | NumbersQuestion):
            raise FlowError(f"question '{code}' has no rows")
        rows = dict(self.answers.get(code, {}))
        if value is None or (isinstance(value, str) and not value.strip()):
            rows.pop(row, None)
        elif isinstance(question, GridQuestion):
            rows[row] = answer_rules.check_grid_row(self.questionnaire, question, row, value)
        else:
            rows[row] = answer_rules.check_numbers_row(question, row, value)
        if rows:
            self.answers[code] = rows
            self._note_language(code)
        else:
            self.answers.pop(code, None)
        return rows.get(row)

    def _note_language(self, code: str) -> None:
        if self.questionnaire.language is not None:
            self.languages[code] = self.questionnaire.language

    def _answer_languages(self) -> dict[str, str]:
        """The paradata ``languages``: only when some answer was given in a language other
        than the default (an interview wholly in the default language needs no note)."""
        given = {c: lang for c, lang in self.languages.items() if c in self.answers}
        default = self.questionnaire.default_language
        return given if any(lang != default for lang in given.values()) else {}

    def use_language(self, language: str) -> None:
        """Show the texts in ``language`` from now on (codes, answers and position stay);
        a text without a translation reads as in the default language."""
        self.loaded = self.loaded.in_language(language, allow_missing=True)
        self.questionnaire = self.loaded.questionnaire

    def dropped_by(self, audience: str) -> list[Question]:
        """The answered questions a respondent of ``audience`` is not asked."""
        return [
            q for q in self.questionnaire.questions
            if q.code in self.answers and not is_asked(q, audience, self.answers)
        ]  # fmt: skip

    def change_audience(self, audience: str) -> list[Question]:
        """Become a respondent of ``audience``, back at the first question: answers to
        questions both are asked are kept, the others dropped (and returned)."""
        if audience not in self.questionnaire.audience_codes():
            raise FlowError(f"unknown audience '{audience}'")
        dropped = self.dropped_by(audience)
        self._record_time()
        self.audience = audience
        self._drop_skipped()
        self._position = 0
        return dropped

    def clear(self, code: str) -> None:
        self._question(code)
        self.answers.pop(code, None)
        self._drop_skipped()

    def _question(self, code: str) -> Question:
        try:
            question = self.questionnaire.question(code)
        except KeyError:
            raise FlowError(f"unknown question '{code}'") from None
        if not is_asked(question, self.audience, self.answers):
            raise FlowError(f"question '{code}' is not asked of this respondent")
        return question

    def _drop_skipped(self) -> None:
        """Forget answers to questions that the skip rules now leave out."""
        current = self.current
        changed = True
        while changed:
            changed = False
            for question in self.questionnaire.questions:
                if question.code in self.answers and not is_asked(
                    question, self.audience, self.answers
                ):
                    del self.answers[question.code]
                    changed = True
        codes = [q.code for q in self.asked]
        self.sealed = {code: text for code, text in self.sealed.items() if code in codes}
        if current is not None:
            self._position = codes.index(current.code) if current.code in codes else self._position

    # ----------------------------------------------------------------- checks
    def missing(self, question: Question | None = None) -> list[MissingItem]:
        """Required questions and rows not yet answered (of one question, or all)."""
        questions = [question] if question is not None else self.asked
        return missing_items(questions, {**self.sealed, **self.answers}, self.audience)

    # ---------------------------------------------------------------- records
    def build_records(
        self,
        *,
        status: Status,
        interviewer: str,
        device: str,
        event: str | None = None,
        submitted_at: datetime | None = None,
    ) -> tuple[ResponseRecord, PersonalRecord]:
        """The answers record and the personal record. A complete one needs nothing missing."""
        self._record_time()
        if status == "complete":
            missing = self.missing()
            if missing:
                raise FlowError("required answers missing: " + ", ".join(map(str, missing)))
            submitted_at = submitted_at or utc_now()
        asked = {q.code: q for q in self.asked}
        q = self.questionnaire
        ref = QuestionnaireRef(id=q.id, version=q.version, sha256=self.loaded.sha256)
        public = {c: v for c, v in self.answers.items() if c in asked and not asked[c].personal}
        personal = {c: v for c, v in self.answers.items() if c in asked and asked[c].personal}
        record = ResponseRecord(
            record_id=self.record_id,
            questionnaire=ref,
            audience=self.audience,
            interviewer=interviewer,
            device=device,
            event=event,
            started_at=self.started_at,
            submitted_at=submitted_at,
            status=status,
            answers=public,
            timings={c: t for c, t in self.timings.items() if c in asked},
            languages=self._answer_languages(),
        )
        return record, PersonalRecord(record_id=self.record_id, questionnaire=ref, answers=personal)
