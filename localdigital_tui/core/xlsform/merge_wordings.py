"""The audiences' wordings of one question put back together.

Each wording is the whole question in one audience's words; where the texts
(``text``, a ``label``) differ they become ``{audience: text}``, where they agree
they stay one text, language by language. Anything else that differs means the copies are not of the
same question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from localdigital_tui.core.xlsform.form_languages import merge_texts

WORDING_KEYS = {"text", "label"}


class Worded(Protocol):
    @property
    def variant(self) -> str | None: ...
    @property
    def data(self) -> dict[str, Any]: ...


def merge_wordings(
    copies: Sequence[Worded], audiences: Sequence[str]
) -> tuple[dict[str, Any] | None, str]:
    """The question, or ``(None, why not)``."""
    if copies[0].variant is None:
        return dict(copies[0].data), ""
    by_audience = {c.variant: c.data for c in copies if c.variant is not None}
    missing = [a for a in audiences if a not in by_audience]
    if missing or len(by_audience) != len(copies):
        why = f"no wording for {', '.join(missing)}" if missing else "an audience's wording twice"
        return None, f"{why} (a question worded per audience has one CODE-AUDIENCE per audience)"
    merged, where = _merge({a: by_audience[a] for a in audiences}, "", "")
    if where is not None:
        return None, f"the audiences' wordings differ in more than their texts (at {where})"
    return merged, ""


def _merge(values: dict[str, Any], key: str, path: str) -> tuple[Any, str | None]:
    found = list(values.values())
    first = found[0]
    if key in WORDING_KEYS and all(_is_text(v) for v in found):
        return merge_texts(values), None
    if all(isinstance(v, dict) for v in found):
        if any(v.keys() != first.keys() for v in found):
            return None, path or "the question"
        merged: dict[str, Any] = {}
        for name in first:
            merged[name], where = _merge(
                {a: v[name] for a, v in values.items()}, name, f"{path}.{name}" if path else name
            )
            if where is not None:
                return None, where
        return merged, None
    if all(isinstance(v, list) for v in found):
        if any(len(v) != len(first) for v in found):
            return None, path
        items = []
        for i in range(len(first)):
            item, where = _merge({a: v[i] for a, v in values.items()}, key, f"{path}[{i}]")
            if where is not None:
                return None, where
            items.append(item)
        return items, None
    if all(v == first and type(v) is type(first) for v in found):
        return first, None
    return None, path


def _is_text(value: Any) -> bool:
    """A text read from the form: its languages, each one text."""
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
