"""The keys line at the bottom of a screen: what each key does there, on one line.

Textual's ``Footer`` rebuilds a widget per key whenever the bindings may have
changed, which is after every key in an interview (a third of the time a burst
of typed-ahead keys took to settle: ``benchmarks/capture_type_ahead.py``). This
line is one ``Static``, redrawn only when its text changes: the screen's shown
bindings that are enabled now, then the command palette's key on the right.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeysLine(Static):
    """Styled in app.tcss (docked at the bottom, one line)."""

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self._shown: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

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
        plain = "  ".join(f"{key} {what}" for key, what in parts)
        if plain == self._shown:
            return
        self._shown = plain
        line = Text(" ")
        for index, (key, what) in enumerate(parts):
            if index:
                line.append("  ")
            line.append(key, style="bold reverse")
            line.append(f" {what}")
        self.update(line)
