"""Where captured interviews live: drafts while in progress, day files once submitted.

Layout of an output directory (``out/``)::

    out/.capture.lock                        held by the running capture (output_lock)
    out/drafts/<record_id>.json              one per unfinished interview, replaced atomically
    out/drafts/discarded/<record_id>.json    drafts the interviewer threw away (kept, not listed)
    out/responses-<device>-<YYYY-MM-DD>.jsonl   submitted answers, one line per interview
    out/personal-<device>-<YYYY-MM-DD>.jsonl    their personal answers, keyed by record_id

Crash points and what survives them (a crash loses at most the answer being typed):

* mid draft write: the temp file is lost, the previous draft stands (rename is atomic);
* after choosing the respondent type, before any answer: a draft already exists;
* mid append of a submitted line: the draft is still there; the torn line is not
  counted as submitted, so the next submit writes the record again on a fresh line;
* between the answers append and the personal append, or between the appends and
  the draft's removal: the draft is still there and :meth:`CaptureStore.submit` is
  idempotent (a file already holding a whole line with the record id is not
  appended to again); :meth:`CaptureStore.complete_interrupted_submits` finishes
  such submits at start-up without asking anyone.

Unreadable drafts are never deleted and never stop the listing:
:meth:`CaptureStore.list_drafts` returns the readable ones and
:meth:`CaptureStore.unreadable_drafts` the others with the reason.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from localdigital_tui.core.capture.draft import (
    DraftFile,
    check_sealed_answers,
    draft_bytes,
    read_draft,
)
from localdigital_tui.core.capture.flow import InterviewFlow
from localdigital_tui.core.capture.flow_state import flow_from_state
from localdigital_tui.core.encryption.personal_lines import sealed_personal_record
from localdigital_tui.core.files.durable import (
    append_line,
    count_lines,
    holds_record,
    make_folder,
    move_durably,
    remove_durably,
    write_atomically,
)
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.model import ResponseRecord, dump_line, utc_now
from localdigital_tui.errors import DraftError, LocalDigitalError

if TYPE_CHECKING:
    from localdigital_tui.core.encryption.sealed_answers import AnswerSealer

ENCRYPTED_WHO = "(encrypted)"  # a draft's "who" when its personal answers are sealed
_RECORD_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class DraftInfo:
    """One unfinished interview, as the start screen lists it."""

    record_id: str
    audience: str
    interviewer: str
    event: str | None
    started_at: datetime
    updated_at: datetime
    answered: int  # questions answered so far
    total: int  # questions asked of this respondent so far
    position: str | None  # question code it stopped at (None = at review)
    path: Path
    device: str = ""
    questionnaire_version: str = ""
    who: str = ""  # the respondent's organisation or name, when given: to tell drafts apart
    same_questionnaire: bool = True  # False: started with another questionnaire file


@dataclass(frozen=True)
class UnreadableDraft:
    """A file in ``drafts/`` that cannot be resumed, and why. It is left in place."""

    path: Path
    reason: str


class CaptureStore:
    """Drafts and submitted records of one capture (one interviewer, one device)."""

    def __init__(
        self,
        out_dir: Path,
        loaded: LoadedQuestionnaire,
        *,
        interviewer: str,
        device: str | None = None,
        event: str | None = None,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = utc_now,
        sealer: AnswerSealer | None = None,
    ) -> None:
        self.out_dir = Path(out_dir)
        self.drafts_dir = self.out_dir / "drafts"
        self.loaded = loaded
        self.interviewer = interviewer
        self.device = device or socket.gethostname()
        self.event = event
        self._today = today
        self._now = now
        self.sealer = sealer  # set: personal answers are sealed to its public key, never plain
        # Resumed drafts keep the interviewer and event they were started with.
        self._origins: dict[str, tuple[str, str | None]] = {}
        make_folder(self.drafts_dir)

    # ------------------------------------------------------------------ files
    def responses_path(self, day: date | None = None) -> Path:
        return self.out_dir / f"responses-{self.device}-{day or self._today():%Y-%m-%d}.jsonl"

    def personal_path(self, day: date | None = None) -> Path:
        return self.out_dir / f"personal-{self.device}-{day or self._today():%Y-%m-%d}.jsonl"

    def draft_path(self, record_id: str) -> Path:
        if not _RECORD_ID.match(record_id):
            raise DraftError(self.drafts_dir / record_id, "not a record id")
        return self.drafts_dir / f"{record_id}.json"

    # ----------------------------------------------------------------- drafts
    def new_interview(self, audience: str) -> InterviewFlow:
        """Start an interview; its draft is written at once (the respondent type is an answer)."""
        flow = InterviewFlow(self.loaded, audience)
        self.save_draft(flow)
        return flow

    def save_draft(self, flow: InterviewFlow) -> Path:
        """Write the flow's draft atomically. Call after every answer and every move."""
        interviewer, event = self._origins.get(flow.record_id, (self.interviewer, self.event))
        path = self.draft_path(flow.record_id)
        data = draft_bytes(
            flow,
            interviewer=interviewer,
            device=self.device,
            event=event,
            updated_at=self._now(),
            sealer=self.sealer,
        )
        write_atomically(path, data)
        return path

    def list_drafts(self) -> list[DraftInfo]:
        """Readable drafts, most recently written first."""
        return self._scan()[0]

    def unreadable_drafts(self) -> list[UnreadableDraft]:
        """Draft files that cannot be read, with the reason; never deleted."""
        return self._scan()[1]

    def _scan(self) -> tuple[list[DraftInfo], list[UnreadableDraft]]:
        found: list[DraftInfo] = []
        broken: list[UnreadableDraft] = []
        for path in sorted(self.drafts_dir.glob("*.json")):
            if path.name.startswith("."):
                continue
            try:
                draft = read_draft(path)
            except DraftError as exc:
                broken.append(UnreadableDraft(path, exc.reason))
                continue
            if path.stem != draft.record_id:
                broken.append(UnreadableDraft(path, f"holds record {draft.record_id}"))
                continue
            found.append(self._info(draft, path))
        found.sort(key=lambda info: info.updated_at, reverse=True)
        return found, broken

    @property
    def _who_codes(self) -> list[str]:
        """Personal text questions, last first (the organisation comes after the name)."""
        questions = self.loaded.questionnaire.questions
        return [q.code for q in reversed(questions) if q.personal and q.kind == "text"]

    def _info(self, draft: DraftFile, path: Path) -> DraftInfo:
        return DraftInfo(
            record_id=draft.record_id,
            audience=draft.audience,
            interviewer=draft.interviewer,
            event=draft.event,
            started_at=draft.started_at,
            updated_at=draft.updated_at,
            answered=draft.answered,
            total=draft.total,
            position=draft.position,
            path=path,
            device=draft.device,
            questionnaire_version=draft.questionnaire.version,
            same_questionnaire=draft.questionnaire.sha256 == self.loaded.sha256,
            who=_who(draft.answers, self._who_codes)
            or ENCRYPTED_WHO * bool(draft.encrypted_answers),
        )

    def resume(self, record_id: str) -> InterviewFlow:
        """Rebuild the interview from its draft, at the question where it stopped."""
        path = self.draft_path(record_id)
        draft = read_draft(path)
        ours = self.loaded
        if draft.questionnaire.sha256 != ours.sha256:
            theirs = draft.questionnaire
            raise DraftError(
                path,
                f"started with another questionnaire ({theirs.id} {theirs.version}, "
                f"sha256 {theirs.sha256[:12]}); this capture uses {ours.questionnaire.id} "
                f"{ours.questionnaire.version}, sha256 {ours.sha256[:12]}; "
                "resume it with that questionnaire file (--questionnaire)",
            )
        check_sealed_answers(path, draft, self.sealer)
        try:
            flow = flow_from_state(ours, draft.flow_state())
        except LocalDigitalError as exc:
            raise DraftError(path, f"cannot be resumed: {exc}") from exc
        self._origins[flow.record_id] = (draft.interviewer, draft.event)
        return flow

    def discard_draft(self, record_id: str) -> None:
        """Set a draft aside in ``drafts/discarded/`` (not deleted, no longer listed)."""
        path = self.draft_path(record_id)
        if not path.exists():
            raise DraftError(path, "no such draft")
        move_durably(path, self.drafts_dir / "discarded" / path.name)
        self._origins.pop(record_id, None)

    # ----------------------------------------------------------------- submit
    def submit(self, flow: InterviewFlow) -> ResponseRecord:
        """Append the complete record and its personal line, fsynced, then drop the draft.

        Raises :class:`FlowError` (nothing written) while required answers are missing.
        Safe to call again after a crash: a record already in a file is not appended twice.
        """
        interviewer, event = self._origins.get(flow.record_id, (self.interviewer, self.event))
        record, personal = flow.build_records(
            status="complete", interviewer=interviewer, device=self.device, event=event
        )
        self.save_draft(flow)
        day = self._today()
        if not holds_record(self._day_files("responses"), flow.record_id):
            append_line(self.responses_path(day), dump_line(record).encode("utf-8"))
        if not holds_record(self._day_files("personal"), flow.record_id):
            line = (
                personal
                if self.sealer is None
                else (sealed_personal_record(personal, self.sealer, flow.sealed))
            )
            append_line(self.personal_path(day), dump_line(line).encode("utf-8"))
        remove_durably(self.draft_path(flow.record_id))
        self._origins.pop(flow.record_id, None)
        return record

    def complete_interrupted_submits(self) -> list[str]:
        """Start-up recovery, to call while holding the output lock.

        Finishes submits that a crash cut short (answers line written, draft still
        there) and removes temp files left by a crash inside a draft write (the
        draft they were replacing is whole). Returns the record ids completed.
        Drafts never submitted are left alone.
        """
        for temp in self.drafts_dir.glob(".*.tmp"):
            temp.unlink(missing_ok=True)
        done = []
        responses = self._day_files("responses")
        for info in self.list_drafts():
            if info.same_questionnaire and holds_record(responses, info.record_id):
                self.submit(self.resume(info.record_id))
                done.append(info.record_id)
        return done

    def submitted_today(self) -> int:
        """Lines in today's responses file."""
        return count_lines(self.responses_path())

    def _day_files(self, kind: str) -> list[Path]:
        """Every day file of this kind in ``out/`` (a retry may fall on the next day)."""
        return sorted(self.out_dir.glob(f"{kind}-*.jsonl"))


def _who(answers: dict[str, object], codes: list[str]) -> str:
    """The first of the personal texts ``codes`` (organisation, then name) a draft's
    respondent gave: for this laptop's start screen only, never written elsewhere."""
    for code in codes:
        value = answers.get(code)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:40]
    return ""
