"""Texts per language: resolution, problems and gaps with their place in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.bundled import questionnaire_path
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.errors import QuestionnaireError, TranslationError

BASE = """\
id: tiny
version: "1"
title: {en: Tiny, cy: Bach}
introduction: {en: Hello, cy: Helo}
languages: [en, cy]
audience_question: {code: respondent_type, text: {en: Who?, cy: Pwy?}}
audiences:
  - {code: council, label: {en: Council, cy: Cyngor}}
  - {code: supplier, label: {en: Supplier, cy: Cyflenwr}}
scales:
  yn:
    - {code: "yes", label: {en: "Yes", cy: Ydy}}
    - {code: "no", label: "No"}
questions:
  - code: q1
    kind: grid
    scale: yn
    text:
      council: {en: Does it help you?, cy: A yw'n eich helpu?}
      supplier: {en: Does it help them?, cy: A yw'n eu helpu?}
    rows:
      - code: a
        label:
          en: {council: Row A, supplier: Row A for them}
          cy: {council: Rhes A, supplier: Rhes A iddyn nhw}
      - code: b
        label: Row B
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_form_of_text_resolves_to_its_language(tmp_path: Path) -> None:
    loaded = load_questionnaire(write(tmp_path, BASE))
    en = loaded.questionnaire
    cy = loaded.in_language("cy", allow_missing=True).questionnaire
    assert (en.language, cy.language, en.languages, en.default_language) == (
        "en",
        "cy",
        ["en", "cy"],
        "en",
    )
    assert (en.title, cy.title, cy.introduction) == ("Tiny", "Bach", "Helo")
    assert cy.audience_question.text == "Pwy?" and cy.audiences[1].label == "Cyflenwr"
    q1 = cy.question("q1")
    assert q1.text_for("supplier") == "A yw'n eu helpu?"
    assert q1.rows[0].label_for("supplier") == "Rhes A iddyn nhw"  # type: ignore[union-attr]
    assert q1.rows[1].label_for("council") == "Row B"  # type: ignore[union-attr]
    assert cy.scales["yn"][1].label_for("council") == "No"
    # codes and structure are the same in every language
    assert [q.code for q in cy.questions] == [q.code for q in en.questions]


def test_texts_without_a_translation_are_gaps_with_their_line(tmp_path: Path) -> None:
    loaded = load_questionnaire(write(tmp_path, BASE))
    gaps = [str(g) for g in loaded.gaps["cy"]]
    assert gaps == [
        f"{tmp_path / 'q.yaml'}:13:20: scales.yn[1].label: text has no cy translation",
        f"{tmp_path / 'q.yaml'}:27:9: questions[0].rows[1].label: text has no cy translation",
    ]
    with pytest.raises(TranslationError, match="2 text\\(s\\) have no cy translation") as refused:
        loaded.in_language("cy")
    assert [str(p) for p in refused.value.problems] == gaps
    with pytest.raises(TranslationError, match="no language 'fr'"):
        loaded.in_language("fr")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("title: {en: Tiny, cy: Bach}", "title: {en: Tiny, fr: Petit}"),
            "3:19: title.fr: unknown language 'fr'",
        ),
        (
            ("title: {en: Tiny, cy: Bach}", "title: {cy: Bach}"),
            "3:1: title: text has no en version",
        ),
        (
            ("languages: [en, cy]", "languages: [en, cy, council]"),
            "is both a language and an audience code",
        ),
        (
            ("languages: [en, cy]", "languages: [en, cy, de]"),
            "language 'de' is declared but no text is given in it",
        ),
        (
            ("languages: [en, cy]", "languages: [en, cy]\ndefault_language: fr"),
            "default language 'fr' is not one of",
        ),
        (
            ("languages: [en, cy]", "languages: [en, en]"),
            "expected a list of distinct language codes",
        ),
    ],
)
def test_language_problems_are_errors_with_their_place(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    with pytest.raises(QuestionnaireError) as failed:
        load_questionnaire(write(tmp_path, BASE.replace(*change)))
    assert any(message in str(p) for p in failed.value.problems), failed.value.problems


def test_a_questionnaire_without_languages_is_one_language() -> None:
    text = questionnaire_path().read_text(encoding="utf-8")
    assert "languages: [en, cy]" in text
    loaded = load_questionnaire(questionnaire_path())
    assert loaded.questionnaire.language == "en" and set(loaded.translations) == {"en", "cy"}
    cy = loaded.in_language("cy", allow_missing=True).questionnaire
    assert cy.question("q6").rows[0].label_for("council").startswith("Arweinyddiaeth")  # type: ignore[union-attr]
    assert len(loaded.gaps["cy"]) > 100  # the worked example translates a few texts only


def test_languages_are_not_needed(tmp_path: Path) -> None:
    plain = BASE.replace("languages: [en, cy]\n", "")
    for old, new in (("{en: Tiny, cy: Bach}", "Tiny"), ("{en: Hello, cy: Helo}", "Hello")):
        plain = plain.replace(old, new)
    with pytest.raises(QuestionnaireError, match="invalid questionnaire"):
        load_questionnaire(write(tmp_path, plain))  # other texts still name en/cy
