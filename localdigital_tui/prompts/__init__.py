"""The plain front end: the interview through line prompts or questionary menus."""

from localdigital_tui.prompts.interview import run_plain

__all__ = ["run_plain"]
