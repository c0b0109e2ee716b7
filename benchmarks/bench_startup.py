"""Start-up: `localdigital --help` and `localdigital tables --help` against `python -c pass`.

Target: each at most 5x the bare interpreter (min of many runs). The commands run
in turn, round after round, so a busy machine slows them alike. The console script
is the one next to this interpreter (what a user of this environment runs).

If PYTHONDONTWRITEBYTECODE is set (as in the development sandbox), every start
compiles the package's modules from source; an installed package has bytecode.
The script then measures both: as the environment runs it, and with bytecode
(cached under benchmarks/output/pycache, so the source tree is not written).

With --instructions (needs valgrind) each command also runs once under callgrind:
instructions executed do not depend on how busy the machine is.

    python benchmarks/bench_startup.py [--runs 20] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
from pathlib import Path

from harness import OUTPUT, PYTHON, interleaved, machine


def console_script() -> str:
    beside = Path(PYTHON).parent / "localdigital"
    if beside.exists():
        return str(beside)
    found = shutil.which("localdigital")
    if found is None:
        raise SystemExit("no `localdigital` console script next to python or on PATH")
    return found


def commands() -> dict[str, list[str]]:
    script = console_script()
    return {
        "python -c pass": [PYTHON, "-c", "pass"],
        "python -c 'import click'": [PYTHON, "-c", "import click"],
        "localdigital --help": [script, "--help"],
        "localdigital tables --help": [script, "tables", "--help"],
        "localdigital simulate --help": [script, "simulate", "--help"],
    }


def measure(runs: int) -> None:
    results = interleaved(commands(), runs)
    bare = results.pop("python -c pass")
    bare_cpu = min(r.cpu_seconds for r in bare.runs)
    print(bare.line("python -c pass") + f", CPU min {bare_cpu * 1000:.1f} ms")
    for label, found in results.items():
        ratio_best, ratio_median = found.best / bare.best, found.median / bare.median
        cpu = min(r.cpu_seconds for r in found.runs)
        verdict = "met" if ratio_best <= 5 else "MISSED"
        if "click" in label:
            verdict = "the floor: click alone"
        print(found.line(label) + f", CPU min {cpu * 1000:.1f} ms")
        print(
            f"  ratio to python -c pass: {ratio_best:.1f}x min, {ratio_median:.1f}x median,"
            f" CPU {cpu / bare_cpu:.1f}x min (target <= 5x of the min: {verdict})"
        )


def instructions(command: list[str]) -> int:
    """Instructions executed by ``command`` (user space), counted by callgrind."""
    # first run writes any bytecode, so the counted run is the steady state
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    counted = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    found = re.search(r"Collected : (\d+)", counted.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from callgrind:\n{counted.stderr}")
    return int(found.group(1))


def count_instructions() -> None:
    counts = {label: instructions(command) for label, command in commands().items()}
    bare = counts["python -c pass"]
    for label, count in counts.items():
        print(f"{label}: {count / 1e6:.1f} M instructions, {count / bare:.2f}x python -c pass")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--instructions", action="store_true", help="count with callgrind too")
    args = parser.parse_args()
    print(machine())
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("\nas this environment runs it (PYTHONDONTWRITEBYTECODE set: no bytecode cache)")
        measure(args.runs)
        if args.instructions:
            count_instructions()
        del os.environ["PYTHONDONTWRITEBYTECODE"]
        os.environ["PYTHONPYCACHEPREFIX"] = str(OUTPUT / "pycache")
        print("\nwith bytecode, as an installed package has it")
    measure(args.runs)
    if args.instructions:
        count_instructions()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at the end: {load}")


if __name__ == "__main__":
    main()
