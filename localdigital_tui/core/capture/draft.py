"""The draft file: one unfinished interview, as JSON, in ``out/drafts/<record_id>.json``.

It holds :func:`~.flow_state.flow_state` (record id, audience, start time,
position, answers, timings) plus who captured it where (interviewer, device,
event), which questionnaire it answers (id, version, sha256), when it was last
written, and how far it got (``answered`` of ``total`` questions asked so far),
so that the start screen can list drafts without rebuilding each interview.

A capture that encrypts (``--encrypt-to``) keeps no personal answer in the clear:
``answers`` holds the others, ``encrypted_answers`` each personal answer sealed
to ``encrypted_to`` (sealed again at every save; the plaintext lives only in the
interview flow, in memory), and those sealed before a resume, which this laptop
cannot read, kept as they were.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.flow_state import flow_state
from localdigital_tui.core.encryption.ciphertext import check_ciphertext, check_recipient
from localdigital_tui.core.records.model import QuestionnaireRef, Uuid4Text, format_timestamp
from localdigital_tui.core.records.problems import describe
from localdigital_tui.errors import DraftError

if TYPE_CHECKING:
    from localdigital_tui.core.encryption.sealed_answers import AnswerSealer

DRAFT_FORMAT = "localdigital-draft/1"


class DraftFile(BaseModel):
    """The contents of a draft file, checked on reading."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    format: Literal["localdigital-draft/1"]
    record_id: Uuid4Text
    audience: str
    started_at: datetime
    updated_at: datetime
    position: str | None
    answers: dict[str, Any]
    timings: dict[str, float]
    interviewer: str
    device: str
    event: str | None
    questionnaire: QuestionnaireRef
    answered: int
    total: int
    encrypted_to: Annotated[str, AfterValidator(check_recipient)] | None = None
    encrypted_answers: dict[str, Annotated[str, AfterValidator(check_ciphertext)]] = {}
    languages: dict[str, str] = {}

    def flow_state(self) -> dict[str, Any]:
        """The part :func:`~.flow_state.flow_from_state` reads."""
        return {
            "record_id": self.record_id,
            "audience": self.audience,
            "started_at": self.started_at.isoformat(),
            "position": self.position,
            "answers": self.answers,
            "timings": self.timings,
            "encrypted_answers": self.encrypted_answers,
            "languages": self.languages,
        }


def draft_bytes(
    flow: InterviewFlow,
    *,
    interviewer: str,
    device: str,
    event: str | None,
    updated_at: datetime,
    sealer: AnswerSealer | None = None,
) -> bytes:
    """The draft file's contents for ``flow`` as it stands; with a ``sealer``, every
    personal answer sealed (see the module)."""
    asked = flow.asked
    loaded = flow.loaded
    state = flow_state(flow)
    if sealer is not None:
        personal = set(loaded.questionnaire.personal_codes())
        given = {c: v for c, v in flow.answers.items() if c in personal}
        state["answers"] = {c: v for c, v in flow.answers.items() if c not in personal}
        state["encrypted_to"] = sealer.public_key
        state["encrypted_answers"] = {**flow.sealed, **sealer.seal_all(flow.record_id, given)}
    elif flow.sealed:
        raise ValueError("a flow with sealed answers is saved by a capture that encrypts")
    data = {
        "format": DRAFT_FORMAT,
        **state,
        "interviewer": interviewer,
        "device": device,
        "event": event,
        "questionnaire": {
            "id": loaded.questionnaire.id,
            "version": loaded.questionnaire.version,
            "sha256": loaded.sha256,
        },
        "updated_at": format_timestamp(updated_at),
        "answered": sum(1 for q in asked if flow.is_answered(q.code)),
        "total": len(asked),
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def check_sealed_answers(path: Path, draft: DraftFile, sealer: AnswerSealer | None) -> None:
    """A draft's sealed answers can only be kept by a capture sealing to the same key."""
    theirs = draft.encrypted_to if draft.encrypted_answers else None
    ours = sealer.public_key if sealer is not None else None
    if theirs is None or theirs == ours:
        return
    using = f"this capture encrypts to {ours}" if ours else "this capture does not encrypt"
    raise DraftError(
        path,
        f"its personal answers are encrypted to {theirs}, and {using}; resume it "
        "with --encrypt-to and the .pub file of that key",
    )


def read_draft(path: Path) -> DraftFile:
    """Parse and check a draft file; :class:`DraftError` says why one cannot be used."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DraftError(path, "no such draft") from None
    except OSError as exc:
        raise DraftError(path, f"cannot read: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise DraftError(path, "empty file")
    try:
        return DraftFile.model_validate_json(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{where}: {what}" for where, what in describe(exc)[:3])
        raise DraftError(path, f"not a usable draft ({problems})") from exc
