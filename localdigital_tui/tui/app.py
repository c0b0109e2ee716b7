"""The capture app: its screens and its app-wide keys, nothing else."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from localdigital_tui.core.storage import CaptureStore
from localdigital_tui.tui.screens.help import HelpScreen
from localdigital_tui.tui.screens.interview import InterviewScreen
from localdigital_tui.tui.screens.quit import QuitChoice, QuitDialog
from localdigital_tui.tui.screens.start import StartScreen


class CaptureApp(App[str | None]):
    """Runs interviews one after another; returns a note about a kept draft, if any."""

    CSS_PATH = "app.tcss"
    TITLE = "localdigital capture"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(self, store: CaptureStore, *, finished_submits: int = 0) -> None:
        """``finished_submits``: submits a crash had cut short, completed at start-up."""
        super().__init__()
        self.store = store
        self.finished_submits = finished_submits

    def on_mount(self) -> None:
        self.push_screen(StartScreen(self.store))
        if self.finished_submits:
            self.notify(
                f"Finished {self.finished_submits} submit(s) that a crash had interrupted.",
                timeout=10,
            )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        interview = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, InterviewScreen)), None
        )
        if interview is None:
            self.exit(None)
            return
        if isinstance(self.screen, QuitDialog):
            return
        interview.keep_draft()
        path = self.store.draft_path(interview.flow.record_id)

        def leave(choice: QuitChoice | None) -> None:
            if choice == "quit":
                answered = len(interview.flow.answers)
                self.exit(
                    f"Interview not finished: the draft is kept ({answered} questions answered, "
                    f"{path}). Resume it from the start screen of the next capture."
                )
            elif choice == "start":
                self.pop_screen()
                self.notify("The draft is kept; resume it from this list.")

        self.push_screen(QuitDialog(path.name), leave)
