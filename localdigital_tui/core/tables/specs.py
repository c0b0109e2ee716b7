"""The report's tables: ids, titles, questions, rows as printed, columns, base rules.

Each :class:`TableSpec` names one question of ``questionnaire.yaml`` and says how the
report lays it out. Labels come from the questionnaire (the wording of the group
tabulated); this module holds only what the questionnaire cannot know: the report's
id and title, the order the report printed its rows in, which category it sorted
by, the nets it quotes and which base its percentages are of.

The report prints sorted tables (5.1, 5.2, 5.3, 5.6c) in descending order of the
top category; ``report_rows`` is that printed order, used to break ties.
"""

from __future__ import annotations

from localdigital_tui.core.tables.spec_model import BaseRule, Layout, Net, Statistic, TableSpec

__all__ = ["TABLES", "TABLE_IDS", "BaseRule", "Layout", "Net", "Statistic", "TableSpec", "spec_for"]

AGREE_NETS = (
    Net("net_agree", "Agree or strongly agree", ("agree", "strongly_agree")),
    Net("net_disagree", "Disagree or strongly disagree", ("disagree", "strongly_disagree")),
)
STRATEGY_NET = (Net("net_positive", "Have or intend to create a strategy", ("yes", "intend")),)
PERCENT_STATS = (
    Statistic("n", {"*": 0}, "Gave a figure"),
    Statistic("mean", {"services_digital": 1, "transactions_digital": 2, "*": 2}, "Mean"),
    Statistic("min", {"*": None}, "Lowest"),
    Statistic("max", {"*": None}, "Highest"),
)
POUND_STATS = (
    Statistic("n", {"*": 0}, "Gave a figure"),
    Statistic("min", {"*": None}, "Lowest"),
    Statistic("max", {"*": None}, "Highest"),
    Statistic("mean", {"*": 0}, "Mean"),
    Statistic("n_above_1000", {"*": 0}, "Gave a figure above £1,000"),
    Statistic("min_above_1000", {"*": None}, "Lowest above £1,000"),
    Statistic("mean_above_1000", {"*": 0}, "Mean above £1,000"),
    Statistic("pct_of_group", {"*": 1}, "Share of the group"),
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        id="4.council_type",
        title="Breakdown of response by council type",
        question="council_type",
        layout=Layout.CHOICE,
        group="council",
        base_rule=BaseRule.QUESTION,
        report_rows=(
            "english_county",
            "english_district",
            "english_unitary",
            "london_borough",
            "metropolitan_district",
            "scottish_unitary",
            "welsh_unitary",
            "other_public_body",
        ),
        column_label="% of Response",
    ),
    TableSpec(
        id="4.role",
        title="Local authority seniority and role",
        question="role",
        layout=Layout.CHOICE,
        group="council",
        base_rule=BaseRule.QUESTION,
        report_rows=(
            "elected_member",
            "chief_executive",
            "customer_transformation_head",
            "head_of_it",
            "digital_practitioner",
            "service_head",
            "front_line_officer",
        ),
        column_label="% of Response",
    ),
    TableSpec(
        id="4.supplier_size",
        title="Supplier response by size of organisation",
        question="supplier_size",
        layout=Layout.CHOICE,
        group="supplier",
        base_rule=BaseRule.QUESTION,
        report_rows=("large", "micro", "small", "medium"),
        column_label="% of Response",
    ),
    TableSpec(
        id="5.1",
        title=None,
        question="q5",
        layout=Layout.GRID,
        group="council",
        base_rule=BaseRule.ROW,
        report_rows=(
            "flexible_working",
            "better_for_less",
            "service_transformation",
            "customer_journey",
            "cost_effective",
            "citizen_interaction",
            "assisted_digital",
            "internal_collaboration",
            "sharing_services",
            "public_sector_collaboration",
            "councillor_engagement",
            "accountability",
            "equal_access",
            "local_economy",
            "outsourcing",
        ),
        sort_by="strongly_agree",
        nets=AGREE_NETS,
    ),
    TableSpec(
        id="5.2",
        title=None,
        question="q6",
        layout=Layout.GRID,
        group="council",
        base_rule=BaseRule.ROW,
        report_rows=(
            "internal_leadership",
            "business_case",
            "skilled_resource",
            "sharing_practice",
            "sector_leadership",
            "guiding_strategy",
            "data_sharing",
            "shared_assets",
            "exemplars",
            "supplier_pool",
            "national_strategy",
        ),
        sort_by="important",
    ),
    TableSpec(
        id="5.3",
        title=None,
        question="q7",
        layout=Layout.GRID,
        group="council",
        base_rule=BaseRule.ROW,
        report_rows=(
            "head_of_it",
            "head_of_customer_service",
            "web_manager",
            "chief_executive",
            "head_of_transformation",
            "service_heads",
            "elected_members",
            "head_of_finance",
            "frontline_officers",
            "suppliers",
            "external_consultants",
        ),
        sort_by="yes",
    ),
    TableSpec(
        id="5.4",
        title=None,
        question="q8",
        layout=Layout.CHOICE,
        group="council",
        base_rule=BaseRule.QUESTION,
        report_rows=("yes", "intend", "no_intention"),
        nets=STRATEGY_NET,
    ),
    TableSpec(
        id="5.4b",
        title=None,
        question="q8_statements",
        layout=Layout.GRID,
        group="council",
        base_rule=BaseRule.ROW,
        report_rows=("useful_tool", "management_strategy", "ready_to_embrace"),
        nets=AGREE_NETS,
        column_labels=(("strongly_agree", "Strongly agree"),),
    ),
    TableSpec(
        id="5.5",
        title=None,
        question="q9",
        layout=Layout.STATISTICS,
        group="council",
        base_rule=BaseRule.ROW,
        report_rows=("services_digital", "transactions_digital"),
        statistics=PERCENT_STATS,
    ),
    TableSpec(
        id="5.6",
        title=None,
        question="q10",
        layout=Layout.CHOICE,
        group="council",
        base_rule=BaseRule.QUESTION,
        report_rows=("yes", "no"),
    ),
    TableSpec(
        id="5.6b",
        title=None,
        question="q10_amount",
        layout=Layout.STATISTICS,
        group="council",
        base_rule=BaseRule.QUESTION,
        report_rows=("",),
        statistics=POUND_STATS,
        threshold=1000,
    ),
    TableSpec(
        id="5.6c",
        title=None,
        question="q11",
        layout=Layout.GRID,
        group="council",
        base_rule=BaseRule.ROW,
        report_rows=(
            "legacy_systems",
            "development_funds",
            "cultural_discomfort",
            "unwillingness_to_change",
            "lack_of_leadership",
            "inflexible_procurement",
            "inhouse_skills",
            "broadband",
            "customer_insight",
            "customer_journey",
            "supplier_inflexibility",
            "senior_buy_in",
            "legal_requirements",
            "market_take_up",
            "supplier_skills",
        ),
        sort_by="yes",
    ),
)

TABLE_IDS = tuple(spec.id for spec in TABLES)
# Questions a table may be split by (``--by``): the profile questions and the audience.
AUDIENCE = "audience"


def spec_for(table_id: str) -> TableSpec:
    for spec in TABLES:
        if spec.id == table_id:
            return spec
    raise KeyError(table_id)
