"""``localdigital merge`` through click's test runner: exit codes, the report, the files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from localdigital_tui.cli import cli
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from tests.conftest import QUESTIONNAIRE
from tests.core.merge.record_lines import line, personal, record, write_lines


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["merge", *map(str, args)])


@pytest.fixture
def laptops(loaded: LoadedQuestionnaire, tmp_path: Path) -> Path:
    write_lines(
        tmp_path / "event/laptop-1/responses.jsonl", [line(record(loaded, n)) for n in (1, 2)]
    )
    write_lines(tmp_path / "event/laptop-1/personal.jsonl", [line(personal(loaded, 1))])
    write_lines(
        tmp_path / "event/laptop-2/responses.jsonl", [line(record(loaded, n)) for n in (2, 3)]
    )
    return tmp_path / "event"


def test_a_clean_merge_exits_0_with_a_table_per_file_on_stderr(
    laptops: Path, tmp_path: Path
) -> None:
    result = run(laptops, "-o", tmp_path / "merged/merged.jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    table = result.stderr.splitlines()
    assert table[0].split() == [
        "file", "kind", "lines", "blank", "valid", "merged", "duplicate", "conflict",
        "not", "kept", "partial", "skipped", "quarantined",
    ]  # fmt: skip
    rows = {row.split()[0]: row.split()[1:] for row in table[2:6]}
    assert rows[f"{laptops}/laptop-2/responses.jsonl"] == [
        "responses", "2", "0", "2", "1", "1", "0", "0", "0", "0",
    ]  # fmt: skip
    assert rows[f"{laptops}/laptop-1/personal.jsonl"][0] == "personal"
    assert rows["total"] == ["5", "0", "5", "4", "1", "0", "0", "0", "0"]
    assert f"merged 3 records -> {tmp_path}/merged/merged.jsonl" in result.stderr
    assert "clean: nothing quarantined, no conflicts" in result.stderr
    assert len((tmp_path / "merged/merged.jsonl").read_text().splitlines()) == 3
    assert len((tmp_path / "merged/personal.jsonl").read_text().splitlines()) == 1


def test_quarantine_or_conflict_exits_1_and_says_where_they_went(
    loaded: LoadedQuestionnaire, laptops: Path, tmp_path: Path
) -> None:
    edited = record(loaded, 3, version=2)
    write_lines(laptops / "laptop-3/responses.jsonl", [line(edited), '{"record_id": "cut'])
    result = run(laptops, "-o", tmp_path / "out/merged.jsonl", "--conflicts", tmp_path / "c.jsonl")
    assert result.exit_code == 1
    assert f"CONFLICTS: 1 responses record ids with different versions -> {tmp_path}/c.jsonl" in (
        result.stderr
    )
    assert (
        "QUARANTINED: 1 bad lines that are personal or cannot be read (kept with the personal "
        f"data) -> {tmp_path}/out/personal-quarantine.jsonl"
    ) in result.stderr
    assert f"first bad line: {laptops}/laptop-3/responses.jsonl:2: line: not valid JSON" in (
        result.stderr
    )
    assert len((tmp_path / "c.jsonl").read_text().splitlines()) == 2


def test_json_report_on_stdout(laptops: Path, tmp_path: Path) -> None:
    result = run(laptops, "-o", tmp_path / "out/merged.jsonl", "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["clean"] is True
    assert report["totals"]["merged"] == 4 and report["totals"]["duplicates"] == 1
    assert report["records"] == {"responses": 3, "personal": 1}
    assert [f["kind"] for f in report["files"]] == ["personal", "responses", "responses"]
    assert report["outputs"]["merged"] == str(tmp_path / "out/merged.jsonl")


def test_an_unknown_questionnaire_is_named_with_the_record_and_file(
    loaded: LoadedQuestionnaire, tmp_path: Path
) -> None:
    stray = record(loaded, 5)
    stray["questionnaire"]["sha256"] = "0" * 64
    path = write_lines(tmp_path / "in/a.jsonl", [line(stray)])
    result = run(path, "-o", tmp_path / "out/merged.jsonl")
    assert result.exit_code == 1
    assert f"UNKNOWN QUESTIONNAIRE {'0' * 64}: 1 lines, first at {path}:1 (record " in result.stderr
    reprint = tmp_path / "reprint.yaml"
    reprint.write_bytes(QUESTIONNAIRE.read_bytes() + b"# reprint\n")
    result = run(path, "-o", tmp_path / "out/merged.jsonl", "-q", QUESTIONNAIRE, "-q", reprint)
    assert result.exit_code == 1  # still unknown: neither file has that sha256
    assert "UNKNOWN QUESTIONNAIRE" in result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["nothing-here-*.jsonl"], "no such file, directory or matching files"),
        (["{laptops}", "-o", "{laptops}/laptop-2/responses.jsonl"], "refusing to write over"),
        (["{laptops}", "-o", "{tmp}/out/personal.jsonl"], "two outputs name the same file"),
        (["{laptops}"], "Missing option '-o'"),
        ([], "Missing argument 'INPUTS...'"),
        (["{laptops}", "-o", "{tmp}/m.jsonl", "--jobs", "0"], "Invalid value for '--jobs'"),
    ],
)
def test_usage_errors_exit_2(laptops: Path, tmp_path: Path, args: list[str], words: str) -> None:
    filled = [a.format(laptops=laptops, tmp=tmp_path) for a in args]
    if "-o" not in filled and filled:
        filled += ["-o", str(tmp_path / "m.jsonl")] if "Missing option" not in words else []
    result = run(*filled)
    assert result.exit_code == 2, result.output
    assert words in result.stderr


def test_help_explains_outputs_keep_rule_and_exit_status() -> None:
    result = run("--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for words in (
        "quarantine.jsonl",
        "complete over partial",
        "latest submitted_at",
        "Exit status: 0 clean",
    ):
        assert words in text


@pytest.mark.slow
def test_the_installed_command_merges_with_worker_processes(laptops: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "localdigital_tui", "merge", str(laptops), "-o",
         str(tmp_path / "out/merged.jsonl"), "--jobs", "2", "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["records"] == {"responses": 3, "personal": 1}
