"""How far one machine goes: the report over 10,000,000 records in Parquet.

Simulates N records as 1,000,000-record files (no personal files), converts them
to one Parquet file with `localdigital convert` (streamed), then times
`localdigital tables FILE.parquet --format tidy` and its peak RSS. The JSON Lines
are deleted once converted unless --keep-jsonl (10M lines are about 23 GB).

    python benchmarks/bench_one_machine.py [--records 10000000] [--runs 2]
"""

from __future__ import annotations

import argparse
import shutil

from harness import LOCALDIGITAL, OUTPUT, machine, repeat, run_once

PER_FILE = 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep-jsonl", action="store_true")
    args = parser.parse_args()
    print(machine())
    work = OUTPUT / f"one-machine-{args.records}"
    jsonl, parquet = work / "jsonl", work / "responses.parquet"
    if not parquet.exists():
        files = max(1, args.records // PER_FILE)
        made = run_once(
            [
                *LOCALDIGITAL,
                "simulate",
                "-n",
                str(args.records),
                "-o",
                str(jsonl),
                "--files",
                str(files),
                "--no-personal",
                "--force",
            ]
        )
        print(
            f"simulate {args.records:,} records in {files} files: {made.seconds:.1f} s, "
            f"peak RSS {made.peak_rss_mib:,.0f} MiB"
        )
        size = sum(p.stat().st_size for p in jsonl.glob("*.jsonl"))
        converted = run_once(
            [*LOCALDIGITAL, "convert", str(jsonl), "-o", str(parquet), "--no-validate", "--force"]
        )
        print(
            f"convert {size / 2**30:.1f} GiB of JSON Lines to Parquet: {converted.seconds:.1f} s,"
            f" peak RSS {converted.peak_rss_mib:,.0f} MiB"
        )
        if not args.keep_jsonl:
            shutil.rmtree(jsonl)
    print(f"Parquet: {parquet.stat().st_size / 2**20:,.0f} MiB")
    tables = repeat(
        [*LOCALDIGITAL, "tables", str(parquet), "--format", "tidy"], args.runs, warmup=0
    )
    print(tables.line(f"localdigital tables (Parquet, {args.records:,} records)", args.records))


if __name__ == "__main__":
    main()
