"""Reconciliation of computed figures with published ones."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.bundled import data_path
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.reconstruct.targets import SLIP_HEADER, TARGET_HEADER
from localdigital_tui.core.tables.build import tables_by_group
from localdigital_tui.core.tables.check import (
    MATCH,
    MISMATCH,
    SLIP,
    load_slips,
    load_targets,
    reconcile,
    summary,
)
from localdigital_tui.core.tables.compute import Options
from localdigital_tui.errors import TableError

TARGETS = [
    ("5.1", "council", "q5", "assisted_digital", "strongly_agree", "12.5"),
    ("5.1", "council", "q5", "customer_journey", "strongly_agree", "6.25"),  # at 2 dp
    ("5.1", "council", "q5", "customer_journey", "strongly_agree", "6.2"),  # wrong
    ("5.1", "supplier", "q5", "flexible_working", "net_agree", "100"),
    ("5.4", "council", "q8", "", "net_positive", "90.0"),
    ("5.4", "council", "q8", "", "yes|intend", "90"),
    ("5.4", "council", "q8", "", "yes", "31.0"),  # a slip: the data gives 30.0
    ("5.4", "council", "q8", "", "intend", "61.0"),  # listed, but not as the data has it
    ("5.4b", "council", "q8_statements", "useful_tool", "net_agree", "66.6"),
    ("5.6b", "council", "q10_amount", "", "mean", "2401000"),
    ("5.6b", "council", "q10_amount", "", "mean_above_1000", "4001500"),
    ("5.6b", "council", "q10_amount", "", "pct_of_group", "6"),
    ("5.5", "council", "q9", "transactions_digital", "mean", "1.01"),
    ("5.9", "council", "q5", "", "yes", "1.0"),  # no such table
]
SLIPS = [
    ("5.4", "council", "q8", "", "yes", "31.0", "30.0", "table_stands", "prose misprint"),
    ("5.4", "council", "q8", "", "intend", "61.0", "59.0", "table_stands", "wrong listing"),
    (
        "5.4b",
        "council",
        "q8_statements",
        "useful_tool",
        "net_agree",
        "66.6",
        "66.7",
        "rounded_sum",
        "x",
    ),
]


def write(path: Path, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        out.writerows(rows)
    return path


@pytest.fixture
def outcomes(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> dict[str, tuple[str, str, str]]:
    targets = write(tmp_path / "t.csv", TARGET_HEADER, [(*t, "test", "") for t in TARGETS])
    slips = write(tmp_path / "s.csv", SLIP_HEADER, SLIPS)
    tables, _ = tables_by_group([survey_file], loaded.questionnaire, Options(net=True))
    found = reconcile(load_targets(targets), load_slips(slips), tables)
    assert summary(found) == "9 of 14 figures reproduced; 2 report slips as listed; 3 mismatches"
    return {
        f"{o.target.column}={o.target.published}": (o.computed, o.status, o.explanation)
        for o in found
    }


def test_each_figure_is_compared_at_its_printed_precision(
    outcomes: dict[str, tuple[str, str, str]],
) -> None:
    assert outcomes["strongly_agree=12.5"] == ("12.5", MATCH, "")
    assert outcomes["strongly_agree=6.25"] == ("6.25", MATCH, "")
    assert outcomes["strongly_agree=6.2"] == ("6.3", MISMATCH, "")
    assert outcomes["net_agree=100"] == ("100", MATCH, "")
    assert outcomes["pct_of_group=6"] == ("6", MATCH, "")
    assert outcomes["mean=1.01"] == ("1.01", MATCH, "")
    assert outcomes["mean_above_1000=4001500"][1] == MATCH


def test_nets_and_sums_of_choices_are_computed_from_counts(
    outcomes: dict[str, tuple[str, str, str]],
) -> None:
    assert outcomes["net_positive=90.0"] == ("90.0", MATCH, "")
    assert outcomes["yes|intend=90"] == ("90", MATCH, "")


def test_slips_are_accepted_only_as_listed(outcomes: dict[str, tuple[str, str, str]]) -> None:
    assert outcomes["yes=31.0"] == ("30.0", SLIP, "table_stands")
    assert outcomes["intend=61.0"][1] == MISMATCH  # the data gives 60.0, the listing 59.0
    computed, status, why = outcomes["net_agree=66.6"]
    assert (computed, status) == ("66.7", SLIP)
    assert why == "rounded_sum: published = 33.3 + 33.3"  # the report added rounded figures
    assert outcomes["yes=1.0"] == ("not tabulated", MISMATCH, "")


def test_a_malformed_targets_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("table,group\n5.1,council\n")
    with pytest.raises(TableError, match=r"bad\.csv: header must be"):
        load_targets(bad)
    bad.write_text(",".join(TARGET_HEADER) + "\n5.1,council,q5,x,agree,lots,table,\n")
    with pytest.raises(TableError, match=r"bad\.csv:2: published: not a number"):
        load_targets(bad)


def test_the_bundled_data_reproduces_every_published_figure_but_the_listed_slips(
    loaded: LoadedQuestionnaire,
) -> None:
    targets = load_targets(data_path("targets.csv"))
    slips = load_slips(data_path("slips.csv"))
    tables, _ = tables_by_group(
        [data_path("responses.jsonl")], loaded.questionnaire, Options(net=True)
    )
    found = reconcile(targets, slips, tables)
    assert [o.target for o in found if o.status == MISMATCH] == []
    assert {o.target.key for o in found if o.status == SLIP} == set(slips)
    matched = sum(o.status == MATCH for o in found)
    assert summary(found).startswith(f"{matched} of {len(targets)} figures reproduced")
    assert matched == len(targets) - len(slips)
