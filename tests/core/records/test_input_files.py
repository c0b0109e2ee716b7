"""Inputs expand to answers files; personal files are refused by name and skipped in folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdigital_tui.core.records.input_files import find_answers_files, is_personal_file
from localdigital_tui.errors import RecordFileError


def test_folders_expand_recursively_sorted_without_personal_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/day2.jsonl", "day1.jsonl", "personal-laptop-1.jsonl", "notes.txt"):
        (tmp_path / name).write_text("")
    found = find_answers_files([tmp_path], (".jsonl",), kinds=".jsonl", refusal="no")
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["b/day2.jsonl", "day1.jsonl"]


def test_a_named_personal_file_is_refused_with_the_reason(tmp_path: Path) -> None:
    personal = tmp_path / "Personal.jsonl"
    personal.write_text("")
    assert is_personal_file(personal)
    with pytest.raises(RecordFileError, match="a personal file: never in tables"):
        find_answers_files([personal], (".jsonl",), kinds=".jsonl", refusal="never in tables")


def test_wrong_kind_missing_and_empty_folders(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("")
    with pytest.raises(RecordFileError, match=r"expected a \.jsonl or \.parquet answers file"):
        find_answers_files(
            [tmp_path / "notes.txt"],
            (".jsonl", ".parquet"),
            kinds=".jsonl or .parquet",
            refusal="no",
        )
    with pytest.raises(RecordFileError, match="no such file"):
        find_answers_files([tmp_path / "gone.jsonl"], (".jsonl",), kinds=".jsonl", refusal="no")
    with pytest.raises(RecordFileError, match=r"no \.jsonl answers files"):
        find_answers_files([tmp_path], (".jsonl",), kinds=".jsonl", refusal="no")
