"""One key pair per test module (generating one is cheap, but keys are files)."""

from __future__ import annotations

import pytest

from localdigital_tui.core.encryption.keys import KeyPairFiles, new_key_pair
from localdigital_tui.core.encryption.sealed_answers import AnswerOpener, AnswerSealer


@pytest.fixture(scope="module")
def key_pair(tmp_path_factory: pytest.TempPathFactory) -> KeyPairFiles:
    return new_key_pair(tmp_path_factory.mktemp("keys") / "organiser")


@pytest.fixture(scope="module")
def sealer(key_pair: KeyPairFiles) -> AnswerSealer:
    return AnswerSealer.from_file(key_pair.recipient)


@pytest.fixture(scope="module")
def opener(key_pair: KeyPairFiles) -> AnswerOpener:
    return AnswerOpener.from_file(key_pair.identity)
