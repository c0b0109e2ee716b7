"""The plain interview driven with typed lines, as a fieldworker would type them."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.prompts import run_plain
from localdigital_tui.prompts.prompter import LinePrompter
from tests.prompts.interview_script import InterviewScript, council_script, supplier_script

SUBMIT_AND_QUIT = ["1", "y", "2"]  # review: submit; confirm; start menu: quit


def make_store(out: Path, loaded: LoadedQuestionnaire) -> CaptureStore:
    return CaptureStore(
        out,
        loaded,
        interviewer="ann",
        device="laptop-3",
        event="Expo",
        today=lambda: date(2013, 6, 24),
    )


def run(store: CaptureStore, lines: list[str] | str) -> tuple[int, str]:
    typed = lines if isinstance(lines, str) else "\n".join(lines) + "\n"
    out = io.StringIO()
    submitted = run_plain(store, prompter=LinePrompter(io.StringIO(typed), out))
    return submitted, out.getvalue()


def submitted_records(store: CaptureStore) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    answers = [json.loads(line) for line in store.responses_path().read_text().splitlines()]
    personal = [json.loads(line) for line in store.personal_path().read_text().splitlines()]
    return answers, personal


def test_a_whole_council_interview(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    script, expected = council_script(loaded)

    submitted, shown = run(store, script.lines + SUBMIT_AND_QUIT)

    assert submitted == 1
    [record], [personal] = submitted_records(store)
    assert record["answers"] == expected
    assert (record["audience"], record["interviewer"], record["event"]) == (
        "council",
        "ann",
        "Expo",
    )
    assert personal["record_id"] == record["record_id"]
    assert personal["answers"] == {
        "q1_name": "Ada Example",
        "q2_job_title": "Web Manager",
        "q3_organisation": "Example Borough",
        "q12_report_copy": "yes",
    }
    validator = RecordValidator(loaded)
    assert validator.validate_file(store.responses_path()).bad == 0
    assert validator.validate_file(store.personal_path()).bad == 0
    assert store.list_drafts() == []
    # the council wording, numbered, with the refused amounts explained inline
    assert "Who is leading on Digital within your organisation?" in shown
    assert "Q7 - question 10 of 20" in shown  # m counts Q10's amount from the start
    assert "'twelve' is not a number" in shown
    assert "enter an amount in pounds as a whole number" in shown
    assert "[1/15 *] Help my organisation to deliver 'better for less'" in shown
    assert "[10/15] Will improve accountability" in shown, "an optional row has no *"
    assert "Skip this row" in shown


def test_a_whole_supplier_interview(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    script, expected = supplier_script(loaded)

    submitted, shown = run(store, script.lines + SUBMIT_AND_QUIT)

    assert submitted == 1
    [record], [personal] = submitted_records(store)
    assert record["audience"] == "supplier"
    assert record["answers"] == expected
    assert "role" not in record["answers"] and "q9" not in record["answers"]
    assert personal["answers"] == {
        "q3_organisation": "Acme Digital Ltd",
        "q12_report_copy": "no",
        "q12_prize_draw": "yes",
    }
    assert "front line public service organisations" in shown
    assert "[1/15 *] Help front line organisations to deliver better for less" in shown
    assert RecordValidator(loaded).validate_file(store.responses_path()).bad == 0


def test_the_review_lists_answers_and_what_is_missing(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    script, _ = supplier_script(loaded)
    _, shown = run(store, [*script.lines, "4", "2"])  # review: leave it; quit

    review = shown[shown.index("Review: 16 questions asked of this supplier respondent") :]
    assert "Q8. Have the front line public service organisations" in review
    assert "    No, and they have no intention of creating a digital strategy" in review
    assert "    Help front line organisations to deliver better for less *: " in review
    assert "Every required answer is given." in review
    assert "The draft is kept" in review
    [draft] = store.list_drafts()
    assert draft.position is None and draft.answered == draft.total - 5


def test_back_goes_to_the_previous_row_and_question(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    script = (
        InterviewScript(loaded)
        .new_interview("supplier")
        .choose("supplier_size", "large")
        .type("<")  # q1: back to supplier_size
        .choose("supplier_size", "micro")
        .type("", "", "")  # q1-q3 left blank
        .type("4", "5", "<", "2")  # q5 rows 1-2, back to row 2, change it
        .type("<", "<", "<")  # back to row 1, then out of the grid to q3
    )
    _, shown = run(store, script.lines)  # input ends: the draft is kept
    assert "Interview paused. The draft is kept" in shown
    [draft] = store.list_drafts()
    assert draft.position == "q3_organisation"
    flow = store.resume(draft.record_id)
    assert flow.answers == {
        "supplier_size": "micro",
        "q5": {"better_for_less": "agree", "customer_journey": "disagree"},
    }


class DraftWatchingPrompter(LinePrompter):
    """Notes what the draft on disk holds each time a question is put."""

    def __init__(self, store: CaptureStore, typed: str) -> None:
        super().__init__(io.StringIO(typed), io.StringIO())
        self.store = store
        self.on_disk: dict[str, dict[str, Any]] = {}

    def _note(self, message: str) -> None:
        drafts = list(self.store.drafts_dir.glob("*.json"))
        if drafts:
            self.on_disk[message] = json.loads(drafts[0].read_text())["answers"]

    def select(self, message: str, options: Any, *, default: Any = None) -> Any:
        self._note(message)
        return super().select(message, options, default=default)

    def text(self, message: str, **kwargs: Any) -> str:
        self._note(message)
        return super().text(message, **kwargs)


def test_every_answer_is_on_disk_before_the_next_prompt(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    script = (
        InterviewScript(loaded).new_interview("council").choose("council_type", "english_county")
    )
    script.type("Ada", "", "", "1", "5", "4", "3")  # q1-q3, role, three rows of q5
    prompter = DraftWatchingPrompter(store, script.typed())

    run_plain(store, prompter=prompter)

    on_disk = prompter.on_disk
    assert on_disk["Profile: type of organisation"] == {}
    assert on_disk["Please enter your name:"] == {"council_type": "english_county"}
    assert on_disk["Where you work in the organisation: I am a..."]["q1_name"] == "Ada"
    assert on_disk["[4/15 *] Give equal access to all citizens"]["q5"] == {
        "better_for_less": "strongly_agree",
        "customer_journey": "agree",
        "assisted_digital": "neutral",
    }
    [draft] = store.list_drafts()
    assert (draft.position, draft.answered) == ("q5", 4)


def test_resume_from_the_start_menu_and_finish(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    script, expected = council_script(loaded)
    stop = script.lines.index("Example Borough") + 1
    run(store, script.lines[:stop])
    [draft] = store.list_drafts()

    # start menu: 1 new, 2 resume the draft, 3 discard, 4 quit
    submitted, shown = run(
        make_store(tmp_path, loaded), ["2", *script.lines[stop:], *SUBMIT_AND_QUIT]
    )

    assert "Resume: Example Borough, council, started" in shown  # the organisation given
    assert "by ann, 4 of 19 answered, at Q4" in shown
    assert submitted == 1
    [record], _ = submitted_records(store)
    assert record["record_id"] == draft.record_id
    assert record["answers"] == expected


def test_change_an_answer_from_the_review(tmp_path: Path, loaded: LoadedQuestionnaire) -> None:
    store = make_store(tmp_path, loaded)
    script, expected = supplier_script(loaded)
    # review: 2 change an answer; the menu lists asked questions, q8 is the 11th
    edit = ["2", "11", "1"]
    run(store, script.lines + edit + SUBMIT_AND_QUIT)
    [record], _ = submitted_records(store)
    assert record["answers"] == expected | {"q8": "yes"}


def test_missing_required_rows_send_the_interviewer_back(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    flow = store.new_interview("supplier")
    flow.go_to_review()
    store.save_draft(flow)
    # resume at the review: 1 "go to the first missing answer" (q5, row 1), answer it, quit
    _, shown = run(store, ["2", "1", "4"])
    assert "Still needed before submitting (14):" in shown
    assert "Submit this interview" not in shown
    assert store.resume(flow.record_id).answers == {"q5": {"better_for_less": "agree"}}


def test_discard_a_draft_and_report_unreadable_ones(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    flow = store.new_interview("council")
    (store.drafts_dir / "0b7e9f5e-6b1a-4c1e-9d1f-3f0a2b7c8d9e.json").write_text("{oops")

    _, shown = run(store, ["3", "1", "y", "2"])  # discard; the draft; yes; quit

    assert "0b7e9f5e-6b1a-4c1e-9d1f-3f0a2b7c8d9e.json: not a usable draft" in shown
    assert "Draft discarded." in shown
    assert store.list_drafts() == []
    assert (store.drafts_dir / "discarded" / f"{flow.record_id}.json").exists()


def test_a_grid_prints_its_question_in_the_respondents_wording(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    # new interview, supplier, size large; Q1-Q3 left empty; then stop at Q5
    _, shown = run(store, ["1", "2", "1", "", "", ""])
    assert "Do you agree or disagree with the following statements about Digital" in shown
    q5 = loaded.questionnaire.question("q5")
    assert q5.text_for("supplier") in shown
    assert shown.index(q5.text_for("supplier")) < shown.index("[1/15")


def test_back_from_the_first_question_changes_the_respondent_type(
    tmp_path: Path, loaded: LoadedQuestionnaire
) -> None:
    store = make_store(tmp_path, loaded)
    # new interview, council, English county; at Q1 (a text question) "<" goes back to
    # the council type, whose "< Back" (option 10) goes to the respondent type: supplier,
    # yes drop the council type, then the supplier's size: large
    _, shown = run(store, ["1", "1", "1", "<", "10", "2", "y", "1"])
    assert "These answers will be dropped: Profile: type of organisation" in shown
    flow = store.resume(store.list_drafts()[0].record_id)
    assert flow.audience == "supplier"
    assert flow.answers == {"supplier_size": "large"}
