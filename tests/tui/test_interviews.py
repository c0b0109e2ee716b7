"""Whole interviews by key presses, as a fieldworker types them; the written record is checked.

One council and one supplier interview go from the start screen to "submitted"
through the keys alone; what they write is compared with the answers given, the
wording on screen with the audience's wording, and each line passes validation.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from textual.pilot import Pilot

from localdigital_tui.core.capture.storage import CaptureStore
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.tui.app import CaptureApp
from localdigital_tui.tui.screens.confirm import ConfirmDialog
from localdigital_tui.tui.screens.start import StartScreen
from localdigital_tui.tui.views.grid import GridView
from localdigital_tui.tui.views.review import ReviewView
from localdigital_tui.tui.widgets.grid_table import GridTable
from localdigital_tui.tui.widgets.number_field import NumberField
from localdigital_tui.tui.widgets.review_list import ReviewList
from tests.tui.conftest import current_view, shown


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


def question(app: CaptureApp) -> str:
    return shown(app, "#question-text")


def check_written(store: CaptureStore, loaded: LoadedQuestionnaire) -> tuple[dict[str, Any], ...]:
    """The one answers line and the one personal line, both valid; no draft left."""
    responses = store.responses_path().read_text(encoding="utf-8").splitlines()
    personal = store.personal_path().read_text(encoding="utf-8").splitlines()
    assert len(responses) == len(personal) == 1
    validator = RecordValidator(loaded)
    assert validator.check_line(responses[0], FileKind.RESPONSES) == []
    assert validator.check_line(personal[0], FileKind.PERSONAL) == []
    assert list(store.drafts_dir.glob("*.json")) == []
    return json.loads(responses[0]), json.loads(personal[0])


async def council_interview(store: CaptureStore) -> None:
    """Start to submitted, by keys; Q8 is changed from the review on the way."""
    app = CaptureApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Submitted today  0" in shown(app, "#session")
        await pilot.press("enter")  # New interview
        assert question(app) == "Respondent type: are you answering as..."
        await pilot.press("1")  # council
        await pilot.press("2")  # council_type: English district
        for text in ["Ada Lee", "CIO", "Leeds CC"]:
            await type_text(pilot, text)
            await pilot.press("enter")
        assert question(app) == "Where you work in the organisation: I am a..."
        await pilot.press("5")  # role: Digital Practitioner

        # Q5: nine rows agree, the optional accountability row left out, then five more.
        assert isinstance(current_view(app), GridView)
        assert "Help my organisation to deliver 'better for less'" in shown(app, "#statement")
        assert "rows 0/15 answered, 14 required left" in shown(app, "#progress")
        await pilot.press(*"444444444", "down", *"54321")
        assert "rows 14/15 answered" in shown(app, "#progress")
        assert "required left" not in shown(app, "#progress")
        await pilot.press("enter")

        assert question(app) == (
            "What other things will Digital technologies help your organisation to do?"
        )
        await type_text(pilot, "Survive!")
        await pilot.press("enter")  # a new line in a multi-line answer
        await type_text(pilot, "Thrive.")
        await pilot.press("ctrl+n")
        await pilot.press(*"33333333333", "enter")  # Q6: all eleven rows important
        await pilot.press("ctrl+n")  # Q6 other: left blank
        assert question(app) == "Who is leading on Digital within your organisation?"
        await pilot.press("1", "2", "3", "enter")  # Q7: three rows only
        await pilot.press("ctrl+n")  # Q7 other: blank
        await pilot.press("2")  # Q8: intend
        await pilot.press("4", "4", "5", "enter")  # Q8 statements

        # Q9: a refused value shows its reason under the field and blocks moving on.
        await type_text(pilot, "150")
        field = app.screen.query_one("#row-services_digital", NumberField)
        assert field.error == "must be between 0 and 100"
        assert "must be between 0 and 100" in str(field.query_one(".field-error").render())
        assert "rows 0/2 answered" in shown(app, "#progress"), "15 no longer counts"
        await pilot.press("ctrl+n")
        assert app.screen.query_one("#row-services_digital", NumberField).error is not None
        await pilot.press("backspace", "enter")  # 15, then to the second field
        await type_text(pilot, "40.5")
        await pilot.press("enter")

        await pilot.press("1")  # Q10: yes, so the amount is asked
        assert question(app) == "If yes, how much money has your organisation saved?"
        assert "question 16 of 20" in shown(app, "#progress")
        await type_text(pilot, "1500.5")
        assert app.screen.query_one(NumberField).error == (
            "enter an amount in pounds as a whole number"
        )
        await pilot.press("ctrl+u")
        await type_text(pilot, "£1,500")
        await pilot.press("enter")
        await pilot.press(*"222222222222222", "enter")  # Q11: all fifteen rows "No"
        await type_text(pilot, "Money")
        await pilot.press("ctrl+n")
        await pilot.press("1", "2")  # Q12: report yes, prize draw no

        # The review lists every answer; choosing one jumps to it for editing.
        assert isinstance(current_view(app), ReviewView)
        review = app.screen.query_one(ReviewList)
        review.highlighted = review.get_option_index("q8")
        await pilot.press("enter")
        assert question(app).startswith("Has your organisation created a Digital Strategy")
        await pilot.press("1")  # change Q8 to "yes"; moves on to the statements
        await pilot.press("ctrl+r")
        assert isinstance(current_view(app), ReviewView)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert isinstance(app.screen, StartScreen)
        assert "Submitted today  1" in shown(app, "#session")


def test_a_council_interview_by_keys_writes_the_answers_given(
    store: CaptureStore, loaded: LoadedQuestionnaire
) -> None:
    asyncio.run(council_interview(store))
    record, personal = check_written(store, loaded)
    assert record["audience"] == "council"
    assert (record["interviewer"], record["device"]) == ("ann", "laptop-3")
    assert record["event"] == "LocalGov Digital 2013"
    q5_first = [
        "better_for_less",
        "customer_journey",
        "assisted_digital",
        "equal_access",
        "cost_effective",
        "service_transformation",
        "flexible_working",
        "citizen_interaction",
        "councillor_engagement",
    ]
    q6_rows = [r.code for r in loaded.questionnaire.question("q6").rows]  # type: ignore[union-attr]
    q11_rows = [r.code for r in loaded.questionnaire.question("q11").rows]  # type: ignore[union-attr]
    assert record["answers"] == {
        "council_type": "english_district",
        "role": "digital_practitioner",
        "q5": {
            **dict.fromkeys(q5_first, "agree"),
            "sharing_services": "strongly_agree",
            "outsourcing": "agree",
            "internal_collaboration": "neutral",
            "public_sector_collaboration": "disagree",
            "local_economy": "strongly_disagree",
        },
        "q5_other": "Survive!\nThrive.",
        "q6": dict.fromkeys(q6_rows, "important"),
        "q7": {"elected_members": "yes", "chief_executive": "no", "head_of_it": "dont_know"},
        "q8": "yes",
        "q8_statements": {
            "useful_tool": "agree",
            "management_strategy": "agree",
            "ready_to_embrace": "strongly_agree",
        },
        "q9": {"services_digital": 15, "transactions_digital": 40.5},
        "q10": "yes",
        "q10_amount": 1500,
        "q11": dict.fromkeys(q11_rows, "no"),
        "q11_other": "Money",
    }
    assert personal["answers"] == {
        "q1_name": "Ada Lee",
        "q2_job_title": "CIO",
        "q3_organisation": "Leeds CC",
        "q12_report_copy": "yes",
        "q12_prize_draw": "no",
    }
    assert personal["record_id"] == record["record_id"]


async def supplier_interview(store: CaptureStore) -> list[str]:
    """Start to submitted, by keys; returns the question texts shown on the way."""
    app = CaptureApp(store)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "2")  # New interview, supplier
        assert question(app) == "Profile: size of your organisation"
        await pilot.press("3")  # small
        for text in ["Sam Vendor", "Account Director", "Vendor Ltd"]:
            await type_text(pilot, text)
            await pilot.press("enter")
        assert isinstance(current_view(app), GridView)
        assert "Help front line organisations to deliver better for less" in shown(
            app, "#statement"
        )
        table = app.screen.query_one(GridTable)
        assert "Help citizens to interact with front line services" in [
            r.label for r in table.grid_rows
        ]
        await pilot.press(*"555555555555555", "enter")  # Q5, every row
        while not isinstance(current_view(app), ReviewView):
            seen.append(question(app))
            assert not app.screen.query(NumberField), f"a supplier got a number: {seen[-1]}"
            if isinstance(current_view(app), GridView):
                await pilot.press("3", "enter")  # the first row of each grid
            elif app.screen.query("#text-answer"):
                await pilot.press("ctrl+n")  # free text left blank
            else:
                await pilot.press("1")  # first choice
        await pilot.press("ctrl+s", "enter")  # submit; Enter on the focused "Submit"
        assert isinstance(app.screen, StartScreen)
    return seen


def test_a_supplier_interview_is_worded_for_suppliers_and_skips_council_questions(
    store: CaptureStore, loaded: LoadedQuestionnaire
) -> None:
    seen = asyncio.run(supplier_interview(store))
    assert (
        "What other things will Digital technologies help front line public services to do?" in seen
    )
    assert (
        "Who do you think is leading on Digital within front line public service organisations?"
        in seen
    )
    assert not any("your organisation" in text for text in seen), seen
    record, personal = check_written(store, loaded)
    assert record["audience"] == "supplier"
    answers = record["answers"]
    assert answers["supplier_size"] == "small"
    assert set(answers) == {"supplier_size", "q5", "q6", "q7", "q8", "q8_statements", "q11"}
    assert answers["q5"] == dict.fromkeys(answers["q5"], "strongly_agree")
    assert len(answers["q5"]) == 15
    assert answers["q6"] == {"sector_leadership": "important"}
    assert answers["q7"] == {"elected_members": "dont_know"}
    assert answers["q8"] == "yes"
    assert answers["q8_statements"] == {"useful_tool": "neutral"}
    assert answers["q11"] == {"development_funds": "dont_know"}
    assert personal["answers"] == {
        "q1_name": "Sam Vendor",
        "q2_job_title": "Account Director",
        "q3_organisation": "Vendor Ltd",
        "q12_report_copy": "yes",
        "q12_prize_draw": "yes",
    }
