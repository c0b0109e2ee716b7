"""JSON Lines to Parquet: same records and answers, one schema for any set of files."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.export.convert import convert
from localdigital_tui.core.export.parquet import converted_schema
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.simulate.writer import simulate
from localdigital_tui.errors import OutputFileError, RecordFileError


@pytest.fixture(scope="module")
def sim(loaded: LoadedQuestionnaire, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("convert") / "sim"
    simulate(loaded, 900, folder, files=3, seed=9, partial_rate=0.1, sync=False)
    return folder


def records(folder: Path) -> list[dict[str, object]]:
    return [
        json.loads(line)
        for path in sorted(folder.glob("responses-*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_a_round_trip_keeps_every_record_and_answer(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    out = tmp_path / "all.parquet"
    assert convert(sorted(sim.glob("responses-*.jsonl")), out, loaded).records == 900
    frame = pl.read_parquet(out)
    source = records(sim)
    assert frame["record_id"].to_list() == [r["record_id"] for r in source]
    for i in (0, 1, 450, 899):
        record, row = source[i], frame.row(i, named=True)
        answers = record["answers"]
        assert isinstance(answers, dict)
        assert row["audience"] == record["audience"] and row["status"] == record["status"]
        assert row["q8"] == answers.get("q8")
        assert row["q5__flexible_working"] == answers.get("q5", {}).get("flexible_working")
        assert row["q10_amount"] == answers.get("q10_amount")
        assert row["q9__services_digital"] == answers.get("q9", {}).get("services_digital")
        assert row["started_at"].isoformat().replace("+00:00", "Z") == record["started_at"]
    assert not {"q1_name", "q2_job_title", "q3_organisation"} & set(frame.columns)


def test_any_files_convert_to_the_questionnaires_schema(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    lines = (sim / "responses-0001.jsonl").read_text(encoding="utf-8").splitlines()
    suppliers = tmp_path / "suppliers.jsonl"
    suppliers.write_text("\n".join(x for x in lines if '"supplier"' in x) + "\n", "utf-8")
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines[:5]).encode() + b"\r\n")
    expected = converted_schema(loaded.questionnaire)
    for source in (suppliers, bom):
        out = tmp_path / f"{source.stem}.parquet"
        convert([source], out, loaded)
        assert dict(pl.read_parquet_schema(out)) == expected
    assert pl.read_parquet(tmp_path / "bom.parquet").height == 5
    assert pl.read_parquet(tmp_path / "suppliers.parquet")["q9__services_digital"].null_count() > 0


def test_outputs_and_personal_files_are_refused(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.parquet"
    out.write_bytes(b"keep")
    with pytest.raises(OutputFileError, match="already exists"):
        convert([sim / "responses-0001.jsonl"], out, loaded)
    assert out.read_bytes() == b"keep"
    result = CliRunner().invoke(cli, ["convert", str(sim / "personal-0001.jsonl"), "-o", str(out)])
    assert result.exit_code == 1 and "personal" in result.output
    with pytest.raises(RecordFileError):
        from localdigital_tui.core.export.parquet import answers_files

        answers_files([tmp_path / "missing.jsonl"])


def test_the_command_validates_first(sim: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    lines = (sim / "responses-0002.jsonl").read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([*lines[:3], '{"record_id": 1}', *lines[3:6]]) + "\n", "utf-8")
    out = tmp_path / "bad.parquet"
    result = CliRunner().invoke(cli, ["convert", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{bad}:4:" in result.output and not out.exists()
    result = CliRunner().invoke(cli, ["convert", str(sim), "-o", str(tmp_path / "ok.parquet")])
    assert result.exit_code == 0, result.output
    assert "900 records from 3 file(s)" in result.output


def test_tables_from_parquet_equal_tables_from_json_lines(sim: Path, tmp_path: Path) -> None:
    out = tmp_path / "sim.parquet"
    assert CliRunner().invoke(cli, ["convert", str(sim), "-o", str(out)]).exit_code == 0
    from_json = CliRunner().invoke(cli, ["tables", str(sim), "--format", "tidy"])
    from_parquet = CliRunner().invoke(cli, ["tables", str(out), "--format", "tidy"])
    assert from_json.exit_code == 0, from_json.output
    assert from_parquet.output == from_json.output
    assert from_json.output.count("\n") > 200


def test_parquet_in_row_groups_files_and_string_columns_gives_the_same_tidy_output(
    sim: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sim.parquet"
    assert CliRunner().invoke(cli, ["convert", str(sim), "-o", str(out)]).exit_code == 0
    frame = pl.read_parquet(out)
    folder = tmp_path / "parts"
    folder.mkdir()
    frame[:500].write_parquet(folder / "a.parquet", row_group_size=64)
    strings = frame[500:].with_columns(pl.col(pl.Enum).cast(pl.String))  # as before Enums
    strings.write_parquet(folder / "b.parquet", row_group_size=64)
    from_json = CliRunner().invoke(cli, ["tables", str(sim), "--format", "tidy"])
    from_parquet = CliRunner().invoke(cli, ["tables", str(folder), "--format", "tidy"])
    assert from_json.exit_code == 0, from_json.output
    assert from_parquet.exit_code == 0, from_parquet.output
    assert from_parquet.output == from_json.output
    assert from_json.output.count("\n") > 200


def test_a_converted_file_given_twice_is_counted_once(sim: Path, tmp_path: Path) -> None:
    out, copy = tmp_path / "sim.parquet", tmp_path / "copy.parquet"
    assert CliRunner().invoke(cli, ["convert", str(sim), "-o", str(out)]).exit_code == 0
    copy.write_bytes(out.read_bytes())
    once = CliRunner().invoke(cli, ["tables", str(out), "--format", "tidy"])
    twice = CliRunner().invoke(cli, ["tables", str(out), str(copy), "--format", "tidy"])
    assert twice.exit_code == 0, twice.output
    assert twice.stdout == once.stdout and "900 line(s) held a record already read" in twice.stderr
