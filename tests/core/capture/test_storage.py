"""Capture storage: drafts (atomic, listed, resumed, discarded) and submitted day files."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from localdigital_tui.core.capture import storage
from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.files import durable as durable_files
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.errors import DraftError, FlowError
from tests.records_factory import complete_flow

DAY = date(2013, 6, 24)


class Clock:
    """Injected wall clock: each call is one second later."""

    def __init__(self) -> None:
        self.now = datetime(2013, 6, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def make_store(
    out: Path, loaded: LoadedQuestionnaire, interviewer: str = "ann", day: date = DAY
) -> CaptureStore:
    return CaptureStore(
        out,
        loaded,
        interviewer=interviewer,
        device="laptop-3",
        event="LocalGov Digital",
        today=lambda: day,
        now=Clock(),
    )


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_day_files_are_named_by_device_and_day(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    assert store.responses_path() == tmp_path / "responses-laptop-3-2013-06-24.jsonl"
    assert store.personal_path(date(2013, 7, 1)) == tmp_path / "personal-laptop-3-2013-07-01.jsonl"
    assert store.drafts_dir == tmp_path / "drafts" and store.drafts_dir.is_dir()


def test_device_defaults_to_the_host_name(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    import socket

    assert CaptureStore(tmp_path, loaded, interviewer="ann").device == socket.gethostname()


def test_a_new_interview_is_a_draft_at_once(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    flow = store.new_interview("supplier")
    [info] = store.list_drafts()
    assert info.record_id == flow.record_id
    assert (info.audience, info.interviewer, info.event) == ("supplier", "ann", "LocalGov Digital")
    assert (info.answered, info.position) == (0, "supplier_size")
    assert info.total == len(flow.asked)
    assert info.path == tmp_path / "drafts" / f"{flow.record_id}.json"


def test_resume_restores_answers_position_and_timings(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    flow = store.new_interview("council")
    flow.answer("council_type", "london_borough")
    flow.next()
    flow.answer("q1_name", "Ada Example")
    flow.go_to("q10")
    flow.answer("q10", "yes")
    flow.next()
    store.save_draft(flow)

    [info] = store.list_drafts()
    assert (info.answered, info.position) == (3, "q10_amount")
    assert info.total == len(flow.asked)

    resumed = make_store(tmp_path, loaded).resume(flow.record_id)
    assert resumed.answers == flow.answers
    assert resumed.current is not None and resumed.current.code == "q10_amount"
    assert resumed.started_at == flow.started_at
    assert set(resumed.timings) == set(flow.timings)


def test_a_draft_at_the_review_resumes_at_the_review(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    flow = complete_flow(loaded, "council")
    flow.go_to_review()
    store.save_draft(flow)
    assert store.list_drafts()[0].position is None
    assert store.resume(flow.record_id).at_review


def test_drafts_are_listed_newest_first(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    first = store.new_interview("council")
    second = store.new_interview("supplier")
    assert [d.record_id for d in store.list_drafts()] == [second.record_id, first.record_id]
    store.save_draft(first)
    assert [d.record_id for d in store.list_drafts()] == [first.record_id, second.record_id]


def test_unreadable_drafts_are_reported_not_deleted(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    good = store.new_interview("council")
    garbled = store.drafts_dir / "7c9e6679-7425-40de-944b-e07fc1f90ae7.json"
    garbled.write_text('{"format": "localdigital-draft/1", "record_id": "7c9e', encoding="utf-8")
    empty = store.drafts_dir / "16fd2706-8baf-433b-82eb-8c7fada847da.json"
    empty.write_bytes(b"")

    assert [d.record_id for d in store.list_drafts()] == [good.record_id]
    broken = {b.path: b.reason for b in store.unreadable_drafts()}
    assert set(broken) == {garbled, empty}
    assert "not a usable draft" in broken[garbled]
    assert broken[empty] == "empty file"
    assert garbled.exists() and empty.exists()
    with pytest.raises(DraftError, match="not a usable draft"):
        store.resume("7c9e6679-7425-40de-944b-e07fc1f90ae7")


def test_a_draft_of_another_questionnaire_is_listed_but_not_resumed(
    tmp_path: Path, loaded: LoadedQuestionnaire, questionnaire_text: str
) -> None:
    edited = tmp_path / "questionnaire-1.0.1.yaml"
    edited.write_text(
        questionnaire_text.replace('version: "1.0.0"', 'version: "1.0.1"'), encoding="utf-8"
    )
    other = load_questionnaire(edited)
    old = make_store(tmp_path / "out", other).new_interview("council")

    store = make_store(tmp_path / "out", loaded)
    [info] = store.list_drafts()
    assert info.record_id == old.record_id
    assert not info.same_questionnaire and info.questionnaire_version == "1.0.1"
    with pytest.raises(DraftError, match=r"another questionnaire \(local-digital-today-2013 1.0.1"):
        store.resume(old.record_id)
    assert store.complete_interrupted_submits() == []
    assert info.path.exists()


def test_discard_sets_the_draft_aside(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    flow = store.new_interview("council")
    store.discard_draft(flow.record_id)
    assert store.list_drafts() == [] and store.unreadable_drafts() == []
    assert (store.drafts_dir / "discarded" / f"{flow.record_id}.json").exists()
    with pytest.raises(DraftError, match="no such draft"):
        store.discard_draft(flow.record_id)
    with pytest.raises(DraftError, match="not a record id"):
        store.resume("../../etc/passwd")


def test_a_failed_rename_leaves_the_previous_draft_whole(
    tmp_path: Path, loaded: LoadedQuestionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(tmp_path, loaded)
    flow = store.new_interview("council")
    flow.answer("council_type", "english_county")
    store.save_draft(flow)
    before = store.draft_path(flow.record_id).read_bytes()

    flow.answer("role", "head_of_it")

    def crash(*args: object) -> None:
        raise OSError(5, "simulated crash during rename")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="simulated crash"):
        store.save_draft(flow)
    monkeypatch.undo()
    assert store.draft_path(flow.record_id).read_bytes() == before
    assert sorted(p.name for p in store.drafts_dir.iterdir()) == [f"{flow.record_id}.json"]
    assert store.resume(flow.record_id).answers == {"council_type": "english_county"}


def test_a_failed_write_leaves_the_previous_draft_whole(
    tmp_path: Path, loaded: LoadedQuestionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(tmp_path, loaded)
    flow = store.new_interview("supplier")
    before = store.draft_path(flow.record_id).read_bytes()
    flow.answer("supplier_size", "micro")
    real_write = os.write

    def half_then_fail(fd: int, data: bytes | memoryview) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_fail)
    with pytest.raises(OSError, match="No space left"):
        store.save_draft(flow)
    monkeypatch.undo()
    assert store.draft_path(flow.record_id).read_bytes() == before
    assert [p.name for p in store.drafts_dir.iterdir()] == [f"{flow.record_id}.json"]


def test_submit_writes_valid_answers_and_personal_lines_and_drops_the_draft(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    flow = complete_flow(loaded, "council")
    flow.answer("q3_organisation", "Example District Council")
    store.save_draft(flow)

    record = store.submit(flow)

    assert record.status == "complete" and record.submitted_at is not None
    assert (record.interviewer, record.device, record.event) == (
        "ann",
        "laptop-3",
        "LocalGov Digital",
    )
    [answers_line] = lines(store.responses_path())
    [personal_line] = lines(store.personal_path())
    validator = RecordValidator(loaded)
    assert validator.check_line(answers_line, FileKind.RESPONSES) == []
    assert validator.check_line(personal_line, FileKind.PERSONAL) == []
    answers, personal = json.loads(answers_line), json.loads(personal_line)
    assert answers["record_id"] == personal["record_id"] == flow.record_id
    assert answers["answers"]["q10_amount"] == 1500
    assert "q1_name" not in answers["answers"] and "Ada" not in answers_line
    assert personal["answers"] == {
        "q1_name": "Test Respondent",
        "q3_organisation": "Example District Council",
    }
    assert store.list_drafts() == [] and not store.draft_path(flow.record_id).exists()
    assert store.submitted_today() == 1


def test_submit_appends_one_line_per_interview(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    for seed, audience in enumerate(["council", "supplier", "council"]):
        store.submit(complete_flow(loaded, audience, seed))
    summary = RecordValidator(loaded).validate_file(store.responses_path())
    assert (summary.good, summary.bad) == (3, 0)
    assert RecordValidator(loaded).validate_file(store.personal_path()).good == 3
    assert store.submitted_today() == 3


def test_submit_fsyncs_both_day_files(
    tmp_path: Path, loaded: LoadedQuestionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(tmp_path, loaded)
    flow = complete_flow(loaded, "supplier")
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    store.submit(flow)
    assert str(store.responses_path()) in synced
    assert str(store.personal_path()) in synced
    assert str(tmp_path) in synced, "the new day files' directory entries are fsynced"
    assert str(store.drafts_dir) in synced, "the draft's removal is fsynced"


def test_an_incomplete_interview_is_refused_and_its_draft_kept(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    flow = store.new_interview("council")
    flow.answer("q10", "no")
    with pytest.raises(FlowError, match=r"required answers missing: q5\.better_for_less"):
        store.submit(flow)
    assert not store.responses_path().exists() and not store.personal_path().exists()
    assert [d.record_id for d in store.list_drafts()] == [flow.record_id]


def test_crash_between_the_two_appends_is_finished_by_a_retry(
    tmp_path: Path, loaded: LoadedQuestionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(tmp_path, loaded)
    flow = complete_flow(loaded, "council")
    flow.go_to_review()
    real_append = durable_files.append_line

    def crash_on_personal(path: Path, line: bytes) -> None:
        if path.name.startswith("personal-"):
            raise OSError(5, "simulated crash before the personal append")
        real_append(path, line)

    monkeypatch.setattr(storage, "append_line", crash_on_personal)
    with pytest.raises(OSError, match="simulated crash"):
        store.submit(flow)
    monkeypatch.undo()
    assert len(lines(store.responses_path())) == 1 and not store.personal_path().exists()

    restarted = make_store(tmp_path, loaded)
    [info] = restarted.list_drafts()
    assert info.record_id == flow.record_id and info.position is None
    restarted.submit(restarted.resume(flow.record_id))
    assert len(lines(store.responses_path())) == 1, "the answers line is not written twice"
    [personal] = lines(store.personal_path())
    assert json.loads(personal)["record_id"] == flow.record_id
    assert restarted.list_drafts() == []


def test_crash_before_the_draft_is_removed_is_finished_at_start_up(
    tmp_path: Path, loaded: LoadedQuestionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(tmp_path, loaded)
    flow = complete_flow(loaded, "supplier")
    other = store.new_interview("council")

    def crash(path: Path) -> bool:
        raise OSError(5, "simulated crash before the draft is removed")

    monkeypatch.setattr(storage, "remove_durably", crash)
    with pytest.raises(OSError, match="simulated crash"):
        store.submit(flow)
    monkeypatch.undo()

    leftover = store.drafts_dir / f".{other.record_id}.json.k2j4h1.tmp"
    leftover.write_text('{"format": "localdigital-dr')  # a kill inside a draft write

    restarted = make_store(tmp_path, loaded)
    assert restarted.complete_interrupted_submits() == [flow.record_id]
    assert not leftover.exists()
    assert [d.record_id for d in restarted.list_drafts()] == [other.record_id]
    assert len(lines(store.responses_path())) == 1
    assert len(lines(store.personal_path())) == 1


def test_a_line_torn_by_a_crash_does_not_swallow_the_next_record(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    flow = complete_flow(loaded, "council")
    record, _ = flow.build_records(status="complete", interviewer="ann", device="laptop-3")
    torn = record.model_dump_json()[:120]
    store.responses_path().write_text(torn, encoding="utf-8")

    store.submit(flow)

    summary = RecordValidator(loaded).validate_file(store.responses_path(), FileKind.RESPONSES)
    assert (summary.good, summary.bad) == (1, 1)
    assert lines(store.responses_path())[0] == torn
    assert json.loads(lines(store.responses_path())[1])["record_id"] == flow.record_id


def test_a_retry_on_the_next_day_does_not_duplicate(
    tmp_path: Path, loaded: LoadedQuestionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(tmp_path, loaded)
    flow = complete_flow(loaded, "council")
    monkeypatch.setattr(storage, "remove_durably", lambda path: False)
    store.submit(flow)
    monkeypatch.undo()

    tomorrow = make_store(tmp_path, loaded, day=DAY + timedelta(days=1))
    tomorrow.submit(tomorrow.resume(flow.record_id))
    assert not tomorrow.responses_path().exists()
    assert len(lines(store.responses_path())) == 1
    assert tomorrow.list_drafts() == []


def test_a_resumed_draft_keeps_who_started_it(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    flow = complete_flow(loaded, "supplier")
    make_store(tmp_path, loaded, interviewer="ann").save_draft(flow)

    bob = make_store(tmp_path, loaded, interviewer="bob")
    resumed = bob.resume(flow.record_id)
    bob.save_draft(resumed)
    assert bob.list_drafts()[0].interviewer == "ann"
    assert bob.submit(resumed).interviewer == "ann"
    assert bob.new_interview("council") is not None
    assert bob.list_drafts()[0].interviewer == "bob"


def test_a_resumed_interview_submits_the_same_answers(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    straight = complete_flow(loaded, "council", seed=3)
    store.save_draft(straight)
    resumed: InterviewFlow = make_store(tmp_path, loaded).resume(straight.record_id)
    record = store.submit(resumed)
    assert (
        record.answers
        == straight.build_records(status="complete", interviewer="ann", device="laptop-3")[
            0
        ].answers
    )


def test_drafts_can_be_told_apart_by_the_organisation_or_name_given(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    first = store.new_interview("council")
    first.answer("council_type", "english_county")
    first.next()
    first.answer("q1_name", "Ann Example")
    store.save_draft(first)
    second = store.new_interview("council")
    second.answer("council_type", "english_county")
    second.next()
    second.answer("q1_name", "Bo Example")
    second.next()
    second.next()
    second.answer("q3_organisation", "Knowsley   Council")
    store.save_draft(second)
    third = store.new_interview("supplier")
    store.save_draft(third)
    who = {d.record_id: d.who for d in store.list_drafts()}
    assert who == {
        first.record_id: "Ann Example",
        second.record_id: "Knowsley Council",
        third.record_id: "",
    }
