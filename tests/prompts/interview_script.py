"""Typed lines for the plain interview, built from answers given as codes.

A test says "answer q8 with 'intend'"; this turns that into the menu number the
line prompter shows, so scripts stay readable and follow the questionnaire.
"""

from __future__ import annotations

from typing import Any

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)

SKIP = None


class InterviewScript:
    """Lines for the line prompter or, with ``keys=True``, key presses for questionary."""

    def __init__(self, loaded: LoadedQuestionnaire, *, keys: bool = False) -> None:
        self.questionnaire = loaded.questionnaire
        self.keys = keys
        self.lines: list[str] = []

    def type(self, *lines: str) -> InterviewScript:
        self.lines += lines
        return self

    def new_interview(self, audience: str) -> InterviewScript:
        codes = self.questionnaire.audience_codes()
        return self.type("1", str(codes.index(audience) + 1))

    def choose(self, code: str, choice: str | None) -> InterviewScript:
        question = self.questionnaire.question(code)
        assert isinstance(question, SingleChoiceQuestion)
        codes = question.choice_codes()
        return self.type(str(len(codes) + 1 if choice is None else codes.index(choice) + 1))

    def grid(self, code: str, rows: dict[str, str | None]) -> InterviewScript:
        """Every row, in order: a scale code, or SKIP for an optional row."""
        question = self.questionnaire.question(code)
        assert isinstance(question, GridQuestion)
        scale = [c.code for c in self.questionnaire.scale_of(question)]
        for row in question.rows:
            value = rows[row.code]
            self.type(str(len(scale) + 1 if value is None else scale.index(value) + 1))
        return self

    def text(self, code: str, value: str) -> InterviewScript:
        question = self.questionnaire.question(code)
        assert isinstance(question, TextQuestion)
        if question.multiline and self.keys:
            return self.type(value.replace("\n", "\r") + "\x1b")  # Esc, Enter: done
        if question.multiline:
            return self.type(*value.splitlines(), "") if value else self.type("")
        return self.type(value)

    def number(self, code: str, *typed: str) -> InterviewScript:
        assert isinstance(self.questionnaire.question(code), NumberQuestion | NumbersQuestion)
        return self.type(*typed)

    def typed(self) -> str:
        """Everything to type: a line each, or a key sequence ending in Enter each."""
        end = "\r" if self.keys else "\n"
        return "".join(line + end for line in self.lines)


def grid_answers(loaded: LoadedQuestionnaire, code: str, seed: int) -> dict[str, Any]:
    """A varied answer for every row of a grid; optional rows every third one skipped."""
    question = loaded.questionnaire.question(code)
    assert isinstance(question, GridQuestion)
    scale = [c.code for c in loaded.questionnaire.scale_of(question)]
    answers: dict[str, Any] = {}
    for index, row in enumerate(question.rows):
        skip = not row.required and (index + seed) % 3 == 0
        answers[row.code] = SKIP if skip else scale[(index * 2 + seed) % len(scale)]
    return answers


def council_script(loaded: LoadedQuestionnaire) -> tuple[InterviewScript, dict[str, Any]]:
    """A whole council interview and the answers record it should produce."""
    grids = {code: grid_answers(loaded, code, seed) for seed, code in enumerate(GRIDS)}
    script = (
        InterviewScript(loaded)
        .new_interview("council")
        .choose("council_type", "london_borough")
        .text("q1_name", "Ada Example")
        .text("q2_job_title", "Web Manager")
        .text("q3_organisation", "Example Borough")
        .choose("role", "digital_practitioner")
        .grid("q5", grids["q5"])
        .text("q5_other", "Survive!\nAnd thrive.")
        .grid("q6", grids["q6"])
        .text("q6_other", "")
        .grid("q7", grids["q7"])
        .text("q7_other", "Nobody else")
        .choose("q8", "intend")
        .grid("q8_statements", grids["q8_statements"])
        .number("q9", "25", "40.5")
        .choose("q10", "yes")
        .number("q10_amount", "twelve", "12.5", "£1,500")
        .grid("q11", grids["q11"])
        .text("q11_other", "")
        .choose("q12_report_copy", "yes")
        .choose("q12_prize_draw", SKIP)
    )
    answers = {
        "council_type": "london_borough",
        "role": "digital_practitioner",
        "q5_other": "Survive!\nAnd thrive.",
        "q7_other": "Nobody else",
        "q8": "intend",
        "q9": {"services_digital": 25, "transactions_digital": 40.5},
        "q10": "yes",
        "q10_amount": 1500,
    }
    answers |= {
        code: {r: v for r, v in rows.items() if v is not None} for code, rows in grids.items()
    }
    return script, answers


def supplier_script(
    loaded: LoadedQuestionnaire, *, keys: bool = False
) -> tuple[InterviewScript, dict[str, Any]]:
    """A whole supplier interview (no role, Q9 or Q10) and its expected answers."""
    grids = {code: grid_answers(loaded, code, seed + 1) for seed, code in enumerate(GRIDS)}
    script = (
        InterviewScript(loaded, keys=keys)
        .new_interview("supplier")
        .choose("supplier_size", "small")
        .text("q1_name", "")
        .text("q2_job_title", "")
        .text("q3_organisation", "Acme Digital Ltd")
        .grid("q5", grids["q5"])
        .text("q5_other", "")
        .grid("q6", grids["q6"])
        .text("q6_other", "Open standards")
        .grid("q7", grids["q7"])
        .text("q7_other", "")
        .choose("q8", "no_intention")
        .grid("q8_statements", grids["q8_statements"])
        .grid("q11", grids["q11"])
        .text("q11_other", "")
        .choose("q12_report_copy", "no")
        .choose("q12_prize_draw", "yes")
    )
    answers = {"supplier_size": "small", "q6_other": "Open standards", "q8": "no_intention"}
    answers |= {
        code: {r: v for r, v in rows.items() if v is not None} for code, rows in grids.items()
    }
    return script, answers


GRIDS = ["q5", "q6", "q7", "q8_statements", "q11"]
