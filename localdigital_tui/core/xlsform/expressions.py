"""XLSForm expressions for skip rules and bounds, written and read back.

Only the shapes the export writes are read: ``relevant`` is tests joined by
``and``, each test one question compared with one or more codes joined by
``or`` (``${respondent_type} = 'council'``, ``(${q10} = 'yes' or ${q10} =
'no')``, ``selected(${q10}, 'yes')``), or ``false()`` (nobody); ``constraint``
is ``. >= MIN and . <= MAX`` or ``string-length(.) <= N``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from localdigital_tui.errors import ExpressionError

_TOKEN = re.compile(
    r"\s*(?:(?P<field>\$\{[^}]*\})|(?P<literal>'[^']*'|\"[^\"]*\")"
    r"|(?P<word>and|or|selected|false)\b|(?P<mark>\(\)|[(),=]))"
)
_BOUNDS = re.compile(
    r"^\s*\.\s*>=\s*(?P<min>-?\d+(?:\.\d+)?)\s+and\s+\.\s*<=\s*(?P<max>-?\d+(?:\.\d+)?)\s*$"
)
_LENGTH = re.compile(r"^\s*string-length\(\s*\.\s*\)\s*<=\s*(?P<max>\d+)\s*$")


@dataclass(frozen=True, slots=True)
class CodeTest:
    """``${field} = 'value'`` for each pair, joined by ``or``; no pairs is ``false()``."""

    pairs: tuple[tuple[str, str], ...]

    def fields(self) -> list[str]:
        return list(dict.fromkeys(field for field, _ in self.pairs))

    def values(self) -> list[str]:
        return [value for _, value in self.pairs]


def quoted(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    raise ExpressionError(f"{value!r} holds both kinds of quote; an XPath literal cannot")


def any_of(fields: Sequence[str], values: Sequence[str]) -> str:
    """``${a} = 'x' or ${a} = 'y'`` (bracketed when more than one), ``false()`` for none."""
    tests = [f"${{{field}}} = {quoted(value)}" for field in fields for value in values]
    if not tests:
        return "false()"
    return tests[0] if len(tests) == 1 else "(" + " or ".join(tests) + ")"


def all_of(tests: Sequence[str]) -> str:
    return " and ".join(tests)


def number_text(value: float) -> str:
    """A number as an XPath literal (no exponent: XPath 1.0 has none)."""
    if value == int(value):
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def bounds_constraint(lowest: float, highest: float) -> str:
    return f". >= {number_text(lowest)} and . <= {number_text(highest)}"


def length_constraint(longest: int) -> str:
    return f"string-length(.) <= {longest}"


def parse_bounds(text: str) -> tuple[float, float]:
    found = _BOUNDS.match(text)
    if found is None:
        raise ExpressionError(f"expected '. >= MIN and . <= MAX' (got {text!r})")
    return float(found["min"]), float(found["max"])


def parse_length(text: str) -> int:
    found = _LENGTH.match(text)
    if found is None:
        raise ExpressionError(f"expected 'string-length(.) <= N' (got {text!r})")
    return int(found["max"])


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    at = 0
    while at < len(text.rstrip()):
        found = _TOKEN.match(text, at)
        if found is None or found.end() == at:
            raise ExpressionError(f"cannot read {text[at:].strip()!r} in {text!r}")
        tokens.append(found.group(found.lastgroup or "mark"))
        at = found.end()
    return tokens


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            wanted = f"'{expected}'" if expected else "more"
            raise ExpressionError(f"expected {wanted} at {self._where()} in {self.text!r}")
        self.at += 1
        return token

    def _where(self) -> str:
        token = self.peek()
        return "the end" if token is None else repr(token)

    def field(self) -> str:
        token = self.take()
        if not token.startswith("${"):
            raise ExpressionError(f"expected a ${{question}} before {token!r} in {self.text!r}")
        return token[2:-1].strip()

    def literal(self) -> str:
        token = self.take()
        if token[:1] not in {"'", '"'}:
            raise ExpressionError(f"expected a quoted code, not {token!r}, in {self.text!r}")
        return token[1:-1]

    def pair(self) -> tuple[str, str]:
        if self.peek() == "selected":
            self.take()
            self.take("(")
            field = self.field()
            self.take(",")
            value = self.literal()
            self.take(")")
            return field, value
        field = self.field()
        self.take("=")
        return field, self.literal()

    def test(self) -> tuple[CodeTest, bool]:
        """One test, and whether it is an unbracketed ``or`` of several pairs."""
        if self.peek() == "false":
            self.take()
            self.take("()")
            return CodeTest(()), False
        bracketed = self.peek() == "("
        if bracketed:
            self.take("(")
        pairs = [self.pair()]
        while self.peek() == "or":
            self.take()
            pairs.append(self.pair())
        if bracketed:
            self.take(")")
        return CodeTest(tuple(pairs)), not bracketed and len(pairs) > 1


def parse_relevant(text: str) -> list[CodeTest]:
    """The tests of a ``relevant`` expression, all of which must hold."""
    reader = _Reader(text)
    first, loose = reader.test()
    tests = [first]
    while reader.peek() == "and":
        reader.take()
        test, more_loose = reader.test()
        tests.append(test)
        loose = loose or more_loose
    if reader.peek() is not None:
        raise ExpressionError(f"expected 'and' or the end at {reader.peek()!r} in {text!r}")
    if loose and len(tests) > 1:
        raise ExpressionError(
            f"tests joined by 'or' must be in brackets when joined by 'and' to others: {text!r}"
        )
    return tests
