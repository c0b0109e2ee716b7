"""The lines of ``quarantine.jsonl`` and ``conflicts.jsonl``.

A quarantine line says where a bad line was, what was wrong and what it held::

    {"file": "laptop-3/responses.jsonl", "line": 7, "record_id": null,
     "errors": [{"field": "line", "problem": "truncated last line (no line end): ..."}],
     "raw": "{\\"record_id\\":\\"5b0e..."}

``raw`` is the whole line as text (undecodable bytes shown as ``\\xNN``); when
the line is not valid UTF-8, ``raw_base64`` holds its exact bytes too. Only a
line longer than the reader's limit (8 MiB, :data:`.line_reader.MAX_LINE_BYTES`:
no record is near it) is cut there; ``raw_bytes`` then gives the line's full
length and ``raw`` its first 8 MiB.

A conflicts line is one version of a record id that has more than one::

    {"record_id": "...", "kept": false, "reason": "not kept: ...",
     "file": "laptop-1/responses.jsonl", "line": 12, "copies": 2, "record": {...}}

``file`` and ``line`` are where the version was first seen, ``copies`` how many
identical lines hold it.
"""

from __future__ import annotations

import base64
import json
from typing import Any


def quarantine_line(
    file: str,
    line: int,
    body: bytes,
    problems: list[tuple[str, str]],
    record_id: str | None = None,
    size: int | None = None,
) -> bytes:
    """One quarantine line; ``size`` is the bad line's full length when ``body`` was cut."""
    shown = body
    entry: dict[str, Any] = {
        "file": file,
        "line": line,
        "record_id": record_id,
        "errors": [{"field": where, "problem": message} for where, message in problems],
        "raw": shown.decode("utf-8", errors="backslashreplace"),
    }
    try:
        shown.decode("utf-8")
    except UnicodeDecodeError:
        entry["raw_base64"] = base64.b64encode(shown).decode("ascii")
    if size is not None and size > len(body):
        entry["raw_bytes"] = size
    return json.dumps(entry, ensure_ascii=False).encode("utf-8") + b"\n"


def conflict_line(
    record_id: str,
    kept: bool,
    reason: str,
    file: str,
    line: int,
    copies: int,
    canonical: bytes,
) -> bytes:
    head = {
        "record_id": record_id,
        "kept": kept,
        "reason": reason,
        "file": file,
        "line": line,
        "copies": copies,
    }
    text = json.dumps(head, ensure_ascii=False).encode("utf-8")
    return text[:-1] + b', "record": ' + canonical + b"}\n"
