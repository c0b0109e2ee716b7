"""Weighted tables: weighted percentages and means, unweighted bases, effective bases.

The oracle is a direct polars computation over the records (export's records
frame): a weighted share is sum w (this answer) / sum w (answered), the effective
base (sum w)^2 / sum w^2, a weighted mean sum w x / sum w.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localdigital_tui.core.export.parquet import flat_name
from localdigital_tui.core.export.records_frame import read_records
from localdigital_tui.core.questionnaire.bundled import data_path
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.tables.build import Request, tabulate_files
from localdigital_tui.core.tables.compute import Options
from localdigital_tui.core.tables.significance import letters
from localdigital_tui.core.tables.specs import BaseRule, Layout, spec_for
from localdigital_tui.core.tables.table import Table
from localdigital_tui.errors import TableError

DATA = data_path("responses.jsonl")
ROW_BASES = Request(group="all", options=Options(base=BaseRule.ROW))


@pytest.fixture(scope="module")
def records(loaded: LoadedQuestionnaire) -> pl.DataFrame:
    return read_records([DATA], loaded.questionnaire, False).frame


def write_weights(path: Path, ids: list[str], weights: list[float]) -> Path:
    lines = ["record_id,weight", *(f"{i},{w!r}" for i, w in zip(ids, weights, strict=True))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def tables_of(loaded: LoadedQuestionnaire, request: Request, weights: Path | None) -> list[Table]:
    made, _ = tabulate_files([DATA], loaded.questionnaire, replace(request, weights=weights))
    return made


def test_weights_of_one_give_the_unweighted_tables(
    loaded: LoadedQuestionnaire, records: pl.DataFrame, tmp_path: Path
) -> None:
    ids = records["record_id"].to_list()
    weights = write_weights(tmp_path / "w.csv", ids, [1.0] * len(ids))
    for request in (Request(), Request(compare=True), Request(by="role", group="council")):
        plain = tables_of(loaded, request, None)
        weighted = tables_of(loaded, request, weights)
        assert [t.id for t in weighted] == [t.id for t in plain]
        for p, w in zip(plain, weighted, strict=True):
            assert w.weighted and not p.weighted
            assert w.notes[-1].startswith("Weighted by") or "Weighted by" in " ".join(w.notes)
            for prow, wrow in zip(p.rows, w.rows, strict=True):
                assert [
                    (c.count, c.base, c.percent, c.value, c.higher_than) for c in prow.cells
                ] == [(c.count, c.base, c.percent, c.value, c.higher_than) for c in wrow.cells]
                assert wrow.bases == prow.bases
                for group, base in prow.bases:
                    if base:
                        assert wrow.effective_for(group) == base


def check_against_oracle(
    tables: list[Table], records: pl.DataFrame, loaded: LoadedQuestionnaire
) -> None:
    """Every percentage of grid and choice tables (row bases), and its effective base."""
    weight = pl.col("weight")
    checked = 0
    for table in tables:
        spec = spec_for(table.id)
        if spec.layout is Layout.STATISTICS:
            continue
        audiences = loaded.questionnaire.audience_codes() if table.group == "all" else [table.group]
        group = records.filter(pl.col("audience").is_in(audiences))
        for row in table.rows:
            if row.is_net:
                continue
            name = flat_name(spec.question, row.code if spec.layout is Layout.GRID else "")
            answered = group.filter(pl.col(name).is_not_null())
            if answered.height == 0:
                continue
            total = answered["weight"].sum()
            squares = answered.select(weight * weight).to_series().sum()
            neff = row.effective_for(table.group)
            assert neff is not None
            assert math.isclose(float(neff), total * total / squares, rel_tol=1e-6)
            for cell, column in zip(row.cells, table.columns, strict=True):
                choice = column.code if spec.layout is Layout.GRID else row.code
                share = answered.filter(pl.col(name) == choice)["weight"].sum() / total
                assert cell.exact is not None
                assert math.isclose(float(cell.exact), 100 * share, abs_tol=1e-6), (
                    table.id,
                    row.code,
                )
                assert cell.base == answered.height  # the base stays the unweighted count
                checked += 1
    assert checked > 100


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**32 - 1), spread=st.floats(0.0, 3.0))
def test_weighted_percentages_and_effective_bases_match_a_direct_computation(
    loaded: LoadedQuestionnaire, records: pl.DataFrame, tmp_path: Path, seed: int, spread: float
) -> None:
    weights = pl.Series(
        "weight",
        [
            math.exp(x)
            for x in pl.Series(range(records.height)).shuffle(seed) * spread / records.height
        ],
    )
    weighted = records.with_columns(weights.round(6))  # a weights file's figures, as read
    path = write_weights(
        tmp_path / f"w{seed}.csv", records["record_id"].to_list(), weighted["weight"].to_list()
    )
    check_against_oracle(tables_of(loaded, ROW_BASES, path), weighted, loaded)


def test_weighted_mean_is_sum_of_weight_times_value_over_sum_of_weights(
    loaded: LoadedQuestionnaire, records: pl.DataFrame, tmp_path: Path
) -> None:
    values = [0.5 + (i % 7) for i in range(records.height)]
    path = write_weights(tmp_path / "w.csv", records["record_id"].to_list(), values)
    weighted = records.with_columns(pl.Series("weight", values))
    table = tables_of(loaded, Request(table_ids=("5.6b",)), path)[0]
    above = weighted.filter((pl.col("audience") == "council") & (pl.col("q10_amount") > 1000))
    expected = (above["q10_amount"] * above["weight"]).sum() / above["weight"].sum()
    cell = table.cell("", "mean_above_1000")
    assert cell.exact is not None and math.isclose(float(cell.exact), expected, rel_tol=1e-9)
    assert table.cell("", "min_above_1000").exact == above["q10_amount"].min()


def test_significance_uses_the_effective_base(
    loaded: LoadedQuestionnaire, records: pl.DataFrame, tmp_path: Path
) -> None:
    plain = tables_of(loaded, Request(compare=True), None)
    assert any(c.higher_than for t in plain for r in t.rows for c in r.cells)
    ids = records["record_id"].to_list()
    # the same weight twice over: n_eff is the base, so the letters stay
    doubled = write_weights(tmp_path / "double.csv", ids, [2.0] * len(ids))
    same = tables_of(loaded, Request(compare=True), doubled)
    shown = [[c.higher_than for r in t.rows for c in r.cells] for t in plain]
    assert [[c.higher_than for r in t.rows for c in r.cells] for t in same] == shown
    # weights of 1 and 10: each pair of cells is tested on its weighted share of its
    # effective base, not on its count and base
    uneven = write_weights(
        tmp_path / "uneven.csv", ids, [1.0 + 9 * (i % 2) for i in range(len(ids))]
    )
    tables = tables_of(loaded, Request(compare=True), uneven)
    differs = 0
    for table in tables:
        for row in table.rows:
            for a, b in zip(row.cells[::2], row.cells[1::2], strict=True):
                first, second = a.tested_as(), b.tested_as()
                assert first is not None and second is not None
                assert a.effective_base is not None and first[1] == round(a.effective_base)
                assert first[1] < a.base if a.base else True
                differs += first != (a.count, a.base)
                expected = letters(*first, *second, "A", "B")
                assert (a.higher_than, b.higher_than) == expected
    assert differs > 50


def test_a_record_without_a_weight_is_refused(
    loaded: LoadedQuestionnaire, records: pl.DataFrame, tmp_path: Path
) -> None:
    ids = records["record_id"].to_list()[:-2]
    path = write_weights(tmp_path / "short.csv", ids, [1.0] * len(ids))
    with pytest.raises(TableError, match=r"have no weight in .*short\.csv .*responses\.jsonl: 2\)"):
        tables_of(loaded, Request(), path)


def test_weights_across_many_blocks_parquet_and_copies_count_each_record_once(
    loaded: LoadedQuestionnaire,
    records: pl.DataFrame,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from localdigital_tui.core.export.convert import convert

    ids = records["record_id"].to_list()
    path = write_weights(tmp_path / "w.csv", ids, [1 + (i % 3) / 2 for i in range(len(ids))])
    request = replace(ROW_BASES, weights=path)
    once = tables_of(loaded, ROW_BASES, path)
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(DATA.read_bytes())
    parquet = tmp_path / "answers.parquet"
    convert([DATA], parquet, loaded)
    monkeypatch.setattr("localdigital_tui.core.tables.frame.BATCH_BYTES", 4000)  # many blocks
    for files in ([DATA, copy], [parquet], [copy, parquet]):
        made, aggregates = tabulate_files(files, loaded.questionnaire, request)
        assert aggregates.copies == (len(files) - 1) * len(ids)
        assert made == once, files


def test_weighted_tables_over_parquet_stream_and_refuse_a_record_without_a_weight(
    loaded: LoadedQuestionnaire, records: pl.DataFrame, tmp_path: Path
) -> None:
    """Weighted tables over Parquet come from the one grouped query of every Parquet
    input (core/tables/cells.py), and a record there without a weight is refused as it
    is in JSON Lines."""
    from localdigital_tui.core.export.convert import convert

    parquet = tmp_path / "answers.parquet"
    convert([DATA], parquet, loaded)
    ids = records["record_id"].to_list()[:-2]
    path = write_weights(tmp_path / "short.csv", ids, [1.0] * len(ids))
    request = replace(ROW_BASES, weights=path)
    with pytest.raises(TableError, match=r"have no weight in .*short\.csv .*answers\.parquet: 2\)"):
        tabulate_files([parquet], loaded.questionnaire, request)
