"""The exported XLSForm is one ODK's own converter (pyxform) accepts, with the
questionnaire's fields, skip rules, required marks, bounds and choices in the XForm."""

from __future__ import annotations

import io
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from pyxform import xls2xform

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.questionnaire.translated import Texts
from localdigital_tui.core.xlsform.export import export_form, form_sheets

XF = "{http://www.w3.org/2002/xforms}"


@pytest.fixture(scope="module")
def form(loaded: LoadedQuestionnaire) -> bytes:
    return export_form(loaded.questionnaire, Texts.of_loaded(loaded))


@pytest.fixture(scope="module")
def xform(form: bytes) -> ET.Element:
    warnings: list[str] = []
    result = xls2xform.convert(io.BytesIO(form), warnings=warnings)
    assert warnings == []
    return ET.fromstring(result.xform)


def binds(xform: ET.Element) -> dict[str, dict[str, str]]:
    return {b.attrib["nodeset"]: b.attrib for b in xform.iter(f"{XF}bind")}


def relevant(bind: dict[str, str]) -> str:
    """pyxform writes ${x} as ' /data/x ': back to one space between words."""
    return re.sub(r"\s+", " ", bind.get("relevant", "")).strip()


def test_every_question_and_grid_row_is_a_field(xform: ET.Element) -> None:
    fields = binds(xform)
    assert fields["/data/respondent_type"]["required"] == "true()"
    for name in ["council_type", "supplier_size", "q1_name", "role", "q6_other", "q10",
                 "q10_amount", "q11_other", "q12_report_copy", "q12_prize_draw"]:  # fmt: skip
        assert f"/data/{name}" in fields, name
    # Worded per audience: once for each, named CODE-AUDIENCE.
    for name in ["q5", "q5_other", "q6", "q7", "q7_other", "q8", "q8_statements", "q11"]:
        assert {f"/data/{name}-council", f"/data/{name}-supplier"} <= fields.keys(), name
    assert "/data/q9/services_digital" in fields
    assert "/data/q11-supplier/legal_requirements" in fields
    assert len([n for n in fields if n.startswith("/data/q5-council/") and "stem" not in n]) == 15


def test_skip_rules_and_audiences_are_relevant_expressions(xform: ET.Element) -> None:
    fields = binds(xform)
    assert relevant(fields["/data/council_type"]) == "/data/respondent_type = 'council'"
    assert relevant(fields["/data/supplier_size"]) == "/data/respondent_type = 'supplier'"
    assert relevant(fields["/data/q10_amount"]) == (
        "/data/respondent_type = 'council' and /data/q10 = 'yes'"
    )
    assert relevant(fields["/data/q8-supplier"]) == "/data/respondent_type = 'supplier'"
    assert relevant(fields["/data/q9"]) == "/data/respondent_type = 'council'"
    assert "relevant" not in fields["/data/q6_other"]


def test_required_rows_and_bounds(xform: ET.Element) -> None:
    fields = binds(xform)
    assert fields["/data/q5-council/equal_access"]["required"] == "true()"
    assert "required" not in fields["/data/q5-council/accountability"]
    assert "required" not in fields["/data/q6-council/exemplars"]
    amount = fields["/data/q10_amount"]
    assert amount["type"] == "int"
    assert amount["constraint"] == ". >= 0 and . <= 1000000000"
    share = fields["/data/q9/transactions_digital"]
    assert share["type"] == "decimal" and share["constraint"] == ". >= 0 and . <= 100"
    assert fields["/data/q1_name"]["constraint"] == "string-length(.) <= 5000"


def test_choices_and_labels(xform: ET.Element) -> None:
    items = {
        instance.attrib["id"]: [item.findtext(f"{XF}name") for item in instance.iter(f"{XF}item")]
        for instance in xform.iter(f"{XF}instance")
        if "id" in instance.attrib
    }
    assert items["agree5"] == [
        "strongly_disagree",
        "disagree",
        "neutral",
        "agree",
        "strongly_agree",
    ]
    assert items["respondent_type"] == ["council", "supplier"]
    assert items["q8-supplier"] == ["yes", "intend", "no_intention"]
    (english,) = [t for t in xform.iter(f"{XF}translation") if t.attrib["lang"] == "English (en)"]
    texts = {t.attrib["id"]: t.findtext(f"{XF}value") for t in english.iter(f"{XF}text")}
    assert english.attrib["default"] == "true()"
    assert texts["/data/q5-supplier/better_for_less:label"] == (
        "Help front line organisations to deliver better for less"
    )
    assert texts["/data/q5-council/better_for_less:label"] == (
        "Help my organisation to deliver 'better for less'"
    )
    assert texts["/data/q5-council/stem-note:label"] == "Digital technologies will..."
    assert (texts["/data/form-heading:label"] or "").startswith("ALL ANSWERS ANONYMOUS")


def test_every_language_is_a_translation(xform: ET.Element) -> None:
    translations = {
        t.attrib["lang"]: {text.attrib["id"]: text.findtext(f"{XF}value") for text in t}
        for t in xform.iter(f"{XF}translation")
    }
    assert list(translations) == ["English (en)", "Cymraeg (cy)"]
    welsh, english = translations["Cymraeg (cy)"], translations["English (en)"]
    assert welsh["/data/q6-council/national_strategy:label"] == (
        "Strategaeth ddigidol y llywodraeth genedlaethol"
    )
    assert welsh["/data/q6-supplier/internal_leadership:label"] == (
        "Arweinyddiaeth ddigidol ym mhob sefydliad"
    )
    assert welsh["importance3-2"] == "Pwysig" and english["importance3-2"] == "Important"
    assert english["/data/q7-council:label"].startswith("Who is leading on Digital")
    # Not translated: the default's text, not the "-" pyxform puts in an empty cell.
    assert welsh["/data/q7-council:label"] == english["/data/q7-council:label"]
    assert welsh["/data/q5-council/equal_access:label"] == "Give equal access to all citizens"
    assert welsh["/data/q5-supplier/better_for_less:label"] == (
        "Help front line organisations to deliver better for less"
    )
    assert welsh["agree5-0"] == english["agree5-0"] == "Strongly Disagree"
    assert welsh["/data/q6-supplier:label"] != english["/data/q6-supplier:label"]
    assert welsh.keys() == english.keys()
    dashes = [(lang, i) for lang, ts in translations.items() for i, t in ts.items() if t == "-"]
    assert dashes == []


def test_the_untranslated_column_travels_harmlessly_in_the_xform(xform: ET.Element) -> None:
    """pyxform gives each choice its extra columns as data (for choice filters); the mark
    is there, and nothing shows it."""
    (item, *_) = [i for i in xform.iter(f"{XF}item") if i.findtext(f"{XF}name") == "agree"]
    assert item.findtext(f"{XF}localdigital_untranslated") == "label::Cymraeg (cy)"
    fields = binds(xform)
    assert not [n for n in fields if "untranslated" in n]


def test_labels_go_through_the_language_columns(loaded: LoadedQuestionnaire) -> None:
    survey, choices, settings = form_sheets(loaded.questionnaire, Texts.of_loaded(loaded))
    assert "label::English (en)" in survey.columns and "label" not in survey.columns
    assert choices.columns == [
        "list_name", "name", "label::English (en)", "label::Cymraeg (cy)",
        "localdigital_untranslated",
    ]  # fmt: skip
    assert survey.columns[-1] == "localdigital_untranslated"
    assert settings.rows[0].cells == {
        "form_title": "Local Digital Today",
        "form_id": "local-digital-today-2013",
        "version": "1.0.0",
        "default_language": "English (en)",
        "localdigital_title::Cymraeg (cy)": "Digidol Lleol Heddiw",
    }
    # Not translated: the Welsh cell copies the English, and the row's mark names it (so
    # the import tells it from a text translated the same).
    rows = {row.get("name"): row for row in survey.rows}
    q7 = rows["q7-council"]
    assert q7.get("label::Cymraeg (cy)") == q7.get("label::English (en)") != ""
    assert q7.get("localdigital_untranslated") == "label::Cymraeg (cy)"
    assert rows["q6-council"].get("localdigital_untranslated") == ""
    assert rows["q10_amount"].get("localdigital_untranslated") == (
        "label::Cymraeg (cy) hint::Cymraeg (cy) constraint_message::Cymraeg (cy)"
    )
    assert rows["q10_amount"].get("hint::Cymraeg (cy)").startswith("Please enter the figure")
    agree = next(row for row in choices.rows if row.get("list_name") == "agree5")
    assert agree.get("label::Cymraeg (cy)") == "Strongly Disagree"
    assert agree.get("localdigital_untranslated") == "label::Cymraeg (cy)"
    for row in [*survey.rows, *choices.rows]:  # no Welsh cell is left empty
        assert bool(row.get("label::English (en)")) == bool(row.get("label::Cymraeg (cy)"))


def test_a_questionnaire_without_languages_is_english_only(loaded: LoadedQuestionnaire) -> None:
    plain = loaded.questionnaire.model_copy(
        update={"languages": [], "default_language": None, "language": None}
    )
    survey, choices, settings = form_sheets(plain)
    assert choices.columns == ["list_name", "name", "label::English (en)"]
    assert [c for c in survey.columns if "::" in c] == [
        "label::English (en)", "hint::English (en)", "constraint_message::English (en)"
    ]  # fmt: skip
    assert "localdigital_untranslated" not in survey.columns  # no language to copy into
    assert settings.columns == ["form_title", "form_id", "version", "default_language"]
    assert settings.rows[0].get("default_language") == "English (en)"


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs java")
def test_odk_validate_accepts_the_form(form: bytes) -> None:
    """ODK Validate (the JavaRosa engine pyxform ships) loads the XForm without errors."""
    result = xls2xform.convert(io.BytesIO(form), validate=True)
    assert "<h:title>Local Digital Today</h:title>" in result.xform
