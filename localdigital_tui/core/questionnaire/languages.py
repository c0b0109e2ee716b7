"""Texts given per language (``{en: ..., cy: ...}``), resolved to one language at a time.

A questionnaire may declare ``languages: [en, cy]`` and ``default_language: en``
(the first, if not given). Then any text (``title``, ``heading``,
``introduction``, ``help``, ``stem``, a question's ``text``, a choice's or row's
or audience's ``label``) may be a mapping from language to text, and an audience
wording may hold one inside (``{council: {en: ..., cy: ...}, supplier: ...}``) or
be held by one (``{en: {council: ..., supplier: ...}, cy: ...}``).

The loader resolves the YAML tree once per language *before* validation, so the
rest of the package only ever sees one-language questionnaires, whose codes are
identical: records store codes, so data does not depend on the language. What
this module finds:

* problems (errors): a language key that is not declared, a language code that
  is also an audience code, a default language that is not declared, a
  declared language no text uses, a text missing in the default language;
* gaps (warnings): a text with no translation in a declared language; that
  language then shows the default language's text there. Using a language with
  gaps is refused unless ``--allow-missing-translations`` is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from localdigital_tui.core.questionnaire.positions import PositionIndex
from localdigital_tui.errors import Problem

TEXT_KEYS = frozenset({"title", "heading", "introduction", "help", "stem", "text", "label"})
Path = tuple[str | int, ...]


@dataclass
class Languages:
    """The languages a questionnaire file declares, and what is missing or wrong."""

    codes: list[str]
    default: str
    problems: list[Problem] = field(default_factory=list)
    gaps: dict[str, list[Problem]] = field(default_factory=dict)  # language -> gaps
    untranslated: dict[str, list[Path]] = field(default_factory=dict)  # where the gaps are

    def gap(self, language: str, where: Path, positions: PositionIndex) -> None:
        self.gaps.setdefault(language, []).append(
            Problem(positions.locate(where), f"text has no {language} translation")
        )
        self.untranslated.setdefault(language, []).append(where)

    def resolved(self, tree: dict[str, Any], language: str) -> dict[str, Any]:
        """The plain tree with every text in ``language`` (the default's where missing)."""
        result = _resolve(tree, language, self)
        assert isinstance(result, dict)
        result["default_language"] = self.default
        result["language"] = language
        return result


def declared_languages(tree: dict[str, Any], positions: PositionIndex) -> Languages | None:
    """The ``languages`` of a plain questionnaire tree, checked; None if it declares none."""
    declared = tree.get("languages")
    if declared is None:
        return None
    codes = [c for c in declared if isinstance(c, str)] if isinstance(declared, list) else []
    found = Languages(codes, str(tree.get("default_language") or (codes[0] if codes else "")))
    if not codes or len(codes) != len(declared) or len(set(codes)) != len(codes):
        found.problems.append(
            Problem(positions.locate(("languages",)), "expected a list of distinct language codes")
        )
        return found
    if found.default not in codes:
        found.problems.append(
            Problem(
                positions.locate(("default_language",)),
                f"default language '{found.default}' is not one of the languages "
                f"({', '.join(codes)})",
            )
        )
    audiences = _audience_codes(tree)
    for clash in sorted(set(codes) & audiences):
        found.problems.append(
            Problem(
                positions.locate(("languages",)),
                f"'{clash}' is both a language and an audience code; a text could not say which",
            )
        )
    used: set[str] = set()
    for path, value in _texts(tree, ()):
        for where, part in _text_parts(value, path, audiences):
            if isinstance(part, dict):
                used.update(k for k in part if k in codes)
                _check_map(found, positions, where, part)
            else:  # one text, in the default language only
                for code in codes:
                    if code != found.default:
                        found.gap(code, where, positions)
    for code in codes:
        if code != found.default and code not in used:
            found.problems.append(
                Problem(
                    positions.locate(("languages",)),
                    f"language '{code}' is declared but no text is given in it",
                )
            )
    return found


def _check_map(
    found: Languages, positions: PositionIndex, path: Path, mapping: dict[str, Any]
) -> None:
    for key in mapping:
        if key not in found.codes:
            found.problems.append(
                Problem(
                    positions.locate((*path, key)),
                    f"unknown language '{key}'; expected one of: {', '.join(found.codes)}",
                )
            )
    if found.default not in mapping:
        found.problems.append(
            Problem(
                positions.locate(path),
                f"text has no {found.default} version (the default language)",
            )
        )
    for code in found.codes:
        if code != found.default and code not in mapping:
            found.gap(code, path, positions)


def _audience_codes(tree: dict[str, Any]) -> set[str]:
    audiences = tree.get("audiences")
    if not isinstance(audiences, list):
        return set()
    return {a["code"] for a in audiences if isinstance(a, dict) and isinstance(a.get("code"), str)}


def _texts(node: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    """Every (path, value) of a text key in the tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS:
                yield (*path, key), value
            else:
                yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, index))


def _is_language_map(value: Any, audiences: set[str]) -> bool:
    """A mapping of languages to texts: any non-empty mapping whose keys are no audience
    codes (a key that is no declared language either is then reported as unknown)."""
    return isinstance(value, dict) and bool(value) and not (set(value) & audiences)


def _text_parts(value: Any, path: Path, audiences: set[str]) -> Iterator[tuple[Path, Any]]:
    """The parts of one text that are translated or not: a language mapping, or a plain
    text (an audience wording holds one per audience; a language mapping may hold
    audience wordings, whose texts are then in that language already)."""
    if _is_language_map(value, audiences):
        yield path, value
    elif isinstance(value, dict):
        for audience, inner in value.items():
            yield from _text_parts(inner, (*path, audience), audiences)
    elif isinstance(value, str):
        yield path, value


def _pick(value: Any, language: str, languages: Languages) -> Any:
    if isinstance(value, dict) and value and set(value) <= set(languages.codes):
        return value.get(language, value.get(languages.default))
    return value


def _resolve(node: Any, language: str, languages: Languages) -> Any:
    if isinstance(node, dict):
        resolved: dict[str, Any] = {}
        for key, value in node.items():
            if key in TEXT_KEYS:
                value = _pick(value, language, languages)
                if isinstance(value, dict):  # an audience wording
                    value = {a: _pick(text, language, languages) for a, text in value.items()}
                resolved[key] = value
            else:
                resolved[key] = _resolve(value, language, languages)
        return resolved
    if isinstance(node, list):
        return [_resolve(v, language, languages) for v in node]
    return node
