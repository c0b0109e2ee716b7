"""Tables of the hand-worked survey (see survey_fixture.py for every derivation)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.tables.build import Request, tabulate_files
from localdigital_tui.core.tables.compute import Options
from localdigital_tui.core.tables.specs import BaseRule
from localdigital_tui.core.tables.table import Table
from localdigital_tui.errors import TableError


def make(loaded: LoadedQuestionnaire, path: Path, **request: object) -> list[Table]:
    tables, _ = tabulate_files([path], loaded.questionnaire, Request(**request))  # type: ignore[arg-type]
    return tables


def one(loaded: LoadedQuestionnaire, path: Path, table: str, **request: object) -> Table:
    (found,) = make(loaded, path, table_ids=(table,), **request)
    return found


def percents(table: Table, row: str) -> list[str]:
    return [format(c.percent, "f") if c.percent is not None else "-" for c in table.row(row).cells]


def test_row_bases_and_half_up_rounding_at_the_boundaries(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    t = one(loaded, survey_file, "5.1")
    assert t.row("flexible_working").base_for("council") == 80
    assert percents(t, "flexible_working") == ["0.0", "0.0", "0.0", "91.3", "8.8"]  # 7/80 = 8.75
    assert percents(t, "better_for_less") == ["0.0", "0.0", "0.0", "97.5", "2.5"]  # 1/40
    assert percents(t, "customer_journey") == ["0.0", "0.0", "0.0", "93.8", "6.3"]  # 1/16 = 6.25
    assert percents(t, "assisted_digital") == ["0.0", "0.0", "0.0", "87.5", "12.5"]  # 1/8
    assert [t.row(r).base_for("council") for r in ("better_for_less", "customer_journey")] == [
        40,
        16,
    ]


def test_every_category_and_every_row_is_present_even_at_zero(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    t = one(loaded, survey_file, "5.1")
    assert len(t.rows) == 15
    assert t.columns[0].code == "strongly_disagree"
    zero = t.cell("flexible_working", "strongly_disagree")
    assert (zero.count, zero.base, zero.percent) == (0, 80, Decimal("0.0"))
    empty = t.row("equal_access")
    assert empty.base_for("council") == 0
    assert all(c.percent is None and c.count == 0 for c in empty.cells)


def test_report_order_is_descending_by_the_top_category_then_as_printed(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    t = one(loaded, survey_file, "5.1")
    top = [r.code for r in t.rows[:4]]
    assert top == ["assisted_digital", "flexible_working", "customer_journey", "better_for_less"]
    # rows with no answers follow in the order the report printed them
    assert [r.code for r in t.rows[4:7]] == [
        "service_transformation",
        "cost_effective",
        "citizen_interaction",
    ]
    form = one(loaded, survey_file, "5.1", options=Options(sort="questionnaire"))
    assert [r.code for r in form.rows[:3]] == [
        "better_for_less",
        "customer_journey",
        "assisted_digital",
    ]


def test_the_three_base_rules(loaded: LoadedQuestionnaire, survey_file: Path) -> None:
    row = one(loaded, survey_file, "5.1").row("assisted_digital")
    question = one(loaded, survey_file, "5.1", options=Options(base=BaseRule.QUESTION))
    asked = one(loaded, survey_file, "5.1", options=Options(base=BaseRule.ASKED))
    assert row.base_for("council") == 8
    assert question.row("assisted_digital").base_for("council") == 80  # answered some q5 row
    assert asked.row("assisted_digital").base_for("council") == 84  # every council was asked
    assert question.cell("assisted_digital", "strongly_agree").percent == Decimal("1.3")  # 1/80
    assert "answered the row" in one(loaded, survey_file, "5.1").notes[0]
    assert "asked" in asked.notes[0]


def test_single_choice_table_with_net_from_counts(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    t = one(loaded, survey_file, "5.4", options=Options(net=True))
    assert [r.code for r in t.rows] == ["yes", "intend", "no_intention", "net_positive"]
    assert [format(r.cells[0].percent, "f") for r in t.rows] == ["30.0", "60.0", "10.0", "90.0"]
    assert t.row("net_positive").base_for("council") == 10
    assert one(loaded, survey_file, "5.4").rows[-1].code == "no_intention"  # nets only on request


def test_grid_net_adds_counts_not_rounded_percentages(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    t = one(loaded, survey_file, "5.4b", options=Options(net=True))
    assert percents(t, "useful_tool")[2:5] == ["33.3", "33.3", "33.3"]
    net = t.cell("useful_tool", "net_agree")
    assert (net.count, net.base, net.percent) == (2, 3, Decimal("66.7"))  # not 33.3 + 33.3


def test_a_skipped_question_is_asked_only_of_those_the_skip_rule_lets_through(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    t = one(loaded, survey_file, "5.6b")
    assert "(n = 5); 8 were asked" in t.notes[0]  # q10_amount is asked after q10 = yes


def test_statistics_are_exact_and_half_up(loaded: LoadedQuestionnaire, survey_file: Path) -> None:
    q9 = one(loaded, survey_file, "5.5")
    services = {c.code: q9.cell("services_digital", c.code).value for c in q9.columns}
    assert services == {"n": 4, "mean": Decimal("36.0"), "min": 0, "max": 95}
    assert q9.cell("transactions_digital", "mean").value == Decimal("1.01")  # 1.005, half-up
    assert round((1.0 + 1.01) / 2, 2) == 1.0  # what float rounding would have printed
    savings = one(loaded, survey_file, "5.6b")
    got = {c.code: savings.cell("", c.code).value for c in savings.columns}
    assert got == {
        "n": 5,
        "min": 1,
        "max": 12_000_000,
        "mean": 2_401_000,
        "n_above_1000": 3,
        "min_above_1000": 1500,
        "mean_above_1000": 4_001_500,
        "pct_of_group": Decimal("6.0"),
    }


def test_group_supplier_all_and_partial_records(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    sizes = one(loaded, survey_file, "4.supplier_size")
    assert sizes.group == "supplier"
    assert [r.code for r in sizes.rows] == ["large", "micro", "small", "medium"]
    assert [format(r.cells[0].percent, "f") for r in sizes.rows] == ["50.0", "25.0", "25.0", "0.0"]
    supplier = one(loaded, survey_file, "5.1", group="supplier")
    assert supplier.row("flexible_working").cells[4].percent == Decimal("100.0")
    assert supplier.row("better_for_less").label == (
        "Help front line organisations to deliver better for less"
    )  # the supplier wording
    both = one(loaded, survey_file, "5.1", group="all")
    assert both.cell("flexible_working", "strongly_agree").count == 11  # 7 + 4
    assert both.row("flexible_working").base_for("all") == 84
    strategy = one(loaded, survey_file, "5.4")
    assert "1 partial record(s) not tabulated." in strategy.notes
    with_partial = one(loaded, survey_file, "5.4", include_partial=True)
    assert with_partial.cell("yes", "percent").count == 4


def test_by_splits_every_table_including_those_who_did_not_answer(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    tables = make(loaded, survey_file, table_ids=("5.1",), by="role", by_tables=True)
    labels = [t.split.label for t in tables if t.split]
    assert labels == [
        "Elected member",
        "Head of IT / CIOs or Senior IT Manager",
        "Not answered",
    ]
    elected, it_heads, unknown = tables
    assert elected.cell("flexible_working", "strongly_agree").percent == Decimal("17.5")  # 7/40
    assert it_heads.cell("flexible_working", "strongly_agree").count == 0
    assert unknown.row("flexible_working").base_for("council") == 0
    assert elected.group_key("council") == "council:role=elected_member"
    by_audience = make(
        loaded, survey_file, table_ids=("5.1",), by="audience", group="all", by_tables=True
    )
    assert [t.split.code for t in by_audience if t.split] == ["council", "supplier"]


def test_by_makes_one_banner_table_total_then_each_answer_lettered(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    (banner,) = make(loaded, survey_file, table_ids=("5.1",), by="role")
    strongly = [c for c in banner.columns if c.code == "strongly_agree"]
    assert [(c.group_label, c.letter) for c in strongly] == [
        ("Total", ""),
        ("Elected member", "A"),
        ("Head of IT / CIOs or Senior IT Manager", "B"),
        ("Not answered", "C"),
    ]
    assert banner.group_labels[0] == "Total" and banner.groups[1] == "council:role=elected_member"
    total = banner.cell("flexible_working", "strongly_agree", "council")
    elected = banner.cell("flexible_working", "strongly_agree", "council:role=elected_member")
    it_heads = banner.cell("flexible_working", "strongly_agree", "council:role=head_of_it")
    assert (total.count, total.base) == (7, 80)  # everyone, as without --by
    assert (elected.count, elected.base, elected.percent) == (7, 40, Decimal("17.5"))
    assert it_heads.count == 0
    assert "B" in elected.higher_than  # 7/40 against 0/40: significant (Fisher)
    assert banner.row("flexible_working").base_for("council:role=") == 0


def test_compare_puts_groups_side_by_side_with_letters_and_low_base_flags(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    t = one(loaded, survey_file, "5.1", compare=True)
    assert [(c.code, c.group, c.letter) for c in t.columns[:2]] == [
        ("strongly_disagree", "council", "A"),
        ("strongly_disagree", "supplier", "B"),
    ]
    council = t.cell("flexible_working", "strongly_agree", "council")
    supplier = t.cell("flexible_working", "strongly_agree", "supplier")
    assert (council.percent, supplier.percent) == (Decimal("8.8"), Decimal("100.0"))
    assert (council.higher_than, supplier.higher_than) == ("", "A")  # Fisher: 4/4 v 7/80
    assert t.row("flexible_working").bases == (("council", 80), ("supplier", 4))
    assert t.has_low_base()
    assert any("base under 30" in note for note in t.notes)


def test_tables_that_a_group_was_not_asked_are_refused_or_skipped(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    with pytest.raises(TableError, match="not asked of supplier"):
        make(loaded, survey_file, table_ids=("5.5",), group="supplier")
    ids = [t.id for t in make(loaded, survey_file, group="supplier")]
    assert "5.5" not in ids and "4.role" not in ids and "5.1" in ids
    with pytest.raises(TableError, match="profile question"):
        make(loaded, survey_file, by="q8")
    with pytest.raises(TableError, match="no table"):
        make(loaded, survey_file, table_ids=("9.9",))


def test_default_run_makes_every_table_for_the_group_the_report_prints(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    tables = make(loaded, survey_file)
    assert [(t.id, t.group) for t in tables] == [
        ("4.council_type", "council"),
        ("4.role", "council"),
        ("4.supplier_size", "supplier"),
        *(
            (i, "council")
            for i in ("5.1", "5.2", "5.3", "5.4", "5.4b", "5.5", "5.6", "5.6b", "5.6c")
        ),
    ]
