"""A fast path for the common line: decode with msgspec, vouch, and give its canonical bytes.

:class:`FastCanonical` answers for one raw line either ``None`` ("don't know":
the pydantic path of :mod:`.line_check` decides and words it) or the line's
record id, canonical bytes (:mod:`.canonical`), draft flag and time. It vouches
only for lines pydantic would accept, with the checks of
:class:`~localdigital_tui.core.records.fast_check.FastLineCheck` (the msgspec types of
:mod:`~localdigital_tui.core.records.structs`, record id and timestamp shapes,
skip rules), and only where re-encoding the decoded line is byte for byte what
pydantic's canonical form would be. So the envelope here is a struct whose
fields are in canonical order (``event`` null when absent, ``timings`` sorted by
question code and ``{}`` when absent), and it refuses what would serialise
differently:

* timestamps not in UTC (they are read by msgspec, which writes them back as
  pydantic does: ``...:SSZ``, or six fraction digits);
* floats from 1e16 up (or down from -1e16): msgspec writes them as ``1e16``
  where pydantic writes ``1e+16``. The timings here refuse them; an answer can
  only hold one if its question's bounds allow it, and then (only then) the
  output is searched for a number with an exponent (a text answer that looks
  like one, ``:1e5``, only costs that line the slow path).

``FastLineCheck`` is not used directly because it does not hand back the
decoded line; tests hold the two to the same verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

import msgspec
from msgspec import UNSET, Meta

from localdigital_tui.core.questionnaire.model import (
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
)
from localdigital_tui.core.records.fast_check import (
    AUDIENCE,
    STATUS,
    STATUSES,
    in_utc,
    is_uuid4,
    string_after,
)
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.line_check import ValidLine
from localdigital_tui.core.records.structs import Timestamp, answers_struct, personal_struct

DECODE_ERRORS = (msgspec.DecodeError, msgspec.ValidationError)
_EXPONENT = re.compile(rb":-?[0-9][0-9.]*e[0-9]")
EXPONENT_FROM = 1e16  # the smallest float both write with an exponent ("1e16", "1e+16")
# Timings as the record schema has them (seconds >= 0), less floats written with an exponent.
Seconds = Annotated[float, Meta(ge=0, lt=EXPONENT_FROM)]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)

FastResponse = tuple[str, bytes, bool, int]
"""record id, canonical bytes, draft?, time (microseconds since 1970)."""


def _struct(name: str, fields: list[tuple[str, Any, Any]]) -> Any:
    return msgspec.defstruct(name, fields, forbid_unknown_fields=True, kw_only=True, gc=False)


def _one(value: str) -> Any:
    return Literal[(value,)]


def canonical_record_struct(loaded: LoadedQuestionnaire, audience: str, status: str) -> Any:
    """A response line of this audience and status, fields in canonical order."""
    q = loaded.questionnaire
    complete = status == "complete"
    answers = answers_struct(q, audience, personal=False, complete=complete)
    timings = _struct(
        "SortedTimings",
        [
            (code, Seconds | msgspec.UnsetType, msgspec.field(default=UNSET))
            for code in sorted(question.code for question in q.questions)
        ],
    )
    reference = _struct(
        "QuestionnaireRef",
        [
            ("id", _one(q.id), msgspec.field()),
            ("version", _one(q.version), msgspec.field()),
            ("sha256", _one(loaded.sha256), msgspec.field()),
        ],
    )
    submitted: Any = (
        (Timestamp, msgspec.field())
        if complete
        else (Timestamp | None, msgspec.field(default=None))
    )
    return _struct(
        f"CanonicalRecord_{audience}_{status}",
        [
            ("record_id", str, msgspec.field()),
            ("questionnaire", reference, msgspec.field()),
            ("audience", _one(audience), msgspec.field()),
            ("interviewer", str, msgspec.field()),
            ("device", str, msgspec.field()),
            ("event", str | None, msgspec.field(default=None)),
            ("started_at", Timestamp, msgspec.field()),
            ("submitted_at", *submitted),
            ("status", _one(status), msgspec.field()),
            ("answers", answers, msgspec.field()),
            ("timings", timings, msgspec.field(default_factory=timings)),
        ],
    )


class FastCanonical:
    """``response(raw)`` / ``personal(raw)`` for the lines of one questionnaire."""

    def __init__(self, loaded: LoadedQuestionnaire) -> None:
        q = loaded.questionnaire
        self._decoders: dict[tuple[bytes, bytes], Callable[[bytes], Any]] = {}
        self._skip_rules: dict[tuple[bytes, bytes], list[tuple[str, str, frozenset[str]]]] = {}
        for audience in q.audience_codes():
            for status in STATUSES:
                key = (audience.encode(), status.encode())
                struct = canonical_record_struct(loaded, audience, status)
                self._decoders[key] = msgspec.json.Decoder(struct).decode
                self._skip_rules[key] = _skip_rules(loaded, struct)
        self._likely_key = next(iter(self._decoders))
        self._likely = self._decoders[self._likely_key]
        self._personal = msgspec.json.Decoder(personal_struct(loaded)).decode
        self._encode = msgspec.json.Encoder().encode
        self._exponent_possible = any(
            isinstance(question, NumberQuestion | NumbersQuestion)
            and not question.integer
            and max(abs(question.min), abs(question.max)) >= EXPONENT_FROM
            for question in q.questions
        )

    def response(self, raw: bytes) -> FastResponse | None:
        # A file's lines are mostly of one audience and status: try the decoder of the
        # last line first. A wrong guess fails early (audience and status are literals
        # near the start of a line) and the line's own kind is looked up.
        key = self._likely_key
        try:
            record = self._likely(raw)
        except DECODE_ERRORS:
            found = self._decode_by_kind(raw)
            if found is None:
                return None
            key, record = found
        started, submitted = record.started_at, record.submitted_at
        if not (in_utc(started, submitted) and is_uuid4(record.record_id)):
            return None
        answers = record.answers
        for name, condition, allowed in self._skip_rules[key]:
            if (
                getattr(answers, name) is not None
                and getattr(answers, condition, None) not in allowed
            ):
                return None
        canonical = self._encode(record)
        if self._exponent_possible and _EXPONENT.search(canonical) is not None:
            return None
        time = ((submitted or started) - _EPOCH) // _MICROSECOND
        return record.record_id, canonical, key[1] == b"partial", time

    def _decode_by_kind(self, raw: bytes) -> tuple[tuple[bytes, bytes], Any] | None:
        """Decode with the decoder of the kind the line names; if the compact
        ``"audience":"`` or ``"status":"`` is not there (JSON written with spaces), with
        each decoder in turn, so the verdict never depends on the lines before."""
        text = bytes(raw)
        key = (string_after(text, AUDIENCE), string_after(text, STATUS))
        decode = self._decoders.get(key)
        tries = [(key, decode)] if decode is not None else list(self._decoders.items())
        for key, decode in tries:
            try:
                record = decode(raw)
            except DECODE_ERRORS:
                continue
            self._likely, self._likely_key = decode, key
            return key, record
        return None

    def personal(self, raw: bytes) -> FastResponse | None:
        try:
            record = self._personal(raw)
        except DECODE_ERRORS:
            return None
        if not is_uuid4(record.record_id):
            return None
        return record.record_id, self._encode(record), False, 0


def _skip_rules(loaded: LoadedQuestionnaire, struct: Any) -> list[tuple[str, str, frozenset[str]]]:
    """(answer attribute, condition attribute, allowed values) for the struct's answers.

    A condition on a question this audience is not asked reads a field that is
    always unset, so an answer to the skippable question is refused,
    as pydantic refuses it."""
    answers = msgspec.structs.fields(struct)[9].type
    names = {field.encode_name: field.name for field in msgspec.structs.fields(answers)}
    rules = []
    for question in loaded.questionnaire.questions:
        if question.ask_if is None or question.code not in names:
            continue
        condition = names.get(question.ask_if.question, "")
        rules.append((names[question.code], condition, frozenset(question.ask_if.in_)))
    return rules


_COMPILED: dict[str, FastCanonical] = {}
SHA256 = b'"sha256":"'


def fast_canonical(loaded: LoadedQuestionnaire) -> FastCanonical:
    """The fast path of one questionnaire, compiled once per process."""
    found = _COMPILED.get(loaded.sha256)
    if found is None:
        found = _COMPILED[loaded.sha256] = FastCanonical(loaded)
    return found


class FastLines:
    """The fast path for lines of any of the given questionnaires."""

    def __init__(self, questionnaires: Sequence[LoadedQuestionnaire]) -> None:
        self._by_sha = {loaded.sha256.encode(): fast_canonical(loaded) for loaded in questionnaires}
        self._only = fast_canonical(questionnaires[0]) if len(questionnaires) == 1 else None

    def checker(self, kind: FileKind) -> Callable[[bytes], FastResponse | None]:
        """A function giving (record id, canonical bytes, draft?, time) of a line of
        ``kind``, or ``None`` when the fast path cannot vouch for it (a personal line
        is never a draft and has time 0)."""
        if self._only is not None:
            return self._only.response if kind is FileKind.RESPONSES else self._only.personal
        return self._any_response if kind is FileKind.RESPONSES else self._any_personal

    def check(self, raw: bytes, kind: FileKind) -> ValidLine | None:
        """The valid line, or ``None`` when the fast path cannot vouch for ``raw``."""
        found = self.checker(kind)(raw)
        return None if found is None else ValidLine(kind, *found)

    def _any_response(self, raw: bytes) -> FastResponse | None:
        fast = self._named_by(raw)
        return None if fast is None else fast.response(raw)

    def _any_personal(self, raw: bytes) -> FastResponse | None:
        fast = self._named_by(raw)
        return None if fast is None else fast.personal(raw)

    def _named_by(self, raw: bytes) -> FastCanonical | None:
        """With several questionnaires, the one the line's ``"sha256":"`` names (a wrong
        pick, from text inside an answer, only means the decoder refuses)."""
        return self._by_sha.get(string_after(bytes(raw), SHA256))
