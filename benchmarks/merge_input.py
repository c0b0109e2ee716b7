"""Generate input for ``bench_merge.py``: N valid records spread over K laptop files.

A few hundred distinct interviews are answered at random through the interview
flow (so every answer set obeys the questionnaire, skip rules included); each
output record takes one of them as a template with a fresh record id, times and
device, so generating a million records takes seconds. ``--copies F`` appends a
share F of the lines again to other files, as when laptops were copied twice.

    python benchmarks/merge_input.py --records 1000000 --files 100 --out benchmarks/output/x
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.questionnaire.bundled import questionnaire_path
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
    Question,
    SingleChoiceQuestion,
)
from localdigital_tui.core.records.model import dump_line

TOKENS = ("@@RID@@", "@@START@@", "@@SUBMIT@@", "@@DEVICE@@")
START = datetime(2013, 6, 24, 9, 0, tzinfo=UTC)


def _answer(flow: InterviewFlow, question: Question, rng: random.Random) -> None:
    q = flow.questionnaire
    if isinstance(question, GridQuestion):
        scale = [c.code for c in q.scale_of(question)]
        for row in question.rows:
            if row.required or rng.random() < 0.85:
                flow.answer_row(question.code, row.code, rng.choice(scale))
    elif isinstance(question, SingleChoiceQuestion):
        if question.required or rng.random() < 0.95:
            flow.answer(question.code, rng.choice(question.choice_codes()))
    elif isinstance(question, NumberQuestion):
        flow.answer(question.code, rng.randint(int(question.min), int(min(question.max, 250000))))
    elif isinstance(question, NumbersQuestion):
        for row in question.rows:
            if rng.random() < 0.9:
                value = rng.randint(int(question.min), int(question.max))
                flow.answer_row(question.code, row.code, value)
    elif question.personal:
        flow.answer(question.code, f"Respondent {rng.randint(1, 10**6)}")
    elif rng.random() < 0.3:
        flow.answer(question.code, rng.choice(["Survive!", "More shared services.", "Cost"]))


def templates(loaded: LoadedQuestionnaire, count: int, rng: random.Random) -> list[list[str]]:
    """``count`` answer sets as JSON lines split at the four tokens."""
    found = []
    for _ in range(count):
        audience = "supplier" if rng.random() < 22 / 200 else "council"
        flow = InterviewFlow(loaded, audience, record_id=str(uuid.uuid4()), started_at=START)
        while not flow.at_review:
            question = flow.current
            assert question is not None
            _answer(flow, question, rng)
            flow.next()
        record, _ = flow.build_records(
            status="complete", interviewer="bench", device="x", submitted_at=START
        )
        data = json.loads(dump_line(record))  # as capture writes it (no empty languages)
        data.update(
            record_id=TOKENS[0], started_at=TOKENS[1], submitted_at=TOKENS[2], device=TOKENS[3]
        )
        data["timings"] = {code: round(rng.uniform(1, 90), 1) for code in data["answers"]}
        text = json.dumps(data, separators=(",", ":"))
        parts = [text]
        for token in TOKENS:
            parts = [piece for part in parts for piece in _split_keep(part, token)]
        found.append(parts)
    return found


def _split_keep(text: str, token: str) -> list[str]:
    pieces = text.split(token)
    out = [pieces[0]]
    for piece in pieces[1:]:
        out += [token, piece]
    return out


def write_merge_input(
    out_dir: Path, records: int, files: int, seed: int = 0, copies: float = 0.0
) -> list[Path]:
    loaded = load_questionnaire(questionnaire_path())
    rng = random.Random(seed)
    pool = templates(loaded, 300, rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"responses-laptop-{k:03d}.jsonl" for k in range(files)]
    handles = [path.open("w", encoding="utf-8") for path in paths]
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    for i in range(records):
        file = i * files // records
        started = START + timedelta(seconds=i * 7)
        values = {
            TOKENS[0]: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            TOKENS[1]: started.strftime(fmt),
            TOKENS[2]: (started + timedelta(seconds=rng.randint(300, 1800))).strftime(fmt),
            TOKENS[3]: f"laptop-{file:03d}",
        }
        line = "".join(values.get(part, part) for part in rng.choice(pool)) + "\n"
        handles[file].write(line)
        if copies and rng.random() < copies:
            handles[(file + 1) % files].write(line)
    for handle in handles:
        handle.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--copies", type=float, default=0.0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    paths = write_merge_input(args.out, args.records, args.files, args.seed, args.copies)
    print(f"wrote {args.records} records in {len(paths)} files under {args.out}")


if __name__ == "__main__":
    main()
