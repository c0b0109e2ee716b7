"""Fixtures shared by the core tests: the validators of the bundled questionnaire."""

from __future__ import annotations

import pytest

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.fast_check import FastLineCheck
from localdigital_tui.core.records.validation import RecordValidator


@pytest.fixture(scope="module")
def validator(loaded: LoadedQuestionnaire) -> RecordValidator:
    return RecordValidator(loaded)


@pytest.fixture(scope="module")
def fast(loaded: LoadedQuestionnaire) -> FastLineCheck:
    return FastLineCheck(loaded)
