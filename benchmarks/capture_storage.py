"""How long capture storage takes: a draft save (after every answer), a submit, a listing.

Run by hand: ``python benchmarks/capture_storage.py [--dir DIR]``. DIR should be
on the disk the capture will use (fsync on tmpfs costs nothing and proves
nothing). Prints median, 95th percentile and worst case in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from localdigital_tui.core.capture.storage import CaptureStore  # noqa: E402
from localdigital_tui.core.questionnaire.bundled import questionnaire_path  # noqa: E402
from localdigital_tui.core.questionnaire.loader import load_questionnaire  # noqa: E402
from tests.records_factory import complete_flow  # noqa: E402


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    spent = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        spent.append((time.perf_counter() - start) * 1000)
    return spent


def report(name: str, spent: list[float]) -> None:
    ordered = sorted(spent)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(
        f"{name:<48} n={len(spent):<4} median {statistics.median(spent):7.2f} ms"
        f"   p95 {p95:7.2f} ms   max {ordered[-1]:7.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: ./)")
    args = parser.parse_args()
    loaded = load_questionnaire(questionnaire_path())
    base = args.dir or Path.cwd()
    with tempfile.TemporaryDirectory(dir=base, prefix="capture-bench-") as where:
        out = Path(where)
        store = CaptureStore(
            out, loaded, interviewer="bench", device="bench", today=lambda: date(2013, 6, 24)
        )
        flow = complete_flow(loaded, "council")
        report("save_draft (complete council draft)", timed(lambda: store.save_draft(flow), 200))

        seeds = iter(range(1, 10_000))
        report(
            "submit, day file growing from 0 to 300 lines",
            timed(lambda: store.submit(complete_flow(loaded, "council", next(seeds))), 300),
        )
        report(
            "submit with 300 lines already in the day file",
            timed(lambda: store.submit(complete_flow(loaded, "supplier", next(seeds))), 50),
        )
        for seed in range(50):
            store.save_draft(complete_flow(loaded, "council", 5000 + seed))
        report("list_drafts with 50 drafts", timed(store.list_drafts, 20))
        record_id = store.list_drafts()[0].record_id
        report("resume one draft", timed(lambda: store.resume(record_id), 50))
        report(
            "complete_interrupted_submits (50 drafts, 350 lines)",
            timed(store.complete_interrupted_submits, 10),
        )
        print(f"written under {out} (removed); {store.submitted_today()} lines in the day file")


if __name__ == "__main__":
    main()
