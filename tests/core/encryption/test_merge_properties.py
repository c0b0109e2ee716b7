"""Merging any set of files that mix encrypted and plain personal lines loses nothing,
keeps nothing twice, and does not depend on the order of its inputs."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localdigital_tui.core.encryption.personal_lines import decrypt_personal_file
from localdigital_tui.core.encryption.sealed_answers import AnswerOpener, AnswerSealer
from localdigital_tui.core.merge import MergeOutputs, merge
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.canonical import canonical_personal
from tests.core.encryption.lines_factory import encrypted_line, plain_line

RECORDS = [
    "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a42",
    "6c1f8a1d-4b67-4f1f-8a6a-3a8d0f9e2b53",
    "7d2a9b2e-5c78-4a2a-9b7b-4b9e1a0f3c64",
    "8e3b0c3f-6d89-4b3b-ac8c-5caf2b1a4d75",
]
ANSWERS = [
    {"q1_name": f"Name {i}", "q3_organisation": f"Council {i}", "q12_report_copy": "yes"}
    for i in range(len(RECORDS))
]
VARIANTS = ("plain", "sealed", "sealed again")  # "sealed again": the same answers, new bytes


@pytest.fixture(scope="module")
def pool(loaded: LoadedQuestionnaire, sealer: AnswerSealer) -> dict[tuple[int, str], str]:
    """Each record as a plain line, sealed once, and sealed a second time: a line copied
    from one laptop to another stays byte for byte the same, so each is made once."""
    lines = {}
    for index, record_id in enumerate(RECORDS):
        lines[index, "plain"] = plain_line(loaded, record_id, ANSWERS[index])
        for variant in VARIANTS[1:]:
            lines[index, variant] = encrypted_line(loaded, sealer, record_id, ANSWERS[index])
    return lines


line_picks = st.tuples(st.integers(0, len(RECORDS) - 1), st.sampled_from(VARIANTS))
file_sets = st.lists(st.lists(line_picks, min_size=0, max_size=6), min_size=1, max_size=4)
_runs = itertools.count()


def canonical(line: str) -> bytes:
    return canonical_personal(json.loads(line))


def run_merge(folder: Path, loaded: LoadedQuestionnaire, contents: list[str]) -> MergeOutputs:
    paths = []
    for number, text in enumerate(contents):
        path = folder / f"laptop-{number}" / "personal.jsonl"
        path.parent.mkdir(parents=True)
        path.write_text(text)
        paths.append(path)
    outputs = MergeOutputs.beside(folder / "merged" / "merged.jsonl")
    merge(list(reversed(paths)), [loaded], outputs)
    return outputs


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(file_sets, st.randoms(use_true_random=False))
def test_merge_of_mixed_personal_lines_loses_nothing_keeps_nothing_twice_in_any_order(
    tmp_path_factory: pytest.TempPathFactory,
    loaded: LoadedQuestionnaire,
    opener: AnswerOpener,
    pool: dict[tuple[int, str], str],
    files: list[list[tuple[int, str]]],
    shuffle: object,
) -> None:
    contents = ["".join(pool[pick] + "\n" for pick in picks) for picks in files]
    root = tmp_path_factory.mktemp(f"mix{next(_runs)}")
    outputs = run_merge(root / "given", loaded, contents)
    shuffled = list(contents)
    shuffle.shuffle(shuffled)  # type: ignore[attr-defined]
    again = run_merge(root / "shuffled", loaded, shuffled)

    versions: dict[str, set[bytes]] = {}
    for picks in files:
        for pick in picks:
            versions.setdefault(RECORDS[pick[0]], set()).add(canonical(pool[pick]))
    if not versions:  # no personal line read: no personal outputs
        assert not outputs.personal.exists() and not again.personal.exists()
        return
    kept = [json.loads(line) for line in outputs.personal.read_text().splitlines()]
    # nothing twice, nothing lost: one line per record id, each one of its versions
    assert sorted(line["record_id"] for line in kept) == sorted(versions)
    for line in kept:
        assert canonical_personal(line) in versions[line["record_id"]]
    listed: dict[str, set[bytes]] = {}
    for conflict in map(json.loads, outputs.personal_conflicts.read_text().splitlines()):
        listed.setdefault(conflict["record_id"], set()).add(canonical_personal(conflict["record"]))
    assert listed == {rid: found for rid, found in versions.items() if len(found) > 1}
    assert outputs.personal_quarantine.read_bytes() == b""
    # any order of the inputs: the same records kept, byte for byte
    assert again.personal.read_bytes() == outputs.personal.read_bytes()
    # and the organiser's key gives every record's answers back
    result = decrypt_personal_file(outputs.personal, opener, [loaded])
    assert result.problems == []
    opened = {json.loads(line)["record_id"]: json.loads(line)["answers"] for line in result.lines}
    assert opened == {rid: ANSWERS[RECORDS.index(rid)] for rid in versions}
