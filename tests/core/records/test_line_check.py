"""One line: validated against the questionnaire it names, canonicalised, or told what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.line_check import BadLine, LineChecker, ValidLine
from tests.conftest import QUESTIONNAIRE
from tests.core.merge.record_lines import line, personal, record


@pytest.fixture(scope="module")
def checker(loaded: LoadedQuestionnaire) -> LineChecker:
    return LineChecker([loaded])


def valid(
    checker: LineChecker, text: str | bytes, kind: FileKind = FileKind.RESPONSES
) -> ValidLine:
    body = text.encode("utf-8") if isinstance(text, str) else text
    result = checker.check(body, kind)
    assert isinstance(result, ValidLine), result
    return result


def bad(
    checker: LineChecker, body: bytes, kind: FileKind = FileKind.RESPONSES, ended: bool = True
) -> BadLine:
    result = checker.check(body, kind, ended)
    assert isinstance(result, BadLine), result
    return result


def test_a_valid_line_gives_its_id_time_and_canonical_bytes(
    loaded: LoadedQuestionnaire, checker: LineChecker
) -> None:
    data = record(loaded, 3)
    result = valid(checker, line(data))
    assert result.record_id == data["record_id"]
    assert not result.partial
    assert json.loads(result.canonical) == data
    assert b"\n" not in result.canonical


def test_canonical_bytes_ignore_layout_key_order_number_and_time_spelling(
    loaded: LoadedQuestionnaire, checker: LineChecker
) -> None:
    data = record(loaded, 1)
    data["timings"] = {"q5": 12.5, "council_type": 3.0}
    plain = valid(checker, line(data)).canonical
    shuffled = dict(reversed(list(data.items())))
    shuffled["answers"] = dict(reversed(list(data["answers"].items())))
    shuffled["answers"]["q9"] = {"transactions_digital": 40.5, "services_digital": 25.0}
    shuffled["timings"] = {"council_type": 3, "q5": 12.5}
    shuffled["submitted_at"] = data["submitted_at"].replace("Z", "+00:00")
    del shuffled["event"]  # absent and null are the same
    spelled = json.dumps(shuffled, indent=2).replace("\n", " ")
    assert valid(checker, spelled).canonical == plain


def test_canonical_bytes_are_a_fixed_point_with_answers_in_questionnaire_order(
    loaded: LoadedQuestionnaire, checker: LineChecker
) -> None:
    data = record(loaded, 2)
    data["answers"] = dict(sorted(data["answers"].items(), reverse=True))
    canonical = valid(checker, line(data)).canonical
    assert valid(checker, canonical).canonical == canonical
    order = [q.code for q in loaded.questionnaire.questions]
    codes = list(json.loads(canonical)["answers"])
    assert codes == sorted(codes, key=order.index)
    keys = list(json.loads(canonical))
    assert keys[:3] == ["record_id", "questionnaire", "audience"] and keys[-1] == "timings"


def test_a_draft_is_partial_and_dated_by_when_it_started(
    loaded: LoadedQuestionnaire, checker: LineChecker
) -> None:
    draft = valid(checker, line(record(loaded, 5, partial=True)))
    done = valid(checker, line(record(loaded, 5)))
    assert draft.partial and not done.partial
    assert done.time - draft.time == 20 * 60 * 1_000_000


@pytest.mark.parametrize(
    ("body", "ended", "words"),
    [
        (b"this is not json", True, "not valid JSON"),
        (b'{"record_id": "5b0e7f0c-3a56-4f0e', False, "truncated last line (no line end)"),
        (b'{"record_id": "\x00\x00\x00"}', True, "NUL bytes"),
        (b"\x00\x00\x00\x00", True, "NUL bytes"),
        (b'{"record_id": "caf\xe9"}', True, "not UTF-8 text (invalid byte 0xe9 at byte 19"),
        (b"[1, 2, 3]", True, "not a JSON object"),
    ],
)
def test_lines_that_are_not_records_say_why_in_plain_words(
    checker: LineChecker, body: bytes, ended: bool, words: str
) -> None:
    result = bad(checker, body, ended=ended)
    assert result.problems[0][0] == "line"
    assert words in result.problems[0][1]


def test_a_schema_error_names_the_field_and_the_record(
    loaded: LoadedQuestionnaire, checker: LineChecker
) -> None:
    data = record(loaded, 4)
    data["answers"]["q10_amount"] = 12.5
    result = bad(checker, line(data).encode())
    assert result.record_id == data["record_id"]
    assert ("answers.q10_amount", "input should be a valid integer (got 12.5)") in result.problems


def test_an_unknown_questionnaire_names_the_sha_and_the_record(
    loaded: LoadedQuestionnaire, checker: LineChecker
) -> None:
    data = record(loaded, 6)
    data["questionnaire"]["sha256"] = "ab" * 32
    result = bad(checker, line(data).encode())
    assert result.unknown_sha256 == "ab" * 32
    assert result.record_id == data["record_id"]
    field, message = result.problems[0]
    assert field == "questionnaire.sha256"
    assert "unknown questionnaire " + "ab" * 32 in message and "--questionnaire" in message


def test_each_line_is_checked_against_the_questionnaire_its_sha_names(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    edited = tmp_path / "questionnaire-1.1.yaml"
    edited.write_bytes(QUESTIONNAIRE.read_bytes() + b"\n# reprinted\n")
    other = load_questionnaire(edited)
    assert other.sha256 != loaded.sha256
    old, new = record(loaded, 7), record(loaded, 8)
    new["questionnaire"]["sha256"] = other.sha256
    only_old = LineChecker([loaded])
    assert isinstance(only_old.check(line(new).encode(), FileKind.RESPONSES), BadLine)
    both = LineChecker([loaded, other])
    for data in (old, new, old, new):
        assert valid(both, line(data)).record_id == data["record_id"]


def test_a_personal_line_is_recognised_by_its_shape_in_any_file(
    loaded: LoadedQuestionnaire, checker: LineChecker
) -> None:
    result = valid(checker, line(personal(loaded, 1)), FileKind.RESPONSES)
    assert result.kind is FileKind.PERSONAL
    answers = valid(checker, line(record(loaded, 1)), FileKind.PERSONAL)
    assert answers.kind is FileKind.RESPONSES


def test_a_bad_personal_line_stays_personal(
    loaded: LoadedQuestionnaire, checker: LineChecker
) -> None:
    data = personal(loaded, 1)
    data["answers"]["q1_name"] = ""
    result = bad(checker, line(data).encode(), FileKind.RESPONSES)
    assert result.kind is FileKind.PERSONAL
    assert result.problems[0][0] == "answers.q1_name"
