"""How long a key takes to show on screen in ``localdigital capture``, measured through tmux.

Runs the real command in a detached 80x24 tmux session, as a fieldworker's
terminal would, and for each key: reads the pane, sends the key, and polls
``tmux capture-pane`` until the pane differs ("first change"), then on until it
has stayed the same for a quarter of a second ("settled": the time of the last
change, e.g. the whole next question drawn). The times include tmux's own round
trips (one poll costs a few milliseconds), so they are upper bounds on the
app's redraw time. Each key is sent to an app that has settled; for keys typed
without waiting see ``capture_type_ahead.py``. Run by hand (needs tmux):

    python benchmarks/capture_key_latency.py [--keys 30]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SESSION = "ld-latency"
TIMEOUT = 5.0
QUIET = 0.25


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def pane() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for_change(before: str, start: float) -> tuple[float, float]:
    """Seconds from ``start`` (just before the key was sent) to the first and the last change."""
    while time.perf_counter() - start < TIMEOUT:
        now = pane()
        if now != before:
            break
        time.sleep(0.001)
    else:
        raise TimeoutError("the screen did not change:\n" + before)
    first = last = time.perf_counter() - start
    while time.perf_counter() - start - last < QUIET:
        later = pane()
        if later != now:
            now, last = later, time.perf_counter() - start
        time.sleep(0.001)
    return first, last


def press(*keys: str, literal: bool = False) -> tuple[float, float]:
    """Send keys; the seconds until the pane first changed and until it settled."""
    before = pane()
    start = time.perf_counter()
    tmux("send-keys", "-t", SESSION, *(["-l"] if literal else []), *keys)
    return wait_for_change(before, start)


def settle(seconds: float = 1.0) -> None:
    time.sleep(seconds)


def summary(name: str, times: list[tuple[float, float]]) -> str:
    lines = []
    for label, which in (("first change", 0), ("settled", 1)):
        ms = sorted(t[which] * 1000 for t in times)
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        lines.append(
            f"{name:<24} {label:<13} n={len(ms):<3} median {statistics.median(ms):6.1f} ms   "
            f"p95 {p95:6.1f} ms   max {ms[-1]:6.1f} ms"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=30, help="keys per kind (default 30)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed", file=sys.stderr)
        return 1
    out = Path(tempfile.mkdtemp(prefix="ld-latency-"))
    command = (
        f"{Path(sys.executable).parent / 'localdigital'} capture --interviewer bench --out {out}"
    )
    tmux("new-session", "-d", "-s", SESSION, "-x", "80", "-y", "24", command)
    try:
        settle(3)
        results: dict[str, list[tuple[float, float]]] = {}
        results["choice + next screen"] = [press("Enter")]
        results["choice + next screen"] += [press("1"), press("2")]
        typed = []
        for _ in range(args.keys):
            typed.append(press("x", literal=True))
        results["typing in a text field"] = typed
        for _ in range(3):
            results["choice + next screen"].append(press("Enter"))  # q1..q3
        results["choice + next screen"].append(press("1"))  # role -> Q5 grid
        grid: list[tuple[float, float]] = []
        moves: list[tuple[float, float]] = []
        row = 0
        while len(grid) < args.keys:
            # answer going down Q5's 15 rows, then walk back up; never leave the grid
            if row < 14:
                grid.append(press(str(1 + len(grid) % 5)))
                row += 1
            else:
                while row > 0:
                    moves.append(press("Up"))
                    row -= 1
        results["grid row answer (1-5)"] = grid
        results["grid cursor move (Up)"] = moves
        for name, times in results.items():
            print(summary(name, times))
    finally:
        tmux("kill-session", "-t", SESSION)
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
