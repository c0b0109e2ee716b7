"""The choices sheet: lists of choices by name, and the scales among them.

A list named ``SCALE-AUDIENCE`` is that audience's wording of the scale SCALE
(written when a scale's labels differ by audience); the wordings of one scale
are put back together as one list of choices with ``{audience: label}`` labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from localdigital_tui.core.xlsform import columns as col
from localdigital_tui.core.xlsform.form_languages import merge_texts
from localdigital_tui.core.xlsform.survey_items import CODE, Problems, row_text
from localdigital_tui.core.xlsform.workbook import Sheet

Choices = list[dict[str, Any]]


@dataclass(slots=True)
class ChoiceList:
    name: str
    row: int
    choices: Choices = field(default_factory=list)


def choice_lists(sheet: Sheet | None, problems: Problems) -> dict[str, ChoiceList]:
    lists: dict[str, ChoiceList] = {}
    if sheet is None:
        return lists
    for row in sheet.rows:
        name, code = row.get(col.LIST_NAME).strip(), row.get(col.NAME).strip()
        if not name:
            problems.add(
                col.CHOICES, row.number, "a choice without a list_name; left out", col.LIST_NAME
            )
            continue
        found = lists.setdefault(name, ChoiceList(name, row.number))
        if not CODE.match(code):
            problems.add(
                col.CHOICES,
                row.number,
                f"choice name {code!r} is not a code (lower "
                "case letters, digits and _, a letter first); left out",
                col.NAME,
            )
        elif code in [c["code"] for c in found.choices]:
            problems.add(
                col.CHOICES,
                row.number,
                f"choice {code!r} is in list {name!r} twice; the second is left out",
                col.NAME,
            )
        else:
            found.choices.append({"code": code, "label": row_text(row, "label")})
    return lists


def merged_choices(
    variants: dict[str, Choices], audiences: Sequence[str]
) -> tuple[Choices | None, str]:
    """One list of choices from each audience's wording of it, labels that differ becoming
    ``{audience: label}`` (language by language); ``(None, why)`` when the wordings are
    not of the same choices."""
    missing = [a for a in audiences if a not in variants]
    if missing:
        return None, f"no wording for audience {', '.join(missing)}"
    codes = [[c["code"] for c in variants[a]] for a in audiences]
    if any(these != codes[0] for these in codes):
        return None, "the audiences' wordings do not have the same choices in the same order"
    merged: Choices = []
    for i, code in enumerate(codes[0]):
        labels = {a: variants[a][i]["label"] for a in audiences}
        merged.append({"code": code, "label": merge_texts(labels)})
    return merged, ""


def scales_from(
    lists: dict[str, ChoiceList], used: set[str], audiences: Sequence[str], problems: Problems
) -> dict[str, Choices]:
    """Every list no single-choice question uses is a scale (``used``: the lists that
    single-choice questions and the respondent type use)."""
    variants: dict[str, dict[str, Choices]] = {}
    first_row: dict[str, int] = {}
    for name, found in lists.items():
        if name in used:
            continue
        scale, _, audience = name.partition(col.VARIANT_MARK)
        if not CODE.match(scale) or (audience and audience not in audiences):
            problems.add(
                col.CHOICES,
                found.row,
                f"list {name!r} is not a scale name (a code, or CODE-AUDIENCE); left out",
                col.LIST_NAME,
            )
            continue
        first_row.setdefault(scale, found.row)
        variants.setdefault(scale, {})[audience] = found.choices
    scales: dict[str, Choices] = {}
    for scale, worded in variants.items():
        if "" in worded and len(worded) == 1:
            scales[scale] = worded[""]
            continue
        choices, why = merged_choices({a: c for a, c in worded.items() if a}, audiences)
        if choices is None or "" in worded:
            why = why or f"both a list {scale!r} and lists {scale}-AUDIENCE"
            problems.add(
                col.CHOICES, first_row[scale], f"scale {scale!r}: {why}; left out", col.LIST_NAME
            )
        else:
            scales[scale] = choices
    return {scale: choices for scale, choices in scales.items() if choices}
