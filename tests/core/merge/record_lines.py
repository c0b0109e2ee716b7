"""Valid record lines for merge tests: numbered records, each in numbered versions.

``record(loaded, n, version)`` is record ``n`` (its own record_id, submitted
``n`` minutes after 10:00) in content ``version`` (a different answer to one q5
row), built from a record the interview flow made, so every one is valid.
"""

from __future__ import annotations

import copy
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.model import format_timestamp
from tests.records_factory import complete_flow, complete_line

SCALE = ["strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"]
NOON = datetime(2013, 6, 24, 10, 0, tzinfo=UTC)


_BASES: dict[tuple[str, str], str] = {}


def _base(loaded: LoadedQuestionnaire, audience: str) -> str:
    key = (loaded.sha256, audience)
    if key not in _BASES:
        _BASES[key] = json.dumps(complete_line(loaded, audience))
    return _BASES[key]


def record_id(n: int) -> str:
    return str(uuid.UUID(int=n + 1, version=4))


def record(
    loaded: LoadedQuestionnaire,
    n: int,
    version: int = 0,
    *,
    audience: str = "council",
    partial: bool = False,
    minutes: int | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_base(loaded, audience))
    data["record_id"] = record_id(n)
    data["answers"]["q5"]["better_for_less"] = SCALE[version % len(SCALE)]
    data["answers"]["q5"]["outsourcing"] = SCALE[(version // len(SCALE)) % len(SCALE)]
    when = NOON + timedelta(minutes=n if minutes is None else minutes)
    data["started_at"] = format_timestamp(when - timedelta(minutes=20))
    data["submitted_at"] = None if partial else format_timestamp(when)
    data["status"] = "partial" if partial else "complete"
    return data


def personal(loaded: LoadedQuestionnaire, n: int, name: str = "Ada Example") -> dict[str, Any]:
    _, person = complete_flow(loaded).build_records(
        status="partial", interviewer="tester", device="laptop-1"
    )
    data: dict[str, Any] = json.loads(person.model_dump_json())
    data["record_id"] = record_id(n)
    data["answers"] = {"q1_name": name, "q3_organisation": "Example District Council"}
    return data


def line(data: dict[str, Any]) -> str:
    return json.dumps(data)


def write_lines(path: Path, lines: list[str], end: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("".join(text + end for text in lines).encode("utf-8"))
    return path


def copy_record(data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(data)
