"""A questionnaire model written as YAML loads back as the same model."""

from __future__ import annotations

import re

from localdigital_tui.core.questionnaire.loader import parse_languages, parse_questionnaire
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.questionnaire.translated import Texts
from localdigital_tui.core.questionnaire.writer import questionnaire_yaml


def test_the_bundled_questionnaire_is_written_in_its_own_layout(
    loaded: LoadedQuestionnaire,
) -> None:
    text = questionnaire_yaml(
        loaded.questionnaire, "Made by a test.\n\nSecond paragraph.", Texts.of_loaded(loaded)
    )
    assert text.startswith(
        "# Made by a test.\n#\n# Second paragraph.\nlanguages:\n  - en\n  - cy\n"
        "default_language: en\nid: local-digital"
    )
    parsed = parse_languages(text)
    assert parsed.questionnaire == loaded.questionnaire
    assert parsed.translations == loaded.translations
    # The same gaps, at the same places (in the written file's order).
    assert {code: set(paths) for code, paths in parsed.untranslated.items()} == {
        code: set(paths) for code, paths in loaded.untranslated.items()
    }
    assert "title:\n  en: Local Digital Today\n  cy: Digidol Lleol Heddiw\n" in text
    assert re.search(r"\n( +)council:\n\1  en: Digital leadership within my organisation\n", text)
    assert "introduction:\n  en: |\n    There are many definitions" in text
    assert "  - code: q10_amount\n    number: '10'\n    kind: number\n" in text
    assert "required: false" not in text and "max_length" not in text  # defaults left out
    assert "max: 1000000000\n" in text  # a whole number, not 1000000000.0


def test_texts_a_literal_block_cannot_hold_are_quoted(loaded: LoadedQuestionnaire) -> None:
    awkward = "  indented first line \nand trailing spaces   \n\n\n"
    questionnaire = loaded.questionnaire.model_copy(update={"introduction": awkward})
    text = questionnaire_yaml(questionnaire)
    assert parse_questionnaire(text).introduction == awkward


def test_without_its_texts_a_questionnaire_is_written_in_its_own_language(
    loaded: LoadedQuestionnaire,
) -> None:
    welsh = loaded.translations["cy"]
    text = questionnaire_yaml(welsh)
    assert "languages" not in text and "cy:" not in text
    back = parse_questionnaire(text)
    assert back.title == "Digidol Lleol Heddiw" and back.languages == []
    assert back.question("q6") == welsh.question("q6")
