"""The draft file: one unfinished interview, as JSON, in ``out/drafts/<record_id>.json``.

It holds :meth:`InterviewFlow.to_draft` (record id, audience, start time,
position, answers, timings) plus who captured it where (interviewer, device,
event), which questionnaire it answers (id, version, sha256), when it was last
written, and how far it got (``answered`` of ``total`` questions asked so far),
so that the start screen can list drafts without rebuilding each interview.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.records.model import QuestionnaireRef, Uuid4Text, format_timestamp
from localdigital_tui.core.records.problems import describe
from localdigital_tui.errors import DraftError

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

    def flow_state(self) -> dict[str, Any]:
        """The part :meth:`InterviewFlow.from_draft` reads."""
        return {
            "record_id": self.record_id,
            "audience": self.audience,
            "started_at": self.started_at.isoformat(),
            "position": self.position,
            "answers": self.answers,
            "timings": self.timings,
        }


def draft_bytes(
    flow: InterviewFlow,
    *,
    interviewer: str,
    device: str,
    event: str | None,
    updated_at: datetime,
) -> bytes:
    """The draft file's contents for ``flow`` as it stands."""
    asked = flow.asked
    loaded = flow.loaded
    data = {
        "format": DRAFT_FORMAT,
        **flow.to_draft(),
        "interviewer": interviewer,
        "device": device,
        "event": event,
        "questionnaire": {
            "id": loaded.questionnaire.id,
            "version": loaded.questionnaire.version,
            "sha256": loaded.sha256,
        },
        "updated_at": format_timestamp(updated_at),
        "answered": sum(1 for q in asked if q.code in flow.answers),
        "total": len(asked),
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


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
