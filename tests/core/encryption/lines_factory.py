"""Plain and encrypted personal lines for tests."""

from __future__ import annotations

import json
from typing import Any

from localdigital_tui.core.encryption.personal_lines import sealed_personal_record
from localdigital_tui.core.encryption.sealed_answers import AnswerSealer
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.model import PersonalRecord, QuestionnaireRef, dump_line


def personal_record(
    loaded: LoadedQuestionnaire, record_id: str, answers: dict[str, str]
) -> PersonalRecord:
    q = loaded.questionnaire
    ref = QuestionnaireRef(id=q.id, version=q.version, sha256=loaded.sha256)
    return PersonalRecord(record_id=record_id, questionnaire=ref, answers=answers)


def plain_line(loaded: LoadedQuestionnaire, record_id: str, answers: dict[str, str]) -> str:
    return dump_line(personal_record(loaded, record_id, answers))


def encrypted_line(
    loaded: LoadedQuestionnaire, sealer: AnswerSealer, record_id: str, answers: dict[str, str]
) -> str:
    record = sealed_personal_record(personal_record(loaded, record_id, answers), sealer, {})
    return dump_line(record)


def with_changes(line: str, **changes: Any) -> str:
    data = json.loads(line)
    data.update(changes)
    return json.dumps(data)
