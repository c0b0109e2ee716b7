"""The plain interview through real questionary prompts, keys fed through a pipe."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.prompts import run_plain
from localdigital_tui.prompts.prompter import Option
from localdigital_tui.prompts.questionary_prompter import QuestionaryPrompter
from tests.prompts.interview_script import supplier_script

ENTER, DOWN, CTRL_U, CTRL_C = "\r", "\x1b[B", "\x15", "\x03"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input:
        yield pipe_input


def test_a_whole_supplier_interview_by_key_presses(
    tmp_path: Path, loaded: LoadedQuestionnaire, pipe: PipeInput
) -> None:
    store = CaptureStore(
        tmp_path, loaded, interviewer="ann", device="laptop-3", today=lambda: date(2013, 6, 24)
    )
    script, expected = supplier_script(loaded, keys=True)
    # review: 1 Enter submits; y confirms; start menu: down to Quit, Enter
    pipe.send_text(script.typed() + "1" + ENTER + "y" + DOWN + ENTER)

    assert run_plain(store, input=pipe, output=DummyOutput()) == 1

    [line] = store.responses_path().read_text().splitlines()
    assert json.loads(line)["answers"] == expected
    assert RecordValidator(loaded).check_line(line) == []
    assert json.loads(store.personal_path().read_text())["answers"]["q3_organisation"] == (
        "Acme Digital Ltd"
    )


def test_a_refused_number_shows_the_reason_and_waits(pipe: PipeInput) -> None:
    reasons: list[str] = []

    def whole_pounds(text: str) -> str | None:
        reason = None if text.isdigit() else "enter an amount in pounds as a whole number"
        reasons.append(reason or "")
        return reason

    prompter = QuestionaryPrompter(pipe, DummyOutput())
    pipe.send_text("12.5" + ENTER + CTRL_U + "1500" + ENTER)
    assert prompter.text("How much?", validate=whole_pounds) == "1500"
    assert reasons == ["enter an amount in pounds as a whole number", ""]


def test_select_by_shortcut_number_and_ctrl_c_interrupts(pipe: PipeInput) -> None:
    prompter = QuestionaryPrompter(pipe, DummyOutput())
    options = [Option(label, label.lower()) for label in ["Yes", "No", "Don't know"]]
    pipe.send_text("3" + ENTER)
    assert prompter.select("Leading?", options) == "don't know"
    pipe.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        prompter.select("Leading?", options, default="no")


def listening_prompter(
    pipe: PipeInput, monkeypatch: pytest.MonkeyPatch, columns: int
) -> tuple[QuestionaryPrompter, list[str]]:
    """A prompter on a terminal ``columns`` wide, and what it says (printed lines)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    said: list[str] = []
    prompter = QuestionaryPrompter(pipe, DummyOutput())
    monkeypatch.setattr(prompter, "say", said.append)
    return prompter, said


def test_a_prompt_wider_than_the_terminal_is_printed_above_a_short_one(
    pipe: PipeInput, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompter, said = listening_prompter(pipe, monkeypatch, 80)
    long = "What other things will Digital technologies help front line public services to do?"
    assert prompter._fitted(long, "(finish with Esc then Enter)") == "Answer"
    assert said == [
        "What other things will Digital technologies help front line public services to\ndo?"
    ]
    assert prompter._fitted("Your name?", "(optional)") == "Your name?"


def test_menu_labels_too_wide_are_printed_whole_and_shortened_in_the_menu(
    pipe: PipeInput, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompter, said = listening_prompter(pipe, monkeypatch, 60)
    long = "Chief Executive /Director or Assistant Chief Executive of the council"
    labels = prompter._menu_labels([Option("Elected member", 1), Option(long, 2)])
    assert labels[0] == "Elected member" and labels[1].endswith("…") and len(labels[1]) <= 52
    assert said[1] == "2) Chief Executive /Director or Assistant Chief Executive\n   of the council"
    assert prompter._menu_labels([Option("Yes", 1)]) == ["Yes"]
