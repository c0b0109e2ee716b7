"""A questionnaire model written as YAML loads back as the same model."""

from __future__ import annotations

from localdigital_tui.core.questionnaire.loader import parse_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.questionnaire.writer import questionnaire_yaml


def test_the_bundled_questionnaire_is_written_in_its_own_layout(
    loaded: LoadedQuestionnaire,
) -> None:
    text = questionnaire_yaml(loaded.questionnaire, "Made by a test.\n\nSecond paragraph.")
    assert text.startswith("# Made by a test.\n#\n# Second paragraph.\nid: local-digital")
    assert parse_questionnaire(text) == loaded.questionnaire
    assert "introduction: |\n  There are many definitions" in text
    assert "  - code: q10_amount\n    number: '10'\n    kind: number\n" in text
    assert "required: false" not in text and "max_length" not in text  # defaults left out
    assert "max: 1000000000\n" in text  # a whole number, not 1000000000.0


def test_texts_a_literal_block_cannot_hold_are_quoted(loaded: LoadedQuestionnaire) -> None:
    awkward = "  indented first line \nand trailing spaces   \n\n\n"
    questionnaire = loaded.questionnaire.model_copy(update={"introduction": awkward})
    text = questionnaire_yaml(questionnaire)
    assert parse_questionnaire(text).introduction == awkward
