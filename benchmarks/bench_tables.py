"""Time ``localdigital tables`` and measure its peak memory; run by hand, never by tests.

    python benchmarks/bench_tables.py bundled [--runs 20]
        every table of the bundled data (text), and --check, as a user runs them

    python benchmarks/bench_tables.py scale FILE.jsonl [--runs 3]
        every table as tidy CSV over FILE, against polars' bare
        ``pl.scan_ndjson(FILE).collect()`` (the issue 7 yardstick: within 1.5x, peak
        RSS at most 2 GiB); make FILE with
        ``localdigital simulate -n 1000000 -o /tmp/sim1m/responses.jsonl --no-personal``

Each run is a fresh process; wall time and that process's peak RSS (``os.wait4``)
are recorded. Runs of the commands compared alternate, so a busy machine slows
them alike. Prints one line per command: runs, median and best seconds, peak RSS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable


def measure(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def compare(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float, int]]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(runs):
        for name, command in commands.items():
            elapsed, peak = measure(command)
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
    results = {}
    for name in commands:
        results[name] = (statistics.median(times[name]), min(times[name]), peaks[name])
        median, best, peak = results[name]
        print(
            f"{name:<34} runs {runs:>3}  median {median:8.3f} s  best {best:8.3f} s  "
            f"peak RSS {peak / 1024:8.1f} MiB",
            flush=True,
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["bundled", "scale"])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    cli = [PYTHON, "-m", "localdigital_tui", "tables"]
    if args.what == "bundled":
        compare(
            {"localdigital tables": cli, "localdigital tables --check": [*cli, "--check"]},
            args.runs or 20,
        )
        return
    if args.file is None:
        parser.error("scale needs a JSONL file")
    with tempfile.TemporaryDirectory() as scratch:
        out = str(Path(scratch) / "tables.csv")
        results = compare(
            {
                "polars scan_ndjson(path).collect()": [
                    PYTHON,
                    "-c",
                    f"import polars as pl; pl.scan_ndjson({str(args.file)!r}).collect()",
                ],
                "localdigital tables --format tidy": [
                    *cli,
                    str(args.file),
                    "-f",
                    "tidy",
                    "-o",
                    out,
                ],
            },
            args.runs or 3,
        )
    base = results["polars scan_ndjson(path).collect()"][0]
    ours, _, peak = results["localdigital tables --format tidy"]
    print(
        f"ratio (median) {ours / base:.2f}x (target <= 1.5x); "
        f"peak RSS {peak / 1024:.0f} MiB (target <= 2048)"
    )


if __name__ == "__main__":
    main()
