"""The kept records written in parts, each to its own place in one output file."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from localdigital_tui.core.merge.output_parts import plan_parts, write_part


def spill_files(tmp_path: Path) -> tuple[list[str], list[tuple[int, int, int]], list[bytes]]:
    """Two spill files of numbered lines; the records in an order that jumps between them."""
    lines = [[f'{{"n":{n},"file":{f}}}'.encode() for n in range(40)] for f in range(2)]
    paths, where = [], {}
    for number, file_lines in enumerate(lines):
        path = tmp_path / f"spill-{number}.jsonl"
        path.write_bytes(b"".join(line + b"\n" for line in file_lines))
        paths.append(str(path))
        offset = 0
        for line in file_lines:
            where[line] = (number, offset, len(line))
            offset += len(line) + 1
    order = [lines[n % 2][n // 2] for n in reversed(range(80))]
    return paths, [where[line] for line in order], order


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_the_parts_together_write_every_record_once_in_order(tmp_path: Path, parts: int) -> None:
    paths, records, order = spill_files(tmp_path)
    columns = (
        array("I", [r[0] for r in records]),
        array("Q", [r[1] for r in records]),
        array("I", [r[2] for r in records]),
    )
    expected = b"".join(line + b"\n" for line in order)
    target = tmp_path / "merged.jsonl"
    target.write_bytes(bytes(len(expected)))
    planned = plan_parts(str(target), paths, columns, parts)
    assert 1 <= len(planned) <= parts
    assert sum(len(part.lengths) for part in planned) == len(records)
    for part in reversed(planned):  # any order: each part knows its place
        write_part(part)
    assert target.read_bytes() == expected
