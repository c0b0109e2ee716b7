"""The full report over 1,000,000 records: `localdigital tables --format tidy` against
polars' bare `scan_ndjson(path).collect()` (the parse floor; target within 1.5x) and a
straightforward pandas implementation (benchmarks/pandas_tables.py; target 3x faster),
with peak RSS (target at most 2 GiB). Before timing, the pandas tables and
localdigital's are checked to hold the same counts and bases.

(`bench_tables.py`, by the tables engineer, times the bundled data and `--check`.)

    python benchmarks/bench_tables_scale.py [--records 1000000] [--runs 3] [--pandas-runs 1]

`--pandas-runs 0` skips the pandas timing (the slow part) while developing.
Cores used is CPU seconds (process and its worker processes) over wall seconds.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
from collections import defaultdict
from pathlib import Path

from harness import LOCALDIGITAL, PYTHON, ROOT, Runs, interleaved, machine, repeat, simulated

CATEGORICAL = {
    "4.council_type",
    "4.role",
    "4.supplier_size",
    "5.1",
    "5.2",
    "5.3",
    "5.4",
    "5.4b",
    "5.6",
    "5.6c",
}


def cells(text: str) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(text)):
        if row["table"] in CATEGORICAL and row["count"] not in ("", None):
            found[row["table"]].append((int(float(row["count"])), int(float(row["base"]))))
    return {table: sorted(pairs) for table, pairs in found.items()}


def same_tables(path: Path) -> None:
    ours = output([*LOCALDIGITAL, "tables", str(path), "--format", "tidy"])
    theirs = output([PYTHON, "benchmarks/pandas_tables.py", str(path)])
    if cells(ours) != cells(theirs):
        raise SystemExit("pandas and localdigital tables differ: the comparison would be unfair")
    count = len(cells(ours))
    print(f"checked: pandas and localdigital agree on every count and base of {count} tables")


def output(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def cores(runs: Runs) -> float:
    """CPU seconds over wall seconds, medians of the runs."""
    return runs.cpu_median / runs.median


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pandas-runs", type=int, default=1)
    args = parser.parse_args()
    print(machine())
    path = simulated(args.records)
    print(f"input: {path} ({args.records:,} records, {path.stat().st_size / 2**20:,.0f} MiB)")
    same_tables(simulated(10_000))
    scan = f"import polars as pl; pl.scan_ndjson({str(path)!r}).collect()"
    compared = interleaved(
        {
            "tables": [*LOCALDIGITAL, "tables", str(path), "--format", "tidy"],
            "floor": [PYTHON, "-c", scan],
        },
        args.runs,
    )
    tables, floor = compared["tables"], compared["floor"]
    print(tables.line("localdigital tables --format tidy", args.records))
    print(floor.line("polars scan_ndjson(path).collect()", args.records))
    to_floor = tables.median / floor.median
    rss = tables.peak_rss_mib
    at_best = tables.best / floor.best
    print(
        f"  tables / parse floor: {to_floor:.2f}x median, {at_best:.2f}x min"
        f" (target <= 1.5x: {verdict(to_floor <= 1.5)})"
    )
    cpu_floor = tables.cpu_median / floor.cpu_median
    print(f"  CPU time: tables {cpu_floor:.2f}x the floor")
    print(f"  cores used: tables {cores(tables):.2f}, floor {cores(floor):.2f}")
    print(
        f"  tables peak RSS (largest process): {rss:,.0f} MiB"
        f" (target <= 2048 MiB: {verdict(rss <= 2048)})"
    )
    if args.pandas_runs < 1:
        return
    pandas = repeat([PYTHON, "benchmarks/pandas_tables.py", str(path)], args.pandas_runs, warmup=0)
    print(pandas.line("pandas_tables.py", args.records))
    to_pandas = pandas.median / tables.median
    print(f"  pandas / tables: {to_pandas:.1f}x (target >= 3x: {verdict(to_pandas >= 3)})")
    print(f"  CPU time: pandas {pandas.cpu_median / tables.cpu_median:.1f}x tables")


if __name__ == "__main__":
    main()
