"""The text area a multi-line text answer is typed into.

Textual's ``TextArea`` reads its component styles (``text-area--gutter`` ...) on
every render; when a screen resumes in the same moment the area is mounted (a
burst of typed-ahead keys through a question with a text box), those styles may
not be applied yet and Textual raises ``KeyError`` from ``render_lines``
(Textualize/textual#6528, also in 8.2.8). This area draws blank lines for that
one frame and asks for a redraw, which finds the styles in place.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class AnswerArea(TextArea):
    """A ``TextArea`` that survives being drawn before its styles are applied."""

    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError as exc:
            if "COMPONENT_CLASSES" not in str(exc):
                raise
            self.refresh()
            return [Strip.blank(crop.width) for _ in range(crop.height)]
