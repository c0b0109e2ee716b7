"""convert in chunks, in worker processes, to one file or a folder of parts."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.export.convert import UNIQUE_IDS, convert
from localdigital_tui.core.export.parquet import converted_schema
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.validation import RecordValidator
from localdigital_tui.core.simulate.writer import simulate


@pytest.fixture(scope="module")
def sim(loaded: LoadedQuestionnaire, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("chunks") / "sim"
    simulate(loaded, 600, folder, files=2, seed=4, partial_rate=0.1, sync=False)
    return folder


def files_of(sim: Path) -> list[Path]:
    return sorted(sim.glob("responses-*.jsonl"))


def test_chunks_in_workers_give_what_one_process_gives(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    whole = convert(files_of(sim), tmp_path / "one.parquet", loaded, jobs=1)
    parts = convert(
        files_of(sim), tmp_path / "many.parquet", loaded, jobs=2, chunk_bytes=20_000,
        row_group_rows=50,
    )  # fmt: skip
    assert whole.records == parts.records == 600 and parts.bad == 0
    one, many = (
        pl.read_parquet(tmp_path / "one.parquet"),
        pl.read_parquet(tmp_path / "many.parquet"),
    )
    assert one.equals(many)
    assert dict(one.schema) == converted_schema(loaded.questionnaire)
    q8 = loaded.questionnaire.question("q8")
    assert one.schema["q8"] == pl.Enum(q8.choice_codes())  # type: ignore[union-attr]


def test_a_folder_output_is_a_dataset_of_parts(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "dataset"
    done = convert(files_of(sim), folder, loaded, jobs=2, chunk_bytes=50_000)
    parts = sorted(folder.glob("part-*.parquet"))
    assert done.records == 600 and len(parts) > 2
    frame = pl.scan_parquet(folder).collect()
    assert frame.height == 600 and dict(frame.schema) == converted_schema(loaded.questionnaire)
    assert not list(tmp_path.glob(".*"))  # nothing staged is left
    again = convert(files_of(sim)[:1], folder, loaded, overwrite=True)
    assert pl.scan_parquet(folder).collect().height == again.records < 600


def test_bad_lines_in_any_chunk_are_named_as_validate_names_them_and_nothing_is_written(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    lines = files_of(sim)[0].read_bytes().splitlines(keepends=True)
    bad = tmp_path / "bad.jsonl"
    broken = [*lines[:5], b'{"record_id": 1}\n', *lines[5:200], b"not json\n", *lines[200:]]
    bad.write_bytes(b"".join(broken))
    out = tmp_path / "bad.parquet"
    done = convert([bad], out, loaded, jobs=2, chunk_bytes=30_000)
    expected = RecordValidator(loaded).validate_file(bad)
    assert done.bad == expected.bad == 2 and not done.written and not out.exists()
    assert [str(p) for p in done.summaries[0].problems] == [str(p) for p in expected.problems]
    assert not list(tmp_path.glob(".*"))
    result = CliRunner().invoke(cli, ["convert", str(bad), "-o", str(out)])
    assert result.exit_code == 1 and f"{bad}:6:" in result.output and f"{bad}:202:" in result.output
    assert "not converted: 2 bad lines" in result.output and not out.exists()


def test_without_validation_undecodable_lines_are_an_error_naming_the_bytes(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(files_of(sim)[0].read_bytes()[:5000].rsplit(b"\n", 1)[0] + b"\n{oops\n")
    out = tmp_path / "x.parquet"
    result = CliRunner().invoke(cli, ["convert", str(bad), "-o", str(out), "--no-validate"])
    assert result.exit_code == 1
    assert "cannot be converted" in result.output and "bytes 0-" in result.output
    assert not (tmp_path / "x.parquet").exists()


def test_the_file_says_whether_each_record_id_is_there_once(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    first = files_of(sim)[0]
    once, twice = tmp_path / "once.parquet", tmp_path / "twice.parquet"
    convert([first], once, loaded)
    convert([first, first], twice, loaded)
    assert pl.read_parquet_metadata(once).get(UNIQUE_IDS) == "unique"
    assert UNIQUE_IDS not in pl.read_parquet_metadata(twice)
    runner = CliRunner()
    from_json = runner.invoke(cli, ["tables", str(first), "-f", "tidy"])
    for path in (once, twice):  # ids not read / read and the copies counted once
        result = runner.invoke(cli, ["tables", str(path), "-f", "tidy"])
        assert result.exit_code == 0, result.output
        assert result.stdout == from_json.stdout
    assert "line(s) held a record already read" in result.stderr


def test_validated_and_unvalidated_conversions_give_the_same_file(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    """Validated lines are taken as validation decoded them; --no-validate has polars read
    them: the same columns and values either way, in chunks, in workers."""
    decoded = convert(files_of(sim), tmp_path / "d.parquet", loaded, jobs=2, chunk_bytes=30_000)
    read = convert(
        files_of(sim), tmp_path / "r.parquet", loaded, validate=False, jobs=2, chunk_bytes=30_000
    )
    assert decoded.records == read.records == 600
    assert pl.read_parquet(tmp_path / "d.parquet").equals(pl.read_parquet(tmp_path / "r.parquet"))


def test_a_valid_line_polars_could_not_read_is_converted(
    loaded: LoadedQuestionnaire, sim: Path, tmp_path: Path
) -> None:
    """A timing written as a string ("65") is valid; it used to stop convert with
    'cannot be converted' although validate found nothing wrong."""
    lines = files_of(sim)[0].read_text(encoding="utf-8").splitlines()[:3]
    record = json.loads(lines[1])
    record["timings"]["q5"] = "65"
    lines[1] = json.dumps(record)
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert RecordValidator(loaded).validate_file(path).bad == 0
    done = convert([path], tmp_path / "odd.parquet", loaded)
    assert done.records == 3
    assert pl.read_parquet(tmp_path / "odd.parquet")["timings__q5"][1] == 65.0
