"""How each figure grows with N (10,000, 100,000, 1,000,000 records): linear?

For every N: `simulate`, `validate`, `convert` (to Parquet), `tables --format tidy`
over JSON Lines and over the Parquet file, and `merge` of the same records in 10
files. Prints seconds (median of --runs) and the ratio to the N ten times smaller:
10 is linear, less is start-up being amortised, more is worse than linear.

    python benchmarks/bench_scaling.py [--sizes 10000 100000 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse

from harness import LOCALDIGITAL, OUTPUT, machine, repeat, simulated

STEPS = ["simulate", "validate", "convert", "tables jsonl", "tables parquet", "merge"]


def commands(n: int) -> dict[str, list[str]]:
    data = simulated(n)
    split = simulated(n, files=10)
    work = OUTPUT / f"scaling-{n}"
    parquet = work / "responses.parquet"
    ld = LOCALDIGITAL
    return {
        "simulate": [*ld, "simulate", "-n", str(n), "-o", str(work / "sim.jsonl"), "--force"],
        "validate": [*ld, "validate", str(data)],
        "convert": [*ld, "convert", str(data), "-o", str(parquet), "--force", "--no-validate"],
        "tables jsonl": [*ld, "tables", str(data), "--format", "tidy"],
        "tables parquet": [*ld, "tables", str(parquet), "--format", "tidy"],
        "merge": [*ld, "merge", str(split), "-o", str(work / "merged" / "merged.jsonl")],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    results: dict[str, dict[int, float]] = {step: {} for step in STEPS}
    for n in args.sizes:
        for step, command in commands(n).items():
            runs = repeat(command, args.runs)
            results[step][n] = runs.median
            print(runs.line(f"{step:>14} N={n:>9,}", n), flush=True)
    print("\nseconds (median); in brackets: time / time at N/10 (10 = linear)")
    print(f"{'':>14} " + " ".join(f"{n:>16,}" for n in args.sizes))
    for step in STEPS:
        cells = []
        for n in args.sizes:
            seconds = results[step][n]
            smaller = results[step].get(n // 10)
            cells.append(
                f"{seconds:8.2f}" + (f" [{seconds / smaller:4.1f}]" if smaller else " " * 7)
            )
        print(f"{step:>14} " + " ".join(f"{c:>16}" for c in cells))


if __name__ == "__main__":
    main()
