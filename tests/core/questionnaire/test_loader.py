"""The loader rejects broken questionnaires with file:line:column, field path and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.loader import load_questionnaire, parse_questionnaire
from localdigital_tui.errors import Problem, QuestionnaireError

MINIMAL = """\
id: tiny
version: "1"
title: Tiny
introduction: Hello
audience_question: {code: respondent_type, text: Who are you?}
audiences:
  - {code: council, label: Council}
  - {code: supplier, label: Supplier}
scales:
  yn:
    - {code: "yes", label: "Yes"}
    - {code: "no", label: "No"}
questions:
  - code: q1
    kind: single_choice
    text: Savings?
    choices:
      - {code: "yes", label: "Yes"}
      - {code: "no", label: "No"}
  - code: q2
    kind: number
    unit: pounds
    min: 0
    max: 100
    text: How much?
    ask_if: {question: q1, in: ["yes"]}
  - code: q3
    kind: grid
    scale: yn
    text: Grid
    rows:
      - {code: a, label: Row A, required: true}
      - {code: b, label: {council: Row B, supplier: Row B from outside}}
"""


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "q.yaml")
    return caught.value.problems


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = text.splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[occurrence - 1]


def test_minimal_questionnaire_loads() -> None:
    q = parse_questionnaire(MINIMAL, "q.yaml")
    assert [x.code for x in q.questions] == ["q1", "q2", "q3"]


def test_yaml_syntax_error_has_line_and_column() -> None:
    broken = MINIMAL.replace("text: Savings?", "text: [Savings?")
    [problem] = problems_of(broken)
    assert problem.location.file == "q.yaml"
    assert problem.location.line is not None and problem.location.line >= line_of(
        broken, "[Savings?"
    )
    assert problem.location.column is not None
    assert "YAML syntax error" in problem.message


def test_duplicate_yaml_key_is_a_syntax_error_on_its_line() -> None:
    broken = MINIMAL.replace("    text: Savings?\n", "    text: Savings?\n    text: Again\n")
    [problem] = problems_of(broken)
    assert problem.location.line == line_of(broken, "text: Again")
    assert "duplicate key" in problem.message


def test_unknown_key_is_reported_at_the_key() -> None:
    broken = MINIMAL.replace("    text: How much?\n", "    text: How much?\n    colour: red\n")
    [problem] = problems_of(broken)
    assert problem.location.line == line_of(broken, "colour: red")
    assert problem.location.column == 5
    assert problem.location.field == "questions[1].colour"
    assert "unknown key 'colour'" in problem.message


def test_missing_key_names_the_key_and_the_mapping() -> None:
    broken = MINIMAL.replace("    text: Grid\n", "")
    [problem] = problems_of(broken)
    assert problem.location.field == "questions[2].text"
    assert problem.location.line == line_of(broken, "- code: q3")
    assert "missing required key 'text'" in problem.message


def test_wrong_type_says_what_was_expected() -> None:
    broken = MINIMAL.replace("    max: 100\n", "    max: lots\n")
    [problem] = problems_of(broken)
    assert problem.location.line == line_of(broken, "max: lots")
    assert problem.location.field == "questions[1].max"
    assert "valid number" in problem.message and "'lots'" in problem.message


def test_unknown_kind_lists_the_kinds() -> None:
    broken = MINIMAL.replace("kind: number", "kind: slider")
    [problem] = problems_of(broken)
    assert problem.location.line == line_of(broken, "kind: slider")
    assert "'single_choice'" in problem.message and "'grid'" in problem.message


def test_duplicate_question_code_reports_the_second_with_the_first_line() -> None:
    broken = MINIMAL.replace("  - code: q3", "  - code: q1")
    [problem] = problems_of(broken)
    assert problem.location.line == line_of(broken, "- code: q1", 2)
    assert problem.location.field == "questions[2].code"
    assert f"first defined on line {line_of(broken, '- code: q1')}" in problem.message


def test_duplicate_row_and_choice_codes() -> None:
    broken = MINIMAL.replace("{code: b, label:", "{code: a, label:").replace(
        '{code: "no", label: "No"}\n  - code: q2', '{code: "yes", label: "No"}\n  - code: q2'
    )
    problems = problems_of(broken)
    messages = [p.message for p in problems]
    assert any("duplicate choice code 'yes'" in m for m in messages)
    assert any("duplicate row code 'a'" in m for m in messages)


def test_empty_choice_list() -> None:
    broken = MINIMAL.replace(
        '    choices:\n      - {code: "yes", label: "Yes"}\n      - {code: "no", label: "No"}\n',
        "    choices: []\n",
    )
    [problem] = problems_of(broken)
    assert problem.location.line == line_of(broken, "choices: []")
    assert "at least 1 item" in problem.message


def test_min_greater_than_max() -> None:
    broken = MINIMAL.replace("    min: 0\n", "    min: 500\n")
    [problem] = problems_of(broken)
    assert problem.location.field == "questions[1]"
    assert problem.location.line == line_of(broken, "- code: q2")
    assert "min (500) is greater than max (100)" in problem.message


def test_skip_condition_naming_an_unknown_question() -> None:
    broken = MINIMAL.replace("question: q1, in", "question: q9, in")
    [problem] = problems_of(broken)
    assert problem.location.line == line_of(broken, "question: q9")
    assert problem.location.field == "questions[1].ask_if.question"
    assert "unknown question 'q9'" in problem.message


def test_skip_condition_naming_a_later_question() -> None:
    broken = MINIMAL.replace("question: q1, in", "question: q3, in")
    [problem] = problems_of(broken)
    assert problem.location.line == line_of(broken, "question: q3")
    assert "comes later" in problem.message
    assert f"line {line_of(broken, '- code: q3')}" in problem.message


def test_skip_condition_naming_a_choice_that_does_not_exist() -> None:
    broken = MINIMAL.replace('in: ["yes"]', 'in: ["maybe"]')
    [problem] = problems_of(broken)
    assert "'maybe' is not a choice of 'q1'" in problem.message


def test_unknown_scale_and_unknown_audience_in_wording() -> None:
    broken = MINIMAL.replace("scale: yn", "scale: agree5").replace(
        "supplier: Row B from outside", "citizen: Row B from outside"
    )
    messages = [p.message for p in problems_of(broken)]
    assert any("unknown scale 'agree5'; expected one of: yn" in m for m in messages)
    assert any("unknown audience 'citizen'" in m for m in messages)
    assert any("no text for audience supplier" in m for m in messages)


def test_every_problem_is_reported_not_just_the_first() -> None:
    broken = MINIMAL.replace("    max: 100\n", "    max: lots\n    colour: red\n")
    assert len(problems_of(broken)) == 2


def test_load_questionnaire_file_errors_carry_the_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(MINIMAL.replace("  - code: q3", "  - code: q1"), encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert str(caught.value.problems[0]).startswith(
        f"{path}:{line_of(path.read_text(), '- code: q1', 2)}:"
    )


def test_sha256_is_of_the_file_bytes(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "q.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert load_questionnaire(path).sha256 == hashlib.sha256(MINIMAL.encode()).hexdigest()


def test_a_nul_byte_is_reported_at_its_line_and_column() -> None:
    text = MINIMAL.replace("title: Tiny", "title: Ti\x00ny")
    [problem] = problems_of(text)
    assert (problem.location.line, problem.location.column) == (line_of(MINIMAL, "title:"), 10)
    assert "U+0000 is not allowed in YAML" in problem.message


def test_hundreds_of_nested_brackets_are_a_problem_not_a_crash() -> None:
    [problem] = problems_of(MINIMAL + "extra: " + "[" * 300 + "]" * 300 + "\n")
    assert "nested too deeply" in problem.message


def test_a_question_without_kind_says_kind_is_missing() -> None:
    text = MINIMAL.replace("    kind: number\n", "")
    [problem] = problems_of(text)
    assert problem.location.line == line_of(MINIMAL, "- code: q2")
    assert problem.message.startswith("missing required key 'kind'")


def test_a_lone_surrogate_is_refused_where_it_is() -> None:
    text = MINIMAL.replace("text: Savings?", 'text: "Savings \\ud800?"')
    [problem] = problems_of(text)
    assert problem.location.line == line_of(MINIMAL, "text: Savings?")
    assert "lone surrogate" in problem.message
