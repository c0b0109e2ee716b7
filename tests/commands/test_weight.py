"""``localdigital weight``: council-type weights of the bundled data, and bad targets."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner, Result

from localdigital_tui.cli import cli
from localdigital_tui.core.questionnaire.bundled import data_path

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ROOT / "data/council_types_2013.csv"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["weight", *map(str, args)])


def test_council_type_weights_meet_the_population_shares(tmp_path: Path) -> None:
    result = run("--targets", TARGETS, "-o", tmp_path / "w.csv")
    assert result.exit_code == 0, result.output
    assert "converged after" in result.stderr and "weighting efficiency 75.1%" in result.stderr
    weights = pl.read_csv(tmp_path / "w.csv")
    records = [json.loads(x) for x in data_path("responses.jsonl").read_text().splitlines()]
    assert weights["record_id"].to_list() == [r["record_id"] for r in records]
    types = pl.DataFrame(
        {"record_id": [r["record_id"] for r in records],
         "type": [r["answers"].get("council_type") for r in records]}
    )  # fmt: skip
    joined = weights.join(types, on="record_id")
    targets = pl.read_csv(TARGETS)
    inside = joined.filter(pl.col("type").is_in(targets["answer"].to_list()))
    shares = inside.group_by("type").agg(pl.col("weight").sum() / inside["weight"].sum())
    expected = dict(
        zip(targets["answer"], targets["target"] / targets["target"].sum(), strict=True)
    )
    for kind, share in shares.iter_rows():
        assert share == pytest.approx(expected[kind], abs=1e-9)
    assert set(joined.filter(~pl.col("type").is_in(targets["answer"].to_list()))["weight"]) == {1.0}


def test_bounds_hold_and_a_miss_is_exit_1(tmp_path: Path) -> None:
    result = run("--targets", TARGETS, "-o", tmp_path / "w.csv", "--min", "0.5", "--max", "2")
    assert result.exit_code == 1 and "did NOT converge" in result.stderr
    weights = pl.read_csv(tmp_path / "w.csv")["weight"]
    assert weights.min() >= 0.5 and weights.max() <= 2.0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("question,answer,target\ncouncil_type,mars,3\n", ":2: answer: 'mars' is not a choice"),
        ("question,answer,target\nq1_name,x,3\n", ":2: question: 'q1_name' is not a single"),
        ("question,answer,target\ncouncil_type,english_county,lots\n", ":2: target: not a number"),
        ("q,a\n", ":1: the header must start question,answer,target"),
    ],
)
def test_a_bad_targets_file_is_named_with_its_line(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / "t.csv").write_text(text)
    result = run("--targets", tmp_path / "t.csv", "-o", tmp_path / "w.csv")
    assert result.exit_code == 1 and words in result.stderr, result.stderr
    assert not (tmp_path / "w.csv").exists()


def test_a_bad_line_stops_the_weighting_naming_it(tmp_path: Path) -> None:
    data = tmp_path / "cut.jsonl"
    data.write_bytes(data_path("responses.jsonl").read_bytes()[:5000])  # ends mid-line
    result = run(data, "--targets", TARGETS, "-o", tmp_path / "w.csv")
    assert result.exit_code == 1
    assert f"{data}:3: line: truncated last line" in result.stderr
    assert "not weighted: 1 bad lines" in result.stderr
    assert not (tmp_path / "w.csv").exists()


def test_a_copy_in_another_format_is_weighted_once(tmp_path: Path) -> None:
    """The bundled records twice, as JSON Lines and as converted Parquet: the same
    weights, in the same order, as from the JSON Lines alone."""
    parquet = tmp_path / "responses.parquet"
    converted = CliRunner().invoke(
        cli, ["convert", str(data_path("responses.jsonl")), "-o", str(parquet)]
    )
    assert converted.exit_code == 0, converted.output
    once = run("--targets", TARGETS, "-o", tmp_path / "once.csv")
    twice = run(
        data_path("responses.jsonl"), parquet, "--targets", TARGETS, "-o", tmp_path / "twice.csv"
    )
    assert once.exit_code == twice.exit_code == 0, twice.output
    assert (tmp_path / "twice.csv").read_bytes() == (tmp_path / "once.csv").read_bytes()


@pytest.mark.parametrize("field", ["interviewer", "q8"])
def test_a_copy_that_differs_only_outside_the_weighting_is_refused(
    tmp_path: Path, field: str
) -> None:
    """Weighting reads only the weighting questions, yet copies are compared whole."""
    lines = data_path("responses.jsonl").read_text().splitlines()
    record = json.loads(lines[4])
    if field == "interviewer":
        record["interviewer"] += " (again)"
    else:
        record["answers"]["q8"] = "intend" if record["answers"].get("q8") != "intend" else "yes"
    (tmp_path / "copy.jsonl").write_text(json.dumps(record) + "\n")
    result = run(data_path("responses.jsonl"), tmp_path / "copy.jsonl", "--targets", TARGETS,
                 "-o", tmp_path / "w.csv")  # fmt: skip
    assert result.exit_code == 1, result.output
    assert f"1 record id(s) have different versions in the inputs ({record['record_id']})" in (
        result.stderr
    )
    assert not (tmp_path / "w.csv").exists()
