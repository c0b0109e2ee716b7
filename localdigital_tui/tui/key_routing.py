"""Keys are handled one at a time, each completely, in the order they were typed.

Why: Textual hands a key to whatever is focused at the moment the app reads it,
by posting it to that widget's queue. The widget acts on it later, in its own
task; a binding runs when the key has bubbled back up to the app; what the
widget made of the key (an option chosen, Enter in a field) reaches the screen
as yet another message; a new screen is mounted in a task of its own and takes
focus through one more message. Each of those queues runs on its own. So when
keys come in a burst, the app reads the next key while the previous one is still
on its way: the key goes to the widget of the question being left, or to a new
screen that is not mounted yet and has nothing focused, where nothing handles it
and it is lost. A fieldworker typing ahead then puts an answer on the wrong
question.

How: :class:`~localdigital_tui.tui.app.CaptureApp` gives every key of a screen
that :class:`TakesKeys` to :func:`route_key` and awaits it. The app reads its
next key only when the previous one is done: the answer given to the flow, the
draft saved, the next view (or screen) mounted and focused. Keys typed meanwhile
wait, in order, in the app's own message queue, which is the type-ahead buffer;
nothing is ever delivered to a view that is not ready. Within a key, the screen
decides what it means (:meth:`TakesKeys.take_key`); text fields are typed into
through their own methods (:func:`type_into`), and everything else runs the
binding the focused widget or the screen declares, as Textual would, but awaited.
Focus is set with ``Screen.set_focus`` (at once), never ``Widget.focus`` (which
waits its turn in the app's queue, behind the keys already typed).
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.binding import BindingsMap
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea


class TakesKeys:
    """A screen whose keys the app hands over one at a time, each awaited to the end.

    Mix into a Screen. :meth:`take_key` handles the keys that mean something to
    the screen; the rest are typed into the focused text field or run the
    focused widget's (or the screen's) binding.
    """

    async def take_key(self, event: events.Key) -> bool:
        """Handle ``event`` completely; False leaves it to the text field or the bindings."""
        return False


def type_into(widget: Widget | None, event: events.Key) -> bool:
    """Type the key into a focused text field as the field itself would; False if it is no text."""
    if isinstance(widget, TextArea):
        text = "\n" if event.key == "enter" else event.character if event.is_printable else None
        if text is None or widget.read_only:
            return text is not None
        widget.replace(text, *widget.selection, maintain_selection_offset=False)
        return True
    if isinstance(widget, Input) and event.is_printable:
        assert event.character is not None
        selection = widget.selection
        if selection.is_empty:
            widget.insert_text_at_cursor(event.character)
        else:
            widget.replace(event.character, *selection)
        return True
    return False


def paste_into(widget: Widget | None, text: str) -> None:
    """Paste into a focused text field (an Input takes the first line, as Textual's does)."""
    if isinstance(widget, TextArea) and not widget.read_only:
        widget.replace(text, *widget.selection, maintain_selection_offset=False)
    elif isinstance(widget, Input) and text:
        line = text.splitlines()[0]
        selection = widget.selection
        if selection.is_empty:
            widget.insert_text_at_cursor(line)
        else:
            widget.replace(line, *selection)


async def route_key(app: App[object], screen: Screen[object], event: events.Key) -> None:
    """Handle one key on ``screen`` to the end: app priority keys, the screen, text, bindings."""
    for binding in BindingsMap(type(app).BINDINGS).key_to_bindings.get(event.key, []):
        if binding.priority and await app.run_action(binding.action, app):
            return
    if isinstance(screen, TakesKeys) and await screen.take_key(event):
        return
    if type_into(screen.focused, event):
        return
    active = screen.active_bindings.get(event.key)
    if active is not None and active.enabled:
        await app.run_action(active.binding.action, active.node)
