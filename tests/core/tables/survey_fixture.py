"""A small survey whose tables are worked out by hand in the tests.

84 complete council records, 4 complete supplier records and 1 partial council
record. Every figure the tests assert is derived in the comments below.

Council (records c0..c83):
* q5 flexible_working: c0-c79 answer; c0-c6 strongly agree, the rest agree
  -> 7/80 = 8.75 -> 8.8 (half-up), 73/80 = 91.25 -> 91.3
* q5 better_for_less: c0-c39; c0 strongly agree, rest agree -> 1/40 = 2.5
* q5 customer_journey: c0-c15; c0 strongly agree, rest agree -> 1/16 = 6.25 -> 6.3
* q5 assisted_digital: c0-c7; c0 strongly agree, rest agree -> 1/8 = 12.5
* the other eleven q5 rows: nobody answers (base 0); c80-c83 answer no q5 row,
  so q5 was answered by 80 and asked of 84
* role: c0-c39 elected_member, c40-c79 head_of_it, c80-c83 none
* q8: c0-c9: 3 yes, 6 intend, 1 no_intention -> 30.0 / 60.0 / 10.0, net 90.0
* q8_statements useful_tool: c0 agree, c1 strongly agree, c2 neutral ->
  33.3 / 33.3 / 33.3; net agree from counts 2/3 = 66.7, from rounded figures 66.6
* q9: services_digital 24, 25, 0, 95 (c0-c3) -> mean 36.0, min 0, max 95;
  transactions_digital 1.0, 1.01 (c0-c1) -> mean 1.005 -> 1.01 half-up (a float
  round gives 1.0)
* q10: c0-c19: c0-c7 yes, c8-c19 no -> 40.0 / 60.0; q10_amount (asked of the 8
  who said yes): c0-c4 give 1, 500, 1500, 3000, 12000000 -> n 5, mean
  12005001/5 = 2401000.2 -> 2401000, above 1000: n 3, min 1500, mean 4001500;
  5 of 84 councils = 5.952 -> 6.0 %

Suppliers (s0..s3): supplier_size large, large, micro, small -> 50.0 / 25.0 / 25.0,
medium 0.0; q5 flexible_working all strongly agree (4/4 = 100.0).

Partial council record: q8 yes (left out unless partial records are included).
"""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from tests.records_factory import complete_line

COUNCILS = 84
SUPPLIERS = 4


def _council_answers(i: int) -> dict[str, Any]:
    answers: dict[str, Any] = {"council_type": "english_district"}
    q5: dict[str, str] = {}
    if i < 80:
        q5["flexible_working"] = "strongly_agree" if i < 7 else "agree"
    for row, answered in (
        ("better_for_less", 40),
        ("customer_journey", 16),
        ("assisted_digital", 8),
    ):
        if i < answered:
            q5[row] = "strongly_agree" if i == 0 else "agree"
    if q5:
        answers["q5"] = q5
    if i < 80:
        answers["role"] = "elected_member" if i < 40 else "head_of_it"
    if i < 10:
        answers["q8"] = "yes" if i < 3 else "intend" if i < 9 else "no_intention"
    if i < 3:
        answers["q8_statements"] = {"useful_tool": ("agree", "strongly_agree", "neutral")[i]}
    if i < 4:
        q9: dict[str, float] = {"services_digital": (24, 25, 0, 95)[i]}
        if i < 2:
            q9["transactions_digital"] = (1.0, 1.01)[i]
        answers["q9"] = q9
    if i < 20:
        answers["q10"] = "yes" if i < 8 else "no"
    if i < 5:
        answers["q10_amount"] = (1, 500, 1500, 3000, 12_000_000)[i]
    return answers


def _supplier_answers(i: int) -> dict[str, Any]:
    return {
        "supplier_size": ("large", "large", "micro", "small")[i],
        "q5": {"flexible_working": "strongly_agree"},
    }


def survey_records(loaded: LoadedQuestionnaire) -> list[dict[str, Any]]:
    council = complete_line(loaded, "council")
    supplier = complete_line(loaded, "supplier")
    records = []
    for template, answers in (
        *((council, _council_answers(i)) for i in range(COUNCILS)),
        *((supplier, _supplier_answers(i)) for i in range(SUPPLIERS)),
    ):
        record = copy.deepcopy(template)
        record["record_id"] = str(uuid.uuid4())
        record["answers"] = answers
        record["timings"] = {}
        records.append(record)
    partial = copy.deepcopy(council)
    partial.update(record_id=str(uuid.uuid4()), status="partial", submitted_at=None)
    partial["answers"] = {"council_type": "english_county", "q8": "yes"}
    records.append(partial)
    return records


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_survey(loaded: LoadedQuestionnaire, directory: Path) -> Path:
    return write_jsonl(directory / "responses.jsonl", survey_records(loaded))
