"""Blocks taken as the fast check decoded them tabulate exactly as blocks polars reads."""

from __future__ import annotations

import json
import os
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.line_blocks import LineBlock
from localdigital_tui.core.simulate.writer import simulate
from localdigital_tui.core.tables import decoded_blocks
from localdigital_tui.core.tables.aggregate import aggregate
from localdigital_tui.core.tables.frame import Wanted, flat_columns, record_batches
from localdigital_tui.core.tables.totals import Aggregates
from localdigital_tui.errors import LocalDigitalError
from tests.conftest import QUESTIONNAIRE

LOADED = load_questionnaire(QUESTIONNAIRE)
EXAMPLES = int(os.environ.get("LOCALDIGITAL_EXAMPLES", "25"))
WANTED = Wanted(("council_type", "supplier_size", "role", "q5", "q7", "q8", "q9", "q10_amount"))
MISHAPS = ("loose", "pydantic only", "crlf", "bad code", "copy", "loose copy", "blank", "cut")


def mishap(line: str, kind: str, rng: random.Random) -> list[str]:
    """The line (or lines) a mishap of ``kind`` leaves in the file in its place."""
    record = json.loads(line)
    if kind in ("loose", "loose copy"):
        record["started_at"] = record["started_at"].replace("Z", "+00:00")
        if record.get("event") is None:
            record.pop("event", None)
        loose = json.dumps(record, indent=None)
        return [loose] if kind == "loose" else [line, loose]
    if kind == "pydantic only":
        record.setdefault("timings", {})["not_a_question"] = 2.5
        return [json.dumps(record)]
    if kind == "crlf":
        return [line + "\r"]
    if kind == "bad code":
        record["answers"]["q8"] = "maybe"
        return [json.dumps(record, separators=(",", ":"))]
    if kind == "copy":
        return [line, line]
    if kind == "blank":
        return [line, ""]
    return [line[: rng.randrange(1, len(line))]]  # cut


def outcome(loaded: LoadedQuestionnaire, path: Path, batch: int, decode: bool) -> Aggregates | str:
    q = loaded.questionnaire
    try:
        return aggregate(
            record_batches([path], q, WANTED, batch_bytes=batch),
            flat_columns(q, WANTED),
            audiences=q.audience_codes(),
            sha256=loaded.sha256,
            thresholds={"q10_amount": 1000},
            include_partial=True,
            jobs=1,
            decode_with=loaded if decode else None,
        )
    except LocalDigitalError as exc:
        return f"{type(exc).__name__}: {exc}"


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    records=st.integers(1, 80),
    seed=st.integers(0, 10_000),
    partial_rate=st.sampled_from([0.0, 0.2]),
    mishaps=st.lists(st.sampled_from(MISHAPS), max_size=4),
    batch=st.sampled_from([3_000, 20_000, 1 << 20]),
)
def test_decoded_and_polars_read_blocks_give_the_same_tables(
    records: int, seed: int, partial_rate: float, mishaps: list[str], batch: int
) -> None:
    """Whatever mishaps a file holds, and however it is cut into blocks (some taken as
    decoded, some read by polars): the same aggregates, or the same error."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.jsonl"
        simulate(LOADED, records, path, seed=seed, partial_rate=partial_rate, sync=False)
        original = path.read_text(encoding="utf-8").splitlines()
        befallen = {rng.randrange(len(original)): kind for kind in mishaps if kind != "cut"}
        if "cut" in mishaps:
            befallen[len(original) - 1] = "cut"
        lines = []
        for at, line in enumerate(original):
            lines += mishap(line, befallen[at], rng) if at in befallen else [line]
        ending = "" if "cut" in mishaps else "\n"
        path.write_bytes(("\n".join(lines) + ending).encode("utf-8"))
        decoded = outcome(LOADED, path, batch, decode=True)
        assert decoded == outcome(LOADED, path, batch, decode=False)


def test_a_clean_block_is_taken_as_decoded_and_a_mishap_sends_it_to_polars(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    simulate(LOADED, 20, path, seed=5, sync=False)
    data = path.read_bytes()
    columns = flat_columns(LOADED.questionnaire, WANTED)

    def decoded(content: bytes) -> tuple[int, int] | None:
        path.write_bytes(content)
        block = LineBlock(str(path), 0, len(content))
        found = decoded_blocks.decoded_block(block, LOADED, columns)
        return None if found is None else (found[0].collect().height, found[1])

    assert decoded(data) == (20, 20)
    assert decoded(data.replace(b"\n", b"\r\n")) is None
    assert decoded(data + b'{"a":1}\n') is None
    assert decoded(data + b"\n") is None  # a blank line: polars reads the block


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_command_path_decodes_in_workers_too(tmp_path: Path, jobs: int) -> None:
    path = tmp_path / "a.jsonl"
    simulate(LOADED, 300, path, seed=9, partial_rate=0.1, sync=False)
    q = LOADED.questionnaire

    def run(decode: bool) -> Aggregates:
        return aggregate(
            record_batches([path], q, WANTED, batch_bytes=40_000),
            flat_columns(q, WANTED),
            audiences=q.audience_codes(),
            sha256=LOADED.sha256,
            jobs=jobs,
            decode_with=LOADED if decode else None,
        )

    assert run(True) == run(False)
