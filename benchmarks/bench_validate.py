"""`localdigital validate` on 1,000,000 simulated lines (target: at least 200,000 lines/s).

Also, on the first 20,000 lines, in this process: the floor (msgspec's typed decode
of each line alone, the one step no check can skip, spread over the cores the
command uses) and the pydantic-only path (one `validate_json` per line, as before
the fast path), for the speed-up. CPU times are steadier than wall times on a busy
machine: the command's CPU per line and the cores it kept busy are printed too.

    python benchmarks/bench_validate.py [--records 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import deque
from collections.abc import Callable
from itertools import islice

from harness import LOCALDIGITAL, machine, repeat, simulated

TARGET = 200_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    path = simulated(args.records)
    size = path.stat().st_size
    print(f"input: {path} ({args.records:,} lines, {size / 2**20:,.0f} MiB)")
    runs = repeat([*LOCALDIGITAL, "validate", str(path)], args.runs)
    print(runs.line("localdigital validate", args.records, "lines"))
    cpu = statistics.median(r.cpu_seconds for r in runs.runs)
    cores = statistics.median(r.cpu_seconds / r.seconds for r in runs.runs)
    print(
        f"  CPU {cpu / args.records * 1e6:.2f} us a line (all processes, start-up included); "
        f"{cores:.2f} cores busy on average"
    )
    rate = args.records / runs.median
    print(
        f"  {args.records / runs.best:,.0f} lines/s at best, {rate:,.0f} median; "
        f"target {TARGET:,}: {'met' if rate >= TARGET else 'MISSED'}"
    )

    import msgspec

    from localdigital_tui.core.questionnaire.bundled import questionnaire_path
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.records.structs import complete_record_type
    from localdigital_tui.core.records.validation import RecordValidator

    loaded = load_questionnaire(questionnaire_path())
    with path.open("rb") as handle:
        sample = [raw.rstrip(b"\r\n") for raw in islice(handle, 20_000)]
    decode = msgspec.json.Decoder(complete_record_type(loaded)).decode
    best = min(_cpu_seconds(lambda: deque(map(decode, sample), 0)) for _ in range(5))
    per_line = best / len(sample)
    workers = len(os.sched_getaffinity(0))
    floor = per_line * args.records / workers
    print(
        f"floor: msgspec typed decode alone {per_line * 1e6:.2f} us CPU a line (best of 5); "
        f"x {args.records:,} lines / {workers} cores = {floor:.2f} s, "
        f"{args.records / floor:,.0f} lines/s before start-up and every other step"
    )

    validator = RecordValidator(loaded)
    start = time.perf_counter()
    assert all(validator.check_line(raw) == [] for raw in sample)
    pydantic_rate = len(sample) / (time.perf_counter() - start)
    print(
        f"pydantic per line, one process: {pydantic_rate:,.0f} lines/s "
        f"(the command is {rate / pydantic_rate:.1f}x that)"
    )


def _cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


if __name__ == "__main__":
    main()
