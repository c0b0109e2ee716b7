from __future__ import annotations

from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from tests.core.tables.survey_fixture import write_survey


@pytest.fixture(scope="session")
def survey_file(loaded: LoadedQuestionnaire, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_survey(loaded, tmp_path_factory.mktemp("survey"))
