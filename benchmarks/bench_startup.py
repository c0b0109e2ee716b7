"""Start-up: `localdigital --help` and `localdigital tables --help` against `python -c pass`.

Target: each at most 5x the bare interpreter (min of many runs). The commands run
in turn, round after round, so a busy machine slows them alike. The console script
is the one next to this interpreter (what a user of this environment runs).

    python benchmarks/bench_startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from harness import PYTHON, interleaved, machine


def console_script() -> str:
    beside = Path(PYTHON).parent / "localdigital"
    if beside.exists():
        return str(beside)
    found = shutil.which("localdigital")
    if found is None:
        raise SystemExit("no `localdigital` console script next to python or on PATH")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(machine())
    script = console_script()
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "localdigital --help": [script, "--help"],
        "localdigital tables --help": [script, "tables", "--help"],
        "localdigital simulate --help": [script, "simulate", "--help"],
    }
    results = interleaved(commands, args.runs)
    bare = results.pop("python -c pass")
    print(bare.line("python -c pass"))
    for label, runs in results.items():
        ratio_best, ratio_median = runs.best / bare.best, runs.median / bare.median
        verdict = "met" if ratio_best <= 5 else "MISSED"
        print(runs.line(label))
        print(
            f"  ratio to python -c pass: {ratio_best:.1f}x min, {ratio_median:.1f}x median"
            f" (target <= 5x of the min: {verdict})"
        )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at the end: {load}")


if __name__ == "__main__":
    main()
