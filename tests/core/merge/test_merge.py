"""Whole merges: what lands where, the report's numbers, and what is never touched."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from localdigital_tui.core.merge import MergeOutputs, chunk_scan, merge
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records import line_check, line_reader
from localdigital_tui.core.records.line_reader import Chunk, RawLine
from localdigital_tui.errors import MergeInputError, RecordFileError
from tests.conftest import QUESTIONNAIRE
from tests.core.merge.conftest import Merge, read_jsonl
from tests.core.merge.record_lines import line, personal, record, record_id, write_lines


@pytest.fixture
def laptops(loaded: LoadedQuestionnaire, tmp_path: Path) -> list[Path]:
    """Two laptops: one record copied to both, one edited on the second (a conflict)."""
    edited = record(loaded, 2, version=1)
    edited["submitted_at"] = "2013-06-24T11:00:00Z"
    return [
        write_lines(tmp_path / "in/laptop-1.jsonl", [line(record(loaded, n)) for n in (1, 2, 3)]),
        write_lines(
            tmp_path / "in/laptop-2.jsonl",
            [line(record(loaded, 3)), line(edited), line(record(loaded, 4))],
            end="\r\n",
        ),
    ]


def test_duplicates_are_kept_once_and_a_conflict_keeps_the_later_submission(
    run_merge: Merge, laptops: list[Path], tmp_path: Path
) -> None:
    report = run_merge(laptops)
    merged = read_jsonl(tmp_path / "out/merged.jsonl")
    assert [r["record_id"] for r in merged] == [record_id(n) for n in (1, 3, 4, 2)]
    assert merged[-1]["submitted_at"] == "2013-06-24T11:00:00Z"
    one, two = report.files
    assert (one.lines, one.valid, one.merged, one.duplicates, one.conflicts, one.not_kept) == (
        3, 3, 2, 0, 1, 1,
    )  # fmt: skip
    assert (two.lines, two.valid, two.merged, two.duplicates, two.conflicts, two.not_kept) == (
        3, 3, 2, 1, 1, 0,
    )  # fmt: skip
    assert report.records == {"responses": 4, "personal": 0}
    assert report.conflicted_records["responses"] == 1
    assert not report.clean
    versions = read_jsonl(tmp_path / "out/conflicts.jsonl")
    assert [(v["kept"], v["file"], v["line"]) for v in versions] == [
        (True, str(laptops[1]), 2),
        (False, str(laptops[0]), 2),
    ]
    assert versions[0]["record"] == merged[-1]
    assert "submitted" in versions[1]["reason"]


def test_a_clean_merge_writes_empty_quarantine_and_conflicts_files(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    path = write_lines(tmp_path / "in/a.jsonl", [line(record(loaded, n)) for n in range(3)])
    report = run_merge([path])
    assert report.clean
    assert (tmp_path / "out/quarantine.jsonl").read_bytes() == b""
    assert (tmp_path / "out/conflicts.jsonl").read_bytes() == b""
    assert not (tmp_path / "out/personal.jsonl").exists()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "conflicts.jsonl",
        "merged.jsonl",
        "quarantine.jsonl",
    ]  # no temporary or spill files left behind


def test_every_kind_of_bad_line_is_quarantined_with_file_line_error_and_raw_text(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    schema_error = record(loaded, 9)
    schema_error["answers"]["q8"] = "maybe"
    good = [line(record(loaded, n)) for n in range(3)]
    body = b"".join(
        [
            b"\xef\xbb\xbf" + good[0].encode() + b"\r\n",  # 1 BOM and CRLF: fine
            b"\n",  # 2 blank
            b"not json at all\n",  # 3
            line(schema_error).encode() + b"\n",  # 4
            b'{"record_id": "caf\xe9"}\n',  # 5 wrong encoding
            b"\x00\x00\x00\x00\x00\x00\n",  # 6 NUL bytes
            good[1].encode() + b"\n",  # 7
            b"   \t \r\n",  # 8 blank
            good[2].encode()[:100],  # 9 truncated last line
        ]
    )
    path = tmp_path / "in/damaged.jsonl"
    path.parent.mkdir()
    path.write_bytes(body)
    report = run_merge([path])
    counts = report.files[0]
    assert (counts.lines, counts.blank, counts.valid, counts.quarantined) == (9, 2, 2, 5)
    assert counts.merged == 2 and report.records["responses"] == 2
    answers = read_jsonl(tmp_path / "out/quarantine.jsonl")
    assert [q["line"] for q in answers] == [4]  # the only line plainly an answers record
    unreadable = read_jsonl(tmp_path / "out/personal-quarantine.jsonl")
    assert [q["line"] for q in unreadable] == [3, 5, 6, 9]  # may hold anything: kept apart
    quarantined = sorted(answers + unreadable, key=lambda q: q["line"])
    assert {q["file"] for q in quarantined} == {str(path)}
    problems = [q["errors"][0]["problem"] for q in quarantined]
    assert problems[0].startswith("not valid JSON")
    assert quarantined[1]["errors"][0]["field"] == "answers.q8"
    assert quarantined[1]["record_id"] == record_id(9)
    assert "not UTF-8" in problems[2] and "NUL bytes" in problems[3]
    assert problems[4].startswith("truncated last line")
    assert quarantined[0]["raw"] == "not json at all"
    assert quarantined[2]["raw"] == '{"record_id": "caf\\xe9"}'
    assert quarantined[2]["raw_base64"] == "eyJyZWNvcmRfaWQiOiAiY2Fm6SJ9"
    assert quarantined[4]["raw"] == good[2][:100]
    assert quarantined[4]["record_id"] == record_id(2)  # still readable in the cut line
    assert report.first_problem == f"{path}:3: line: {problems[0]}"
    assert report.quarantined == {"responses": 1, "personal": 4}


def test_a_record_cut_across_two_lines_beside_a_line_of_two_records_is_all_quarantined(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """Joined as one JSON array these three lines would read as three valid records
    (the cut falls between two members); each is judged on its own."""
    text = line(record(loaded, 1))
    cut = text.index(', "event": ')
    first, second = text[:cut], text[cut + 2 :]
    pair = line(record(loaded, 2)) + "," + line(record(loaded, 3))
    assert len(json.loads("[" + "\n,".join([first, second, pair]) + "\n]")) == 3  # the trap
    path = write_lines(
        tmp_path / "in/a.jsonl",
        [line(record(loaded, 4)), first, second, pair, line(record(loaded, 5))],
    )
    report = run_merge([path])
    assert read_jsonl(tmp_path / "out/quarantine.jsonl") == []
    quarantined = read_jsonl(tmp_path / "out/personal-quarantine.jsonl")  # not JSON: unreadable
    assert [q["line"] for q in quarantined] == [2, 3, 4]
    assert report.files[0].valid == 2
    merged = read_jsonl(tmp_path / "out/merged.jsonl")
    assert sorted(r["record_id"] for r in merged) == [record_id(4), record_id(5)]


def test_a_line_too_long_to_be_a_record_is_cut_and_quarantined(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit is 8 MiB; a record is a few KiB. Here it is lowered to keep the test small.
    good = [line(record(loaded, n)) for n in range(2)]
    limit = max(map(len, good)) + 10
    monkeypatch.setattr(line_check, "MAX_LINE_BYTES", limit)
    monkeypatch.setattr(line_reader, "MAX_LINE_BYTES", limit)
    path = write_lines(tmp_path / "in/a.jsonl", [good[0], "x" * (3 * limit), good[1]])
    report = run_merge([path])
    counts = report.files[0]
    assert (counts.lines, counts.valid, counts.quarantined) == (3, 2, 1)
    assert read_jsonl(tmp_path / "out/quarantine.jsonl") == []
    (quarantined,) = read_jsonl(tmp_path / "out/personal-quarantine.jsonl")
    assert quarantined["line"] == 2
    assert quarantined["errors"][0]["problem"] == f"longer than {limit} bytes: not a record"
    assert quarantined["raw"] == "x" * limit
    assert quarantined["raw_bytes"] == 3 * limit  # the whole line's length, not the cut
    assert [r["record_id"] for r in read_jsonl(tmp_path / "out/merged.jsonl")] == [
        record_id(0),
        record_id(1),
    ]


def test_a_binary_file_among_the_inputs_is_quarantined_and_the_rest_merged(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    good = write_lines(tmp_path / "in/a.jsonl", [line(record(loaded, 1))])
    binary = tmp_path / "in/photo.jsonl"
    binary.write_bytes(bytes(range(256)) * 40)  # 40 "lines" split at byte 10
    report = run_merge([good, binary])
    assert report.records["responses"] == 1
    assert report.files[1].quarantined == report.files[1].lines == 41
    assert report.files[1].valid == 0 and report.files[1].kind == "-"


def test_inputs_are_byte_for_byte_unchanged(
    run_merge: Merge, laptops: list[Path], tmp_path: Path
) -> None:
    before = {
        p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in laptops
    }
    run_merge(laptops)
    run_merge(laptops, jobs=2, chunk_bytes=64)
    assert before == {
        p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in laptops
    }


@pytest.mark.parametrize("target", ["merged.jsonl", "quarantine.jsonl", "personal.jsonl"])
def test_no_output_may_be_an_input(
    loaded: LoadedQuestionnaire, laptops: list[Path], tmp_path: Path, target: str
) -> None:
    victim = write_lines(tmp_path / "in" / target, [line(record(loaded, 7))])
    original = victim.read_bytes()
    with pytest.raises(MergeInputError, match="refusing to write over an input"):
        merge([*laptops, victim], [loaded], MergeOutputs.beside(tmp_path / "in/merged.jsonl"))
    assert victim.read_bytes() == original
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == sorted(
        ["laptop-1.jsonl", "laptop-2.jsonl", target]
    )


def test_an_input_that_vanished_is_an_error_and_nothing_is_written(
    run_merge: Merge, laptops: list[Path], tmp_path: Path
) -> None:
    with pytest.raises(RecordFileError, match=r"gone\.jsonl"):
        run_merge([*laptops, tmp_path / "in/gone.jsonl"])
    assert not (tmp_path / "out").exists()


def test_a_file_that_cannot_be_read_stops_the_merge_and_leaves_no_output(
    run_merge: Merge, laptops: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root here, so chmod cannot make a file unreadable: the reader is
    # made to fail on the second file instead.
    real_lines = chunk_scan.read_lines

    def refuse_second_lines(chunk: Chunk) -> Iterator[RawLine]:
        if chunk.file_index == 1:
            raise PermissionError(13, "Permission denied")
        return real_lines(chunk)

    monkeypatch.setattr(chunk_scan, "read_lines", refuse_second_lines)
    with pytest.raises(RecordFileError, match=r"laptop-2\.jsonl: Permission denied"):
        run_merge(laptops)
    assert list((tmp_path / "out").iterdir()) == []


def test_drafts_are_counted_and_left_out_unless_asked_for(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    path = write_lines(
        tmp_path / "in/a.jsonl",
        [
            line(record(loaded, 1, partial=True)),  # a draft of record 1 ...
            line(record(loaded, 1, version=1)),  # ... and its submission: complete wins
            line(record(loaded, 2, partial=True, minutes=-90)),  # only a draft
        ],
    )
    report = run_merge([path])
    assert report.files[0].partial_skipped == 2 and report.records["responses"] == 1
    assert report.clean
    report = run_merge([path], out="with-drafts", include_partial=True)
    merged = read_jsonl(tmp_path / "with-drafts/merged.jsonl")
    assert [(r["record_id"], r["status"]) for r in merged] == [
        (record_id(2), "partial"),  # sorted by started_at: 10:00 - 90 - 20 minutes
        (record_id(1), "complete"),
    ]
    assert report.conflicted_records["responses"] == 1  # the draft and its submission differ
    assert "draft" in read_jsonl(tmp_path / "with-drafts/conflicts.jsonl")[1]["reason"]


def test_a_tie_keeps_the_smallest_canonical_json_whatever_the_input_order(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    versions = [line(record(loaded, 1, version=v)) for v in (3, 0, 4)]
    a = write_lines(tmp_path / "in/a.jsonl", versions)
    b = write_lines(tmp_path / "in/b.jsonl", versions[::-1])
    run_merge([a], out="a")
    run_merge([b], out="b")
    kept = (tmp_path / "a/merged.jsonl").read_bytes()
    assert kept == (tmp_path / "b/merged.jsonl").read_bytes()
    # the versions differ only in this answer; "agree" sorts before "strongly_..."
    assert json.loads(kept)["answers"]["q5"]["better_for_less"] == "agree"


def test_personal_lines_are_merged_apart_and_never_reach_the_answers_files(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    broken = personal(loaded, 3, name="Bad Line")
    broken["answers"]["q12_report_copy"] = "perhaps"
    renamed = personal(loaded, 2, name="Ada Changed")
    files = [
        write_lines(tmp_path / "in/responses-1.jsonl", [line(record(loaded, n)) for n in (1, 2)]),
        write_lines(
            tmp_path / "in/personal-1.jsonl",
            [line(personal(loaded, 1)), line(personal(loaded, 2)), "{oops", line(broken)],
        ),
        write_lines(  # a mixed file, as if the two were joined with cat
            tmp_path / "in/joined.jsonl", [line(record(loaded, 1)), line(renamed)]
        ),
    ]
    report = run_merge(files)
    out = tmp_path / "out"
    assert [p["record_id"] for p in read_jsonl(out / "personal.jsonl")] == [
        record_id(1),
        record_id(2),
    ]
    for name in ("merged.jsonl", "quarantine.jsonl", "conflicts.jsonl"):
        text = (out / name).read_text(encoding="utf-8")
        assert "Ada" not in text and "Bad Line" not in text and "q1_name" not in text, name
    assert [q["line"] for q in read_jsonl(out / "personal-quarantine.jsonl")] == [3, 4]
    assert len(read_jsonl(out / "personal-conflicts.jsonl")) == 2
    assert [c.kind for c in report.files] == ["mixed", "personal", "responses"]  # path order
    assert report.records == {"responses": 2, "personal": 2}
    assert report.quarantined == {"responses": 0, "personal": 2}


def test_records_of_another_questionnaire_need_it_named(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    reprint = tmp_path / "questionnaire-reprint.yaml"
    reprint.write_bytes(QUESTIONNAIRE.read_bytes() + b"\n# reprinted\n")
    other = load_questionnaire(reprint)
    new = record(loaded, 2)
    new["questionnaire"]["sha256"] = other.sha256
    path = write_lines(tmp_path / "in/a.jsonl", [line(record(loaded, 1)), line(new), line(new)])
    report = run_merge([path])
    assert report.records["responses"] == 1 and report.files[0].quarantined == 2
    [unknown] = report.unknown_questionnaires
    assert (unknown.sha256, unknown.lines, unknown.first, unknown.record_id) == (
        other.sha256,
        2,
        f"{path}:2",
        record_id(2),
    )
    report = run_merge([path], out="both", questionnaires=[loaded, other])
    assert report.clean and report.records["responses"] == 2


def test_worker_processes_and_chunks_give_the_same_bytes_and_numbers(
    run_merge: Merge, laptops: list[Path], tmp_path: Path
) -> None:
    serial = run_merge(laptops, out="serial", jobs=1)
    parallel = run_merge(laptops, out="parallel", jobs=2, chunk_bytes=500)
    assert parallel.to_json()["files"] == serial.to_json()["files"]
    for name in ("merged.jsonl", "conflicts.jsonl", "quarantine.jsonl"):
        assert (tmp_path / "parallel" / name).read_bytes() == (
            tmp_path / "serial" / name
        ).read_bytes()


def test_progress_is_reported_in_bytes_up_to_the_total(
    loaded: LoadedQuestionnaire, laptops: list[Path], tmp_path: Path
) -> None:
    steps: list[int] = []
    merge(laptops, [loaded], MergeOutputs.beside(tmp_path / "o/m.jsonl"), progress=steps.append)
    assert sum(steps) == sum(p.stat().st_size for p in laptops)


def test_an_answers_line_after_personal_lines_stays_an_answers_record(
    run_merge: Merge, loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """A line the fast path vouches for keeps its kind when the doubtful lines before
    it (here a personal line) are settled as another kind (found by the property test)."""
    mixed = write_lines(
        tmp_path / "in/responses.jsonl",
        ["{oops", line(personal(loaded, 1)), line(record(loaded, 1)), line(record(loaded, 2))],
    )
    report = run_merge([mixed])
    assert [r["record_id"] for r in read_jsonl(tmp_path / "out/merged.jsonl")] == [
        record_id(1),
        record_id(2),
    ]
    assert [p["record_id"] for p in read_jsonl(tmp_path / "out/personal.jsonl")] == [record_id(1)]
    assert report.records == {"responses": 2, "personal": 1}
