"""Texts per language: the one place a questionnaire text becomes XLSForm columns and back.

XLSForm keeps one column per language, named ``label::English (en)``: the
language's own name, and its code in brackets (a small table of names, the code
alone for a language not in it). A questionnaire declaring no languages is
written as English. A text with no translation in a language leaves that
language's cell empty, so that the import can tell "not translated" from
"translated the same" (pyxform shows "-" there).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

TRANSLATED_COLUMNS = ("label", "hint", "constraint_message")
NAMES = {
    "en": "English",
    "cy": "Cymraeg",
    "ga": "Gaeilge",
    "gd": "Gàidhlig",
    "kw": "Kernewek",
    "fr": "Français",
    "de": "Deutsch",
    "es": "Español",
    "it": "Italiano",
    "nl": "Nederlands",
    "pl": "Polski",
    "pt": "Português",
    "ro": "Română",
}
_BY_NAME = {name.lower(): code for code, name in NAMES.items()} | {"welsh": "cy"}
_CODED = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[a-z][a-z0-9_]*)\)$")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
ENGLISH = "English (en)"


def language_name(code: str) -> str:
    """What XLSForm calls a language: ``English (en)``; an unknown code is its own name."""
    return f"{NAMES[code]} ({code})" if code in NAMES else code


def language_code(name: str) -> str | None:
    """The code of an XLSForm language (``English (en)``, ``English``, ``cy``), or None."""
    name = name.strip()
    if found := _CODED.match(name):
        return found["code"]
    return _BY_NAME.get(name.lower()) or (name if _CODE.match(name) else None)


class DefaultCopy(str):
    """A cell holding the default language's text in a language that has no translation."""

    __slots__ = ()


def language_columns(
    column: str, texts: Mapping[str, str], languages: Sequence[str], default: str
) -> dict[str, str]:
    """``{"label::English (en)": ..., "label::Cymraeg (cy)": ...}``: the cells of one text
    (``texts``: language code -> text, the languages that give it) in one kind of column,
    one per language of ``languages``; where ``default`` gives the text and another
    language does not, that language's cell is a :class:`DefaultCopy`."""
    base = texts.get(default, "")
    return {
        f"{column}::{language_name(code)}": text if text else DefaultCopy(base)
        for code in languages
        if (text := texts.get(code, "")) or base
    }


def untranslated_cell(cells: Mapping[str, str]) -> str:
    """The headers of a row's :class:`DefaultCopy` cells, space-separated (every name
    after the first starts a new ``COLUMN::``, so the names' own spaces do not matter)."""
    return " ".join(header for header, text in cells.items() if isinstance(text, DefaultCopy))


def translated(column: str, languages: list[str]) -> list[str]:
    """The headers of one kind of column, one per language."""
    return [f"{column}::{language_name(code)}" for code in languages]


def is_code(language: str) -> bool:
    return bool(_CODE.match(language))
