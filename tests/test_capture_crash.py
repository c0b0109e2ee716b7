"""kill -9 a capture mid-interview, start it again, resume, finish: nothing answered is lost.

The capture runs as a user runs it, ``localdigital capture --plain`` in a child
process, typing into its stdin and reading its screen from stdout. It is killed
with SIGKILL while it waits for the answer to Q5's fourth row, with that answer
half typed; the next start offers the draft, the interview is finished, and the
submitted record must equal the one an uninterrupted run of the same answers
writes.
"""

from __future__ import annotations

import io
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.prompts import run_plain
from localdigital_tui.prompts.prompter import LinePrompter
from tests.prompts.interview_script import council_script

SUBMIT_AND_QUIT = ["1", "y", "2"]
DEVICE = "laptop-3"


def capture_command(out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "localdigital_tui",
        "capture",
        "--plain",
        "--interviewer",
        "ann",
        "--event",
        "Expo",
        "--device",
        DEVICE,
        "--out",
        str(out),
    ]


def plain_env() -> dict[str, str]:
    return {**os.environ, "TERM": "dumb", "NO_COLOR": "1"}


def read_until(
    process: subprocess.Popen[bytes], marker: bytes, then: bytes, limit: float = 60.0
) -> bytes:
    """Read the child's stdout until ``marker`` and after it ``then`` have been shown.

    ``limit`` only stops a test that would hang; nothing is timed.
    """
    assert process.stdout is not None
    fd = process.stdout.fileno()
    seen = b""
    deadline = time.monotonic() + limit
    while marker not in seen or then not in seen[seen.index(marker) :]:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or process.poll() is not None:
            raise AssertionError(f"never showed {marker!r}; last output: {seen[-500:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            seen += os.read(fd, 65536)
    return seen


def the_records(out: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    [answers] = next(out.glob("responses-*.jsonl")).read_text().splitlines()
    [personal] = next(out.glob("personal-*.jsonl")).read_text().splitlines()
    return json.loads(answers), json.loads(personal)


def uninterrupted(out: Path, loaded: LoadedQuestionnaire, lines: list[str]) -> None:
    store = CaptureStore(
        out, loaded, interviewer="ann", device=DEVICE, event="Expo", today=date.today
    )
    typed = io.StringIO("\n".join(lines) + "\n")
    assert run_plain(store, prompter=LinePrompter(typed, io.StringIO())) == 1


@pytest.mark.slow
def test_kill_9_mid_interview_then_resume_gives_the_same_record(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    script, expected = council_script(loaded)
    lines = script.lines
    q5_starts = lines.index("Example Borough") + 2  # after Q3 and the role
    cut = q5_starts + 3  # three rows of Q5 answered
    out = tmp_path / "crashed"

    first = subprocess.Popen(
        capture_command(out),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=plain_env(),
    )
    try:
        assert first.stdin is not None
        first.stdin.write(("\n".join(lines[:cut]) + "\n" + lines[cut]).encode())  # 4th half typed
        first.stdin.flush()
        shown = read_until(first, b"[4/15 *] Give equal access to all citizens", b"Choose 1-")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert first.returncode == -signal.SIGKILL
    assert b"Who is leading" not in shown

    store = CaptureStore(out, loaded, interviewer="ann", device=DEVICE)
    [draft] = store.list_drafts()
    assert (draft.position, draft.answered) == ("q5", 6)
    assert len(store.resume(draft.record_id).answers["q5"]) == 3
    assert not list(out.glob("responses-*.jsonl"))

    # Start again: 1 new, 2 resume the draft, 3 discard, 4 quit. Re-type from the 4th row.
    again = subprocess.run(
        capture_command(out),
        input=("\n".join(["2", *lines[cut:], *SUBMIT_AND_QUIT]) + "\n").encode(),
        capture_output=True,
        env=plain_env(),
        timeout=120,
        check=False,
    )
    assert again.returncode == 0, again.stderr.decode()
    assert re.search(rb"Resume: (.+, )?council, started", again.stdout)
    assert b"1 interviews submitted today" in again.stdout

    uninterrupted(tmp_path / "straight", loaded, lines + SUBMIT_AND_QUIT)
    crashed, crashed_personal = the_records(out)
    straight, straight_personal = the_records(tmp_path / "straight")
    assert crashed["record_id"] == draft.record_id
    assert crashed["answers"] == straight["answers"] == expected
    assert crashed_personal["answers"] == straight_personal["answers"]
    assert set(crashed["timings"]) == set(straight["timings"])
    assert crashed["started_at"] <= crashed["submitted_at"]
    assert not list((out / "drafts").glob("*.json")), "the draft is gone once submitted"
    validator = RecordValidator(loaded)
    for path in [*out.glob("responses-*.jsonl"), *out.glob("personal-*.jsonl")]:
        assert validator.validate_file(path).bad == 0


@pytest.mark.slow
@pytest.mark.parametrize("marker", [b"Q6 - question", b"Q8 - question", b"Q11 - question"])
def test_a_kill_while_busy_leaves_a_whole_draft_of_answers_given(
    tmp_path: Path, loaded: LoadedQuestionnaire, marker: bytes
) -> None:
    """All answers typed ahead, killed while it races through them: wherever the
    kill lands (often inside a draft write), the draft on disk is whole and every
    answer in it is one that was given."""
    script, expected = council_script(loaded)
    out = tmp_path / "out"
    child = subprocess.Popen(
        capture_command(out),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=plain_env(),
    )
    try:
        assert child.stdin is not None
        child.stdin.write(("\n".join(script.lines) + "\n").encode())
        child.stdin.flush()
        read_until(child, marker, b"\n")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    store = CaptureStore(out, loaded, interviewer="ann", device=DEVICE)
    assert store.unreadable_drafts() == []
    [draft] = store.list_drafts()
    given = store.resume(draft.record_id).answers
    assert "council_type" in given and "q5" in given
    for code, value in given.items():
        if isinstance(value, dict):
            assert value.items() <= expected[code].items(), code
        elif code in expected:
            assert value == expected[code], code
    assert not list(out.glob("responses-*.jsonl"))
