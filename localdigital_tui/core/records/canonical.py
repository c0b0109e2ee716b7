"""The one JSON serialisation of a validated record, used for identity and output.

Two lines hold "the same record" when their canonical forms are equal bytes, so
whitespace, key order, ``25`` vs ``25.0`` where a number may have decimals,
``+00:00`` vs ``Z``, and an absent vs a null ``event`` make no difference. The
canonical form is:

* the envelope keys always present, in the order of the record format
  (``event`` and ``submitted_at`` may be null, ``timings`` may be ``{}``);
* answers in questionnaire order, each grid's rows in row order, unanswered
  questions and rows absent (the compiled schema already orders them);
* ``timings`` sorted by question code;
* ``languages`` (the language each answer was given in) sorted by question code,
  after ``timings``, and only when it holds something;
* compact JSON, UTF-8, no trailing newline.

A personal line keeps ``record_id``, ``questionnaire`` and ``answers`` only; an
encrypted one ``record_id``, ``questionnaire``, ``encrypted_to`` and
``encrypted_answers`` (each sealed answer as written: base64 in its one spelling).
Canonicalising a canonical line gives the same bytes again, which is what makes
a merge idempotent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic_core import to_json

from localdigital_tui.core.records.model import RECORD_KEYS

HEAD_KEYS = RECORD_KEYS[: RECORD_KEYS.index("answers")]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def field_values(validated: Any) -> dict[str, Any]:
    """The top-level values of what the compiled schema returned (a model or a dict)."""
    return validated if isinstance(validated, dict) else validated.__dict__


def canonical_response(values: dict[str, Any]) -> bytes:
    """The canonical bytes of a validated response record, given its :func:`field_values`.

    Serialised in three parts (envelope, answers, timings) so that only the
    answers need ``exclude_none`` and only the timings need sorting.
    """
    head = {key: values.get(key) for key in HEAD_KEYS}
    timings = values.get("timings") or {}
    languages = values.get("languages") or {}
    return b"".join(
        (
            to_json(head)[:-1],
            b',"answers":',
            to_json(values["answers"], exclude_none=True),
            b',"timings":',
            to_json(dict(sorted(timings.items()))),
            (b',"languages":' + to_json(dict(sorted(languages.items())))) if languages else b"",
            b"}",
        )
    )


def canonical_personal(values: dict[str, Any]) -> bytes:
    """The canonical bytes of a validated personal line, given its :func:`field_values`:
    plain (``answers``) or encrypted (``encrypted_to``, ``encrypted_answers``)."""
    head = {"record_id": values["record_id"], "questionnaire": values["questionnaire"]}
    if values.get("encrypted_answers") is None:
        answers = to_json(values["answers"], exclude_none=True)
        return b"".join((to_json(head)[:-1], b',"answers":', answers, b"}"))
    sealed = to_json(values["encrypted_answers"], exclude_none=True)
    recipient = to_json(values["encrypted_to"])
    return b"".join(
        (to_json(head)[:-1], b',"encrypted_to":', recipient, b',"encrypted_answers":', sealed, b"}")
    )


def record_time(values: dict[str, Any]) -> int:
    """Microseconds since 1970 of ``submitted_at``, or of ``started_at`` for a draft."""
    stamp = values.get("submitted_at") or values.get("started_at")
    if not isinstance(stamp, datetime):
        return 0
    return (stamp - _EPOCH) // _MICROSECOND
