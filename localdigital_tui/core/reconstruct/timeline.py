"""When each respondent answered, and how long each question took them.

The survey ran from mid June until 14:30 BST (13:30 UTC) on 2 July 2013. Start
days lean towards the launch, the reminder and the closing days; times fall in
the working day. Per-question timings grow with the rows and text answered, and
the submission time is the start plus the time spent, personal questions included.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

OPENED = datetime(2013, 6, 10, tzinfo=UTC)
CLOSED = datetime(2013, 7, 2, 13, 30, tzinfo=UTC)
# Relative pull of each day after OPENED: launch, reminder (24 June), last days.
BUSY_DAYS = {0: 6.0, 1: 4.0, 2: 2.5, 14: 4.0, 15: 2.5, 21: 3.0, 22: 4.0}


def _day_weights() -> list[tuple[datetime, float]]:
    days = []
    day = OPENED
    offset = 0
    while day < CLOSED:
        weekend = day.weekday() >= 5
        days.append((day, 0.15 if weekend else BUSY_DAYS.get(offset, 1.0)))
        day += timedelta(days=1)
        offset += 1
    return days


def question_seconds(rng: random.Random, kind: str, value: Any) -> float:
    """Seconds spent on one answered question."""
    if kind == "grid" or kind == "numbers":
        per_row = (9.0, 22.0) if kind == "numbers" else (2.5, 6.5)
        seconds = sum(rng.uniform(*per_row) for _ in value) + rng.uniform(3.0, 8.0)
    elif kind == "text":
        seconds = len(str(value)) / rng.uniform(2.5, 4.5) + rng.uniform(5.0, 15.0)
    elif kind == "number":
        seconds = rng.uniform(10.0, 35.0)
    else:
        seconds = rng.uniform(2.0, 9.0)
    return int(seconds * 10 + 0.5) / 10  # tenths of a second, half up


def session(rng: random.Random, answered_seconds: float) -> tuple[datetime, datetime]:
    """(started_at, submitted_at) in whole seconds, inside the survey's window."""
    days = _day_weights()
    total = sum(w for _, w in days)
    pick = rng.uniform(0.0, total)
    day = days[-1][0]
    for candidate, weight in days:
        pick -= weight
        if pick <= 0:
            day = candidate
            break
    spent = answered_seconds + rng.uniform(25.0, 120.0)  # personal questions, reading, review
    latest = min(day + timedelta(hours=17, minutes=30), CLOSED - timedelta(seconds=spent + 60))
    earliest = day + timedelta(hours=7)
    span = max(0, int((latest - earliest).total_seconds()))
    started = earliest + timedelta(seconds=rng.randint(0, span))
    submitted = started + timedelta(seconds=int(spent) + 1)
    return started, submitted


def stamp(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")
