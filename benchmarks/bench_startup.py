"""Start-up: `localdigital --help` and `localdigital tables --help` against `python -c pass`.

Target: each at most 5x the bare interpreter.

    python benchmarks/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil

from harness import PYTHON, machine, repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(machine())
    script = shutil.which("localdigital") or "localdigital"
    bare = repeat([PYTHON, "-c", "pass"], args.runs)
    print(bare.line("python -c pass"))
    for label, command in [
        ("localdigital --help", [script, "--help"]),
        ("localdigital tables --help", [script, "tables", "--help"]),
        ("localdigital simulate --help", [script, "simulate", "--help"]),
    ]:
        runs = repeat(command, args.runs)
        ratio_best, ratio_median = runs.best / bare.best, runs.median / bare.median
        verdict = "met" if ratio_median <= 5 else "MISSED"
        print(runs.line(label))
        print(
            f"  ratio to python -c pass: {ratio_best:.1f}x min, {ratio_median:.1f}x median"
            f" (target <= 5x: {verdict})"
        )


if __name__ == "__main__":
    main()
