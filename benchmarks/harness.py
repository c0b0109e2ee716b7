"""What every benchmark script shares: the machine, timed runs, peak memory, test data.

Each measured command runs as its own process (the way a user runs it) and is
waited for with ``os.wait4``, which gives that one child's peak resident set size.
Runs are repeated; scripts print the minimum and the median. Generated data goes
to ``benchmarks/output/`` (git-ignored) and is reused when already there.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "benchmarks" / "output"
PYTHON = sys.executable
LOCALDIGITAL = [PYTHON, "-m", "localdigital_tui"]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mib: float
    cpu_seconds: float


@dataclass(frozen=True)
class Runs:
    runs: list[Run]

    @property
    def best(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_rss_mib(self) -> float:
        return max(r.peak_rss_mib for r in self.runs)

    @property
    def cpu_median(self) -> float:
        """CPU seconds (user + system, all threads and child processes): steadier than
        wall time on a shared machine."""
        return statistics.median(r.cpu_seconds for r in self.runs)

    def line(self, label: str, items: int | None = None, unit: str = "records") -> str:
        text = (
            f"{label}: min {self.best:.3f} s, median {self.median:.3f} s"
            f" ({len(self.runs)} runs), CPU {self.cpu_median:.2f} s,"
            f" peak RSS {self.peak_rss_mib:.0f} MiB"
        )
        if items:
            text += (
                f", {items / self.best:,.0f} {unit}/s at best, {items / self.median:,.0f} median"
            )
        return text


def run_once(command: Sequence[str], *, stdout: int | None = subprocess.DEVNULL) -> Run:
    """Run ``command``; wall time, the child's own peak RSS and CPU time. Fails loudly."""
    start = time.perf_counter()
    child = subprocess.Popen(list(command), stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode() if child.stderr else ""
    if child.returncode != 0:
        raise SystemExit(f"failed ({child.returncode}): {' '.join(command)}\n{error}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def repeat(command: Sequence[str], runs: int, *, warmup: int = 1) -> Runs:
    for _ in range(warmup):
        run_once(command)
    return Runs([run_once(command) for _ in range(runs)])


def interleaved(commands: dict[str, Sequence[str]], runs: int) -> dict[str, Runs]:
    """Run the commands in turn, ``runs`` rounds, so a busy machine slows them alike."""
    for command in commands.values():
        run_once(command)  # warm-up: file cache, bytecode
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(run_once(command))
    return {name: Runs(found) for name, found in results.items()}


def machine() -> str:
    """CPU model, cores, RAM, Python, polars: printed at the top of every script."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024**2:.0f} GiB"
    except OSError:
        pass
    from importlib.metadata import version  # not `import polars`: keep this process small

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"machine: {cpu}; {len(os.sched_getaffinity(0))} cores; {memory} RAM; "
        f"Python {platform.python_version()}; polars {version('polars')}; load average {load}"
    )


def simulated(records: int, *, files: int | None = None, seed: int = 2013) -> Path:
    """A simulated answers file (or directory of ``files``), made once and reused.

    Made in a child process (``localdigital simulate``) so that this process stays
    small: a forked child's peak RSS starts from its parent's.
    """
    name = f"sim-{records}" + (f"-{files}files" if files else "") + f"-seed{seed}"
    target = OUTPUT / name if files else OUTPUT / name / "responses.jsonl"
    done = OUTPUT / name / ".complete"
    if not done.exists():
        split = ["--files", str(files)] if files else []
        command = [*LOCALDIGITAL, "simulate", "-n", str(records), "-o", str(target)]
        run_once([*command, *split, "--seed", str(seed), "--force"])
        done.write_text("ok\n")
    return target
