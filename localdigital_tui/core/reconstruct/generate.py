"""Assemble the 200 records from the solved rows and write the JSONL files.

Deterministic: every random choice comes from ``random.Random`` seeded with a
fixed string per concern, nothing depends on dict or set ordering, and the files
are written with ``\\n`` endings in (submitted_at, record_id) order.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from localdigital_tui.core.reconstruct.amounts import (
    MeanTarget,
    SavingsTargets,
    percent_series,
    savings_series,
)
from localdigital_tui.core.reconstruct.assign import assign_rows, pick
from localdigital_tui.core.reconstruct.people import Person, build_people
from localdigital_tui.core.reconstruct.plan import plan_rows
from localdigital_tui.core.reconstruct.quotes import QUOTES, Quote
from localdigital_tui.core.reconstruct.survey import Survey
from localdigital_tui.core.reconstruct.targets import Key, Slip, Target
from localdigital_tui.core.reconstruct.timeline import question_seconds, session, stamp

SEED = "local-digital-today-2013"
# 5.5: "Just over half of respondents were able to indicate the percentage..." (of 178).
Q9_ANSWERED = 92
INTERVIEWER = "online-form"
DEVICE = "ukauthority-web"
# Council types whose savings run larger (counties and big unitaries save more).
SCALE_OF_SAVINGS = {
    "english_county": 2.0,
    "metropolitan_district": 1.8,
    "english_unitary": 1.5,
    "london_borough": 1.5,
    "scottish_unitary": 1.3,
    "welsh_unitary": 1.2,
    "english_district": 0.5,
}


def _rng(concern: str) -> random.Random:
    return random.Random(f"{SEED}/{concern}")


def _stat(targets: Sequence[Target], question: str, row: str, column: str) -> str:
    """The published statistic, from the table where the table prints it."""
    found = [t for t in targets if (t.question, t.row, t.column) == (question, row, column)]
    found.sort(key=lambda t: t.source != "table")
    if not found:
        raise KeyError(f"no target for {question}/{row} {column}")
    return found[0].published


def _numbers(people: list[Person], targets: Sequence[Target]) -> None:
    """Q9 percentages and Q10 savings amounts, meeting the 5.5 and 5.6 statistics."""
    councils = [p for p in people if p.group == "council"]
    rng = _rng("q9")
    answering = pick(rng, councils, Q9_ANSWERED, lambda p: p.knowledge)
    for row, centre in (("services_digital", 25.0), ("transactions_digital", 38.0)):
        values = percent_series(
            rng,
            len(answering),
            MeanTarget(_stat(targets, "q9", row, "mean")),
            int(_stat(targets, "q9", row, "min")),
            int(_stat(targets, "q9", row, "max")),
            centre,
        )
        keyed = [(p.positivity + rng.gauss(0, 0.7), i) for i, p in enumerate(answering)]
        ordered = [answering[i] for _, i in sorted(keyed)]
        for person, value in zip(ordered, values, strict=True):
            person.answers.setdefault("q9", {})[row] = value
    rng = _rng("q10_amount")
    savers = [p for p in councils if p.answers.get("q10") == "yes"]
    savings = SavingsTargets(
        count=int(_stat(targets, "q10_amount", "", "n")),
        minimum=int(_stat(targets, "q10_amount", "", "min")),
        maximum=int(_stat(targets, "q10_amount", "", "max")),
        mean=MeanTarget(_stat(targets, "q10_amount", "", "mean")),
        threshold=1000,
        mean_above=MeanTarget(_stat(targets, "q10_amount", "", "mean_above_1000")),
        min_above=int(_stat(targets, "q10_amount", "", "min_above_1000")),
    )
    amounts = savings_series(rng, savings)
    counting = pick(rng, savers, savings.count, lambda p: p.knowledge)
    sized = [
        (SCALE_OF_SAVINGS.get(p.council_type or "", 1.0) + rng.gauss(0, 0.6), i)
        for i, p in enumerate(counting)
    ]
    by_size = [counting[i] for _, i in sorted(sized)]
    for person, amount in zip(by_size, amounts, strict=True):
        person.answers["q10_amount"] = amount


def _fits(person: Person, quote: Quote) -> bool:
    if person.group != quote.group or quote.question in person.answers:
        return False
    if quote.council_types and person.council_type not in quote.council_types:
        return False
    if quote.row is None:
        return True
    question, row, choices = quote.row
    return person.answers.get(question, {}).get(row) in choices


def _texts(people: list[Person]) -> None:
    rng = _rng("quotes")
    for quote in QUOTES:
        candidates = [p for p in people if _fits(p, quote)]
        if not candidates:
            raise ValueError(f"no respondent fits the quote {quote.text[:40]!r}")
        rng.choice(candidates).answers[quote.question] = quote.text


def _profile(person: Person) -> None:
    if person.council_type:
        person.answers["council_type"] = person.council_type
    if person.supplier_size:
        person.answers["supplier_size"] = person.supplier_size
    if person.role:
        person.answers["role"] = person.role


@dataclass(frozen=True)
class Dataset:
    responses: list[dict[str, Any]]
    personal: list[dict[str, Any]]


def build_dataset(survey: Survey, targets: Sequence[Target], slips: dict[Key, Slip]) -> Dataset:
    """Solve, assign and assemble; raises if any row cannot be solved."""
    plan = plan_rows(survey, targets, slips)
    people = build_people(_rng("people"))
    for person in people:
        _profile(person)
    assign_rows(_rng("rows"), people, list(plan.values()))
    _numbers(people, targets)
    _texts(people)
    ids = _rng("record_id")
    timing = _rng("timings")
    contact = _rng("contact")
    kinds = {item.code: item.kind for item in survey.items}
    rows: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
    for person in people:
        record_id = str(uuid.UUID(int=ids.getrandbits(128), version=4))
        answers = {
            item.code: person.answers[item.code]
            for item in survey.items
            if item.code in person.answers and item.applies_to(person.group)
        }
        if set(answers) != set(person.answers):
            raise ValueError(f"answers outside the questionnaire: {sorted(person.answers)}")
        timings = {code: question_seconds(timing, kinds[code], v) for code, v in answers.items()}
        started, submitted = session(timing, sum(timings.values()))
        response = {
            "record_id": record_id,
            "questionnaire": survey.ref(),
            "audience": person.group,
            "interviewer": INTERVIEWER,
            "device": DEVICE,
            "event": None,
            "started_at": stamp(started),
            "submitted_at": stamp(submitted),
            "status": "complete",
            "answers": answers,
            "timings": timings,
        }
        personal: dict[str, Any] = {}
        if person.title:
            personal["q2_job_title"] = person.title
        if person.organisation:
            personal["q3_organisation"] = person.organisation
        personal["q12_report_copy"] = "yes" if contact.random() < 0.8 else "no"
        personal["q12_prize_draw"] = "yes" if contact.random() < 0.55 else "no"
        rows.append((stamp(submitted), record_id, response, personal))
    rows.sort(key=lambda r: (r[0], r[1]))
    responses = [r[2] for r in rows]
    personal_lines = [
        {
            "record_id": record_id,
            "questionnaire": survey.ref(),
            "answers": {"q1_name": f"Test Respondent {n:03d}", **answers},
        }
        for n, (_, record_id, _, answers) in enumerate(rows, start=1)
    ]
    return Dataset(responses, personal_lines)


def jsonl(lines: Sequence[dict[str, Any]]) -> bytes:
    """One compact JSON object per line, ``\\n`` endings, UTF-8."""
    text = "".join(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n" for o in lines)
    return text.encode("utf-8")


def write_dataset(dataset: Dataset, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "responses.jsonl").write_bytes(jsonl(dataset.responses))
    (out_dir / "personal.jsonl").write_bytes(jsonl(dataset.personal))
