"""Record lines are checked against their questionnaire; every bad line is located."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.validation import RecordValidator
from tests.records_factory import complete_line


def problems(validator: RecordValidator, record: dict[str, Any]) -> dict[str, str]:
    return dict(validator.check_line(json.dumps(record)))


def test_a_complete_record_from_the_flow_is_valid(
    loaded: LoadedQuestionnaire, validator: RecordValidator
) -> None:
    assert problems(validator, complete_line(loaded)) == {}
    assert problems(validator, complete_line(loaded, "supplier")) == {}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (
            lambda r: r["answers"]["q5"].update(better_for_less="love_it"),
            "answers.q5.better_for_less",
            "strongly_disagree",
        ),
        (
            lambda r: r["answers"]["q5"].pop("better_for_less"),
            "answers.q5.better_for_less",
            "required answer is missing",
        ),
        (
            lambda r: r["answers"]["q5"].update(made_up_row="agree"),
            "answers.q5.made_up_row",
            "unknown row of q5",
        ),
        (
            lambda r: r["answers"]["q9"].update(services_digital=101),
            "answers.q9.services_digital",
            "less than or equal to 100",
        ),
        (lambda r: r["answers"].update(q10_amount=12.5), "answers.q10_amount", "valid integer"),
        (lambda r: r["answers"].update(q10="no"), "answers", "should have been skipped"),
        (lambda r: r["answers"].update(q1_name="Ann"), "answers.q1_name", "personal"),
        (
            lambda r: r["answers"].update(supplier_size="large"),
            "answers.supplier_size",
            "another audience",
        ),
        (lambda r: r.update(record_id="not-a-uuid"), "record_id", "pattern"),
        (lambda r: r.update(started_at="2013-06-24T10:00:00+01:00"), "started_at", "UTC"),
        (lambda r: r.update(submitted_at=None), "submitted_at", "date and time"),
        (
            lambda r: r.update(status="done"),
            "status",
            "expected one of 'complete', 'partial' (got 'done')",
        ),
        (
            lambda r: r["questionnaire"].update(sha256="0" * 64),
            "questionnaire.sha256",
            "input should be",
        ),
        (lambda r: r.update(colour="red"), "colour", "unknown field"),
        (lambda r: r.update(audience="citizen"), "audience", "(got 'citizen')"),
        (lambda r: r.pop("audience"), "audience", "required field is missing"),
    ],
)
def test_each_kind_of_bad_record_is_named(
    loaded: LoadedQuestionnaire, validator: RecordValidator, change: Any, field: str, words: str
) -> None:
    record = complete_line(loaded)
    change(record)
    found = problems(validator, record)
    assert field in found, found
    assert words in found[field] or words.lower() in found[field].lower()


def test_a_partial_record_may_lack_required_rows(
    loaded: LoadedQuestionnaire, validator: RecordValidator
) -> None:
    record = complete_line(loaded)
    record["status"] = "partial"
    record["submitted_at"] = None
    record["answers"]["q5"].pop("better_for_less")
    assert problems(validator, record) == {}


def test_file_validation_reports_bad_lines_and_counts_good_ones(
    loaded: LoadedQuestionnaire, validator: RecordValidator, tmp_path: Path
) -> None:
    good = [json.dumps(complete_line(loaded, seed=i)) for i in range(5)]
    bad = complete_line(loaded)
    bad["answers"]["q8"] = "maybe"
    lines = [good[0], good[1], json.dumps(bad), "", good[2], good[3], good[4][: len(good[4]) // 2]]
    path = tmp_path / "responses.jsonl"
    path.write_bytes(("\r\n".join(lines)).encode("utf-8"))
    summary = validator.validate_file(path)
    assert (summary.good, summary.bad, summary.blank) == (4, 2, 1)
    shown = [str(p) for p in summary.problems]
    assert shown[0].startswith(f"{path}:3: answers.q8: ")
    assert shown[1].startswith(f"{path}:7: line: truncated last line (no line end): not valid")


def test_a_utf8_bom_is_accepted(
    loaded: LoadedQuestionnaire, validator: RecordValidator, tmp_path: Path
) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(complete_line(loaded)).encode() + b"\n")
    assert validator.validate_file(path).good == 1


def test_personal_files_are_recognised_and_validated(
    loaded: LoadedQuestionnaire, validator: RecordValidator, tmp_path: Path
) -> None:
    record = complete_line(loaded)
    ref = record["questionnaire"]
    lines = [
        {
            "record_id": record["record_id"],
            "questionnaire": ref,
            "answers": {"q1_name": "Ann", "q12_prize_draw": "yes"},
        },
        {
            "record_id": record["record_id"],
            "questionnaire": ref,
            "answers": {"q12_prize_draw": "perhaps"},
        },
    ]
    path = tmp_path / "personal.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    summary = validator.validate_file(path)
    assert summary.kind is FileKind.PERSONAL
    assert (summary.good, summary.bad) == (1, 1)
    assert summary.problems[0].location.field == "answers.q12_prize_draw"


def test_a_truncated_first_line_does_not_turn_a_responses_file_into_a_personal_one(
    loaded: LoadedQuestionnaire, validator: RecordValidator, tmp_path: Path
) -> None:
    whole = json.dumps(complete_line(loaded))
    path = tmp_path / "day.jsonl"
    path.write_text(whole[:60] + "\n" + whole + "\n", encoding="utf-8")
    summary = validator.validate_file(path)
    assert summary.kind is FileKind.RESPONSES
    assert (summary.good, summary.bad) == (1, 1)
