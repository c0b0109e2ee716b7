"""``localdigital tables`` on the copied, joined and misnamed files of a real event (issue 12)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from localdigital_tui.cli import cli
from localdigital_tui.core.questionnaire.bundled import data_path

BUNDLED = data_path("responses.jsonl")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["tables", *map(str, args)])


def tidy(*args: str | Path) -> str:
    result = run(*args, "-f", "tidy")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def event(tmp_path: Path) -> Path:
    """An event folder where laptop-2's folder was copied as well as collected."""
    (tmp_path / "event/laptop-2").mkdir(parents=True)
    shutil.copy(BUNDLED, tmp_path / "event/laptop-2/responses.jsonl")
    shutil.copytree(tmp_path / "event/laptop-2", tmp_path / "event/laptop-2-copy")
    return tmp_path / "event"


def test_a_copied_folder_is_counted_once_and_said_so(event: Path) -> None:
    result = run(event, "-f", "tidy")
    assert result.exit_code == 0, result.output
    assert result.stdout == tidy(BUNDLED)
    assert "note: 200 line(s) held a record already read" in result.stderr


def test_the_same_file_twice_is_counted_once() -> None:
    assert tidy(BUNDLED, BUNDLED) == tidy(BUNDLED)


def test_different_versions_of_a_record_are_refused_pointing_at_merge(event: Path) -> None:
    edited = json.loads(BUNDLED.read_bytes().splitlines()[4])
    edited["answers"]["q8"] = "intend" if edited["answers"].get("q8") == "yes" else "yes"
    (event / "laptop-2-copy/responses.jsonl").write_text(json.dumps(edited) + "\n")
    result = run(event)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: 1 record id(s) have different versions in the inputs: {edited['record_id']}"
    )
    assert "localdigital merge" in result.stderr
    assert result.stdout == ""


def test_files_joined_with_cat_are_read_as_their_lines(tmp_path: Path) -> None:
    lines = BUNDLED.read_bytes().splitlines(keepends=True)
    first, second = lines[:120], lines[120:]
    joined = tmp_path / "joined.jsonl"
    joined.write_bytes(b"\xef\xbb\xbf" + b"".join(first) + b"\xef\xbb\xbf" + b"".join(second))
    assert tidy(joined) == tidy(BUNDLED)
    converted = CliRunner().invoke(cli, ["convert", str(joined), "-o", str(tmp_path / "j.parquet")])
    assert converted.exit_code == 0, converted.output
    assert tidy(tmp_path / "j.parquet") == tidy(BUNDLED)


def test_records_of_another_questionnaire_are_refused(tmp_path: Path) -> None:
    lines = BUNDLED.read_text(encoding="utf-8").splitlines()
    other = json.loads(lines[9])
    other["questionnaire"]["sha256"] = "0" * 64
    lines[9] = json.dumps(other)
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n")
    result = run(tmp_path / "mixed.jsonl")
    assert result.exit_code == 1
    assert "1 record(s) of another questionnaire (sha256 0000" in result.stderr
    assert "--questionnaire FILE" in result.stderr


def test_an_empty_input_is_an_error_not_a_report_of_dashes(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("")
    result = run(tmp_path / "empty.jsonl")
    assert result.exit_code == 1
    assert result.stderr == "error: no records to tabulate: the inputs hold no answers records\n"


def test_only_drafts_say_how_to_tabulate_them(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts.jsonl"
    with drafts.open("w") as handle:
        for raw in BUNDLED.read_text(encoding="utf-8").splitlines()[:3]:
            record = json.loads(raw)
            record["status"], record["submitted_at"] = "partial", None
            handle.write(json.dumps(record) + "\n")
    result = run(drafts)
    assert result.exit_code == 1
    assert "no complete records to tabulate (3 partial; --include-partial" in result.stderr


def test_the_output_is_never_an_input(tmp_path: Path) -> None:
    data = tmp_path / "inp.jsonl"
    shutil.copy(BUNDLED, data)
    for output in (data, tmp_path / "." / "inp.jsonl"):
        result = run(data, "-o", output)
        assert result.exit_code == 1
        assert "is also an input" in result.stderr
    assert data.read_bytes() == BUNDLED.read_bytes()


def test_a_missing_output_folder_is_made(tmp_path: Path) -> None:
    result = run("-f", "csv", "-o", tmp_path / "reports/2013/t.csv")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports/2013/t.csv").read_text() == run("-f", "csv").stdout


@pytest.mark.parametrize("where", ["a-file/t.csv", "/proc/t.csv"])
def test_an_output_that_cannot_be_written_is_one_line(tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("x\n")
    output = tmp_path / where
    result = run("-o", output)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "Traceback" not in result.output


def test_a_targets_file_that_is_not_text_is_named(tmp_path: Path) -> None:
    (tmp_path / "random.bin").write_bytes(bytes(range(128, 256)) * 8)
    result = run("--check", "--targets", tmp_path / "random.bin")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {tmp_path}/random.bin: not UTF-8 text")
