"""A weights file reads the same whichever reader takes it: polars for plain files, the
line reader for the rest, which alone words problems."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from localdigital_tui.core.weighting import weights_file
from localdigital_tui.core.weighting.weights_file import (
    WEIGHT_MICROS,
    _read_lines,
    _read_plain,
    read_weights,
)
from localdigital_tui.errors import WeightingError

IDS = [f"5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a{n:02d}" for n in range(40)]
WEIGHTS = st.one_of(
    st.decimals(0, 1000, places=7).map(str),
    st.sampled_from(["0.0000005", "0.0000015", "2.5000005", "1000", "0", "1e3", "-1", "1001"]),
    st.sampled_from([" 1.5", "1.5 ", "", "x", "1_0", "inf", "nan", '"2.0"']),
)
LINE_ENDS = st.sampled_from(["\n"] * 8 + ["\r\n", "\n\n"])


def outcome(read: object, path: Path) -> pl.DataFrame | str:
    try:
        return read(path)  # type: ignore[operator, no-any-return]
    except WeightingError as exc:
        return str(exc)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.tuples(st.sampled_from(IDS), WEIGHTS, LINE_ENDS), max_size=25),
    header=st.sampled_from(["record_id,weight", "record_id,weight,note", "id,weight"]),
    last_end=st.booleans(),
    block=st.integers(1, 80),
)
def test_polars_and_the_line_reader_read_any_file_alike(
    rows: list[tuple[str, str, str]], header: str, last_end: bool, block: int
) -> None:
    """Any file, its bytes checked in blocks of any size (a blank line split over two)."""
    text = header + "\n" + "".join(f"{i},{w}{end}" for i, w, end in rows)
    if not last_end:
        text = text.rstrip("\n")
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(weights_file, "BLOCK_BYTES", block)
        path = Path(folder) / "w.csv"
        path.write_text(text, encoding="utf-8", newline="")
        lines = outcome(_read_lines, path)
        found = outcome(read_weights, path)
        if isinstance(lines, str):
            assert found == lines
        else:
            assert isinstance(found, pl.DataFrame) and found.equals(lines)


def test_a_plain_file_is_read_by_polars_to_the_millionth(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text(
        "record_id,weight\n"
        + "".join(f"{i},{w}\n" for i, w in zip(IDS[:2], ["0.0000005", "2.5"], strict=True))
    )
    plain = _read_plain(path)
    assert plain is not None and plain.equals(_read_lines(path))
    assert plain[WEIGHT_MICROS].to_list() == [0, 2_500_000]  # half to even, as Python rounds
    path.write_text("record_id,weight\n" + f"{IDS[0]}, 1.5\n")
    assert _read_plain(path) is None  # a space: the line reader decides


def test_a_blank_line_across_two_blocks_is_not_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.csv"
    path.write_text(f"record_id,weight\n{IDS[0]},1.5\n\n{IDS[1]},2\n")
    for block in range(1, 60):
        monkeypatch.setattr(weights_file, "BLOCK_BYTES", block)
        assert _read_plain(path) is None, block
    path.write_text(f"record_id,weight\n{IDS[0]},1.5\n{IDS[1]},2\n")
    plain = _read_plain(path)
    assert plain is not None and plain["record_id"].to_list() == IDS[:2]
