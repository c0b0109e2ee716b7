"""Does every answer land on the right question when keys are typed ahead?

Runs the real ``localdigital capture`` in a detached 80x24 tmux session and
types one whole council interview (start screen to "submitted": profile, four
grids, free text, Q9's two percentages, Q10's amount, Q12) without waiting
for any screen: at 0 ms per key (the whole interview in one ``send-keys``) and
then one ``send-keys`` per key at 10, 20 and 50 ms apart. Then it reads what
the app wrote (the submitted record, or the draft if the interview never got
to "submitted") and compares every answer with the one the keys meant. Run by
hand (needs tmux):

    python benchmarks/capture_type_ahead.py [--delays 0,10,20,50] [--runs 1]

For each speed it prints whether the interview was submitted, how many
questions and grid rows hold exactly the answer typed for them, and the first
few that do not.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from localdigital_tui.core.questionnaire.bundled import questionnaire_path
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import GridQuestion, Questionnaire

SESSION = "ld-type-ahead"
GRIDS = ("q5", "q6", "q7", "q8_statements", "q11")
# a grid's rows get these points of the scale in turn (wrapped to the scale's size),
# so that an answer landing one row or one question off is seen
PATTERN = (4, 2, 5, 1, 3)


@dataclass
class Script:
    """The keys of one interview and the answers they mean."""

    keys: list[str] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    personal: dict[str, Any] = field(default_factory=dict)

    def text(self, value: str) -> None:
        self.keys += ["Space" if c == " " else c for c in value]


def council_script(questionnaire: Questionnaire) -> Script:
    s = Script()

    def grid(code: str) -> None:
        question = questionnaire.question(code)
        assert isinstance(question, GridQuestion)
        scale = [c.code for c in questionnaire.scale_of(question)]
        chosen = {}
        for index, row in enumerate(question.rows):
            point = (PATTERN[index % len(PATTERN)] - 1) % len(scale)
            s.keys.append(str(point + 1))
            chosen[row.code] = scale[point]
        s.keys.append("Enter")  # next question
        s.answers[code] = chosen

    s.keys += ["Enter", "1"]  # start screen: new interview; council
    s.keys.append("2")
    s.answers["council_type"] = "english_district"
    for code, value in [
        ("q1_name", "Ada Lee"),
        ("q2_job_title", "CIO"),
        ("q3_organisation", "Leeds CC"),
    ]:
        s.text(value)
        s.keys.append("Enter")
        s.personal[code] = value
    s.keys.append("5")
    s.answers["role"] = "digital_practitioner"
    grid("q5")
    s.text("Survive")
    s.keys.append("C-n")
    s.answers["q5_other"] = "Survive"
    grid("q6")
    s.keys.append("C-n")  # q6_other left blank
    grid("q7")
    s.text("Chief")
    s.keys.append("C-n")
    s.answers["q7_other"] = "Chief"
    s.keys.append("1")
    s.answers["q8"] = "yes"
    grid("q8_statements")
    s.text("15")
    s.keys.append("Enter")
    s.text("40.5")
    s.keys.append("Enter")
    s.answers["q9"] = {"services_digital": 15, "transactions_digital": 40.5}
    s.keys.append("1")
    s.answers["q10"] = "yes"
    s.text("1500")
    s.keys.append("Enter")
    s.answers["q10_amount"] = 1500
    grid("q11")
    s.text("Money")
    s.keys.append("C-n")
    s.answers["q11_other"] = "Money"
    s.keys += ["1", "2"]
    s.personal["q12_report_copy"] = "yes"
    s.personal["q12_prize_draw"] = "no"
    s.keys += ["C-s", "y"]  # review: submit, confirm
    return s


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def pane() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(text: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in pane():
            return True
        time.sleep(0.02)
    return False


def send(keys: list[str], delay_ms: float) -> float:
    """Send ``keys``; returns the mean seconds between keys as really sent."""
    start = time.perf_counter()
    if delay_ms == 0:
        tmux("send-keys", "-t", SESSION, *keys)
        return 0.0
    for key in keys:
        tmux("send-keys", "-t", SESSION, key)
        time.sleep(delay_ms / 1000)
    return (time.perf_counter() - start) / len(keys)


@dataclass
class Outcome:
    submitted: bool
    answers: dict[str, Any]
    personal: dict[str, Any]


def written(out: Path) -> Outcome:
    responses = list(out.glob("responses-*.jsonl"))
    if responses and responses[0].read_text(encoding="utf-8").strip():
        record = json.loads(responses[0].read_text(encoding="utf-8").splitlines()[-1])
        personal_files = list(out.glob("personal-*.jsonl"))
        personal = json.loads(personal_files[0].read_text(encoding="utf-8").splitlines()[-1])
        return Outcome(True, record["answers"], personal["answers"])
    drafts = list((out / "drafts").glob("*.json"))
    if not drafts:
        return Outcome(False, {}, {})
    draft = json.loads(drafts[0].read_text(encoding="utf-8"))
    return Outcome(False, draft["answers"], {})


def compare(script: Script, outcome: Outcome) -> tuple[int, int, int, int, list[str]]:
    """(questions right, of, grid rows right, of, what is wrong)."""
    expected = {**script.answers, **script.personal}
    got = {**outcome.answers, **outcome.personal}
    right = rows_right = rows = 0
    wrong: list[str] = []
    for code, value in expected.items():
        actual = got.get(code)
        if code in GRIDS:
            rows += len(value)
            actual = actual or {}
            rows_right += sum(actual.get(r) == v for r, v in value.items())
        if actual == value:
            right += 1
        else:
            wrong.append(f"{code}: {actual!r} (typed {value!r})")
    extra = sorted(set(got) - set(expected))
    wrong += [f"{code}: {got[code]!r} (not typed)" for code in extra]
    return right, len(expected), rows_right, rows, wrong


def run_once(command: str, out: Path, script: Script, delay_ms: float) -> str:
    tmux("new-session", "-d", "-s", SESSION, "-x", "80", "-y", "24", command)
    try:
        if not wait_for("New interview", 15):
            return "the start screen did not show"
        time.sleep(0.5)
        start = time.perf_counter()
        interval = send(script.keys, delay_ms)
        sent = time.perf_counter() - start
        wait_for("Submitted today  1", 30)
        done = time.perf_counter() - start
        time.sleep(0.5)
        screen = pane()
    finally:
        tmux("kill-session", "-t", SESSION)
    time.sleep(0.3)
    outcome = written(out)
    right, of, rows_right, rows, wrong = compare(script, outcome)
    pace = f"{interval * 1000:4.1f} ms apart" if delay_ms else "one burst"
    verdict = "ALL RIGHT" if not wrong and outcome.submitted else "WRONG"
    submitted = "yes" if outcome.submitted else "no "
    line = (
        f"{delay_ms:3g} ms/key ({pace}): {verdict:<9} submitted={submitted}"
        f"  questions {right}/{of}  grid rows {rows_right}/{rows}"
        f"  keys sent in {sent:4.1f} s, start screen back {done - sent:4.1f} s later"
    )
    for problem in wrong[:4]:
        line += f"\n      {problem[:110]}"
    if len(wrong) > 4:
        line += f"\n      ... {len(wrong) - 4} more"
    if not outcome.submitted:
        shown = [row.rstrip() for row in screen.splitlines() if row.strip()]
        line += "\n      the screen at the end:\n        " + "\n        ".join(shown)
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delays", default="0,10,20,50", help="ms between keys, comma separated")
    parser.add_argument("--runs", type=int, default=1, help="runs per speed (default 1)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed", file=sys.stderr)
        return 1
    script = council_script(load_questionnaire(questionnaire_path()).questionnaire)
    print(f"one council interview: {len(script.keys)} keys")
    exe = Path(sys.executable).parent / "localdigital"
    for delay in [float(d) for d in args.delays.split(",")]:
        for _ in range(args.runs):
            out = Path(tempfile.mkdtemp(prefix="ld-type-ahead-"))
            command = f"{exe} capture --interviewer bench --device bench --out {out}"
            try:
                print(run_once(command, out, script, delay), flush=True)
            finally:
                shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
