"""Lines come out as bytes without line ends or BOM, numbered, and chunks cover files exactly."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from localdigital_tui.core.records import line_reader
from localdigital_tui.core.records.line_reader import plan_chunks, read_lines


def lines_of(path: Path, chunk_bytes: int = 1 << 20) -> list[tuple[int, bytes, bool]]:
    found = []
    base = 0
    for chunk in plan_chunks([path], chunk_bytes):
        numbers = 0
        for raw in read_lines(chunk):
            found.append((base + raw.number, raw.body, raw.ended))
            numbers = raw.number
        base += numbers
    return found


def test_bom_crlf_blank_lines_and_a_missing_last_line_end(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"a":1}\r\n\r\n   \n{"b":2}\n{"c":')
    assert lines_of(path) == [
        (1, b'{"a":1}', True),
        (2, b"", True),
        (3, b"   ", True),
        (4, b'{"b":2}', True),
        (5, b'{"c":', False),
    ]


def test_a_bom_where_files_were_joined_with_cat_is_dropped_too(tmp_path: Path) -> None:
    path = tmp_path / "joined.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"a":1}\n\xef\xbb\xbf{"b":2}\n')
    assert [body for _, body, _ in lines_of(path)] == [b'{"a":1}', b'{"b":2}']


def test_bytes_that_are_not_text_are_passed_on_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bin.jsonl"
    path.write_bytes(b"\x00\xff\xfe\n\x89PNG\r\n")
    assert [body for _, body, _ in lines_of(path)] == [b"\x00\xff\xfe", b"\x89PNG"]


@pytest.mark.parametrize("chunk_bytes", [1, 7, 20, 64, 10_000])
def test_chunks_start_at_line_starts_and_read_back_the_same_lines(
    tmp_path: Path, chunk_bytes: int
) -> None:
    path = tmp_path / "many.jsonl"
    text = b"".join(b'{"n":%d,"pad":"%s"}\n' % (i, b"x" * (i % 13)) for i in range(200))
    path.write_bytes(text + b'{"last":true}')
    chunks = plan_chunks([path], chunk_bytes)
    assert chunks[0].start == 0 and chunks[-1].end == len(text) + 13
    assert all(a.end == b.start for a, b in itertools.pairwise(chunks))
    whole = lines_of(path, 1 << 20)
    assert len(whole) == 201
    assert lines_of(path, chunk_bytes) == whole


def test_an_empty_file_is_one_empty_chunk_with_no_lines(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    chunks = plan_chunks([path])
    assert [(c.start, c.end) for c in chunks] == [(0, 0)]
    assert list(read_lines(chunks[0])) == []


def test_a_line_longer_than_the_limit_is_cut_and_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(line_reader, "MAX_LINE_BYTES", 16)
    path = tmp_path / "long.jsonl"
    path.write_bytes(b"y" * 100 + b"\n" + b'{"a":1}\n')
    lines = list(read_lines(plan_chunks([path])[0]))
    assert [(r.number, r.body, r.overlong) for r in lines] == [
        (1, b"y" * 16, True),
        (2, b'{"a":1}', False),
    ]


def reference_lines(data: bytes) -> list[tuple[int, bytes, bool]]:
    """What the reader must give, by a plain split: LF ends a line, a CR before it and a
    BOM at its start go, only the last line may lack its LF."""
    pieces = data.split(b"\n")
    found = []
    for number, piece in enumerate(pieces, start=1):
        ended = number < len(pieces)
        if not ended and not piece:
            break
        piece = piece[:-1] if piece.endswith(b"\r") else piece
        found.append((number, piece.removeprefix(b"\xef\xbb\xbf"), ended))
    return found


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(
            [b"\n", b"\r\n", b"\r", b"\xef\xbb\xbf", b'{"a":1}', b" ", b"\x00", b"\xff"]
        ),
        max_size=30,
    ),
    chunk_bytes=st.integers(1, 40),
)
def test_lines_are_a_plain_split_whatever_the_chunk_size(
    pieces: list[bytes], chunk_bytes: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.jsonl"
        data = b"".join(pieces)
        path.write_bytes(data)
        assert lines_of(path, chunk_bytes) == reference_lines(data)


def test_an_overlong_line_says_how_long_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(line_reader, "MAX_LINE_BYTES", 16)
    monkeypatch.setattr(line_reader, "_SCAN_BLOCK", 5)
    path = tmp_path / "long.jsonl"
    path.write_bytes(b"y" * 100 + b"\n" + b"z" * 40)
    lines = list(read_lines(plan_chunks([path])[0]))
    assert [(r.size, r.ended, r.overlong) for r in lines] == [(100, True, True), (40, False, True)]


def readline_lines(path: Path, limit: int) -> list[tuple[int, bytes, bool, bool, int]]:
    """The reader as it was before it read in blocks (``readline``), kept as the oracle."""
    found = []
    data = path.read_bytes()
    with path.open("rb") as handle:
        remaining, number = len(data), 0
        while remaining > 0:
            raw = handle.readline(min(remaining, limit))
            remaining -= len(raw)
            number += 1
            ended = raw.endswith(b"\n")
            if ended or remaining == 0 or len(raw) < limit:
                body = line_reader._strip(raw[:-1] if ended else raw)
                found.append((number, body, ended, False, len(body)))
                continue
            length = len(raw)
            while remaining > 0 and not ended:
                rest = handle.readline(min(remaining, 3))
                remaining -= len(rest)
                ended = rest.endswith(b"\n")
                length += len(rest) - ended
            found.append((number, raw, ended, True, length))
    return found


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from([b"\n", b"\r\n", b"\xef\xbb\xbf", b"y", b"yyyyy", b"z" * 17, b"\r"]),
        max_size=40,
    ),
    limit=st.integers(1, 20),
    block=st.integers(1, 30),
)
def test_reading_in_blocks_gives_what_readline_gave(
    pieces: list[bytes], limit: int, block: int
) -> None:
    """Any block size, any line limit: the same lines, cuts, lengths and line ends."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(line_reader, "MAX_LINE_BYTES", limit)
        patch.setattr(line_reader, "READ_BLOCK", block)
        path = Path(folder) / "a.jsonl"
        path.write_bytes(b"".join(pieces))
        got = [
            (r.number, r.body, r.ended, r.overlong, r.size)
            for r in read_lines(plan_chunks([path], 1 << 20)[0])
        ]
        assert got == readline_lines(path, limit)


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from([b"\n", b"\r\n", b"\xef\xbb\xbf", b'{"a":1}', b" ", b"\t", b"y" * 9, b"y"]),
        max_size=30,
    ),
    limit=st.integers(2, 12),
    block=st.integers(1, 30),
)
def test_plain_batches_are_the_lines_read_when_each_is_plain(
    pieces: list[bytes], limit: int, block: int
) -> None:
    """While every line is plain the batches hold exactly the reader's lines; at the
    first batch with a blank, CRLF, BOM or line as long as the limit, None, then
    nothing (a last line of exactly the limit is not overlong to the reader:
    plain_batches leaves that one to the reader too)."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(line_reader, "MAX_LINE_BYTES", limit)
        patch.setattr(line_reader, "READ_BLOCK", block)
        path = Path(folder) / "a.jsonl"
        data = b"".join(pieces)
        path.write_bytes(data)
        chunk = plan_chunks([path], 1 << 20)[0]
        read = list(read_lines(chunk))
        plain = b"\r" not in data and line_reader.BOM not in data
        plain = plain and not any(r.blank or r.size >= limit for r in read)
        batches = list(line_reader.plain_batches(chunk))
        if plain:
            assert None not in batches
            assert [line for batch in batches for line in batch or []] == [r.body for r in read]
        else:
            assert batches and batches[-1] is None and None not in batches[:-1]


@pytest.mark.parametrize(
    ("data", "holds"),
    [
        (b"", False),
        (b'{"a":"plain"}\n', False),
        ('{"a":"\uff01 full width"}\n'.encode(), False),  # 0xEF 0xBC 0x81: not a BOM
        (b"\xef\xbb", False),
        (b"\xef\xbb\xbf{}", True),
        ('{"a":"\uff01"}\n\ufeff{}'.encode(), True),
    ],
)
def test_a_byte_order_mark_is_found_anywhere_and_only_where_it_is(data: bytes, holds: bool) -> None:
    assert line_reader.holds_bom(data) is holds
