"""The line prompter: numbered menus and typed answers on plain text streams."""

from __future__ import annotations

import io

import pytest

from localdigital_tui.prompts.prompter import BACK, LinePrompter, Option

OPTIONS = [Option("Agree", "agree"), Option("Disagree", "disagree"), Option("< Back", BACK)]


def prompter(typed: str) -> tuple[LinePrompter, io.StringIO]:
    out = io.StringIO()
    return LinePrompter(io.StringIO(typed), out), out


def test_select_lists_numbered_choices_and_returns_the_value() -> None:
    lines, out = prompter("2\n")
    assert lines.select("Do you agree?", OPTIONS) == "disagree"
    assert "Do you agree?\n  1) Agree\n  2) Disagree\n  3) < Back\nChoose 1-3: " in out.getvalue()


def test_select_re_asks_until_a_number_in_range() -> None:
    lines, out = prompter("7\nyes\n1\n")
    assert lines.select("Do you agree?", OPTIONS) == "agree"
    assert out.getvalue().count("Please type a number from 1 to 3.") == 2


def test_select_enter_keeps_the_current_answer_and_less_than_goes_back() -> None:
    lines, out = prompter("\n<\n")
    assert lines.select("Again?", OPTIONS, default="disagree") == "disagree"
    assert "  2) Disagree (current)" in out.getvalue()
    assert "Enter keeps 2" in out.getvalue()
    assert lines.select("Again?", OPTIONS) is BACK


def test_text_shows_the_reason_and_re_asks() -> None:
    lines, out = prompter("abc\n1500\n")

    def whole_number(text: str) -> str | None:
        return None if text.isdigit() else f"'{text}' is not a number"

    assert lines.text("How much?", validate=whole_number, hint="pounds") == "1500"
    assert "  (pounds)" in out.getvalue()
    assert "  'abc' is not a number" in out.getvalue()


def test_text_keeps_or_clears_the_current_answer() -> None:
    lines, _ = prompter("\n-\n")
    assert lines.text("Name?", default="Ada") == "Ada"
    assert lines.text("Name?", default="Ada") == ""


def test_multiline_text_ends_at_an_empty_line() -> None:
    lines, out = prompter("first line\nsecond line\n\n<\n")
    assert lines.text("Other?", multiline=True) == "first line\nsecond line"
    assert "finish with an empty line" in out.getvalue()
    assert lines.text("Other?", multiline=True) == "<"


def test_confirm() -> None:
    lines, _ = prompter("\nmaybe\ny\n")
    assert lines.confirm("Sure?", default=False) is False
    assert lines.confirm("Sure?") is True


def test_the_end_of_input_raises_eof() -> None:
    lines, _ = prompter("")
    with pytest.raises(EOFError):
        lines.select("Anything?", OPTIONS)


def test_a_dumb_terminal_or_a_pipe_gets_line_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from localdigital_tui.prompts.interview import default_prompter
    from localdigital_tui.prompts.questionary_prompter import QuestionaryPrompter

    monkeypatch.setenv("TERM", "dumb")
    assert isinstance(default_prompter(), LinePrompter)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n"))  # a pipe, not a terminal
    assert isinstance(default_prompter(), LinePrompter)
    with create_pipe_input() as pipe:
        assert isinstance(default_prompter(pipe, DummyOutput()), QuestionaryPrompter)
