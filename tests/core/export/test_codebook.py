"""Variable names and labels of an export."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from localdigital_tui.core.export.codebook import MAX_NAME, Kind, codebook, variable_name
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire

VALID = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,28}")


@given(st.text(min_size=1, max_size=80))
def test_any_column_gets_a_valid_stable_name(source: str) -> None:
    name = variable_name(source)
    assert VALID.fullmatch(name), name
    assert variable_name(source) == name


def test_names_are_unique_short_and_leave_personal_questions_out(
    loaded: LoadedQuestionnaire,
) -> None:
    variables = codebook(loaded.questionnaire)
    names = [v.name for v in variables]
    assert len(set(names)) == len(names) and max(map(len, names)) <= MAX_NAME
    assert not {v.question for v in variables} & set(loaded.questionnaire.personal_codes())
    q5 = next(v for v in variables if v.source == "q5__flexible_working")
    assert q5.kind is Kind.CHOICE and q5.codes[0] == "strongly_disagree"


def test_a_wording_that_differs_by_audience_is_noted(loaded: LoadedQuestionnaire) -> None:
    q8 = next(v for v in codebook(loaded.questionnaire) if v.source == "q8")
    assert q8.label.startswith("Q8: Has your organisation created a Digital Strategy")
    assert "[supplier: Have the front line public service organisations" in q8.label
