"""Load ``questionnaire.yaml`` into models, with ``file:line:column`` for every problem.

YAML is parsed with ruamel.yaml's round-trip loader, which remembers where each
key and item sits; pydantic then validates the shape, and :mod:`.consistency`
checks what a schema cannot (duplicate codes, references between questions).
Every problem found is collected before anything is raised.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from localdigital_tui.core.questionnaire.consistency import check_consistency
from localdigital_tui.core.questionnaire.languages import Path as TreePath
from localdigital_tui.core.questionnaire.languages import declared_languages
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire, Questionnaire
from localdigital_tui.core.questionnaire.positions import PositionIndex
from localdigital_tui.errors import Location, Problem, QuestionnaireError

DEEP = " (hundreds of nested brackets or indents: a generated or damaged file?)"


def load_questionnaire(path: Path | str) -> LoadedQuestionnaire:
    """Read, validate and hash a questionnaire file.

    Raises :class:`QuestionnaireError` listing every problem with its location.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QuestionnaireError(
            path, [Problem(Location(str(path)), exc.strerror or str(exc))]
        ) from exc
    parsed = parse_languages(raw, str(path))
    return LoadedQuestionnaire(
        questionnaire=parsed.questionnaire,
        path=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
        translations=parsed.translations,
        gaps=parsed.gaps,
        untranslated=parsed.untranslated,
    )


def parse_questionnaire(raw: bytes | str, filename: str = "<questionnaire>") -> Questionnaire:
    """Validate questionnaire YAML text; ``filename`` is used in error locations."""
    return parse_languages(raw, filename).questionnaire


@dataclass(frozen=True)
class Parsed:
    questionnaire: Questionnaire  # in the default language
    translations: dict[str, Questionnaire]  # every declared language (empty: none declared)
    gaps: dict[str, list[Problem]]  # language -> texts with no translation in it
    untranslated: dict[str, list[TreePath]]  # language -> where those texts are in the tree


def parse_languages(raw: bytes | str, filename: str = "<questionnaire>") -> Parsed:
    """Validate questionnaire YAML text, once per declared language."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problem = Problem(Location(filename, line), "file is not valid UTF-8")
            raise QuestionnaireError(filename, [problem]) from exc
    else:
        text = raw
    try:
        tree = _parse_yaml(text, filename)
        positions = PositionIndex(tree, filename)
        if not isinstance(tree, CommentedMap):
            problem = Problem(
                positions.locate(()), "expected a mapping of questionnaire keys at the top"
            )
            raise QuestionnaireError(filename, [problem])
        plain = _plain(tree)
    except RecursionError:
        problem = Problem(Location(filename), f"nested too deeply to be a questionnaire{DEEP}")
        raise QuestionnaireError(filename, [problem]) from None
    broken = [
        Problem(
            positions.locate(path),
            "text holds a lone surrogate (\\ud800-\\udfff), not a "
            "character; write the character itself",
        )
        for path in _surrogate_paths(plain, ())
    ]
    if broken:
        raise QuestionnaireError(filename, broken)
    languages = declared_languages(plain, positions)
    if languages is None:
        return Parsed(_validated(plain, positions, filename), {}, {}, {})
    if languages.problems:
        raise QuestionnaireError(filename, _in_file_order(languages.problems))
    translations = {
        code: _validated(languages.resolved(plain, code), positions, filename)
        for code in languages.codes
    }
    return Parsed(
        translations[languages.default], translations, languages.gaps, languages.untranslated
    )


def _validated(plain: Any, positions: PositionIndex, filename: str) -> Questionnaire:
    try:
        questionnaire = Questionnaire.model_validate(plain)
    except ValidationError as exc:
        raise QuestionnaireError(filename, _problems_from(exc, positions)) from exc
    problems = check_consistency(questionnaire, positions)
    if problems:
        raise QuestionnaireError(filename, problems)
    return questionnaire


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.location.line or 0, p.location.column or 0))


def _parse_yaml(text: str, filename: str) -> Any:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except ReaderError as exc:  # a character YAML does not allow (NUL, other controls)
        at = int(exc.position)
        what = f"character U+{exc.character:04X} is not allowed in YAML (a binary file?)"
        where = Location(filename, text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
        problem = Problem(where, what)
        raise QuestionnaireError(filename, [problem]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        problem = Problem(Location(filename, line, column), f"YAML syntax error: {what}")
        raise QuestionnaireError(filename, [problem]) from exc


def _surrogate_paths(node: Any, path: tuple[str | int, ...]) -> list[tuple[str | int, ...]]:
    """Where a string holds a lone surrogate (a ``"\\ud800"`` escape): it cannot be
    printed or written as UTF-8."""
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _surrogate_paths(value, (*path, key))]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in _surrogate_paths(value, (*path, i))]
    if isinstance(node, str):
        try:
            node.encode("utf-8")
        except UnicodeEncodeError:
            return [path]
    return []


def _plain(node: Any) -> Any:
    """ruamel's commented containers and scalar subclasses -> plain Python values."""
    if isinstance(node, CommentedMap | dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq | list):
        return [_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _problems_from(exc: ValidationError, positions: PositionIndex) -> list[Problem]:
    """Turn pydantic's errors into located problems, merging alternatives at one place."""
    merged: dict[Location, list[str]] = {}
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if error["type"] == "missing":
            location = positions.locate(loc[:-1], field_path=loc)
            message = f"missing required key '{loc[-1]}'"
        elif error["type"] == "union_tag_invalid":
            ctx = error.get("ctx", {})
            key = str(ctx.get("discriminator", "kind")).strip("'")
            location = positions.locate((*loc, key))
            message = (
                f"unknown {key} '{ctx.get('tag')}'; expected one of: {ctx.get('expected_tags')}"
            )
        elif error["type"] == "union_tag_not_found":
            key = str(error.get("ctx", {}).get("discriminator", "kind")).strip("'")
            location = positions.locate(loc)
            message = f"missing required key '{key}' (what kind of question this is)"
        elif error["type"] == "extra_forbidden":
            location = positions.locate(loc)
            message = f"unknown key '{loc[-1]}'"
        else:
            location = positions.locate(loc)
            message = _expected(error["msg"], error.get("input"))
        merged.setdefault(location, []).append(message)
    problems = [
        Problem(location, "; or ".join(dict.fromkeys(messages)))
        for location, messages in merged.items()
    ]
    return sorted(problems, key=lambda p: (p.location.line or 0, p.location.column or 0))


def _expected(message: str, value: Any) -> str:
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    if isinstance(value, dict | list):
        shown = type(value).__name__
    return f"{message[0].lower()}{message[1:]} (got {shown})"
