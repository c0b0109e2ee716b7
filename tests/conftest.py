from __future__ import annotations

from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRE = ROOT / "questionnaire.yaml"


@pytest.fixture(scope="session")
def loaded() -> LoadedQuestionnaire:
    return load_questionnaire(QUESTIONNAIRE)


@pytest.fixture
def questionnaire_text() -> str:
    return QUESTIONNAIRE.read_text(encoding="utf-8")
