"""Texts per language: the one place a questionnaire text becomes XLSForm columns.

XLSForm keeps one column per language (``label::English (en)``). Every text of
the questionnaire is English today; when texts gain languages (``{en: ..., cy:
...}``), :func:`texts_by_language` is the one function that changes on the way
out and :func:`text_of_languages` the one on the way in.
"""

from __future__ import annotations

from collections.abc import Mapping

ENGLISH = "English (en)"
LANGUAGES = (ENGLISH,)
TRANSLATED_COLUMNS = ("label", "hint", "constraint_message")


def texts_by_language(text: str) -> dict[str, str]:
    """A questionnaire text as XLSForm texts: language -> text."""
    return {ENGLISH: text}


def language_columns(column: str, text: str) -> dict[str, str]:
    """``{"label::English (en)": text}``: the cells of one text in one kind of column."""
    return {f"{column}::{language}": words for language, words in texts_by_language(text).items()}


def text_of_languages(texts: Mapping[str, str]) -> str:
    """The questionnaire's text from a row's texts per language ('' for a column
    without a language is English: plain ``label`` is what most XLSForms use)."""
    return texts.get(ENGLISH) or texts.get("", "")
