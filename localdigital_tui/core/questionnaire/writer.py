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

from localdigital_tui.core.questionnaire.loader import parse_questionnaire
from localdigital_tui.core.questionnaire.model import Questionnaire

_FIRST = ("code", "number", "kind")


def questionnaire_yaml(questionnaire: Questionnaire, comment: str = "") -> str:
    """YAML that :func:`parse_questionnaire` reads back as ``questionnaire``."""
    data = questionnaire.model_dump(mode="python", by_alias=True, exclude_defaults=True)
    data["questions"] = [_ordered(question) for question in data["questions"]]
    header = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
    text = header + _dump(_plain(data, literal=True))
    if parse_questionnaire(text) != questionnaire:
        text = header + _dump(_plain(data, literal=False))
    return text


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
