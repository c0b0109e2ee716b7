"""A row's ``relevant`` as the questionnaire's rules: ``audiences`` and ``ask_if``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform.expressions import CodeTest, parse_relevant
from localdigital_tui.core.xlsform.survey_items import Problems
from localdigital_tui.errors import ExpressionError


@dataclass(frozen=True, slots=True)
class Condition:
    audiences: list[str] | None = None
    ask_if: dict[str, Any] | None = None


@dataclass(slots=True)
class EarlierQuestions:
    """What a condition may refer to: the respondent type and the questions so far."""

    audience_field: str
    audiences: list[str]
    fields: dict[str, str] = field(default_factory=dict)  # XLSForm name -> question code
    choices: dict[str, list[str] | None] = field(default_factory=dict)  # code -> choice codes


def read_condition(
    text: str, row: int, variant: str | None, earlier: EarlierQuestions, problems: Problems
) -> Condition:
    """``audiences`` and ``ask_if`` from ``relevant``; what cannot be read is reported
    and left out (the question is then asked more widely than the form said)."""

    def report(message: str) -> None:
        problems.add(col.SURVEY, row, f"{message}; that test is left out", col.RELEVANT)

    try:
        tests = parse_relevant(text) if text.strip() else []
    except ExpressionError as exc:
        report(str(exc))
        return Condition()
    if variant is not None:
        own = CodeTest(((earlier.audience_field, variant),))
        if tests[:1] == [own]:
            tests = tests[1:]
        else:
            problems.add(
                col.SURVEY,
                row,
                f"the {variant} wording is not asked of {variant} "
                f"only (expected ${{{earlier.audience_field}}} = '{variant}' first)",
                col.RELEVANT,
            )
    audiences: list[str] | None = None
    ask_if: dict[str, Any] | None = None
    for test in tests:
        fields = test.fields()
        if not fields or fields == [earlier.audience_field]:
            unknown = [v for v in test.values() if v not in earlier.audiences]
            if audiences is not None:
                report("a second test of the respondent type")
            elif unknown:
                report(f"{', '.join(map(repr, unknown))} is not a respondent type")
            else:
                audiences = test.values()
            continue
        codes = {earlier.fields.get(name) for name in fields}
        unknown_names = [name for name in fields if name not in earlier.fields]
        if unknown_names:
            report(f"${{{unknown_names[0]}}} is not an earlier question")
            continue
        if len(codes) > 1:
            report("a test joined by 'or' must be of one question")
            continue
        code = str(codes.pop())
        choices = earlier.choices.get(code)
        # A question worded per audience is several fields: each is tested for the codes.
        values = {name: [v for n, v in test.pairs if n == name] for name in fields}
        if choices is None:
            report(f"${{{fields[0]}}} is not a single-choice question")
        elif any(these != values[fields[0]] for these in values.values()):
            report(f"the wordings of {code} are not tested for the same codes")
        elif bad := [v for v in values[fields[0]] if v not in choices]:
            report(f"{bad[0]!r} is not a choice of {code}")
        elif ask_if is not None:
            report("only one condition on an earlier question can be kept")
        else:
            ask_if = {"question": code, "in": values[fields[0]]}
    return Condition(audiences, ask_if)
