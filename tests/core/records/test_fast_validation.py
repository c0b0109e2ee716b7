"""The fast path only ever vouches for valid lines; files validate as they did line by line."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.fast_check import FastLineCheck
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.line_check import BadLine, LineChecker
from localdigital_tui.core.records.line_reader import plan_chunks, read_lines
from localdigital_tui.core.records.validation import RecordValidator, ValidationSummary
from localdigital_tui.core.simulate.writer import simulate
from localdigital_tui.errors import Location, Problem
from tests.records_factory import complete_line


@pytest.fixture(scope="module")
def simulated(loaded: LoadedQuestionnaire, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = tmp_path_factory.mktemp("fast") / "responses.jsonl"
    simulate(loaded, 600, path, seed=21, partial_rate=0.2, sync=False)
    return path.read_text(encoding="utf-8").splitlines()


def per_line(loaded: LoadedQuestionnaire, path: Path, kind: FileKind) -> ValidationSummary:
    """What merge decides of each line: the line checker on every line, no fast path."""
    checker = LineChecker([loaded])
    summary = ValidationSummary(str(path))
    for raw in read_lines(plan_chunks([path])[0]):
        summary.lines += 1
        if raw.blank:
            summary.blank += 1
            continue
        found = checker.check_line(raw, kind)
        if isinstance(found, BadLine):
            summary.bad += 1
            summary.problems += [
                Problem(Location(str(path), raw.number, field=w), m) for w, m in found.problems
            ]
        elif found.kind is FileKind.RESPONSES:
            summary.responses += 1
        else:
            summary.personal += 1
    return summary


def compact(record: dict[str, Any]) -> bytes:
    return json.dumps(record, separators=(",", ":")).encode()


def test_the_fast_path_vouches_for_canonical_lines(
    loaded: LoadedQuestionnaire, fast: FastLineCheck, simulated: list[str]
) -> None:
    assert fast.responses(compact(complete_line(loaded)))
    assert fast.responses(compact(complete_line(loaded, "supplier")))
    vouched = sum(fast.responses(line.encode()) for line in simulated)
    assert vouched == len(simulated)


# Replacements that each make a valid record invalid, or valid in an unusual shape.
TRICKY: list[Any] = [
    None, "", " ", "maybe", "agree", "yes", 0, -1, 1.5, 101, 1e400, True, [], {},
    {"better_for_less": "agree"}, "2013-02-29T10:00:00Z", "2013-06-24T10:00:00+00:00",
    "2013-06-24T10:00:00+01:00", "2013-06-24T10:00:00", "x" * 5001, "\ud83d\ude00",
    "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a42", "5B0E7F0C-3A56-4F0E-9F59-2F7C9E8D1A42",
]  # fmt: skip


def paths(value: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    return found


def mutate(record: dict[str, Any], where: tuple[str, ...], action: str, value: Any) -> None:
    value = copy.deepcopy(value)  # TRICKY's dicts are shared: never put one in two places
    target = record
    for key in where[:-1]:
        target = target[key]
    last = where[-1]
    if action == "drop":
        target.pop(last)
    elif action == "set":
        target[last] = value
    else:  # add a sibling key
        target[f"{last}_extra" if action == "extra" else "q10_amount"] = value


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_whatever_the_fast_path_vouches_for_pydantic_accepts(
    loaded: LoadedQuestionnaire,
    validator: RecordValidator,
    fast: FastLineCheck,
    simulated: list[str],
    data: st.DataObject,
) -> None:
    record = json.loads(data.draw(st.sampled_from(simulated)))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(record)))
        action = data.draw(st.sampled_from(["set", "set", "drop", "extra", "amount"]))
        mutate(record, where, action, data.draw(st.sampled_from(TRICKY)))
    raw = compact(record)
    if fast.responses(raw):
        assert validator.check_line(raw) == [], raw


def test_tricky_values_the_fast_path_must_refuse(
    loaded: LoadedQuestionnaire, fast: FastLineCheck, validator: RecordValidator
) -> None:
    good = complete_line(loaded)
    cases = [
        ("answers", "q10", "no"),  # skip rule: an amount after "no"
        ("started_at", None, "2013-06-24T10:00:00+01:00"),
        ("event", None, 5),
        ("timings", None, {"q5": -1}),
        ("answers", "q8", None),
    ]
    for key, inner, value in cases:
        record = json.loads(json.dumps(good))
        if inner is None:
            record[key] = value
        else:
            record[key][inner] = value
        raw = compact(record)
        assert not fast.responses(raw), (key, inner, value)
        assert validator.check_line(raw) != []
    # A repeated key: the last one counts, for pydantic and for the fast path alike.
    valid_twice = compact(good).replace(b'"q10":"yes"', b'"q10":"no","q10":"yes"', 1)
    assert fast.responses(valid_twice) and validator.check_line(valid_twice) == []
    no_last = compact(good).replace(b'"q10":"yes"', b'"q10":"yes","q10":"no"', 1)
    assert not fast.responses(no_last) and validator.check_line(no_last) != []


def bad_lines_file(loaded: LoadedQuestionnaire, simulated: list[str], path: Path) -> Path:
    good = complete_line(loaded)
    bad: list[str] = []
    for where in paths(good):
        for action in ("set", "drop", "extra"):
            record = json.loads(json.dumps(good))
            mutate(record, where, action, "maybe")
            bad.append(json.dumps(record))
    lines = ["\ufeff" + simulated[0], *simulated[1:50]]
    for i, line in enumerate(bad):
        lines += [line, simulated[50 + i % 500], ""] if i % 7 == 0 else [line]
    lines += ["{not json", "   ", json.dumps(good, indent=None), simulated[-1][:100]]
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\n")
    return path


def test_files_validate_exactly_as_line_by_line(
    loaded: LoadedQuestionnaire, validator: RecordValidator, simulated: list[str], tmp_path: Path
) -> None:
    path = bad_lines_file(loaded, simulated, tmp_path / "responses.jsonl")
    expected = per_line(loaded, path, FileKind.RESPONSES)
    assert expected.bad > 100 and expected.good > 50 and expected.blank > 5
    for workers, chunk_bytes in ((1, 1 << 24), (1, 5000), (2, 20_000), (3, 1 << 24)):
        got = validator.validate_file(path, workers=workers, chunk_bytes=chunk_bytes)
        assert (got.good, got.bad, got.blank) == (expected.good, expected.bad, expected.blank)
        assert [str(p) for p in got.problems] == [str(p) for p in expected.problems]


def test_personal_files_too(
    loaded: LoadedQuestionnaire, validator: RecordValidator, tmp_path: Path
) -> None:
    simulate(loaded, 300, tmp_path / "responses.jsonl", seed=2, sync=False)
    path = tmp_path / "personal.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[10] = lines[10].replace('"answers":{', '"answers":{"colour":"red",')
    lines[20] = lines[20].replace('"answers":{', '"answers":{"q5":{},')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = per_line(loaded, path, FileKind.PERSONAL)
    got = validator.validate_file(path, workers=2, chunk_bytes=4000)
    assert (got.good, got.bad) == (expected.good, expected.bad) == (298, 2)
    assert [str(p) for p in got.problems] == [str(p) for p in expected.problems]


@pytest.mark.parametrize(
    "stamp",
    [
        "2013-06-24T09:15:02Z", "2013-06-24T09:15:02.5Z", "2013-06-24T09:15:02.123456Z",
        "2012-02-29T00:00:00Z", "2013-02-29T00:00:00Z", "2013-04-31T10:00:00Z",
        "2013-06-24T24:00:00Z", "2013-06-24T23:59:60Z", "2013-06-24T09:15:02.1234567Z",
        "2013-06-24T09:15:02.Z", "2013-06-24 09:15:02Z", "0999-06-24T09:15:02Z",
        "2013-06-24T09:15:02z", "2013-6-24T09:15:02Z", "2013-06-24T09:15:02+00:00",
        "\uff12\uff1013-06-24T09:15:02Z", "2013-06-24T09:15:0\uff12Z",
    ],
)  # fmt: skip
def test_timestamps_the_fast_path_takes_pydantic_takes(
    loaded: LoadedQuestionnaire, fast: FastLineCheck, validator: RecordValidator, stamp: str
) -> None:
    record = complete_line(loaded)
    record["started_at"] = stamp
    raw = compact(record)
    if fast.responses(raw):
        assert validator.check_line(raw) == []


@pytest.mark.parametrize(
    "record_id",
    [
        "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a42", "5b0e7f0c-3a56-3f0e-9f59-2f7c9e8d1a42",
        "5b0e7f0c-3a56-4f0e-7f59-2f7c9e8d1a42", "5B0E7F0C-3A56-4F0E-9F59-2F7C9E8D1A42",
        "5b0e7f0c3a564f0e9f592f7c9e8d1a42", "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a4g",
        "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a4", "5b0e7f0c-3a56-4f0e-9f59--f7c9e8d1a42",
    ],
)  # fmt: skip
def test_record_ids_the_fast_path_takes_pydantic_takes(
    loaded: LoadedQuestionnaire, fast: FastLineCheck, validator: RecordValidator, record_id: str
) -> None:
    record = complete_line(loaded)
    record["record_id"] = record_id
    raw = compact(record)
    assert fast.responses(raw) == (validator.check_line(raw) == [])
