"""kill -9 the plain capture at random moments, many times; count what survives.

Run by hand: ``python benchmarks/capture_kill_soak.py [--rounds 100]``. Each
round starts ``localdigital capture --plain``, types a whole council interview
ahead, waits for start-up, sleeps a random time, sends SIGKILL, then checks the output directory:
the draft must be readable and hold only answers that were given, and nothing
may be submitted. Leftover temp files show kills that landed inside a draft
write (they are ignored by the listing and harmless).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from localdigital_tui.core.capture.storage import CaptureStore  # noqa: E402
from localdigital_tui.core.questionnaire.bundled import questionnaire_path  # noqa: E402
from localdigital_tui.core.questionnaire.loader import load_questionnaire  # noqa: E402
from tests.prompts.interview_script import council_script  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument(
        "--max-delay", type=float, default=0.4, help="seconds from start-up to the kill"
    )
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    loaded = load_questionnaire(questionnaire_path())
    script, expected = council_script(loaded)
    typed = ("\n".join(script.lines) + "\n").encode()
    env = {**os.environ, "TERM": "dumb", "NO_COLOR": "1"}
    outcomes: Counter[str] = Counter()
    positions: Counter[str] = Counter()
    answered: list[int] = []
    temp_files = 0
    with tempfile.TemporaryDirectory(dir=Path.cwd(), prefix="kill-soak-") as where:
        for round_number in range(args.rounds):
            out = Path(where) / str(round_number)
            command = [sys.executable, "-m", "localdigital_tui", "capture", "--plain"]
            command += ["--interviewer", "soak", "--device", "soak", "--out", str(out)]
            child = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            assert child.stdin is not None
            child.stdin.write(typed)
            child.stdin.flush()
            while not (out / "drafts").exists() and child.poll() is None:
                time.sleep(0.005)  # started up: the store has made its directories
            time.sleep(rng.uniform(0, args.max_delay))
            child.send_signal(signal.SIGKILL)
            child.wait()
            if not (out / "drafts").exists():
                outcomes["killed before the output directory existed"] += 1
                continue
            temp_files += len(list((out / "drafts").glob(".*.tmp")))
            store = CaptureStore(out, loaded, interviewer="soak", device="soak")
            if store.unreadable_drafts():
                outcomes["UNREADABLE DRAFT"] += 1
                continue
            if list(out.glob("responses-*.jsonl")):
                outcomes["SUBMITTED WITHOUT BEING ASKED"] += 1
                continue
            drafts = store.list_drafts()
            if not drafts:
                outcomes["killed before the respondent type was saved"] += 1
                continue
            given = store.resume(drafts[0].record_id).answers
            wrong = [
                code
                for code, value in given.items()
                if code in expected
                and not (
                    value.items() <= expected[code].items()
                    if isinstance(value, dict)
                    else value == expected[code]
                )
            ]
            outcomes["ANSWER NOT GIVEN" if wrong else "whole draft, answers as given"] += 1
            positions[drafts[0].position or "review"] += 1
            answered.append(drafts[0].answered)
    print(f"{args.rounds} kills, 0-{args.max_delay}s after start-up (seed {args.seed})")
    for outcome, count in outcomes.most_common():
        print(f"  {count:4}  {outcome}")
    print(f"  temp files left by kills inside a draft write: {temp_files}")
    if answered:
        print(f"  questions answered at the kill: min {min(answered)}, max {max(answered)}")
    print("  stopped at: " + ", ".join(f"{p} {n}" for p, n in positions.most_common()))


if __name__ == "__main__":
    main()
