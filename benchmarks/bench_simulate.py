"""`localdigital simulate`: records per second (target: at least 200,000).

Three figures: the command as a user runs it (start-up, answers and personal
files, fsync of every file before it is renamed into place), with its CPU time a
record and how many cores it kept busy; the same writes in this process with the
time spent waiting in fsync (what is left for the disk once the last byte is
written); and the generator alone without fsync (`simulate(..., sync=False)`).

    python benchmarks/bench_simulate.py [--records 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from harness import LOCALDIGITAL, OUTPUT, machine, repeat

TARGET = 200_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    out = OUTPUT / "bench-simulate"
    command = [
        *LOCALDIGITAL,
        "simulate",
        "-n",
        str(args.records),
        "-o",
        str(out / "responses.jsonl"),
    ]
    runs = repeat([*command, "--force", "--seed", "7"], args.runs, warmup=0)
    print(runs.line(f"localdigital simulate -n {args.records}", args.records))
    cpu = statistics.median(r.cpu_seconds for r in runs.runs)
    cores = statistics.median(r.cpu_seconds / r.seconds for r in runs.runs)
    print(f"  CPU {cpu / args.records * 1e6:.2f} us a record (median), {cores:.2f} cores busy")
    empty = [*LOCALDIGITAL, "simulate", "-n", "0", "-o", str(out / "empty.jsonl"), "--force"]
    print("  " + repeat(empty, args.runs, warmup=0).line("of which start-up (-n 0)"))
    size = (out / "responses.jsonl").stat().st_size + (out / "personal.jsonl").stat().st_size
    print(
        f"  wrote {size / 2**20:,.0f} MiB ({size / args.records:,.0f} bytes a record, both files)"
    )

    # The allocator setting the command makes (commands/simulate.py), before polars loads.
    os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:-1,muzzy_decay_ms:-1")
    from localdigital_tui.core.questionnaire.bundled import questionnaire_path
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.simulate.writer import simulate

    loaded = load_questionnaire(questionnaire_path())
    waits: list[float] = []
    real_fsync = os.fsync

    def timed_fsync(fd: int) -> None:
        start = time.perf_counter()
        real_fsync(fd)
        waits.append(time.perf_counter() - start)

    os.fsync = timed_fsync  # only this process, only to time the waits
    try:
        synced = []
        for _ in range(args.runs):
            start = time.perf_counter()
            simulate(loaded, args.records, out / "synced.jsonl", seed=7, overwrite=True)
            synced.append((time.perf_counter() - start, sum(waits)))
            waits.clear()
    finally:
        os.fsync = real_fsync
    total, waited = statistics.median(t for t, _ in synced), statistics.median(w for _, w in synced)
    print(f"in-process with fsync: median {total:.3f} s, of which {waited:.3f} s waiting in fsync")

    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        simulate(loaded, args.records, out / "nosync.jsonl", seed=7, overwrite=True, sync=False)
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    rates = f"{args.records / best:,.0f} records/s at best, {args.records / median:,.0f} median"
    print(f"generator in-process, no fsync: min {best:.3f} s, median {median:.3f} s; {rates}")
    for label, seconds in [("command", runs.median), ("generator", median)]:
        rate = args.records / seconds
        verdict = "met" if rate >= TARGET else "MISSED"
        print(f"  {label}: {rate:,.0f} records/s median; target {TARGET:,}: {verdict}")


if __name__ == "__main__":
    main()
