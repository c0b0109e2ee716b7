"""Staged outputs: written under a temporary name, handed to the disk as they grow."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdigital_tui.core.merge import writer
from localdigital_tui.core.merge.writer import StagedFile, publish_all


def test_a_staged_file_appears_whole_only_when_published(tmp_path: Path) -> None:
    target = tmp_path / "merged.jsonl"
    staged = StagedFile(target)
    staged.write(b'{"a":1}\n')
    assert not target.exists()
    publish_all([staged])
    assert target.read_bytes() == b'{"a":1}\n'
    assert [path.name for path in tmp_path.iterdir()] == ["merged.jsonl"]


def test_handing_written_bytes_to_the_disk_early_keeps_every_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A merge of gigabytes starts the writeback every 64 MiB; here every 100 bytes.
    monkeypatch.setattr(writer, "WRITEBACK_BYTES", 100)
    lines = [f'{{"n":{n}}}\n'.encode() for n in range(1000)]
    staged = StagedFile(tmp_path / "merged.jsonl")
    for line in lines:
        staged.write(line)
    publish_all([staged])
    assert (tmp_path / "merged.jsonl").read_bytes() == b"".join(lines)
