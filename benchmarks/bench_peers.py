"""Tables over one Parquet file: localdigital against DuckDB and plain polars.

For each size (default 300,000 and 3,000,000 records) the records are simulated
(one JSON Lines file, no personal file), converted once by `localdigital convert`
(validated; its time is printed as records/s, from the run that converted it:
``--fresh`` converts --runs times again, timing the median), and then, as three separate
processes interleaved round by round (median of --runs, default 3):

* localdigital: `localdigital tables FILE --group all -f tidy` (to /dev/null);
* DuckDB: the same cells as one SQL query, a `GROUP BY audience, <column>` per
  answer column the report counts, `UNION ALL`, over `read_parquet(FILE)`;
* polars: `group_by("audience", column).len()` per column, `pl.collect_all`.

Printed: each one's median and best time, peak RSS (of that process, `os.wait4`),
and the ratios of localdigital to DuckDB and to polars. The machine is shared with
other work; figures are medians. DuckDB comes with the `bench` extra.

`--jsonl` does the same over the JSON Lines file itself: localdigital's tables,
DuckDB's query over `read_json` (the answers nested as in the records), and
polars' bare `scan_ndjson(path).collect()`.

    python benchmarks/bench_peers.py [--records 300000 3000000] [--runs 3] [--jsonl] [--fresh]
    python benchmarks/bench_peers.py --peer duckdb FILE     (one peer run, used by the above)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from harness import LOCALDIGITAL, OUTPUT, PYTHON, Runs, interleaved, machine, run_once

HERE = Path(__file__).resolve()


def answer_columns() -> list[str]:
    """The categorical columns the whole report counts (with --group all)."""
    from localdigital_tui.core.questionnaire.bundled import questionnaire_path
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.tables.build import Request, plan, wanted
    from localdigital_tui.core.tables.frame import flat_columns

    q = load_questionnaire(questionnaire_path()).questionnaire
    specs = [spec for spec, _ in plan(q, Request(group="all"))]
    return [c.name for c in flat_columns(q, wanted(q, specs, None)) if c.categorical]


def duckdb_peer(path: str) -> None:
    import duckdb

    source, columns, read = "t", {c: c for c in answer_columns()}, ""
    if path.endswith(".jsonl"):  # the same cells, the answers nested as in the records,
        read = (  # the file read once
            f"WITH t AS MATERIALIZED (SELECT audience, answers FROM "
            f"read_json('{path}', format='newline_delimited')) "
        )
        columns = {c: "answers." + ".".join(c.split("__")) for c in columns}
    else:
        source = f"read_parquet('{path}')"
    parts = [
        f"SELECT audience::VARCHAR AS audience, '{c}' AS column, {e}::VARCHAR AS choice, "
        f"count(*) AS n FROM {source} GROUP BY audience, {e}"
        for c, e in columns.items()
    ]
    rows = duckdb.sql(read + " UNION ALL ".join(parts)).fetchall()
    print(len(rows))


def polars_peer(path: str) -> None:
    import polars as pl

    if path.endswith(".jsonl"):  # polars' own reader, the whole file, nothing counted
        print(pl.scan_ndjson(path).collect().height)
        return
    lazy = pl.scan_parquet(path)
    found = pl.collect_all([lazy.group_by("audience", c).len() for c in answer_columns()])
    print(sum(f.height for f in found))


def data(records: int, fresh: bool = False, runs: int = 1) -> tuple[Path, float]:
    """The converted Parquet file of ``records`` records, and convert's records/s
    (kept from the run that converted it; ``fresh``: convert ``runs`` times again,
    the median timed)."""
    from localdigital_tui.core.questionnaire.bundled import questionnaire_path
    from localdigital_tui.core.questionnaire.loader import load_questionnaire

    sha = load_questionnaire(questionnaire_path()).sha256[:12]  # new questionnaire, new data
    work = OUTPUT / f"peers-{records}-{sha}"
    jsonl, parquet = work / "responses.jsonl", work / "responses.parquet"
    rate_file = work / "convert-rate.txt"
    if fresh:
        parquet.unlink(missing_ok=True)
    if not parquet.exists():
        if not jsonl.exists():
            run_once([*LOCALDIGITAL, "simulate", "-n", str(records), "-o", str(jsonl),
                      "--no-personal", "--force"])  # fmt: skip
        convert = [*LOCALDIGITAL, "convert", str(jsonl), "-o", str(parquet), "--force"]
        done = sorted((run_once(convert) for _ in range(max(runs, 1))), key=lambda d: d.seconds)
        median, best = done[len(done) // 2], done[0]
        figures = [records / median.seconds, median.seconds, median.peak_rss_mib, best.seconds]
        rate_file.write_text(" ".join(f"{x:.2f}" for x in figures) + f" {len(done)}\n")
    rate, seconds, rss, *more = rate_file.read_text().split()
    best_text = f", best {float(more[0]):.1f} s of {more[1]}" if more else ""
    print(f"convert {records:,} records (validated): {float(seconds):.1f} s median{best_text}, "
          f"{float(rate):,.0f} records/s, peak RSS {rss} MiB")  # fmt: skip
    return parquet, float(rate)


def compare(records: int, runs: int, jsonl: bool, fresh: bool) -> dict[str, Runs]:
    parquet, _ = data(records, fresh, runs)
    source = parquet.with_suffix(".jsonl") if jsonl else parquet
    commands = {
        "localdigital": [*LOCALDIGITAL, "tables", str(source), "--group", "all", "-f", "tidy"],
        "duckdb": [PYTHON, str(HERE), "--peer", "duckdb", str(source)],
        "polars": [PYTHON, str(HERE), "--peer", "polars", str(source)],
    }  # fmt: skip
    found = interleaved(commands, runs)
    kind = "JSON Lines" if jsonl else "Parquet"
    print(f"{records:,} records, {source.stat().st_size / 2**20:,.0f} MiB of {kind}:")
    for name, result in found.items():
        print(f"  {result.line(name, records)}")
    ours = found["localdigital"].median
    print(f"  ratio localdigital/duckdb {ours / found['duckdb'].median:.2f}x, "
          f"localdigital/polars {ours / found['polars'].median:.2f}x (medians)")  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[300_000, 3_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jsonl", action="store_true", help="over the JSON Lines instead")
    parser.add_argument("--fresh", action="store_true", help="convert again (to time convert)")
    parser.add_argument("--peer", choices=["duckdb", "polars"])
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    if args.peer:
        {"duckdb": duckdb_peer, "polars": polars_peer}[args.peer](args.file)
        return
    print(machine())
    started = time.perf_counter()
    results = {n: compare(n, args.runs, args.jsonl, args.fresh) for n in args.records}
    if len(results) > 1:
        low, high = min(results), max(results)
        growth = results[high]["localdigital"].median / results[low]["localdigital"].median
        print(f"localdigital {low:,} -> {high:,} records: {growth:.1f}x the time for "
              f"{high / low:.0f}x the records")  # fmt: skip
    print(f"(all in {time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
