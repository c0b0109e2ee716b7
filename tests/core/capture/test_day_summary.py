"""The interviewer's day on the start screen: interviews today and their median length."""

from __future__ import annotations

import json
from pathlib import Path

from localdigital_tui.core.capture.day_summary import DaySummary, interviewer_day


def line(interviewer: str, started: str, submitted: str | None) -> str:
    record = {"interviewer": interviewer, "started_at": started, "submitted_at": submitted}
    return json.dumps(record)


def test_counts_this_interviewers_records_and_their_median_length(tmp_path: Path) -> None:
    path = tmp_path / "responses.jsonl"
    lines = [
        line("ana", "2026-12-04T09:00:00Z", "2026-12-04T09:10:00Z"),  # 10 min
        line("ben", "2026-12-04T09:00:00Z", "2026-12-04T10:00:00Z"),  # someone else's
        line("ana", "2026-12-04T10:00:00Z", "2026-12-04T10:30:00Z"),  # 30 min
        "{not json",
        line("ana", "2026-12-04T11:00:00Z", "2026-12-04T11:14:00Z"),  # 14 min
        line("ana", "2026-12-04T12:00:00Z", None),  # no length
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    day = interviewer_day(path, "ana")
    assert day == DaySummary(4, 14.0)
    assert day.describe() == "4 interviews, median 14 min"
    assert interviewer_day(path, "ben").describe() == "1 interview, median 60 min"
    assert interviewer_day(path, "cy").describe() == "none yet"


def test_no_file_yet_is_no_interviews(tmp_path: Path) -> None:
    assert interviewer_day(tmp_path / "missing.jsonl", "ana") == DaySummary(0, None)
