"""relevant and constraint expressions: written as the export writes them, read back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from localdigital_tui.core.xlsform.expressions import (
    CodeTest,
    all_of,
    any_of,
    bounds_constraint,
    length_constraint,
    parse_bounds,
    parse_length,
    parse_relevant,
    quoted,
)
from localdigital_tui.errors import ExpressionError


def test_the_shapes_written() -> None:
    assert any_of(["respondent_type"], ["council"]) == "${respondent_type} = 'council'"
    assert any_of(["q8-council", "q8-supplier"], ["yes"]) == (
        "(${q8-council} = 'yes' or ${q8-supplier} = 'yes')"
    )
    assert any_of(["respondent_type"], []) == "false()"
    assert bounds_constraint(0, 1e9) == ". >= 0 and . <= 1000000000"
    assert bounds_constraint(-0.25, 1e-5) == ". >= -0.25 and . <= 0.00001"
    assert length_constraint(5000) == "string-length(.) <= 5000"
    assert quoted("don't") == '"don\'t"'
    with pytest.raises(ExpressionError, match="both kinds of quote"):
        quoted("""it's "x\"""")


def test_what_is_read() -> None:
    assert parse_relevant("selected(${q10}, 'yes') and false()") == [
        CodeTest((("q10", "yes"),)),
        CodeTest(()),
    ]
    assert parse_relevant("${a} = 'x' or ${a} = \"y\"") == [CodeTest((("a", "x"), ("a", "y")))]
    assert parse_bounds(" . >= 1.5 and . <= 20 ") == (1.5, 20.0)
    assert parse_length("string-length( . ) <= 12") == 12


@pytest.mark.parametrize(
    "text",
    ["${a} != 'x'", "${a} = 1", "not(${a} = 'x')", "${a} = 'x' and (${b} = 'y' and ${c} = 'z')",
     "(${a} = 'x'", "${a} = 'x' ${b}", "${a} = 'x' or ${a} = 'y' and ${b} = 'z'", ""],
)  # fmt: skip
def test_other_expressions_are_refused(text: str) -> None:
    with pytest.raises(ExpressionError):
        parse_relevant(text)


@pytest.mark.parametrize("text", [". > 0", ". >= 1e5 and . <= 2", "string-length(.) < 5"])
def test_other_constraints_are_refused(text: str) -> None:
    with pytest.raises(ExpressionError):
        parse_length(text) if "length" in text else parse_bounds(text)


NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,6}(-[a-z]{1,5})?", fullmatch=True)
CODES = st.from_regex(r"[a-z][a-z0-9_ ']{0,6}", fullmatch=True)


@given(
    st.lists(
        st.tuples(
            st.lists(NAMES, min_size=1, max_size=2, unique=True),
            st.lists(CODES, max_size=3, unique=True),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_written_tests_read_back(tests: list[tuple[list[str], list[str]]]) -> None:  # fmt: skip
    text = all_of([any_of(names, codes) for names, codes in tests])
    expected = [CodeTest(tuple((n, c) for n in names for c in codes)) for names, codes in tests]
    assert parse_relevant(text) == expected


@given(st.floats(-1e12, 1e12, allow_nan=False), st.floats(0, 1e12, allow_nan=False))
def test_bounds_read_back(low: float, span: float) -> None:
    assert parse_bounds(bounds_constraint(low, low + span)) == (low, low + span)
