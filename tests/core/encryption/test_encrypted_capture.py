"""An encrypted capture leaves no personal answer in the clear, in any file, at any time.

The interviews are driven as a fieldworker drives them (the plain prompts, typed
lines) or as both front ends drive the flow (answer, save the draft); after each
step every byte of every file under the capture folder is searched.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from localdigital_tui.core.capture.flow import SEALED_ANSWER
from localdigital_tui.core.capture.storage import ENCRYPTED_WHO, CaptureStore
from localdigital_tui.core.encryption.keys import KeyPairFiles, new_key_pair
from localdigital_tui.core.encryption.sealed_answers import AnswerOpener, AnswerSealer
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.errors import DraftError
from localdigital_tui.prompts import run_plain
from localdigital_tui.prompts.prompter import LinePrompter
from localdigital_tui.prompts.review import review_lines
from tests.prompts.interview_script import council_script

PERSONAL = ("Ada Example", "Web Manager", "Example Borough")


def store_for(out: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer | None) -> CaptureStore:
    return CaptureStore(
        out, loaded, interviewer="ann", device="laptop-3", today=lambda: date(2013, 6, 24),
        sealer=sealer,
    )  # fmt: skip


def assert_no_personal_text(folder: Path, texts: tuple[str, ...] = PERSONAL) -> int:
    """Search every byte of every file under ``folder`` (any case); returns how many files."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    for path in files:
        data = path.read_bytes().lower()
        for text in texts:
            assert text.lower().encode("utf-8") not in data, f"{text!r} in {path}"
    return len(files)


def type_lines(store: CaptureStore, lines: list[str]) -> int:
    typed = "\n".join(lines) + "\n"
    return run_plain(store, prompter=LinePrompter(io.StringIO(typed), io.StringIO()))


def test_a_whole_encrypted_interview_leaves_no_personal_text_under_the_capture_folder(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer, opener: AnswerOpener
) -> None:
    store = store_for(tmp_path / "capture", loaded, sealer)
    script, _ = council_script(loaded)

    assert type_lines(store, [*script.lines, "1", "y", "2"]) == 1

    assert assert_no_personal_text(tmp_path / "capture") >= 2
    [line] = store.personal_path().read_text().splitlines()
    personal = json.loads(line)
    assert personal["encrypted_to"] == sealer.public_key
    assert "answers" not in personal
    opened = {
        code: opener.open(personal["record_id"], code, sealed)
        for code, sealed in personal["encrypted_answers"].items()
    }
    assert opened == {
        "q1_name": "Ada Example",
        "q2_job_title": "Web Manager",
        "q3_organisation": "Example Borough",
        "q12_report_copy": "yes",
    }
    assert RecordValidator(loaded).validate_file(store.personal_path()).bad == 0


def test_an_interview_stopped_after_the_personal_questions_leaves_a_draft_without_them(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer
) -> None:
    store = store_for(tmp_path / "capture", loaded, sealer)
    script, _ = council_script(loaded)
    up_to_role = script.lines[: script.lines.index("Example Borough") + 2]

    assert type_lines(store, up_to_role) == 0  # input ends mid-interview: the draft stays

    [draft] = store.list_drafts()
    assert draft.who == ENCRYPTED_WHO and draft.answered >= 5
    assert assert_no_personal_text(tmp_path / "capture") >= 1
    saved = json.loads(draft.path.read_text())
    assert sorted(saved["encrypted_answers"]) == ["q1_name", "q2_job_title", "q3_organisation"]
    assert not {"q1_name", "q2_job_title", "q3_organisation"} & saved["answers"].keys()


def test_every_draft_save_seals_the_personal_answers_given_so_far(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer
) -> None:
    store = store_for(tmp_path / "capture", loaded, sealer)
    flow = store.new_interview("council")
    seen = []
    for code, value in [
        ("council_type", "london_borough"),
        ("q1_name", "Ada Example"),
        ("q2_job_title", "Web Manager"),
        ("q3_organisation", "Example Borough"),
        ("role", "digital_practitioner"),
    ]:
        flow.answer(code, value)
        flow.next()
        path = store.save_draft(flow)
        assert_no_personal_text(tmp_path / "capture")
        seen.append(json.loads(path.read_text())["encrypted_answers"].get("q1_name"))
    assert flow.answers["q1_name"] == "Ada Example", "the flow keeps the plaintext in memory"
    assert seen[0] is None and len(set(seen[1:])) == 4, "sealed again at every save"


def resumed_without_the_key(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer
) -> tuple[CaptureStore, str]:
    """A draft with Q1-Q3 given, resumed by a new capture (the laptop has no private key)."""
    first = store_for(tmp_path / "capture", loaded, sealer)
    flow = first.new_interview("council")
    for code, value in zip(("q1_name", "q2_job_title", "q3_organisation"), PERSONAL, strict=True):
        flow.answer(code, value)
    flow.go_to("q5")
    first.save_draft(flow)
    return store_for(tmp_path / "capture", loaded, sealer), flow.record_id


def test_a_resumed_draft_keeps_the_sealed_answers_it_cannot_read_and_adds_new_ones(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer, opener: AnswerOpener
) -> None:
    store, record_id = resumed_without_the_key(tmp_path, loaded, sealer)
    flow = store.resume(record_id)

    assert not {"q1_name", "q2_job_title", "q3_organisation"} & flow.answers.keys()
    assert sorted(flow.sealed) == ["q1_name", "q2_job_title", "q3_organisation"]
    review = "\n".join(review_lines(flow))
    assert review.count(SEALED_ANSWER) == 3
    flow.answer("q2_job_title", "")  # passed over with a blank: kept
    flow.answer("q3_organisation", "Example District")  # typed again: replaced
    flow.answer("q12_report_copy", "no")
    store.save_draft(flow)
    assert_no_personal_text(tmp_path / "capture", (*PERSONAL, "Example District"))

    again = store.resume(record_id)
    sealed = dict(again.sealed)
    assert sorted(sealed) == ["q12_report_copy", "q1_name", "q2_job_title", "q3_organisation"]
    opened = {code: opener.open(record_id, code, text) for code, text in sealed.items()}
    assert opened == {
        "q1_name": "Ada Example",
        "q2_job_title": "Web Manager",
        "q3_organisation": "Example District",
        "q12_report_copy": "no",
    }


def test_a_sealed_draft_is_not_resumed_without_its_key_or_with_another(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer
) -> None:
    _, record_id = resumed_without_the_key(tmp_path, loaded, sealer)
    plain = store_for(tmp_path / "capture", loaded, None)
    with pytest.raises(DraftError, match="this capture does not encrypt"):
        plain.resume(record_id)
    other: KeyPairFiles = new_key_pair(tmp_path / "other")
    elsewhere = store_for(tmp_path / "capture", loaded, AnswerSealer.from_file(other.recipient))
    with pytest.raises(DraftError, match=f"this capture encrypts to {other.public_key}"):
        elsewhere.resume(record_id)
    assert [d.record_id for d in plain.list_drafts()] == [record_id], "listed all the same"


def test_a_plain_draft_resumed_by_an_encrypting_capture_is_sealed_from_then_on(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer
) -> None:
    plain = store_for(tmp_path / "capture", loaded, None)
    flow = plain.new_interview("council")
    flow.answer("q1_name", "Ada Example")
    plain.save_draft(flow)
    assert plain.list_drafts()[0].who == "Ada Example"

    encrypting = store_for(tmp_path / "capture", loaded, sealer)
    encrypting.save_draft(encrypting.resume(flow.record_id))
    assert_no_personal_text(tmp_path / "capture", ("Ada Example",))
    assert encrypting.list_drafts()[0].who == ENCRYPTED_WHO


def test_the_search_finds_the_personal_text_of_a_capture_that_does_not_encrypt(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = store_for(tmp_path / "capture", loaded, None)
    script, _ = council_script(loaded)
    type_lines(store, [*script.lines, "1", "y", "2"])
    with pytest.raises(AssertionError, match="Ada Example"):
        assert_no_personal_text(tmp_path / "capture")
