"""An interviewer's day so far, for the start screen: interviews and their median length.

Read from today's responses file of this capture (the lines it appended on
submit): the records whose ``interviewer`` is this one, and each one's length,
``submitted_at - started_at``. A line that cannot be read is not this
function's business (``localdigital validate`` reports it); it is skipped.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class DaySummary:
    interviews: int
    median_minutes: float | None  # None: no interview with both times

    def describe(self) -> str:
        """``3 interviews, median 14 min`` (or ``none yet``)."""
        if not self.interviews:
            return "none yet"
        count = f"{self.interviews} interview{'s' if self.interviews != 1 else ''}"
        if self.median_minutes is None:
            return count
        return f"{count}, median {self.median_minutes:.0f} min"


def _minutes(record: dict[str, object]) -> float | None:
    started, submitted = record.get("started_at"), record.get("submitted_at")
    if not isinstance(started, str) or not isinstance(submitted, str):
        return None
    try:
        length = datetime.fromisoformat(submitted) - datetime.fromisoformat(started)
    except ValueError:
        return None
    seconds = length.total_seconds()
    return seconds / 60 if seconds >= 0 else None


def interviewer_day(path: Path, interviewer: str) -> DaySummary:
    """The interviews ``interviewer`` submitted into ``path`` (today's responses file)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return DaySummary(0, None)
    lengths: list[float] = []
    interviews = 0
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(record, dict) or record.get("interviewer") != interviewer:
            continue
        interviews += 1
        if (minutes := _minutes(record)) is not None:
            lengths.append(minutes)
    return DaySummary(interviews, statistics.median(lengths) if lengths else None)
