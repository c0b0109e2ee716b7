"""Records as validation decoded them give the frame polars reads from their canonical lines."""

from __future__ import annotations

import json
import os
import random
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from localdigital_tui.core.export.decoded_frame import DecodedFrame
from localdigital_tui.core.export.parquet import converted_schema, flat_block
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.line_check import LineChecker, ValidLine
from localdigital_tui.core.records.line_reader import plan_chunks, read_lines
from localdigital_tui.core.records.validation import ChunkValidator
from localdigital_tui.core.simulate.writer import simulate
from tests.conftest import QUESTIONNAIRE

LOADED = load_questionnaire(QUESTIONNAIRE)
EXAMPLES = int(os.environ.get("LOCALDIGITAL_EXAMPLES", "25"))


def only_pydantic_takes(line: str, rng: random.Random) -> str:
    """The same record in a form pydantic accepts and the fast check does not (a timing
    written as a string, or a timing for no question): it goes the canonical way."""
    record = json.loads(line)
    timings = record.setdefault("timings", {})
    if timings and rng.random() < 0.5:
        code = rng.choice(sorted(timings))
        timings[code] = str(timings[code])
    else:
        timings["not_a_question"] = 1.5
    return json.dumps(record)


def loose(line: str, rng: random.Random) -> str:
    """The same record as another program might write it: spaces, an offset for Z,
    ``event`` left out when null. The fast check still vouches for it."""
    record = json.loads(line)
    record["started_at"] = record["started_at"].replace("Z", "+00:00")
    if record.get("event") is None:
        record.pop("event", None)
    return json.dumps(record, indent=None)


def canonical_frame(loaded: LoadedQuestionnaire, path: Path) -> pl.DataFrame:
    """The oracle: polars' own reader over each line's canonical form."""
    checker = LineChecker([loaded])
    lines = []
    for raw in read_lines(plan_chunks([path])[0]):
        if raw.blank:
            continue
        found = checker.check_line(raw, FileKind.RESPONSES)
        assert isinstance(found, ValidLine)
        lines.append(found.canonical)
    schema = converted_schema(loaded.questionnaire)
    if not lines:
        return pl.DataFrame(schema=schema)
    return flat_block(b"\n".join(lines), loaded.questionnaire, typed=True).cast(schema)  # type: ignore[arg-type]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    records=st.integers(0, 60),
    seed=st.integers(0, 10_000),
    partial_rate=st.sampled_from([0.0, 0.3, 1.0]),
    odd_share=st.sampled_from([0.0, 0.1, 0.5]),
    blank_lines=st.booleans(),
)
def test_decoded_records_make_the_frame_polars_reads(
    records: int,
    seed: int,
    partial_rate: float,
    odd_share: float,
    blank_lines: bool,
) -> None:
    """Audiences, statuses, loose spellings, lines only pydantic takes, blank lines."""
    with tempfile.TemporaryDirectory() as folder:
        check_one_file(
            Path(folder) / "a.jsonl", (records, seed, partial_rate, odd_share, blank_lines)
        )


def check_one_file(path: Path, drawn: tuple[int, int, float, float, bool]) -> None:
    records, seed, partial_rate, odd_share, blank_lines = drawn
    loaded = LOADED
    simulate(loaded, records, path, seed=seed, partial_rate=partial_rate, sync=False)
    rng = random.Random(seed)
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        roll = rng.random()
        if roll < odd_share / 2:
            line = only_pydantic_takes(line, rng)
        elif roll < odd_share:
            line = loose(line, rng)
        lines.append(line)
        if blank_lines and rng.random() < 0.1:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    decoded: list[object] = []
    summary = ChunkValidator(loaded, FileKind.RESPONSES).validate(plan_chunks([path])[0], decoded)
    assert summary.bad == 0 and len(decoded) == records
    frame = DecodedFrame(loaded).frame(decoded) if decoded else None
    expected = canonical_frame(loaded, path)
    if frame is None:
        assert expected.height == 0
        return
    assert frame.schema == expected.schema
    assert frame.equals(expected)


def test_a_line_only_pydantic_takes_is_read_in_its_place(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    simulate(loaded, 5, path, seed=3, sync=False)
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    record["timings"]["q5"] = "65"
    lines[2] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    decoded: list[object] = []
    ChunkValidator(loaded, FileKind.RESPONSES).validate(plan_chunks([path])[0], decoded)
    assert [type(r) is bytes for r in decoded] == [False, False, True, False, False]
    frame = DecodedFrame(loaded).frame(decoded)
    assert frame["record_id"].to_list() == [json.loads(line)["record_id"] for line in lines]
    assert frame["timings__q5"][2] == 65.0
