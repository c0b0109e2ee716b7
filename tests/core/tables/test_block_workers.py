"""JSON Lines blocks tabulated in worker processes give what one process gives."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.tables.aggregate import Aggregates, aggregate
from localdigital_tui.core.tables.frame import LineBlock, Wanted, flat_columns, record_batches
from localdigital_tui.errors import RecordFileError

WANT = Wanted(("q5", "q8", "q9", "q10", "q10_amount"), ("role",))


def totals(
    loaded: LoadedQuestionnaire, files: list[Path], workers: int, batch_bytes: int = 4096
) -> Aggregates:
    q = loaded.questionnaire
    return aggregate(
        record_batches(files, q, WANT, batch_bytes, batch_rows=25),
        flat_columns(q, WANT),
        audiences=q.audience_codes(),
        split="role",
        thresholds={"q10_amount": 1000},
        workers=workers,
    )


def test_blocks_cut_at_line_ends_and_cover_the_file(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "no_last_end.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + survey_file.read_bytes().rstrip(b"\n"))
    parts = list(record_batches([path], loaded.questionnaire, WANT, 4096))
    blocks = [b for b in parts if isinstance(b, LineBlock)]
    assert len(blocks) == len(parts)
    size = path.stat().st_size
    assert len(blocks) > 5
    assert blocks[0].start == 0 and blocks[-1].end == size
    assert all(a.end == b.start for a, b in itertools.pairwise(blocks))
    whole = path.read_bytes()
    assert all(whole[b.end - 1 : b.end] == b"\n" for b in blocks[:-1])
    assert blocks[0].read().startswith(b'{"')  # the byte-order mark is dropped


def test_workers_give_the_totals_of_one_process(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> None:
    flat = tmp_path / "also.parquet"
    pl.read_ndjson(survey_file).write_parquet(flat, row_group_size=10)
    files = [survey_file, flat, survey_file]
    in_process = totals(loaded, files, workers=1)
    assert in_process.records[("council", "elected_member")] == 3 * 40
    assert totals(loaded, files, workers=2) == in_process


def test_a_broken_line_in_a_worker_is_reported_with_its_lines(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jsonl"
    lines = survey_file.read_bytes().splitlines(keepends=True)
    broken.write_bytes(b"".join([*lines[:60], b'{"audience": "coun\n', *lines[60:]]))
    with pytest.raises(RecordFileError) as in_process:
        totals(loaded, [broken], workers=1)
    with pytest.raises(RecordFileError) as in_workers:
        totals(loaded, [broken], workers=2)
    message = str(in_workers.value)
    assert message == str(in_process.value)
    first, last = (int(n) for n in message.split(": lines ")[1].split(":")[0].split("-"))
    assert first <= 61 <= last < len(lines) + 1  # the block holding line 61, not the file
