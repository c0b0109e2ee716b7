"""One question of the survey sheet, as the questionnaire's question (a plain dict).

A question is one row (``text``, ``integer``, ``decimal``, ``select_one``) or a
group: of ``select_one`` rows of one list (a grid) or of number rows (``numbers``).
What cannot be mapped is reported with its row and left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from localdigital_tui.core.questionnaire.translated import ByLanguage
from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform.choice_lists import ChoiceList
from localdigital_tui.core.xlsform.expressions import parse_bounds, parse_length
from localdigital_tui.core.xlsform.survey_items import CODE, Item, Problems, is_true, row_text
from localdigital_tui.errors import ExpressionError

UNITS = ("percent", "pounds", "count")
NUMBER_TYPES = ("integer", "decimal")


@dataclass(slots=True)
class Part:
    """A question as one row or group of the form: the only wording, or one audience's."""

    code: str
    variant: str | None
    item: Item
    data: dict[str, Any]
    choice_list: str | None = None
    heading: ByLanguage | None = None
    names: list[str] = field(default_factory=list)


class PartReader:
    def __init__(self, lists: dict[str, ChoiceList], audiences: list[str], problems: Problems):
        self.lists = lists
        self.audiences = audiences
        self.problems = problems

    def report(self, item: Item, message: str, column: str | None = col.TYPE) -> None:
        self.problems.add(col.SURVEY, item.row.number, message, column)

    def part(self, item: Item) -> Part | None:
        code, mark, variant = item.name.partition(col.VARIANT_MARK)
        if not CODE.match(code):
            self.report(
                item,
                f"name {item.name!r} is not a question code (lower case letters, "
                "digits and _, a letter first); left out",
                col.NAME,
            )
            return None
        if mark and variant not in self.audiences:
            self.report(
                item,
                f"name {item.name!r}: {variant!r} is not a respondent type "
                f"({', '.join(self.audiences)}); left out",
                col.NAME,
            )
            return None
        data = self.common(item, code)
        part = Part(code, variant if mark else None, item, data)
        if item.kind == "begin group":
            found = self.group(item, data)
        elif item.kind == "select_one":
            found = self.single_choice(item, data, part)
        elif item.kind in NUMBER_TYPES:
            found = self.number(item, data, "number")
        else:
            found = self.text(item, data)
        return part if found else None

    def common(self, item: Item, code: str) -> dict[str, Any]:
        row = item.row
        data: dict[str, Any] = {"code": code}
        if number := row.get(col.NUMBER).strip():
            data["number"] = number
        data["text"] = row_text(row, "label")
        if any((hint := row_text(row, "hint")).values()):
            data["help"] = hint
        for key, column in (
            ("personal", col.PERSONAL),
            ("profile", col.PROFILE),
            ("required", col.REQUIRED),
        ):
            if is_true(row, column, self.problems, col.SURVEY):
                data[key] = True
        return data

    def text(self, item: Item, data: dict[str, Any]) -> bool:
        data["kind"] = "text"
        if "multiline" in item.row.get(col.APPEARANCE).lower().split():
            data["multiline"] = True
        if constraint := item.row.get(col.CONSTRAINT):
            try:
                data["max_length"] = parse_length(constraint)
            except ExpressionError as exc:
                self.report(item, f"{exc}; no length limit kept", col.CONSTRAINT)
        return True

    def single_choice(self, item: Item, data: dict[str, Any], part: Part) -> bool:
        found = self.lists.get(item.argument)
        if found is None or not found.choices:
            why = "is not on the choices sheet" if found is None else "has no usable choices"
            self.report(item, f"list {item.argument!r} {why}; question left out")
            return False
        data["kind"] = "single_choice"
        data["choices"] = [dict(choice) for choice in found.choices]
        part.choice_list = found.name
        return True

    def number(
        self, item: Item, data: dict[str, Any], kind: str, unit_from: Item | None = None
    ) -> bool:
        data["kind"] = kind
        data["unit"] = self.unit(unit_from or item)
        if item.kind == "integer":
            data["integer"] = True
        try:
            data["min"], data["max"] = parse_bounds(item.row.get(col.CONSTRAINT))
        except ExpressionError as exc:
            self.report(
                item, f"a number needs its bounds: {exc}; question left out", col.CONSTRAINT
            )
            return False
        return True

    def unit(self, item: Item) -> str:
        unit = item.row.get(col.UNIT).strip() or "count"
        if unit not in UNITS:
            self.report(
                item, f"unit {unit!r} is not one of {', '.join(UNITS)}; read as count", col.UNIT
            )
            return "count"
        return unit

    def group(self, item: Item, data: dict[str, Any]) -> bool:
        members = []
        for member in item.members:
            if member.kind == "note" and member.role == col.STEM and "stem" not in data:
                data["stem"] = row_text(member.row, "label")
            elif member.kind in {"select_one", *NUMBER_TYPES}:
                members.append(member)
            else:
                what = "a note (only a grid's stem, marked stem in column localdigital, is"
                what += " kept)" if member.kind == "note" else f"a {member.kind} row in a group"
                self.report(member, f"not carried over: {what}")
        kinds = {"grid" if m.kind == "select_one" else "numbers" for m in members}
        lists = {m.argument for m in members if m.kind == "select_one"}
        if len(kinds) != 1 or len(lists) > 1:
            why = "has no questions" if not kinds else "mixes kinds of question or lists"
            self.report(
                item,
                f"group {item.name!r} {why}: a group is a grid (select_one "
                "rows of one list) or numbers (number rows); left out",
            )
            return False
        rows = self.rows(members)
        if not rows:
            return False
        data["rows"] = rows
        if kinds == {"numbers"}:
            return self.numbers(item, members, data)
        (scale_list,) = lists
        if scale_list not in self.lists:
            self.report(
                members[0],
                f"list {scale_list!r} is not on the choices sheet; grid {item.name!r} left out",
            )
            return False
        data["kind"] = "grid"
        data["scale"] = scale_list.partition(col.VARIANT_MARK)[0]
        return True

    def rows(self, members: list[Item]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for member in members:
            if not CODE.match(member.name) or member.name in [r["code"] for r in rows]:
                why = "used twice in the group" if CODE.match(member.name) else "not a code"
                self.report(member, f"row name {member.name!r} is {why}; left out", col.NAME)
                continue
            row: dict[str, Any] = {"code": member.name, "label": row_text(member.row, "label")}
            if is_true(member.row, col.REQUIRED, self.problems, col.SURVEY):
                row["required"] = True
            rows.append(row)
        return rows

    def numbers(self, item: Item, members: list[Item], data: dict[str, Any]) -> bool:
        bounds = {m.row.get(col.CONSTRAINT).strip() for m in members}
        integer = {m.kind for m in members}
        if len(bounds) > 1 or len(integer) > 1:
            self.report(
                item,
                "the number rows of a group must share one type and one "
                "constraint; the first row's are used",
            )
        return self.number(members[0], data, "numbers", unit_from=item)
