"""The questionnaire as plain text: a summary, and the whole survey for one audience."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.core.questionnaire.skip_rules import describe_condition

UNIT_HINTS = {"percent": "%", "pounds": "£", "count": ""}


def summary_lines(loaded: LoadedQuestionnaire) -> list[str]:
    """What ``validate questionnaire.yaml`` prints for a valid file."""
    q = loaded.questionnaire
    grids = [x for x in q.questions if isinstance(x, GridQuestion)]
    row_counts = " + ".join(f"{len(g.rows)} ({g.code})" for g in grids)
    per_audience = ", ".join(f"{a}: {len(q.questions_for(a))}" for a in q.audience_codes())
    skips = [x.code for x in q.questions if x.ask_if is not None]
    return [
        f"{loaded.path}: valid questionnaire '{q.id}' version {q.version}",
        f"  sha256:          {loaded.sha256}",
        f"  questions:       {len(q.questions)} ({per_audience})",
        f"  grid rows:       {sum(len(g.rows) for g in grids)} = {row_counts}",
        f"  required rows:   {sum(r.required for g in grids for r in g.rows)}",
        f"  audiences:       {', '.join(q.audience_codes())}",
        f"  personal fields: {', '.join(q.personal_codes())}",
        f"  skip rules:      {', '.join(skips) or 'none'}",
        f"  languages:       {_languages(loaded)}",
    ]


def _languages(loaded: LoadedQuestionnaire) -> str:
    q = loaded.questionnaire
    if not q.languages:
        return "one (no languages declared)"
    shown = []
    for code in q.languages:
        gaps = len(loaded.gaps.get(code, []))
        note = (
            " (default)"
            if code == q.default_language
            else f" ({gaps} untranslated)"
            if gaps
            else " (complete)"
        )
        shown.append(code + note)
    return ", ".join(shown)


def render_questionnaire(q: Questionnaire, audience: str, width: int = 88) -> str:
    """The survey as a respondent of ``audience`` would read it, as plain text."""
    return "\n".join(_render(q, audience, width)) + "\n"


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    hanging = indent + "  " if indent else ""
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=hanging) or [indent]


def _render(q: Questionnaire, audience: str, width: int) -> Iterator[str]:
    label = next(a.label for a in q.audiences if a.code == audience)
    yield f"{q.title} ({q.id}, version {q.version})"
    yield f"Wording for: {label}"
    yield ""
    if q.heading:
        yield q.heading
        yield ""
    for paragraph in q.introduction.strip().split("\n\n"):
        for line in paragraph.splitlines():
            yield from _wrap(line, width)
        yield ""
    for question in q.questions_for(audience):
        yield from _render_question(q, question, audience, width)
        yield ""


def _render_question(
    q: Questionnaire, question: Question, audience: str, width: int
) -> Iterator[str]:
    number = f"{question.number}. " if question.number else ""
    marks = [m for m, on in (("personal", question.personal), ("profile", question.profile)) if on]
    if question.ask_if is not None:
        marks.append(describe_condition(question))
    tag = f"  [{question.code}{'; ' + '; '.join(marks) if marks else ''}]"
    if question.heading:
        yield question.heading.upper()
    yield from _wrap(number + question.text_for(audience) + tag, width)
    if question.help:
        yield from _wrap(question.help, width, "   ")
    if isinstance(question, GridQuestion):
        if question.stem:
            yield f"   {question.stem}"
        scale = " | ".join(c.label_for(audience) for c in q.scale_of(question))
        yield f"   Scale: {scale}"
        for row in question.rows:
            star = " *" if row.required else ""
            yield from _wrap(f"- {row.label_for(audience)}{star}  [{row.code}]", width, "   ")
    elif isinstance(question, SingleChoiceQuestion):
        for choice in question.choices:
            yield from _wrap(f"( ) {choice.label_for(audience)}  [{choice.code}]", width, "   ")
    elif isinstance(question, NumbersQuestion):
        for row in question.rows:
            bounds = f"{question.min:g}-{question.max:g}{UNIT_HINTS[question.unit]}"
            yield from _wrap(f"- {row.label_for(audience)}  [{row.code}; {bounds}]", width, "   ")
    elif isinstance(question, NumberQuestion):
        bounds = f"{question.min:,.0f} to {question.max:,.0f}"
        yield f"   [{UNIT_HINTS[question.unit]}______]  ({bounds})"
    elif isinstance(question, TextQuestion):
        yield "   [free text" + (", several lines]" if question.multiline else "]")
