"""Where things sit in a ruamel.yaml round-trip tree: field path -> line and column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from localdigital_tui.errors import Location

PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """``('questions', 3, 'rows', 0, 'code')`` -> ``questions[3].rows[0].code``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class PositionIndex:
    """Answers "where in the file is this field?" for pydantic-style paths."""

    def __init__(self, tree: Any, filename: str) -> None:
        self._tree = tree
        self.filename = filename

    def locate(self, path: Sequence[Any], field_path: Sequence[Any] | None = None) -> Location:
        """The deepest position reachable along ``path``.

        Path parts that are not keys of the node reached so far (pydantic's union
        tags such as ``'grid'`` or ``'str'``) are skipped, in the path shown too.
        """
        node = self._tree
        line, column = _start_of(node)
        shown: list[PathPart] = []
        for part in path:
            if isinstance(node, CommentedMap) and part in node:
                line, column = _key_position(node, part)
                node = node[part]
                shown.append(part)
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                line, column = _item_position(node, part)
                node = node[part]
                shown.append(part)
        if field_path is not None:
            shown += [p for p in field_path[len(path) :] if isinstance(p, str | int)]
        return Location(self.filename, line, column, format_path(shown))

    def line_of(self, path: Sequence[Any]) -> int | None:
        return self.locate(path).line


def _start_of(node: Any) -> tuple[int | None, int | None]:
    if isinstance(node, CommentedMap | CommentedSeq):
        return node.lc.line + 1, node.lc.col + 1
    return 1, 1


def _key_position(node: CommentedMap, key: Any) -> tuple[int, int]:
    line, column = node.lc.key(key)
    return line + 1, column + 1


def _item_position(node: CommentedSeq, index: int) -> tuple[int, int]:
    line, column = node.lc.item(index)
    return line + 1, column + 1
