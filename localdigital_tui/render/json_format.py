"""JSON: every table with every cell, plus the sha256 of the questionnaire and the data.

The document is deterministic (no timestamps): the same inputs give the same bytes.
Figures are JSON numbers; a missing one (an empty base) is ``null``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.table import LOW_BASE, Table

FORMAT_VERSION = 1


def _number(value: Decimal | int | None) -> int | float | None:
    if value is None or isinstance(value, int):
        return value
    exponent = value.as_tuple().exponent
    return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)


def _table(table: Table) -> dict[str, Any]:
    columns = [
        {"code": c.code, "label": c.label, "group": c.group, "kind": c.kind}
        | ({"letter": c.letter} if c.letter else {})
        | ({"parts": list(c.parts)} if c.parts else {})
        for c in table.columns
    ]
    rows = []
    for row in table.rows:
        cells = []
        for cell, column in zip(row.cells, table.columns, strict=True):
            entry: dict[str, Any] = {
                "column": column.code,
                "group": table.group_key(column.group),
                "count": cell.count,
                "base": cell.base,
                "percent": _number(cell.percent),
                "value": _number(cell.value),
            }
            if column.letter:
                entry["higher_than"] = cell.higher_than
            if cell.effective_base is not None:
                entry["effective_base"] = float(cell.effective_base)
            cells.append(entry)
        bases = [
            {"group": g, "base": b, "low_base": 0 < b < LOW_BASE}
            | ({} if (e := row.effective_for(g)) is None else {"effective_base": float(e)})
            for g, b in row.bases
        ]
        rows.append(
            {"code": row.code, "label": row.label, "bases": bases, "cells": cells}
            | ({"parts": list(row.parts)} if row.parts else {})
        )
    split = table.split
    return {
        "id": table.id,
        "title": table.title,
        "question": table.question,
        "group": table.group,
        "split": None
        if split is None
        else {"question": split.question, "code": split.code, "label": split.label},
        "base_rule": table.base_rule,
        "columns": columns,
        "rows": rows,
        "notes": list(table.notes),
        "weighted": table.weighted,
    }


def render(tables: Sequence[Table], provenance: Provenance | None = None) -> str:
    document: dict[str, Any] = {"format": "localdigital-tables", "version": FORMAT_VERSION}
    if provenance is not None:
        document["questionnaire"] = {
            "id": provenance.questionnaire_id,
            "version": provenance.questionnaire_version,
            "sha256": provenance.questionnaire_sha256,
        }
        document["data"] = {
            "sha256": provenance.data_sha256,
            "files": [
                {"path": f.path, "sha256": f.sha256, "bytes": f.bytes} for f in provenance.inputs
            ],
        }
    document["tables"] = [_table(t) for t in tables]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
