"""The keys line at the bottom of a screen: what each key does there, on one line.

Textual's ``Footer`` rebuilds a widget per key whenever the bindings may have
changed, which is after every key in an interview (a third of the time a burst
of typed-ahead keys took to settle: ``benchmarks/capture_type_ahead.py``). This
line is one ``Static``, redrawn only when its keys or its width change: the
screen's shown bindings that are enabled now, then the command palette's key;
on a narrow screen on a second line rather than cut off.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeysLine(Static):
    """Styled in app.tcss (docked at the bottom, one line, two when narrow)."""

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self._parts: list[tuple[str, str]] = []
        self._shown: tuple[tuple[tuple[str, str], ...], int] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self._draw()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        app = self.app
        parts: list[tuple[str, str]] = []
        seen: set[str] = set()
        for _, binding, enabled, _ in screen.active_bindings.values():
            if binding.show and enabled and binding.action not in seen:
                seen.add(binding.action)
                parts.append((app.get_key_display(binding), binding.description))
        palette = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if palette is not None and app.ENABLE_COMMAND_PALETTE:
            parts.append((app.get_key_display(palette.binding), palette.binding.description))
        self._parts = parts
        self._draw()

    def _draw(self) -> None:
        """The keys on as many lines as the width needs (a key never apart from its name)."""
        width = self.size.width or self.app.size.width
        if self._shown == (tuple(self._parts), width):
            return
        self._shown = (tuple(self._parts), width)
        line = Text(" ")
        used = 1
        for key, what in self._parts:
            size = len(key) + 1 + len(what)
            if used > 1 and used + 2 + size > width:
                line.append("\n ")
                used = 1
            elif used > 1:
                line.append("  ")
                used += 2
            line.append(key, style="bold reverse")
            line.append(f" {what}")
            used += size
        self.update(line)
