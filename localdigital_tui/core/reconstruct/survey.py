"""Just enough of questionnaire.yaml for the reconstruction: codes, kinds, rows, choices."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML


@dataclass(frozen=True)
class Item:
    """One question as the reconstruction sees it."""

    code: str
    kind: str
    audiences: tuple[str, ...]
    personal: bool
    choices: tuple[str, ...]
    rows: tuple[str, ...]
    required_rows: frozenset[str]

    def applies_to(self, group: str) -> bool:
        return not self.audiences or group in self.audiences


@dataclass(frozen=True)
class Survey:
    id: str
    version: str
    sha256: str
    groups: tuple[str, ...]
    items: tuple[Item, ...]

    def item(self, code: str) -> Item:
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)

    def ref(self) -> dict[str, str]:
        """The ``questionnaire`` object of a record."""
        return {"id": self.id, "version": self.version, "sha256": self.sha256}


def _choices(question: dict[str, Any], scales: dict[str, Any]) -> tuple[str, ...]:
    if "scale" in question:
        return tuple(str(c["code"]) for c in scales[question["scale"]])
    return tuple(str(c["code"]) for c in question.get("choices") or ())


def load_survey(path: Path) -> Survey:
    """Read ``questionnaire.yaml``; the sha256 is of the file's bytes."""
    raw = path.read_bytes()
    data = YAML(typ="safe").load(raw)
    scales = data.get("scales") or {}
    items = []
    for q in data["questions"]:
        rows = tuple(str(r["code"]) for r in q.get("rows") or ())
        required = frozenset(str(r["code"]) for r in q.get("rows") or () if r.get("required"))
        items.append(
            Item(
                code=str(q["code"]),
                kind=str(q["kind"]),
                audiences=tuple(str(a) for a in q.get("audiences") or ()),
                personal=bool(q.get("personal", False)),
                choices=_choices(q, scales),
                rows=rows,
                required_rows=required,
            )
        )
    return Survey(
        id=str(data["id"]),
        version=str(data["version"]),
        sha256=hashlib.sha256(raw).hexdigest(),
        groups=tuple(str(a["code"]) for a in data["audiences"]),
        items=tuple(items),
    )
