"""Reading answers: JSON Lines in blocks, Parquet nested or flat, only the columns needed."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.line_blocks import LineBlock
from localdigital_tui.core.tables.aggregate import aggregate
from localdigital_tui.core.tables.frame import (
    ENVELOPE,
    RECORD_ID,
    SHA256,
    Wanted,
    flat_columns,
    input_files,
    jsonl_frame,
    record_batches,
)
from localdigital_tui.core.tables.totals import Aggregates
from localdigital_tui.errors import RecordFileError, TableError
from tests.core.tables.survey_fixture import survey_records, write_jsonl

WANT = Wanted(("q5", "q8", "q9", "q10", "q10_amount"), ("role",))


def totals(
    loaded: LoadedQuestionnaire, files: list[Path], batch_bytes: int = 1 << 20
) -> Aggregates:
    q = loaded.questionnaire
    return aggregate(
        record_batches(files, q, WANT, batch_bytes),
        flat_columns(q, WANT),
        audiences=q.audience_codes(),
        split="role",
        thresholds={"q10_amount": 1000},
    )


def test_blocks_of_any_size_give_the_same_totals(
    loaded: LoadedQuestionnaire, survey_file: Path
) -> None:
    whole = totals(loaded, [survey_file])
    assert whole.records[("council", "elected_member")] == 40
    assert whole.counts[(("council", "elected_member"), "q5__flexible_working")] == {
        "strongly_agree": 7,
        "agree": 33,
    }
    assert len(list(record_batches([survey_file], loaded.questionnaire, WANT, 4096))) > 5
    assert totals(loaded, [survey_file], batch_bytes=4096) == whole


def test_bom_crlf_and_blank_lines_are_read(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> None:
    lines = survey_file.read_bytes().splitlines()
    windows = tmp_path / "windows.jsonl"
    windows.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\r\n\r\n")
    assert totals(loaded, [windows], batch_bytes=4096) == totals(loaded, [survey_file])


def test_parquet_nested_and_flat_give_the_same_totals_as_json_lines(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> None:
    frame = pl.read_ndjson(survey_file)
    nested = tmp_path / "nested.parquet"
    frame.write_parquet(nested)
    answers = frame.schema["answers"]
    assert isinstance(answers, pl.Struct)
    flat_exprs = [pl.col("audience"), pl.col("status")]
    for field in answers.fields:
        source = pl.col("answers").struct.field(field.name)
        if isinstance(field.dtype, pl.Struct):
            flat_exprs += [
                source.struct.field(f.name).alias(f"{field.name}__{f.name}")
                for f in field.dtype.fields
            ]
        else:
            flat_exprs.append(source.alias(field.name))
    flat = tmp_path / "flat.parquet"
    frame.select(flat_exprs).write_parquet(flat)
    expected = totals(loaded, [survey_file])
    assert totals(loaded, [nested]) == expected
    assert totals(loaded, [flat]) == expected
    doubled = totals(loaded, [survey_file, flat])
    assert (
        doubled.records[("council", "head_of_it")]
        == 2 * expected.records[("council", "head_of_it")]
    )


def test_only_the_wanted_answers_are_read(loaded: LoadedQuestionnaire, tmp_path: Path) -> None:
    records = survey_records(loaded)[:3]
    records[0]["answers"]["q5_other"] = {"not": "text"}  # wrong shape, but never read
    records[0]["answers"]["q1_name"] = "Ada Example"  # personal data in the wrong file
    path = write_jsonl(tmp_path / "answers.jsonl", records)
    (block,) = record_batches([path], loaded.questionnaire, Wanted(("q8",)))
    assert isinstance(block, LineBlock)
    frame = jsonl_frame(block.read(), flat_columns(loaded.questionnaire, Wanted(("q8",)))).collect()
    assert frame.columns == ["audience", "status", RECORD_ID, SHA256, *ENVELOPE, "q8"]
    with pytest.raises(TableError, match="personal"):
        flat_columns(loaded.questionnaire, Wanted(("q1_name",)))


def test_directories_expand_and_personal_files_are_never_read(tmp_path: Path) -> None:
    (tmp_path / "day1.jsonl").write_text("")
    (tmp_path / "day2.parquet").write_bytes(b"")
    (tmp_path / "personal.jsonl").write_text("")
    (tmp_path / "notes.txt").write_text("")
    assert [p.name for p in input_files([tmp_path])] == ["day1.jsonl", "day2.parquet"]
    with pytest.raises(RecordFileError, match="personal file"):
        input_files([tmp_path / "personal.jsonl"])
    with pytest.raises(RecordFileError, match=r"\.jsonl or \.parquet"):
        input_files([tmp_path / "notes.txt"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RecordFileError, match=r"no \.jsonl"):
        input_files([empty])


def test_a_broken_line_is_reported_with_its_file_and_lines(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(survey_file.read_bytes() + b'{"audience": "coun\n')
    with pytest.raises(RecordFileError, match=r"broken\.jsonl: lines 1-90: cannot read"):
        totals(loaded, [broken])


def test_unknown_codes_and_audiences_are_errors(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    records = survey_records(loaded)[:2]
    records[0]["answers"]["q8"] = "maybe"
    with pytest.raises(TableError, match="q8: maybe"):
        totals(loaded, [write_jsonl(tmp_path / "codes.jsonl", records)])
    records = survey_records(loaded)[:2]
    records[1]["audience"] = "press"
    with pytest.raises(TableError, match="audience 'press'"):
        totals(loaded, [write_jsonl(tmp_path / "aud.jsonl", records)])


def test_records_format_doc_example_is_tabulated(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    line = {
        "record_id": "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a42",
        "audience": "council",
        "status": "complete",
        "answers": {"q9": {"services_digital": 25, "transactions_digital": 40.5}, "q10": "yes"},
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(line) + "\n")
    got = totals(loaded, [path])
    assert got.numeric[(("council", None), "q9__transactions_digital")].total == 40.5


def test_parquet_in_row_groups_over_several_files_gives_the_same_totals(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> None:
    frame = pl.read_ndjson(survey_file)
    paths = [tmp_path / "a.parquet", tmp_path / "b.parquet", tmp_path / "c.parquet"]
    frame[:7].write_parquet(paths[0], row_group_size=3)
    frame[7:8].write_parquet(paths[1])
    frame[8:].write_parquet(paths[2], row_group_size=10)
    q = loaded.questionnaire
    (batch,) = record_batches(paths, q, WANT)
    assert batch.sources == tuple(map(str, paths))  # type: ignore[union-attr]
    assert batch.frame.collect().height == frame.height  # type: ignore[union-attr]
    assert totals(loaded, paths) == totals(loaded, [survey_file])


def test_unknown_codes_in_parquet_strings_are_named(
    loaded: LoadedQuestionnaire, survey_file: Path, tmp_path: Path
) -> None:
    frame = pl.read_ndjson(survey_file)
    odd = frame.with_columns(
        pl.when(pl.int_range(pl.len()) < 2)
        .then(pl.col("answers").struct.with_fields(pl.lit("maybe").alias("q8")))
        .otherwise(pl.col("answers"))
        .alias("answers")
    )
    path = tmp_path / "odd.parquet"
    odd.write_parquet(path)
    with pytest.raises(TableError, match="q8: maybe"):
        totals(loaded, [path])


def test_a_record_in_json_lines_and_in_its_parquet_conversion_is_one_record(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    """Parquet stores the record times as timestamps; read back they are the same
    strings as in the JSON Lines, so the two copies are the same record, counted once."""
    from localdigital_tui.core.export.convert import convert
    from localdigital_tui.core.questionnaire.bundled import data_path

    source = data_path("responses.jsonl")
    parquet = tmp_path / "answers.parquet"
    convert([source], parquet, loaded)
    q = loaded.questionnaire

    def tabulated(files: list[Path]) -> Aggregates:
        return aggregate(
            record_batches(files, q, WANT),
            flat_columns(q, WANT),
            audiences=q.audience_codes(),
        )

    once = tabulated([source])
    both = tabulated([source, parquet])
    assert both.copies == 200
    both.copies = 0
    assert both == once
