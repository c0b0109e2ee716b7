"""How long a key takes to show on screen in ``localdigital capture``, measured through tmux.

Runs the real command in a detached 80x24 tmux session, as a fieldworker's
terminal would, and for each key: reads the pane, sends the key, and polls
``tmux capture-pane`` until the pane differs. The time includes tmux's own
round trips (one poll costs a few milliseconds), so it is an upper bound on the
app's redraw time. Run by hand (needs tmux):

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


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def pane() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for_change(before: str, start: float) -> float:
    """Seconds from ``start`` (just before the key was sent) to a changed pane."""
    while time.perf_counter() - start < TIMEOUT:
        if pane() != before:
            return time.perf_counter() - start
        time.sleep(0.001)
    raise TimeoutError("the screen did not change:\n" + before)


def press(*keys: str, literal: bool = False, settle: float = 0.15) -> float:
    """Send keys and return the seconds until the pane changed.

    ``settle``: pause afterwards so the next key meets a finished screen (longer
    after keys that change screen: a key typed during the change is dropped).
    """
    before = pane()
    start = time.perf_counter()
    tmux("send-keys", "-t", SESSION, *(["-l"] if literal else []), *keys)
    waited = wait_for_change(before, start)
    time.sleep(settle)
    return waited


def settle(seconds: float = 1.0) -> None:
    time.sleep(seconds)


def summary(name: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    return (
        f"{name:<28} n={len(ms):<3} median {statistics.median(ms):6.1f} ms   "
        f"p90 {p90:6.1f} ms   max {ms[-1]:6.1f} ms"
    )


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
        results: dict[str, list[float]] = {}
        results["choice + next screen"] = [press("Enter", settle=0.6)]
        results["choice + next screen"] += [press("1", settle=0.6), press("2", settle=0.6)]
        typed = []
        for _ in range(args.keys):
            typed.append(press("x", literal=True))
        results["typing in a text field"] = typed
        for _ in range(3):
            results["choice + next screen"].append(press("Enter", settle=0.6))  # q1..q3
        results["choice + next screen"].append(press("1", settle=0.6))  # role -> Q5 grid
        grid: list[float] = []
        moves: list[float] = []
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
