"""The language each answer was given in: kept by the flow, its draft and its record."""

from __future__ import annotations

import json
from pathlib import Path

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.flow_state import flow_from_state, flow_state
from localdigital_tui.core.merge import MergeOptions, MergeOutputs, merge
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.model import dump_line
from localdigital_tui.core.records.validation import RecordValidator


def welsh_then_english(loaded: LoadedQuestionnaire) -> InterviewFlow:
    flow = InterviewFlow(loaded.in_language("cy", allow_missing=True), "council")
    flow.answer("council_type", "welsh_unitary")
    assert flow.text(flow.questionnaire.question("q6")).startswith("A yw'r canlynol")
    flow.use_language("en")
    assert flow.text(flow.questionnaire.question("q6")).startswith("Are the following")
    flow.answer("role", "digital_practitioner")
    return flow


def test_each_answer_keeps_its_language_through_draft_and_record(
    loaded: LoadedQuestionnaire,
) -> None:
    flow = welsh_then_english(loaded)
    assert flow.languages == {"council_type": "cy", "role": "en"}
    resumed = flow_from_state(loaded, json.loads(json.dumps(flow_state(flow))))
    assert resumed.languages == flow.languages and resumed.answers == flow.answers
    record, _ = resumed.build_records(status="partial", interviewer="ann", device="d")
    line = dump_line(record)
    assert line.endswith(',"languages":{"council_type":"cy","role":"en"}}')
    validator = RecordValidator(loaded)
    assert validator.check_line(line, FileKind.RESPONSES) == []
    wrong = line.replace('"role":"en"}}', '"role":"fr"}}')
    assert validator.check_line(wrong, FileKind.RESPONSES) == [
        ("languages.role", "input should be 'en' or 'cy' (got 'fr')")
    ]


def test_merge_keeps_the_languages_and_is_idempotent(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    record, _ = welsh_then_english(loaded).build_records(
        status="partial", interviewer="ann", device="d"
    )
    source = tmp_path / "in" / "responses.jsonl"
    source.parent.mkdir()
    source.write_text(dump_line(record) + "\n", encoding="utf-8")
    first = tmp_path / "one" / "merged.jsonl"
    merge([source], [loaded], MergeOutputs.beside(first), MergeOptions(include_partial=True))
    again = tmp_path / "two" / "merged.jsonl"
    merge([first], [loaded], MergeOutputs.beside(again), MergeOptions(include_partial=True))
    merged = first.read_text(encoding="utf-8")
    assert json.loads(merged)["languages"] == {"council_type": "cy", "role": "en"}
    assert again.read_text(encoding="utf-8") == merged
