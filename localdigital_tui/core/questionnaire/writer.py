"""A questionnaire model as ``questionnaire.yaml`` text, in the bundled file's layout.

Keys come in the order the bundled file uses (``code``, ``number``, ``kind``
first); defaults are left out; multi-line texts are literal blocks. The text is
checked by loading it back: if a literal block would not give the same text,
every string is written quoted instead.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from localdigital_tui.core.questionnaire.model import Questionnaire
from localdigital_tui.core.questionnaire.translated import Texts, file_text, text_paths

_FIRST = ("code", "number", "kind")
_LANGUAGE_KEYS = ("languages", "default_language", "language")


def questionnaire_yaml(
    questionnaire: Questionnaire, comment: str = "", texts: Texts | None = None
) -> str:
    """YAML that loads back as ``questionnaire``; given ``texts`` (:meth:`Texts.of_loaded`),
    with ``languages``, ``default_language`` and every text in every language that gives
    it (``{en: ..., cy: ...}``), so that it loads back with the same translations and the
    same gaps. Without ``texts`` the questionnaire is written in its own language only."""
    data = questionnaire.model_dump(mode="python", by_alias=True, exclude_defaults=True)
    for key in _LANGUAGE_KEYS:
        data.pop(key, None)
    if texts is not None and texts.declared:
        audiences = questionnaire.audience_codes()
        for path in list(text_paths(data)):
            _put(data, path, file_text(texts.texts(path), texts.default, audiences))
        data = {"languages": texts.languages, "default_language": texts.default} | data
    return tree_yaml(data, comment)


def tree_yaml(data: dict[str, Any], comment: str = "") -> str:
    """A questionnaire's tree (as a file holds it) as YAML text, checked by reading it back:
    if a literal block would not give the same text, every string is written quoted."""
    data = dict(data)
    if isinstance(data.get("questions"), list):
        data["questions"] = [_ordered(question) for question in data["questions"]]
    header = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
    text = header + _dump(_plain(data, literal=True))
    if YAML(typ="safe").load(text) != _plain(data, literal=False):
        text = header + _dump(_plain(data, literal=False))
    return text


def _put(tree: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        tree = tree[part]
    tree[path[-1]] = value


def _ordered(question: dict[str, Any]) -> dict[str, Any]:
    first = {key: question[key] for key in _FIRST if key in question}
    return first | {key: value for key, value in question.items() if key not in first}


def _plain(node: Any, *, literal: bool) -> Any:
    if isinstance(node, dict):
        return {key: _plain(value, literal=literal) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value, literal=literal) for value in node]
    if isinstance(node, float) and node.is_integer() and abs(node) < 2**53:
        return int(node)
    if literal and isinstance(node, str) and "\n" in node.rstrip("\n"):
        return LiteralScalarString(node)
    return node


def _dump(data: Any) -> str:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # one text, one line: wrapped texts are harder to compare by eye
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
