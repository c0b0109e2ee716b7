"""Parts tabulated in this process or in worker processes give the same aggregates."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.tables.aggregate import aggregate
from localdigital_tui.core.tables.frame import Wanted, flat_columns, record_batches
from localdigital_tui.core.tables.totals import Aggregates
from localdigital_tui.errors import RecordFileError
from tests.core.tables.survey_fixture import survey_records, write_jsonl

WANTED = Wanted(("q5", "q8", "q9", "q10", "q10_amount", "role"))


def totals(loaded: LoadedQuestionnaire, files: list[Path], jobs: int) -> Aggregates:
    q = loaded.questionnaire
    return aggregate(
        record_batches(files, q, WANTED, batch_bytes=5000),  # many small blocks
        flat_columns(q, WANTED),
        audiences=q.audience_codes(),
        sha256=loaded.sha256,
        thresholds={"q10_amount": 1000},
        jobs=jobs,
    )


def test_workers_give_what_one_process_gives(loaded: LoadedQuestionnaire, tmp_path: Path) -> None:
    records = survey_records(loaded)
    files = [
        write_jsonl(tmp_path / "a.jsonl", records[:50]),
        write_jsonl(tmp_path / "b.jsonl", records[50:]),
    ]
    in_process = totals(loaded, files, jobs=1)
    assert sum(in_process.records.values()) == 88
    assert totals(loaded, files, jobs=2) == in_process
    assert multiprocessing.active_children() == []  # no worker outlives the tables


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_block_is_named_with_its_lines_in_either_mode(
    loaded: LoadedQuestionnaire, tmp_path: Path, jobs: int
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", survey_records(loaded)[:40])
    with path.open("ab") as handle:
        handle.write(b'{"audience": "council", "status": [}\n')
    with pytest.raises(RecordFileError, match=r"a\.jsonl: lines \d+-41: cannot read the answers"):
        totals(loaded, [path], jobs)
    assert multiprocessing.active_children() == []
