"""``localdigital merge`` on the mixed-up, cut-short files of a real event (issue 12).

Each test is one reproduction from the reliability issue, run as a user would
run it: through the command line, on the bundled data.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from localdigital_tui.cli import cli
from localdigital_tui.core.merge import MergeOptions, MergeOutputs, merge, writer
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from tests.conftest import ROOT

BUNDLED = ROOT / "data/responses.jsonl"
BUNDLED_PERSONAL = ROOT / "data/personal.jsonl"
OUTPUT_NAMES = tuple(p.name for p in MergeOutputs.beside(Path("merged.jsonl")).all())


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["merge", *map(str, args)])


def bundled_lines() -> list[bytes]:
    return BUNDLED.read_bytes().splitlines(keepends=True)


@pytest.fixture
def event(tmp_path: Path) -> list[Path]:
    """The issue's a, b, c, d: overlapping copies, a cut line, an edit, binary junk."""
    lines = bundled_lines()
    edited = json.loads(lines[4])
    edited["interviewer"] = "someone-else"
    files = {
        "a.jsonl": b"".join(lines[:120]) + lines[6][:150],
        "b.jsonl": b"".join(lines[99:200]),
        "c.jsonl": json.dumps(edited).encode() + b"\n",
        "d.jsonl": bytes(range(256)).replace(b"\n", b"") + b"\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return [tmp_path / name for name in files]


def outputs_of(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUT_NAMES}


def test_any_order_of_the_same_files_gives_the_same_bytes(
    event: list[Path], tmp_path: Path
) -> None:
    first = run(*event, "-o", tmp_path / "o1/merged.jsonl")
    second = run(*reversed(event), "-o", tmp_path / "o2/merged.jsonl")
    assert first.exit_code == second.exit_code == 1, first.output + second.output
    assert "Traceback" not in first.output + second.output
    assert outputs_of(tmp_path / "o1") == outputs_of(tmp_path / "o2")
    merged = (tmp_path / "o1/merged.jsonl").read_bytes().splitlines()
    assert len(merged) == 200  # every bundled record once
    conflicts = [json.loads(x) for x in (tmp_path / "o1/conflicts.jsonl").read_bytes().splitlines()]
    assert {c["file"].rsplit("/", 1)[-1] for c in conflicts} == {"a.jsonl", "c.jsonl"}


def test_the_cut_line_and_the_junk_are_quarantined_whole_with_the_personal_data(
    event: list[Path], tmp_path: Path
) -> None:
    result = run(*event, "-o", tmp_path / "out/merged.jsonl")
    assert result.exit_code == 1
    assert (tmp_path / "out/quarantine.jsonl").read_bytes() == b""
    bad = [
        json.loads(x)
        for x in (tmp_path / "out/personal-quarantine.jsonl").read_bytes().splitlines()
    ]
    assert [(Path(b["file"]).name, b["line"]) for b in bad] == [("a.jsonl", 121), ("d.jsonl", 1)]
    assert bad[0]["raw"] == bundled_lines()[6][:150].decode()
    assert "truncated last line" in bad[0]["errors"][0]["problem"]


def test_one_bad_line_before_a_bigger_file_is_not_a_crash(tmp_path: Path) -> None:
    junk = tmp_path / "j.jsonl"
    junk.write_bytes(b"x\n")
    for attempt in range(3):  # the old crash came and went with load
        result = run(junk, BUNDLED, "-o", tmp_path / f"o{attempt}/m.jsonl")
        assert result.exit_code == 1, result.output
        assert "merged 200 records" in result.stderr
        assert "j.jsonl:1: line: not valid JSON" in result.stderr


@pytest.mark.parametrize("chunk_bytes", [300, 4096, 65536])
def test_jobs_and_chunks_do_not_change_a_byte(
    event: list[Path], loaded: LoadedQuestionnaire, tmp_path: Path, chunk_bytes: int
) -> None:
    seen = []
    for jobs in (1, 2):
        folder = tmp_path / f"jobs{jobs}"
        options = MergeOptions(jobs=jobs, chunk_bytes=chunk_bytes)
        merge(
            [*event, BUNDLED_PERSONAL],
            [loaded],
            MergeOutputs.beside(folder / "merged.jsonl"),
            options,
        )
        seen.append(outputs_of(folder))
    assert seen[0] == seen[1]


def test_a_personal_line_cut_short_in_an_answers_file_stays_with_the_personal_data(
    tmp_path: Path,
) -> None:
    personal = BUNDLED_PERSONAL.read_bytes().splitlines()[3]
    name = json.loads(personal)["answers"]["q1_name"]
    mixed = tmp_path / "responses.jsonl"
    mixed.write_bytes(b"".join(bundled_lines()[:5]) + personal[:-40] + b"\n")
    result = run(mixed, "-o", tmp_path / "out/merged.jsonl")
    assert result.exit_code == 1, result.output
    for output in ("merged.jsonl", "quarantine.jsonl", "conflicts.jsonl"):
        assert name.encode() not in (tmp_path / "out" / output).read_bytes()
    assert name.encode() in (tmp_path / "out/personal-quarantine.jsonl").read_bytes()


def test_a_file_system_problem_is_one_line_naming_the_path(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder\n")
    for output in (tmp_path / "a-file/merged.jsonl", Path("/proc/merged/merged.jsonl")):
        result = run(BUNDLED, "-o", output)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert result.stderr.startswith(f"error: {output.parent}"), result.stderr


def test_a_full_disk_is_reported_with_the_file_and_nothing_is_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        if os.fstat(fd).st_size > 100_000:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(writer.os, "fsync", full)
    result = run(BUNDLED, "-o", tmp_path / "out/merged.jsonl")
    assert result.exit_code == 1, result.output
    assert result.stderr == (f"error: {tmp_path}/out/merged.jsonl: No space left on device\n"), (
        result.stderr
    )
    assert os.listdir(tmp_path / "out") == []


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_or_sighup_leave_no_temporary_files(tmp_path: Path, stop: signal.Signals) -> None:
    big = tmp_path / "in/big.jsonl"
    big.parent.mkdir()
    with big.open("wb") as handle:
        for _ in range(400):  # 80,000 lines, 175 MB: a few seconds of merging
            handle.write(BUNDLED.read_bytes())
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "localdigital_tui",
            "merge",
            big,
            "--jobs",
            "2",
            "-o",
            out / "m.jsonl",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not any(out.glob(".merge-*/spill-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert sorted(p.name for p in out.iterdir()) == []
