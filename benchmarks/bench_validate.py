"""`localdigital validate` on 1,000,000 simulated lines (target: at least 200,000 lines/s).

Also the pydantic-only path (one `validate_json` per line, as before the fast path)
on the first 20,000 lines, for the speed-up.

    python benchmarks/bench_validate.py [--records 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import time
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
    cpu = max(r.cpu_seconds for r in runs.runs)
    print(f"  CPU time of the slowest run {cpu:.1f} s (all processes of the command)")
    rate = args.records / runs.median
    print(
        f"  {rate:,.0f} lines/s median; target {TARGET:,}: {'met' if rate >= TARGET else 'MISSED'}"
    )

    from localdigital_tui.core.bundled import questionnaire_path
    from localdigital_tui.core.loader import load_questionnaire
    from localdigital_tui.core.record_validation import RecordValidator, iter_lines

    validator = RecordValidator(load_questionnaire(questionnaire_path()))
    sample = [raw for _, raw in islice(iter_lines(path), 20_000)]
    start = time.perf_counter()
    assert all(validator.check_line(raw) == [] for raw in sample)
    per_line = len(sample) / (time.perf_counter() - start)
    print(
        f"pydantic per line, one process: {per_line:,.0f} lines/s "
        f"(the command is {rate / per_line:.1f}x that)"
    )


if __name__ == "__main__":
    main()
