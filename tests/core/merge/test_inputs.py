"""INPUT arguments: files, directories searched for *.jsonl, globs; each file once."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdigital_tui.core.merge.inputs import expand_inputs
from localdigital_tui.errors import MergeInputError


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "laptop-1/responses-a.jsonl",
        "laptop-1/personal-a.jsonl",
        "laptop-1/notes.txt",
        "laptop-1/.hidden.jsonl",
        "laptop-2/sub/responses-b.jsonl",
        "laptop-2/.git/x.jsonl",
        "extra.jsonl",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}\n")
    return tmp_path


def names(paths: list[Path], root: Path) -> list[str]:
    return [str(p.relative_to(root)) for p in paths]


def test_a_directory_is_searched_recursively_for_visible_jsonl_files(tree: Path) -> None:
    assert names(expand_inputs([tree]), tree) == [
        "extra.jsonl",
        "laptop-1/personal-a.jsonl",
        "laptop-1/responses-a.jsonl",
        "laptop-2/sub/responses-b.jsonl",
    ]


def test_files_and_globs_keep_argument_order_and_each_file_comes_once(tree: Path) -> None:
    found = expand_inputs(
        [tree / "extra.jsonl", f"{tree}/laptop-*/**/responses-*.jsonl", tree / "extra.jsonl"]
    )
    assert names(found, tree) == [
        "extra.jsonl",
        "laptop-1/responses-a.jsonl",
        "laptop-2/sub/responses-b.jsonl",
    ]


def test_a_file_named_explicitly_is_taken_whatever_its_name(tree: Path) -> None:
    assert names(expand_inputs([tree / "laptop-1/notes.txt"]), tree) == ["laptop-1/notes.txt"]


def test_an_argument_that_matches_nothing_is_an_error(tree: Path) -> None:
    with pytest.raises(MergeInputError, match="nope"):
        expand_inputs([tree / "extra.jsonl", tree / "nope.jsonl"])
    with pytest.raises(MergeInputError, match=r"\*\.csv"):
        expand_inputs([f"{tree}/*.csv"])


def test_a_directory_without_jsonl_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(MergeInputError, match=r"no \*\.jsonl files in this directory"):
        expand_inputs([tmp_path / "empty"])
