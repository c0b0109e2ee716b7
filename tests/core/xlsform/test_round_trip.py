"""Export then import gives back the same questionnaire: the bundled one, and made-up ones."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localdigital_tui.core.questionnaire.languages import TEXT_KEYS
from localdigital_tui.core.questionnaire.loader import parse_languages
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire, Questionnaire
from localdigital_tui.core.questionnaire.translated import Texts
from localdigital_tui.core.xlsform.export import export_form
from localdigital_tui.core.xlsform.import_form import ImportedForm, import_form


def round_trip(
    questionnaire: Questionnaire, folder: Path, texts: Texts | None = None
) -> ImportedForm:
    path = folder / "form.xlsx"
    path.write_bytes(export_form(questionnaire, texts))
    imported = import_form(path)
    assert [str(p) for p in imported.problems] == []
    again = parse_languages(imported.yaml_text)
    assert again.questionnaire == imported.questionnaire
    assert again.translations == imported.translations
    return imported


def gap_counts(gaps: dict[str, list[Any]]) -> dict[str, int]:
    return {language: len(found) for language, found in gaps.items()}


def gap_fields(gaps: dict[str, list[Any]]) -> dict[str, set[str]]:
    return {language: {p.location.field for p in found} for language, found in gaps.items()}


def test_without_its_marks_the_form_reads_every_copy_as_translated(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """A tool that drops the localdigital_untranslated column leaves the copies of the
    English: they then read as Welsh that is the same as the English (no gaps)."""
    from openpyxl import load_workbook

    path = tmp_path / "form.xlsx"
    path.write_bytes(export_form(loaded.questionnaire, Texts.of_loaded(loaded)))
    book = load_workbook(path)
    for sheet in (book["survey"], book["choices"]):
        (mark,) = [c.column for c in sheet[1] if c.value == "localdigital_untranslated"]
        sheet.delete_cols(mark)
    book.save(path)
    imported = import_form(path)
    assert [str(p) for p in imported.problems] == []
    assert imported.questionnaire == loaded.questionnaire
    assert imported.translations == loaded.translations and imported.gaps == {}
    welsh = imported.translations["cy"]
    assert welsh.question("q7").text == loaded.questionnaire.question("q7").text


def test_the_bundled_questionnaire_comes_back_the_same(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    imported = round_trip(loaded.questionnaire, tmp_path, Texts.of_loaded(loaded))
    back = imported.questionnaire
    assert back == loaded.questionnaire
    assert imported.translations == loaded.translations  # the Welsh too
    assert gap_counts(imported.gaps) == gap_counts(loaded.gaps) == {"cy": 124}
    assert gap_fields(imported.gaps) == gap_fields(loaded.gaps)  # the very same texts
    welsh = imported.translations["cy"]
    assert welsh.title == "Digidol Lleol Heddiw" and welsh.language == "cy"
    assert welsh.question("q6").rows[2].label == "Strategaeth ddigidol y llywodraeth genedlaethol"  # type: ignore[union-attr]
    assert welsh.question("q7").text == loaded.questionnaire.question("q7").text  # a gap
    # Spot checks of what equality covers: both wordings, the rule, the marks.
    q5 = back.question("q5")
    assert q5.rows[0].label == loaded.questionnaire.question("q5").rows[0].label  # type: ignore[union-attr]
    assert isinstance(q5.rows[0].label, dict)  # type: ignore[union-attr]
    amount = back.question("q10_amount")
    assert amount.ask_if is not None and amount.ask_if.in_ == ["yes"]
    assert back.question("q1_name").personal and back.question("role").profile
    assert back.introduction == loaded.questionnaire.introduction


# -- made-up questionnaires -------------------------------------------------------------

TEXT = st.text(string.ascii_letters + string.digits + " '.,?£&-()\n", min_size=1, max_size=24)
CODES = st.sampled_from(["yes", "no", "a", "b2", "dont_know", "x_y"])


@st.composite
def wording(draw: st.DrawFn, audiences: list[str]) -> Any:
    """One text, or texts that differ by audience (a mapping whose texts are all the same
    is written once, as one text, and comes back as one text)."""
    base = draw(TEXT)
    if len(audiences) < 2 or draw(st.booleans()):
        return base
    return {a: f"{base} ({a})" for a in audiences}


@st.composite
def choices(draw: st.DrawFn, audiences: list[str]) -> list[dict[str, Any]]:
    codes = draw(st.lists(CODES, min_size=1, max_size=4, unique=True))
    return [{"code": c, "label": draw(wording(audiences))} for c in codes]


def welsh(draw: st.DrawFn, text: str) -> str:
    """A made-up translation: now and then the same text (translated the same)."""
    return text if draw(st.integers(0, 4)) == 0 else f"{text} yn Gymraeg"


def translate(draw: st.DrawFn, wording: Any) -> Any:
    """Some texts translated (around or inside an audience wording), some not."""
    if not wording or draw(st.booleans()):
        return wording
    if isinstance(wording, str):
        return {"en": wording, "cy": welsh(draw, wording)}
    if draw(st.booleans()):
        return {"en": wording, "cy": {a: welsh(draw, t) for a, t in wording.items()}}
    return {a: translate(draw, t) for a, t in wording.items()}


def with_languages(draw: st.DrawFn, node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: translate(draw, value) if key in TEXT_KEYS else with_languages(draw, value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [with_languages(draw, value) for value in node]
    return node


@st.composite
def questionnaires(draw: st.DrawFn) -> dict[str, Any]:
    """A questionnaire file's tree; now and then in English and Welsh."""
    audiences = draw(
        st.lists(st.sampled_from(["council", "supplier", "partner"]), min_size=1, max_size=3,
                 unique=True)
    )  # fmt: skip
    scales = {
        name: draw(choices(audiences)) for name in draw(st.sets(st.sampled_from(["s1", "agree"]),
                                                                min_size=1))
    }  # fmt: skip
    questions: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 6))):
        question: dict[str, Any] = {"code": f"q{i}", "text": draw(wording(audiences))}
        kind = draw(st.sampled_from(["text", "single_choice", "grid", "number", "numbers"]))
        question["kind"] = kind
        for key, value in (("number", st.sampled_from(["1", "2a"])), ("heading", TEXT),
                           ("help", TEXT), ("personal", st.just(True)),
                           ("profile", st.just(True)), ("required", st.just(True))):  # fmt: skip
            if draw(st.integers(0, 3)) == 0:
                question[key] = draw(value)
        if draw(st.integers(0, 2)) == 0:
            question["audiences"] = draw(st.lists(st.sampled_from(audiences), unique=True))
        earlier = [q for q in questions if q["kind"] == "single_choice"]
        if earlier and draw(st.booleans()):
            target = draw(st.sampled_from(earlier))
            codes = [c["code"] for c in target["choices"]]
            picked = draw(st.lists(st.sampled_from(codes), min_size=1, unique=True))
            question["ask_if"] = {"question": target["code"], "in": picked}
        rows = [
            {"code": f"r{j}", "label": draw(wording(audiences)), "required": draw(st.booleans())}
            for j in range(draw(st.integers(1, 3)))
        ]
        if kind == "text":
            question["multiline"] = draw(st.booleans())
            question["max_length"] = draw(st.integers(1, 9000))
        elif kind == "single_choice":
            question["choices"] = draw(choices(audiences))
        elif kind == "grid":
            question["scale"] = draw(st.sampled_from(sorted(scales)))
            question["rows"] = rows
            if draw(st.booleans()):
                question["stem"] = draw(TEXT)
        else:
            low = draw(st.integers(-50, 50)) / draw(st.sampled_from([1, 4, 10]))
            question |= {"unit": draw(st.sampled_from(["percent", "pounds", "count"])),
                         "integer": draw(st.booleans()), "min": low,
                         "max": low + draw(st.integers(0, 10**9))}  # fmt: skip
            if kind == "numbers":
                question["rows"] = rows
        questions.append(question)
    data = {
        "id": "made-up", "version": draw(st.sampled_from(["1", "1.0", "2026-01"])),
        "title": draw(TEXT.filter(str.strip)), "introduction": draw(st.just("") | TEXT),
        "audience_question": {"code": "who", "text": draw(TEXT)},
        "audiences": [{"code": a, "label": a.title()} for a in audiences],
        "scales": scales, "questions": questions,
    }  # fmt: skip
    if draw(st.booleans()):
        data["heading"] = draw(TEXT)
    if draw(st.booleans()):
        title = {"en": data["title"], "cy": "Teitl"}  # Welsh is used somewhere
        data = with_languages(draw, data) | {"languages": ["en", "cy"], "title": title}
    return data


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tree=questionnaires())
def test_made_up_questionnaires_come_back_the_same(tree: dict[str, Any], tmp_path: Path) -> None:
    made = parse_languages(json.dumps(tree))  # JSON is YAML
    texts = Texts.of(made.questionnaire, made.translations, made.untranslated)
    back = round_trip(made.questionnaire, tmp_path, texts)
    assert back.questionnaire == made.questionnaire
    assert back.translations == made.translations
    assert gap_counts(back.gaps) == gap_counts(made.gaps)
