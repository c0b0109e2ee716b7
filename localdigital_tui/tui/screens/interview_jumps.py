"""What the interview's command palette does: jump to a question, the next missing
answer, the review, submit (:mod:`localdigital_tui.tui.palette`); and F2, the next
language of a questionnaire that has several.

:class:`InterviewJumps` is a base of
:class:`~localdigital_tui.tui.screens.interview.InterviewScreen`; every jump goes
through the screen's ``_move``, so what is typed on screen is handed to the flow
first (and a value the flow refuses keeps the interview where it is).
"""

from __future__ import annotations

import asyncio
from functools import partial

from localdigital_tui.core.capture.progress import next_missing
from localdigital_tui.tui.palette import OffersCommands, PaletteCommand
from localdigital_tui.tui.screens.interview_questions import InterviewQuestions
from localdigital_tui.tui.views.grid import GridView

LABEL = 60  # characters of a question's text in its palette entry


class InterviewJumps(OffersCommands, InterviewQuestions):
    _busy: asyncio.Lock

    def palette_commands(self) -> list[PaletteCommand]:
        flow = self.flow
        if flow is None:
            return []
        found = [
            PaletteCommand("Review the answers", "Every answer, to check or change (ctrl+r)",
                           self.review_now),
            PaletteCommand("Next missing answer", "The next required answer not given yet",
                           self.missing_now),
            PaletteCommand("Submit the interview", "Review, then submit if nothing required "
                           "is missing (ctrl+s)", self.submit_now),
        ]  # fmt: skip
        if len(flow.questionnaire.languages) > 1:
            found.append(PaletteCommand("Switch language", "The next language (F2)",
                                        self.action_switch_language))  # fmt: skip
        for question in flow.asked:
            text = " ".join(flow.text(question).split())
            short = text if len(text) <= LABEL else text[: LABEL - 1] + "…"
            name = f"Go to Q{question.number}: {short}" if question.number else f"Go to {short}"
            found.append(PaletteCommand(name, None, partial(self.jump_to, question.code)))
        return found

    async def jump_to(self, code: str, row: str | None = None) -> None:
        async with self._busy:
            flow = self.flow
            if flow is not None:
                await self._move(lambda: flow.go_to(code), row=row)

    async def missing_now(self) -> None:
        flow = self.flow
        found = None if flow is None else next_missing(flow)
        if found is None:
            self.notify("Nothing required is missing.")
            return
        await self.jump_to(found.question, found.row)

    async def review_now(self) -> None:
        async with self._busy:
            flow = self.flow
            if flow is not None and not flow.at_review:
                await self._move(flow.go_to_review)

    async def action_switch_language(self) -> None:
        """Show the texts in the questionnaire's next language; answers and place stay (the
        record notes the language each answer was given in)."""
        async with self._busy:
            flow = self.flow
            loaded = flow.loaded if flow is not None else self.store.loaded
            languages = loaded.questionnaire.languages
            if len(languages) < 2 or not self._commit():
                return
            now = loaded.questionnaire.language or languages[0]
            following = languages[(languages.index(now) + 1) % len(languages)]
            row = self.view.table.focused_row.code if isinstance(self.view, GridView) else None
            if flow is not None:
                flow.use_language(following)
                self.save()
            else:  # the respondent type, before the interview has a flow
                self.store.loaded = self.store.loaded.in_language(following, allow_missing=True)
            await self._show(row)
            gaps = len(loaded.gaps.get(following, []))
            default = loaded.questionnaire.default_language
            untranslated = f"; {gaps} texts without a translation show in {default}" if gaps else ""
            self.notify(f"Language: {following}{untranslated}")

    async def submit_now(self) -> None:
        await self.review_now()
        async with self._busy:
            await self._submit()
