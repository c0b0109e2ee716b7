"""Simulated records: valid, deterministic, split exactly, shaped like the report's data."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from localdigital_tui.core.questionnaire.model import GridQuestion, LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.core.simulate.lines import LinePlan
from localdigital_tui.core.simulate.profile import REPORT_PROFILE
from localdigital_tui.core.simulate.random_draws import Draws, splitmix64
from localdigital_tui.core.simulate.writer import personal_path_for, simulate, split
from localdigital_tui.errors import OutputFileError

SAMPLE = 20_000


@pytest.fixture(scope="module")
def sample(loaded: LoadedQuestionnaire, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sim") / "responses.jsonl"
    simulate(loaded, SAMPLE, path, seed=11, sync=False)
    return path


@pytest.fixture(scope="module")
def records(sample: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# ---------------------------------------------------------------- validity
@pytest.mark.parametrize(("seed", "partial_rate"), [(0, 0.0), (1, 0.0), (2, 0.25), (99, 1.0)])
def test_every_line_passes_the_validator(
    loaded: LoadedQuestionnaire,
    validator: RecordValidator,
    tmp_path: Path,
    seed: int,
    partial_rate: float,
) -> None:
    path = tmp_path / "responses.jsonl"
    simulate(loaded, 3000, path, seed=seed, partial_rate=partial_rate, sync=False)
    for number, raw in enumerate(lines(path), start=1):
        assert validator.check_line(raw) == [], (number, raw)
    for number, raw in enumerate(lines(tmp_path / "personal.jsonl"), start=1):
        assert validator.check_line(raw, FileKind.PERSONAL) == [], (number, raw)


def test_the_sample_file_validates_as_a_whole(validator: RecordValidator, sample: Path) -> None:
    summary = validator.validate_file(sample)
    assert (summary.good, summary.bad, summary.blank) == (SAMPLE, 0, 0)


# ------------------------------------------------------------ determinism
def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    simulate(loaded, 2000, a, seed=5, sync=False)
    simulate(loaded, 2000, b, seed=5, batch=333, sync=False)
    simulate(loaded, 2000, c, seed=6, sync=False)
    assert a.read_bytes() == b.read_bytes()
    assert (tmp_path / "personal-a.jsonl").read_bytes() == (
        tmp_path / "personal-b.jsonl"
    ).read_bytes()
    assert set(lines(a)).isdisjoint(lines(c))


def test_split_files_hold_the_same_records_as_one_file(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    simulate(loaded, 1003, tmp_path / "one.jsonl", seed=3, sync=False)
    written = simulate(loaded, 1003, tmp_path / "split", files=7, seed=3, sync=False)
    sizes = [len(lines(o.responses)) for o in written]
    assert sum(sizes) == 1003 and max(sizes) - min(sizes) <= 1
    assert [o.responses.name for o in written][:2] == [
        "responses-0001.jsonl",
        "responses-0002.jsonl",
    ]
    joined = [line for o in written for line in lines(o.responses)]
    assert joined == lines(tmp_path / "one.jsonl")
    for o in written:
        assert o.personal is not None
        ids = [json.loads(x)["record_id"] for x in lines(o.personal)]
        assert ids == [json.loads(x)["record_id"] for x in lines(o.responses)]


def test_the_polars_random_words_equal_the_python_splitmix64(loaded: LoadedQuestionnaire) -> None:
    draws = Draws(seed=42)
    draws.draw()
    frame = pl.LazyFrame({"_row": pl.Series([0, 1, 2**40], dtype=pl.UInt64)})
    for stage in draws.word_stages():
        frame = frame.with_columns(stage)
    got = frame.collect()["_w0"].to_list()
    assert got == [splitmix64((row * 256) ^ draws.key) for row in (0, 1, 2**40)]


# --------------------------------------------------------------- the shape
def test_councils_and_suppliers_come_in_the_reports_ratio(records: list[dict[str, Any]]) -> None:
    share = Counter(r["audience"] for r in records)["council"] / len(records)
    assert abs(share - 178 / 200) < 0.01


def test_skip_rule_q10_amount_only_after_yes(records: list[dict[str, Any]]) -> None:
    answers = [r["answers"] for r in records]
    with_amount = [a for a in answers if "q10_amount" in a]
    assert with_amount, "no amounts at all"
    assert all(a.get("q10") == "yes" for a in with_amount)
    yes = sum(a.get("q10") == "yes" for a in answers)
    assert 0.2 < len(with_amount) / yes < 0.4  # 29 of about 100 in 2013
    assert all(1 <= a["q10_amount"] <= 12_000_000 for a in with_amount)
    suppliers = [r["answers"] for r in records if r["audience"] == "supplier"]
    assert not any({"q9", "q10", "role", "council_type"} & a.keys() for a in suppliers)


def test_required_rows_always_there_and_other_answers_sometimes_missing(
    loaded: LoadedQuestionnaire, records: list[dict[str, Any]]
) -> None:
    q5 = loaded.questionnaire.question("q5")
    assert isinstance(q5, GridQuestion)
    required = {r.code for r in q5.rows if r.required}
    assert all(required <= r["answers"]["q5"].keys() for r in records)
    assert any("accountability" not in r["answers"]["q5"] for r in records)
    q7_rows = Counter(len(r["answers"].get("q7", {})) for r in records)
    assert len(q7_rows) > 3  # item non-response varies the number of rows answered
    councils = [r["answers"] for r in records if r["audience"] == "council"]
    answered_q9 = sum("q9" in a for a in councils) / len(councils)
    assert 0.45 < answered_q9 < 0.58  # 92 of 178 in 2013
    assert not any(v == {} for a in councils for v in a.values())


def test_grid_answers_follow_the_reports_weights(records: list[dict[str, Any]]) -> None:
    councils = [r["answers"] for r in records if r["audience"] == "council"]
    legacy = Counter(a["q11"].get("legacy_systems") for a in councils if "q11" in a)
    answered = sum(n for code, n in legacy.items() if code is not None)
    assert abs(100 * legacy["yes"] / answered - 72.7) < 1.5  # table 5.6c
    percent = [
        a["q9"]["services_digital"] for a in councils if "services_digital" in a.get("q9", {})
    ]
    assert all(0 <= p <= 100 for p in percent)
    assert abs(sum(percent) / len(percent) - 24.8) < 1.5  # table 5.5


def test_no_partial_records_unless_asked(
    loaded: LoadedQuestionnaire, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    assert {r["status"] for r in records} == {"complete"}
    path = tmp_path / "responses.jsonl"
    simulate(loaded, 4000, path, seed=8, partial_rate=0.3, sync=False)
    made = [json.loads(x) for x in lines(path)]
    partial = [r for r in made if r["status"] == "partial"]
    assert abs(len(partial) / len(made) - 0.3) < 0.03
    assert all(r["submitted_at"] is None for r in partial)
    assert all(r["submitted_at"] is not None for r in made if r["status"] == "complete")
    assert any(len(r["answers"].get("q5", {})) not in (0, 14, 15) for r in partial)


def test_the_personal_file_keeps_names_out_of_the_answers_file(
    loaded: LoadedQuestionnaire, sample: Path, records: list[dict[str, Any]]
) -> None:
    personal = [json.loads(x) for x in lines(sample.with_name("personal.jsonl"))]
    assert [p["record_id"] for p in personal] == [r["record_id"] for r in records]
    assert sum("q1_name" in p["answers"] for p in personal) > 0.9 * len(personal)
    codes = set(loaded.questionnaire.personal_codes())
    assert not any(codes & r["answers"].keys() for r in records)
    assert len({r["record_id"] for r in records}) == len(records)


# ------------------------------------------------------------------ files
def test_existing_files_are_kept_unless_forced(loaded: LoadedQuestionnaire, tmp_path: Path) -> None:
    path = tmp_path / "responses.jsonl"
    path.write_text("precious\n", encoding="utf-8")
    with pytest.raises(OutputFileError, match="already exists"):
        simulate(loaded, 10, path, sync=False)
    assert path.read_text(encoding="utf-8") == "precious\n"
    simulate(loaded, 10, path, overwrite=True, personal=False)
    assert len(lines(path)) == 10
    assert not (tmp_path / "personal.jsonl").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["responses.jsonl"]  # no temp files left


def test_output_names() -> None:
    assert personal_path_for(Path("d/responses.jsonl")) == Path("d/personal.jsonl")
    assert personal_path_for(Path("d/responses-0002.jsonl")) == Path("d/personal-0002.jsonl")
    assert personal_path_for(Path("d/sim.jsonl")) == Path("d/personal-sim.jsonl")
    assert split(10, 3) == [4, 3, 3]
    assert split(2, 4) == [1, 1, 0, 0]


def test_a_plan_can_be_reused_for_any_range(loaded: LoadedQuestionnaire) -> None:
    plan = LinePlan(loaded, REPORT_PROFILE, seed=1)
    whole = plan.lines(0, 50).collect()["response"].to_list()
    parts = plan.lines(0, 20).collect()["response"].to_list()
    parts += plan.lines(20, 50).collect()["response"].to_list()
    assert whole == parts


def test_the_files_hold_the_plans_lines(loaded: LoadedQuestionnaire, tmp_path: Path) -> None:
    """The writer joins each line's parts with the commas the JSON has between them."""
    path = tmp_path / "responses.jsonl"
    simulate(loaded, 300, path, seed=3, partial_rate=0.3, batch=128, sync=False)
    made = LinePlan(loaded, REPORT_PROFILE, seed=3, partial_rate=0.3).lines(0, 300).collect()
    assert lines(path) == made["response"].to_list()
    assert lines(tmp_path / "personal.jsonl") == made["personal"].to_list()


def test_an_interrupted_run_leaves_no_file_under_the_final_name(
    loaded: LoadedQuestionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure part-way (here: the second batch) leaves neither the file nor temp files."""
    real_frame = LinePlan.frame
    calls: list[int] = []

    def failing_frame(self: LinePlan, start: int, stop: int) -> pl.LazyFrame:
        calls.append(start)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_frame(self, start, stop)

    monkeypatch.setattr(LinePlan, "frame", failing_frame)
    with pytest.raises(KeyboardInterrupt):
        simulate(loaded, 500, tmp_path / "responses.jsonl", batch=200)
    assert list(tmp_path.iterdir()) == []
