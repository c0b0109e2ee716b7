"""The bundled 2013 data tabulates as the report prints it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from localdigital_tui.core.questionnaire.bundled import data_path
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.tables.build import Request, tabulate_files
from localdigital_tui.core.tables.specs import TABLES
from localdigital_tui.core.tables.table import Table


@pytest.fixture(scope="module")
def report(loaded: LoadedQuestionnaire) -> dict[str, Table]:
    tables, _ = tabulate_files([data_path("responses.jsonl")], loaded.questionnaire, Request())
    return {t.id: t for t in tables}


def test_rows_come_out_in_the_order_the_report_printed_them(report: dict[str, Table]) -> None:
    for spec in TABLES:
        assert tuple(r.code for r in report[spec.id].rows) == spec.report_rows, spec.id


def test_role_table_is_of_the_170_who_gave_a_role(report: dict[str, Table]) -> None:
    role = report["4.role"]
    assert {r.base_for("council") for r in role.rows} == {170}
    assert role.cell("elected_member", "percent").percent == Decimal("12.4")


def test_rows_have_their_own_bases(report: dict[str, Table]) -> None:
    row = report["5.3"].row("head_of_customer_service")
    assert [c.percent for c in row.cells] == [Decimal("57.5"), Decimal("21.9"), Decimal("20.5")]
    assert row.base_for("council") != 178
    assert report["5.5"].cell("transactions_digital", "mean").value == Decimal("37.97")
    assert report["5.6b"].cell("", "mean").value == Decimal("1064567")
