"""A questionnaire's texts in every language at once, for what writes them all out.

The loader gives one model per language (a text with no translation holds the
default language's there) and, per language, the paths of the texts that have
no translation (``LoadedQuestionnaire.untranslated``: paths in the file's tree,
which are the paths in a model's dump). :class:`Texts` joins the two: for the
path of a text, its wording in each language that gives one. :func:`file_text`
goes the other way: such wordings as a questionnaire file writes them, so that
the file loads back with the same translations and the same gaps.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from localdigital_tui.core.questionnaire.languages import TEXT_KEYS
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire, Questionnaire, Wording

Path = tuple[str | int, ...]
# language -> wording, for the languages that give one; the default language is always
# there, in full; another's audience wording may leave out audiences it does not translate.
ByLanguage = dict[str, Wording]
PLAIN_LANGUAGE = "en"  # the language of a questionnaire that declares none


@dataclass(frozen=True)
class Texts:
    default: str
    languages: list[str]  # the declared ones, or just the default for a file declaring none
    declared: bool
    dumps: dict[str, dict[str, Any]]  # language -> its model's dump
    untranslated: dict[str, frozenset[Path]]

    @classmethod
    def of(
        cls,
        questionnaire: Questionnaire,
        translations: Mapping[str, Questionnaire] | None = None,
        untranslated: Mapping[str, Sequence[Path]] | None = None,
    ) -> Texts:
        """A questionnaire's texts; with no translations, its own texts only."""
        default = questionnaire.default_language or PLAIN_LANGUAGE
        models = dict(translations or {}) or {default: questionnaire}
        languages = list(questionnaire.languages) or [default]
        return cls(
            default,
            languages,
            bool(questionnaire.languages),
            {
                code: model.model_dump(mode="python", by_alias=True)
                for code, model in models.items()
            },
            {code: frozenset(paths) for code, paths in (untranslated or {}).items()},
        )

    @classmethod
    def of_loaded(cls, loaded: LoadedQuestionnaire) -> Texts:
        return cls.of(loaded.questionnaire, loaded.translations, loaded.untranslated)

    def texts(self, path: Path) -> ByLanguage:
        """The wording at ``path`` in each language that translates it (or part of it)."""
        found: ByLanguage = {}
        for code in self.languages:
            value = _at(self.dumps[code], path)
            missing = self.untranslated.get(code, frozenset())
            if code == self.default or not missing:
                found[code] = value
            elif any(path[: len(gap)] == gap for gap in missing):
                continue
            elif isinstance(value, dict):
                given = {a: t for a, t in value.items() if (*path, a) not in missing}
                if given:
                    found[code] = given if len(given) < len(value) else value
            else:
                found[code] = value
        return found

    def cell(self, path: Path, audience: str | None) -> dict[str, str]:
        """The text at ``path`` as ``audience`` reads it (None: a text for everyone), in
        each language that gives it."""
        cells: dict[str, str] = {}
        for code, value in self.texts(path).items():
            if isinstance(value, str):
                cells[code] = value
            elif audience is not None and audience in value:
                cells[code] = value[audience]
        return cells

    def per_audience(self, path: Path) -> bool:
        """Is the text at ``path`` worded per audience in any language?"""
        return any(isinstance(_at(dump, path), dict) for dump in self.dumps.values())


def _at(tree: Any, path: Path) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def text_paths(tree: Any, path: Path = ()) -> Iterator[Path]:
    """The path of every text in a questionnaire's tree (or a model's dump)."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            if key in TEXT_KEYS:
                if value is not None:
                    yield (*path, key)
            else:
                yield from text_paths(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from text_paths(value, (*path, index))


def file_text(texts: ByLanguage, default: str, audiences: Sequence[str]) -> Any:
    """Wordings per language as a file writes them: one text or audience wording if only
    the default language gives it, ``{en: ..., cy: ...}`` around audience wordings, or
    inside them where some audiences' texts are translated and others' not."""
    base = texts[default]
    if len(texts) == 1:
        return base
    values = list(texts.values())
    if all(isinstance(v, str) for v in values):
        return dict(texts)
    partial = any(isinstance(v, dict) and set(v) != set(audiences) for v in values)
    if not partial and not all(isinstance(v, dict) for v in values):
        return dict(texts)  # {en: {council: ..., supplier: ...}, cy: ...}
    inside: dict[str, Any] = {}
    for audience in audiences:
        these: ByLanguage = {}
        for code, value in texts.items():
            if isinstance(value, str):
                these[code] = value
            elif audience in value:
                these[code] = value[audience]
        inside[audience] = file_text(these, default, [])
    return inside
