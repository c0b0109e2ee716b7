"""Lines checked in batches: the batch path vouches for exactly what the line path would
accept, and a file validates the same in any batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.fast_check import BATCH, FastLineCheck
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.core.simulate.writer import simulate
from tests.core.records.test_fast_validation import TRICKY, mutate, paths
from tests.records_factory import complete_line


@pytest.fixture(scope="module")
def simulated(loaded: LoadedQuestionnaire, tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    path = tmp_path_factory.mktemp("batches") / "responses.jsonl"
    simulate(loaded, 300, path, seed=5, partial_rate=0.3, sync=False)
    return path.read_bytes().splitlines()


def compact(record: dict[str, Any]) -> bytes:
    return json.dumps(record, separators=(",", ":")).encode()


def test_valid_lines_of_every_kind_are_vouched_for(
    fast: FastLineCheck, simulated: list[bytes]
) -> None:
    statuses = {json.loads(line)["status"] for line in simulated}
    audiences = {json.loads(line)["audience"] for line in simulated}
    assert statuses == {"complete", "partial"} and audiences == {"council", "supplier"}
    assert fast.doubtful_responses(simulated) == []
    assert fast.doubtful_responses([memoryview(line) for line in simulated]) == []


def test_lines_the_batch_decoder_refuses_are_each_checked_in_their_place(
    loaded: LoadedQuestionnaire, fast: FastLineCheck, simulated: list[bytes]
) -> None:
    complete = [line for line in simulated if b'"status":"complete"' in line]
    partial = [line for line in simulated if b'"status":"partial"' in line]
    bad_choice = complete[3].replace(b'"status":"complete"', b'"status":"done"')
    lines = [complete[0], partial[0], b"{not json", complete[1], b"", partial[1], bad_choice]
    assert fast.doubtful_responses(lines) == [2, 4, 6]
    assert fast.doubtful_responses([*lines, *complete[:BATCH]]) == [2, 4, 6]


def with_value(loaded: LoadedQuestionnaire, key: str, value: Any) -> bytes:
    record = complete_line(loaded)
    record[key] = value
    return compact(record)


@pytest.mark.parametrize(
    "record_id",
    [
        "5b0e7f0c-3a56-3f0e-9f59-2f7c9e8d1a42", "5b0e7f0c-3a56-4f0e-7f59-2f7c9e8d1a42",
        "5B0E7F0C-3A56-4F0E-9F59-2F7C9E8D1A42", "5b0e7f0c3a564f0e9f592f7c9e8d1a42",
        "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a4g", "hhhhhhhh-hhhh-4hhh-8hhh-hhhhhhhhhhhh",
        "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a4", "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a42\n",
        "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a42-", "5b0e7f0c-3a56-4f0e-9f59--f7c9e8d1a42",
    ],
)  # fmt: skip
def test_a_bad_record_id_among_good_lines_is_doubtful(
    loaded: LoadedQuestionnaire,
    fast: FastLineCheck,
    validator: RecordValidator,
    simulated: list[bytes],
    record_id: str,
) -> None:
    bad = with_value(loaded, "record_id", record_id)
    assert validator.check_line(bad) != []
    lines = [*simulated[:5], bad, *simulated[5 : BATCH * 2]]
    assert fast.doubtful_responses(lines) == [5]


@pytest.mark.parametrize(
    "stamp",
    [
        "2013-06-24T10:00:00+01:00", "2013-06-24T10:00:00", "2013-06-24T10:00:00-00:30",
        "2013-02-29T10:00:00Z", "2013-06-24T24:00:00Z", "2013-06-24T10:00:60Z",
    ],
)  # fmt: skip
@pytest.mark.parametrize("key", ["started_at", "submitted_at"])
def test_a_bad_timestamp_among_good_lines_is_doubtful(
    loaded: LoadedQuestionnaire,
    fast: FastLineCheck,
    validator: RecordValidator,
    simulated: list[bytes],
    key: str,
    stamp: str,
) -> None:
    bad = with_value(loaded, key, stamp)
    assert validator.check_line(bad) != []
    assert fast.doubtful_responses([*simulated[:BATCH], bad, simulated[0]]) == [BATCH]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_whatever_a_batch_vouches_for_pydantic_accepts(
    validator: RecordValidator, fast: FastLineCheck, simulated: list[bytes], data: st.DataObject
) -> None:
    record = json.loads(data.draw(st.sampled_from(simulated)))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(record)))
        action = data.draw(st.sampled_from(["set", "set", "drop", "extra", "amount"]))
        mutate(record, where, action, data.draw(st.sampled_from(TRICKY)))
    raw = compact(record)
    if 1 not in fast.doubtful_responses([simulated[0], raw, simulated[1]]):
        assert validator.check_line(raw) == [], raw


def test_skip_rules_are_checked_in_batches(
    loaded: LoadedQuestionnaire, fast: FastLineCheck, simulated: list[bytes]
) -> None:
    record = complete_line(loaded)
    record["answers"]["q10"] = "no"  # and q10_amount answered
    assert fast.doubtful_responses([simulated[0], compact(record), simulated[1]]) == [1]


# Timestamps as msgspec may read them: every one in UTC that it reads, pydantic takes.
STAMP_PIECES = st.sampled_from(
    ["2013", "0001", "9999", "-", "06", "02", "29", "31", "12", "T", "t", " ", "_", "10",
     "23", "59", ":", ".", "5", "9999999", ",", "Z", "z", "+", "00", "00:00", "0000", ""]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    pieces=st.lists(STAMP_PIECES, min_size=0, max_size=6),
    place=st.integers(0, 30),
    base=st.sampled_from(["2012-02-29T23:59:59.999999Z", "2013-06-24 09:15:02+00:00"]),
)
def test_timestamps_vouched_for_in_a_batch_pydantic_takes(
    loaded: LoadedQuestionnaire,
    fast: FastLineCheck,
    validator: RecordValidator,
    simulated: list[bytes],
    pieces: list[str],
    place: int,
    base: str,
) -> None:
    stamp = base[:place] + "".join(pieces) + base[place + len(pieces) :]
    line = with_value(loaded, "started_at", stamp)
    vouched = 1 not in fast.doubtful_responses([simulated[0], line])
    assert vouched == fast.responses(line)
    if vouched:
        assert validator.check_line(line) == [], stamp


def test_files_validate_the_same_in_any_block_size(
    loaded: LoadedQuestionnaire, validator: RecordValidator, simulated: list[bytes], tmp_path: Path
) -> None:
    bad = with_value(loaded, "started_at", "2013-06-24T10:00:00+01:00")
    path = tmp_path / "responses.jsonl"
    path.write_bytes(b"\n".join([*simulated[:100], bad, b"", *simulated[100:]]) + b"\r\n")
    summary = validator.validate_file(path, workers=1)
    assert (summary.good, summary.bad, summary.blank) == (len(simulated), 1, 1)
    assert [p.location.line for p in summary.problems] == [101]


def test_personal_lines_in_batches(
    loaded: LoadedQuestionnaire, fast: FastLineCheck, tmp_path: Path
) -> None:
    simulate(loaded, 100, tmp_path / "responses.jsonl", seed=3, sync=False)
    lines = (tmp_path / "personal.jsonl").read_bytes().splitlines()
    bad = json.loads(lines[7])
    bad["record_id"] = bad["record_id"].upper()
    lines[7] = compact(bad)
    assert fast.doubtful_personal(lines) == [7]
