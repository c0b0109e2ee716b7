"""Properties of merging any small set of files of overlapping records.

Each example spreads lines over up to four files: records 0-5, each in one of
three contents, some of them drafts; lines may repeat within and across files.
"""

from __future__ import annotations

import itertools
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localdigital_tui.core.merge import MergeOptions, MergeOutputs, MergeReport, merge
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from tests.core.merge.conftest import read_jsonl
from tests.core.merge.record_lines import SCALE, line, record, record_id, write_lines

Line = tuple[int, int, bool]  # record number, content version, draft
lines_strategy = st.tuples(st.integers(0, 5), st.integers(0, 2), st.booleans())
files_strategy = st.lists(st.lists(lines_strategy, max_size=8), min_size=1, max_size=4)
PROPERTY = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def write_files(loaded: LoadedQuestionnaire, root: Path, files: list[list[Line]]) -> list[Path]:
    return [
        write_lines(
            root / f"in/laptop-{i}.jsonl",
            [line(record(loaded, n, v, partial=draft)) for n, v, draft in lines],
        )
        for i, lines in enumerate(files)
    ]


def run(loaded: LoadedQuestionnaire, inputs: list[Path], out: Path, **options: bool) -> MergeReport:
    return merge(
        inputs, [loaded], MergeOutputs.beside(out / "merged.jsonl"), MergeOptions(**options)
    )


@PROPERTY
@given(files=files_strategy, include_partial=st.booleans())
def test_every_valid_line_is_merged_a_duplicate_a_lost_version_or_a_skipped_draft(
    loaded: LoadedQuestionnaire, files: list[list[Line]], include_partial: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        report = run(
            loaded, write_files(loaded, root, files), root / "out", include_partial=include_partial
        )
        merged = read_jsonl(root / "out/merged.jsonl")
        conflicts = read_jsonl(root / "out/conflicts.jsonl")
    lines = [item for lines in files for item in lines]
    taken = [item for item in lines if include_partial or not item[2]]
    versions: dict[int, set[tuple[int, bool]]] = {}
    for n, v, draft in taken:
        versions.setdefault(n, set()).add((v, draft))
    total = report.totals
    assert total.valid == len(lines)
    assert total.valid == total.merged + total.duplicates + total.not_kept + total.partial_skipped
    assert total.partial_skipped == len(lines) - len(taken)
    assert len(merged) == total.merged == len(versions)
    assert total.duplicates == len(taken) - sum(len(v) for v in versions.values())
    assert total.not_kept == sum(len(v) - 1 for v in versions.values())
    assert len(conflicts) == total.conflicts == sum(len(v) for v in versions.values() if len(v) > 1)
    assert report.clean == (total.not_kept == 0)
    # the keep rule, worked out independently: complete over draft, then (same times
    # here) the smallest canonical JSON, i.e. the q5 answer that sorts first
    expected = {
        record_id(n): min(found, key=lambda vd: (vd[1], SCALE[vd[0]]))
        for n, found in versions.items()
    }
    assert {
        r["record_id"]: (
            SCALE.index(r["answers"]["q5"]["better_for_less"]),
            r["status"] == "partial",
        )
        for r in merged
    } == expected


@PROPERTY
@given(files=files_strategy, order=st.randoms(use_true_random=False))
def test_the_order_of_the_lines_and_files_does_not_change_a_byte(
    loaded: LoadedQuestionnaire, files: list[list[Line]], order: random.Random
) -> None:
    """The same lines, shuffled and dealt into another number of files."""
    lines = [item for lines in files for item in lines]
    order.shuffle(lines)
    count = order.randint(1, 4)
    dealt = [lines[i::count] for i in range(count)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        run(loaded, write_files(loaded, root / "a", files), root / "a/out", include_partial=True)
        run(loaded, write_files(loaded, root / "b", dealt), root / "b/out", include_partial=True)
        merged = (root / "a/out/merged.jsonl").read_bytes()
        assert merged == (root / "b/out/merged.jsonl").read_bytes()


@PROPERTY
@given(files=files_strategy)
def test_merging_the_merged_file_with_any_input_changes_nothing(
    loaded: LoadedQuestionnaire, files: list[list[Line]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inputs = write_files(loaded, root, files)
        run(loaded, inputs, root / "first")
        merged = root / "first/merged.jsonl"
        expected = merged.read_bytes()
        for i, extra in enumerate(itertools.chain([merged], inputs)):
            report = run(loaded, [merged, extra], root / f"again-{i}")
            assert (root / f"again-{i}/merged.jsonl").read_bytes() == expected
            assert report.files[0].merged == len(expected.splitlines())
