"""Checks a schema cannot express: unique codes, references between parts of the file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from localdigital_tui.core.questionnaire.model import (
    Choice,
    GridQuestion,
    NumbersQuestion,
    Questionnaire,
    Row,
    SingleChoiceQuestion,
    Wording,
)
from localdigital_tui.core.questionnaire.positions import PositionIndex
from localdigital_tui.errors import Problem


def check_consistency(questionnaire: Questionnaire, positions: PositionIndex) -> list[Problem]:
    """Every cross-reference problem in a shape-valid questionnaire, in file order."""
    checker = _Checker(questionnaire, positions)
    checker.run()
    return sorted(checker.problems, key=lambda p: (p.location.line or 0, p.location.column or 0))


class _Checker:
    def __init__(self, questionnaire: Questionnaire, positions: PositionIndex) -> None:
        self.q = questionnaire
        self.positions = positions
        self.problems: list[Problem] = []
        self.audiences = questionnaire.audience_codes()

    def report(self, path: Sequence[Any], message: str) -> None:
        self.problems.append(Problem(self.positions.locate(path), message))

    def run(self) -> None:
        self.unique(
            [(("audiences", i, "code"), a.code) for i, a in enumerate(self.q.audiences)],
            "audience code",
        )
        for name, choices in self.q.scales.items():
            self.choices(("scales", name), choices)
        question_codes: list[tuple[Sequence[Any], str]] = [
            (("audience_question", "code"), self.q.audience_question.code)
        ]
        question_codes += [
            (("questions", i, "code"), q.code) for i, q in enumerate(self.q.questions)
        ]
        self.unique(question_codes, "question code")
        for index, question in enumerate(self.q.questions):
            self.question(index, question)

    def unique(self, items: Iterable[tuple[Sequence[Any], str]], what: str) -> None:
        first_seen: dict[str, Sequence[Any]] = {}
        for path, code in items:
            if code in first_seen:
                first_line = self.positions.line_of(first_seen[code])
                self.report(path, f"duplicate {what} '{code}' (first defined on line {first_line})")
            else:
                first_seen[code] = path

    def wording(self, path: Sequence[Any], wording: Wording) -> None:
        if isinstance(wording, str):
            return
        for key in wording:
            if key not in self.audiences:
                self.report(
                    (*path, key),
                    f"unknown audience '{key}' in wording; expected one of: "
                    + ", ".join(self.audiences),
                )
        missing = [a for a in self.audiences if a not in wording]
        if missing:
            self.report(path, "wording has no text for audience " + ", ".join(missing))

    def choices(self, path: Sequence[Any], choices: Sequence[Choice]) -> None:
        self.unique([((*path, i, "code"), c.code) for i, c in enumerate(choices)], "choice code")
        for i, choice in enumerate(choices):
            self.wording((*path, i, "label"), choice.label)

    def rows(self, path: Sequence[Any], rows: Sequence[Row]) -> None:
        self.unique([((*path, i, "code"), r.code) for i, r in enumerate(rows)], "row code")
        for i, row in enumerate(rows):
            self.wording((*path, i, "label"), row.label)

    def question(self, index: int, question: Any) -> None:
        path = ("questions", index)
        self.wording((*path, "text"), question.text)
        for audience in question.audiences or []:
            if audience not in self.audiences:
                self.report(
                    (*path, "audiences"),
                    f"unknown audience '{audience}'; expected one of: " + ", ".join(self.audiences),
                )
        if isinstance(question, SingleChoiceQuestion):
            self.choices((*path, "choices"), question.choices)
        if isinstance(question, GridQuestion):
            if question.scale not in self.q.scales:
                self.report(
                    (*path, "scale"),
                    f"unknown scale '{question.scale}'; expected one of: "
                    + ", ".join(self.q.scales),
                )
            self.rows((*path, "rows"), question.rows)
        if isinstance(question, NumbersQuestion):
            self.rows((*path, "rows"), question.rows)
        if question.ask_if is not None:
            self.ask_if(index, question)

    def ask_if(self, index: int, question: Any) -> None:
        path = ("questions", index, "ask_if", "question")
        target_code = question.ask_if.question
        earlier = {q.code: (i, q) for i, q in enumerate(self.q.questions[:index])}
        later = {q.code: i for i, q in reversed(list(enumerate(self.q.questions))) if i >= index}
        if target_code not in earlier:
            if target_code in later:
                line = self.positions.line_of(("questions", later[target_code]))
                self.report(
                    path,
                    f"ask_if names question '{target_code}', which is this one or comes later "
                    f"(line {line}); a skip condition may only look at earlier questions",
                )
            else:
                self.report(path, f"ask_if names unknown question '{target_code}'")
            return
        _, target = earlier[target_code]
        if not isinstance(target, SingleChoiceQuestion):
            self.report(
                path,
                f"ask_if names question '{target_code}' of kind '{target.kind}'; "
                "expected a single_choice question",
            )
            return
        codes = target.choice_codes()
        for i, code in enumerate(question.ask_if.in_):
            if code not in codes:
                self.report(
                    ("questions", index, "ask_if", "in", i),
                    f"'{code}' is not a choice of '{target_code}'; expected one of: "
                    + ", ".join(codes),
                )
