"""End-to-end throughput and peak memory of ``localdigital merge``.

Generates (once, cached under benchmarks/output/) N valid records in K laptop
files with ``merge_input.py``, then runs the real command in a subprocess R
times: ``python -m localdigital_tui merge DIR -o OUT/merged.jsonl --json``.
Prints, per run and as min and median: wall time, records per second (input
lines / wall time, interpreter start-up included), CPU seconds used by all its
processes (a figure that other load on the machine disturbs less than wall
time), peak RSS of the largest process (getrusage) and of the whole process tree
(psutil, sampled every 20 ms).
Then, on one core, where the time of one line goes: the foundation's
``validate_json`` alone, the merge's msgspec fast path alone (check and
canonical bytes), and the whole per-line scan (read, check, canonicalise,
digest, spill).

    python benchmarks/bench_merge.py                      # 1,000,000 records, 100 files, 3 runs
    python benchmarks/bench_merge.py --records 100000 --files 10 --runs 5 --jobs 1
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from merge_input import write_merge_input  # noqa: E402


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for text in cpuinfo.read_text().splitlines():
            if text.startswith("model name"):
                model = text.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    ram = psutil.virtual_memory().total / 2**30
    import pydantic

    return (
        f"{model}; {usable} usable cores; {ram:.1f} GiB RAM; Python {platform.python_version()}; "
        f"pydantic {pydantic.VERSION}"
    )


def input_dir(records: int, files: int, copies: float) -> Path:
    folder = HERE / "output" / f"merge-{records}-{files}-{copies:g}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        write_merge_input(folder, records, files, seed=1, copies=copies)
        done.write_text("ok\n")
        print(f"generated {folder} in {time.perf_counter() - started:.1f} s")
    return folder


def one_run(folder: Path, out: Path, jobs: int | None) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "localdigital_tui", "merge", str(folder)]
    command += ["-o", str(out / "merged.jsonl"), "--json"]
    if jobs:
        command += ["--jobs", str(jobs)]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    peak_tree = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak_tree = max(peak_tree, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.02)
    wall = time.perf_counter() - started
    stdout = process.stdout.read() if process.stdout else b""
    if process.returncode != 0:
        raise SystemExit(f"merge exited {process.returncode}")
    report = json.loads(stdout)
    lines = report["totals"]["lines"]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    largest = after.ru_maxrss / 1024
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "cpu": cpu,
        "lines": lines,
        "merged": report["records"]["responses"],
        "wall": wall,
        "rate": lines / wall,
        "largest_mib": largest,
        "tree_mib": peak_tree / 2**20,
        "load": load,
    }


def per_line_costs(folder: Path, sample: int = 20_000) -> None:
    from localdigital_tui.core.merge.chunk_scan import ChunkScanner
    from localdigital_tui.core.merge.fast_canonical import FastLines
    from localdigital_tui.core.questionnaire.bundled import questionnaire_path
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.records.kinds import FileKind
    from localdigital_tui.core.records.line_reader import plan_chunks
    from localdigital_tui.core.records.validation import RecordValidator

    first = sorted(folder.glob("*.jsonl"))[0]
    lines = first.read_bytes().splitlines()[:sample]
    scratch = HERE / "output" / "merge-sample"
    scratch.mkdir(parents=True, exist_ok=True)
    part = scratch / "sample.jsonl"
    part.write_bytes(b"\n".join(lines) + b"\n")
    loaded = load_questionnaire(questionnaire_path())
    validator = RecordValidator(loaded)
    fast = FastLines([loaded])
    best_validate = best_scan = best_fast = float("inf")
    for _ in range(3):
        started = time.process_time()
        for body in lines:
            fast.check(body, FileKind.RESPONSES)
        best_fast = min(best_fast, time.process_time() - started)
        started = time.process_time()
        for body in lines:
            validator.check_line(body, FileKind.RESPONSES)
        best_validate = min(best_validate, time.process_time() - started)
        spill = scratch / "spill.jsonl"
        spill.unlink(missing_ok=True)
        scanner = ChunkScanner([loaded], spill, include_partial=False)
        started = time.process_time()
        scanner.scan(plan_chunks([part], 1 << 30)[0])
        best_scan = min(best_scan, time.process_time() - started)
    n = len(lines)
    floor_decode, floor_encode, typed = _floor(loaded, lines)
    print(f"\nper line, one core, CPU time, best of 3 over {n:,} lines of {first.name}:")
    print(
        f"  floor: msgspec typed decode alone {floor_decode:5.1f} us + canonical encode alone "
        f"{floor_encode:4.1f} us (over {typed:,} council complete lines) -> two cores can do "
        f"no more than {2e6 / (floor_decode + floor_encode):,.0f} lines/s, before anything else"
    )
    print(f"  foundation validate_json alone : {best_validate / n * 1e6:6.1f} us")
    print(f"  merge fast path (msgspec check + canonical bytes): {best_fast / n * 1e6:6.1f} us")
    print(f"  whole scan (validate, canonical JSON, digest, spill): {best_scan / n * 1e6:6.1f} us")
    print(f"  -> one core scans at most {n / best_scan:,.0f} lines/s")


def _floor(loaded: object, lines: list[bytes]) -> tuple[float, float, int]:
    """Best-of-3 CPU µs a line for the two steps no merge can skip: decoding a line into
    the typed record (which validates it) and encoding the record's canonical bytes."""
    import msgspec

    from localdigital_tui.core.merge.fast_canonical import fast_canonical

    fast = fast_canonical(loaded)  # type: ignore[arg-type]
    decode = fast._decoders[(b"council", b"complete")]
    wanted = [body for body in lines if b'"audience":"council"' in body]
    records = []
    for body in wanted:
        try:
            records.append(decode(body))
        except msgspec.ValidationError:
            continue
    wanted = [msgspec.json.encode(record) for record in records]
    encode = msgspec.json.Encoder().encode
    best_decode = best_encode = float("inf")
    for _ in range(3):
        started = time.process_time()
        for body in wanted:
            decode(body)
        best_decode = min(best_decode, time.process_time() - started)
        started = time.process_time()
        for record in records:
            encode(record)
        best_encode = min(best_encode, time.process_time() - started)
    count = max(1, len(records))
    return best_decode / count * 1e6, best_encode / count * 1e6, len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--copies", type=float, default=0.0, help="share of lines copied twice")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for merge (default auto)")
    parser.add_argument("--no-costs", action="store_true", help="skip the per-line breakdown")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    folder = input_dir(args.records, args.files, args.copies)
    size = sum(p.stat().st_size for p in folder.glob("*.jsonl")) / 2**20
    print(f"input: {folder} ({size:,.0f} MiB); jobs: {args.jobs or 'auto'}")
    runs = []
    for i in range(args.runs):
        result = one_run(folder, HERE / "output" / "merge-out", args.jobs)
        runs.append(result)
        print(
            f"run {i + 1}: {result['lines']:,.0f} lines -> {result['merged']:,.0f} records in "
            f"{result['wall']:.2f} s = {result['rate']:,.0f} records/s (CPU {result['cpu']:.1f} s "
            f"in all processes = {result['lines'] / result['cpu']:,.0f} records per CPU-second); "
            "peak RSS largest process "
            f"{result['largest_mib']:,.0f} MiB, process tree {result['tree_mib']:,.0f} MiB "
            f"(load average before: {result['load']:.2f})"
        )
    rates = [r["rate"] for r in runs]
    walls = [r["wall"] for r in runs]
    print(
        f"records/s: best {max(rates):,.0f}, median {statistics.median(rates):,.0f}; "
        f"wall s: min {min(walls):.2f}, median {statistics.median(walls):.2f}; "
        f"peak RSS tree max {max(r['tree_mib'] for r in runs):,.0f} MiB; "
        "target >= 40,000 records/s"
    )
    if not args.no_costs:
        per_line_costs(folder)


if __name__ == "__main__":
    main()
