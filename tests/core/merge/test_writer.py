"""Staged outputs: written under a temporary name, published whole."""

from __future__ import annotations

from pathlib import Path

from localdigital_tui.core.merge.writer import StagedFile, publish_all


def test_a_staged_file_appears_whole_only_when_published(tmp_path: Path) -> None:
    target = tmp_path / "merged.jsonl"
    staged = StagedFile(target)
    staged.write(b'{"a":1}\n')
    assert not target.exists()
    publish_all([staged])
    assert target.read_bytes() == b'{"a":1}\n'
    assert [path.name for path in tmp_path.iterdir()] == ["merged.jsonl"]
