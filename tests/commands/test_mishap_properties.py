"""Random input sets as an event leaves them, through merge, validate, tables and convert.

Each example is up to four files of lines picked from the bundled data and
damaged the ways files are at events: copies and edited copies, drafts cut by a
crash (inside a UTF-8 sequence too), CRLF, byte order marks, blank lines, NUL
bytes, binary junk, a line far too long, records of another questionnaire,
wrong types, unknown fields, personal lines among the answers. The generator
knows what every line is, so each property is checked against it, not against
another run of the code.

``LOCALDIGITAL_EXAMPLES=2000 pytest tests/commands/test_mishap_properties.py``
runs more examples than CI does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyreadstat
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from localdigital_tui.cli import cli
from localdigital_tui.core.merge import MergeOutputs
from localdigital_tui.core.records import line_check, line_reader

ROOT = Path(__file__).resolve().parents[2]
RESPONSES = (ROOT / "data/responses.jsonl").read_bytes().splitlines()[:12]
PERSONAL = (ROOT / "data/personal.jsonl").read_bytes().splitlines()[:12]
LIMIT = 8192  # the reader's longest line, lowered from 8 MiB for these tests
BOM = b"\xef\xbb\xbf"
OUTPUTS = tuple(p.name for p in MergeOutputs.beside(Path("merged.jsonl")).all())
ANSWERS_OUTPUTS = ("merged.jsonl", "quarantine.jsonl", "conflicts.jsonl")
EXAMPLES = int(os.environ.get("LOCALDIGITAL_EXAMPLES", "25"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=EXAMPLES <= 25,  # CI runs the same examples every time
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # a shrink of slow examples
)  # can take many minutes: the failing example is printed as found


@pytest.fixture(autouse=True, scope="module")
def short_lines() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(line_reader, "MAX_LINE_BYTES", LIMIT)
        patch.setattr(line_check, "MAX_LINE_BYTES", LIMIT)
        yield


@dataclass(frozen=True)
class Line:
    data: bytes  # without its line end
    what: str  # "good", "personal", "blank" or "bad"
    record_id: str | None = None
    end: bytes = b"\n"

    def __repr__(self) -> str:  # short: a failing example lists every line
        shown = self.data if len(self.data) <= 60 else self.data[:40] + b"..." + self.data[-12:]
        return f"Line({shown!r}, {self.what!r}, end={self.end!r})"

    @property
    def body(self) -> bytes:
        """What a reader hands on: no CR before the LF, no byte order mark."""
        body = self.data.removeprefix(BOM)
        return body[:-1] if body.endswith(b"\r") else body


def _edited(raw: bytes, **changes: object) -> bytes:
    record = json.loads(raw)
    for key, value in changes.items():
        if key == "sha256":
            record["questionnaire"]["sha256"] = value
        else:
            record[key] = value
    return json.dumps(record, ensure_ascii=False).encode()


def _id(raw: bytes) -> str:
    return str(json.loads(raw)["record_id"])


@st.composite
def lines(draw: st.DrawFn) -> Line:
    i = draw(st.integers(0, len(RESPONSES) - 1))
    raw, personal = RESPONSES[i], PERSONAL[i]
    kind = draw(
        st.sampled_from(
            ["good"] * 6
            + ["edited", "personal", "personal", "cut", "cut_personal", "cut_utf8", "blank"]
            + ["nul", "binary", "long", "sha", "type", "extra", "crlf", "bom", "not_object"]
        )
    )
    if kind == "good":
        return Line(raw, "good", _id(raw))
    if kind == "edited":  # another version of the record
        return Line(_edited(raw, interviewer="someone-else"), "good", _id(raw))
    if kind == "crlf":
        return Line(raw + b"\r", "good", _id(raw))
    if kind == "bom":
        return Line(BOM + raw, "good", _id(raw))
    if kind == "personal":
        return Line(personal, "personal", _id(personal))
    if kind == "cut":
        return Line(raw[: draw(st.integers(1, len(raw) - 2))], "bad")
    if kind == "cut_personal":
        return Line(personal[: draw(st.integers(1, len(personal) - 2))], "bad")
    if kind == "cut_utf8":  # cut between the two bytes of an "é"
        text = _edited(raw, interviewer="José Núñez")
        return Line(text[: text.index("é".encode()) + 1], "bad")
    if kind == "blank":
        return Line(draw(st.sampled_from([b"", b"  ", b"\t"])), "blank")
    if kind == "nul":
        return Line(b"\x00\x00" + raw[:40], "bad")
    if kind == "binary":
        junk = draw(st.binary(min_size=1, max_size=60)).replace(b"\n", b"").replace(b"\r", b"")
        return Line(b"\xff" + junk, "bad")
    if kind == "long":
        return Line(b'{"record_id": "' + b"x" * (LIMIT + 100) + b'"}', "bad")
    if kind == "sha":
        return Line(_edited(raw, sha256="0" * 64), "bad")
    if kind == "type":
        return Line(_edited(raw, started_at=12345), "bad")
    if kind == "extra":
        return Line(_edited(raw, colour="red"), "bad")
    return Line(draw(st.sampled_from([b"[1, 2]", b'"text"', b"42", b'{"x": 1}'])), "bad")


@st.composite
def input_sets(draw: st.DrawFn) -> list[list[Line]]:
    files = draw(st.lists(st.lists(lines(), max_size=8), min_size=1, max_size=4))
    for file in files:
        if file and draw(st.booleans()):  # the last line lost its line end in a crash
            file[-1] = Line(file[-1].data, file[-1].what, file[-1].record_id, end=b"")
    return files


def write(root: Path, files: list[list[Line]]) -> list[Path]:
    paths = []
    for n, file in enumerate(files):
        path = root / f"in/laptop-{n}/responses.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"".join(line.data + line.end for line in file))
        paths.append(path)
    return paths


def invoke(*args: str | Path) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback from {args}: {result.output}") from result.exception
    assert result.exit_code in (0, 1), (args, result.exit_code, result.output)
    return result


def merge(inputs: list[str | Path] | list[Path], out: Path, *extra: str) -> Result:
    result = invoke("merge", *inputs, "-o", out / "merged.jsonl", *extra)
    names = sorted(p.name for p in out.iterdir())
    assert set(names) <= set(OUTPUTS), names  # no temporary file or folder is left
    return result


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def read(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_bytes().splitlines()] if path.exists() else []


def quarantined(out: Path) -> list[dict[str, object]]:
    return read(out / "quarantine.jsonl") + read(out / "personal-quarantine.jsonl")


def digest(paths: list[Path]) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


PERSONAL_KEYS = (b'"q1_name"', b'"q2_job_title"', b'"q3_organisation"', b"Test Respondent")


@PROPERTY
@given(
    files=input_sets(),
    order=st.randoms(use_true_random=False),
    named=st.sampled_from(["files", "folder", "glob", "a file twice"]),
)
def test_merge_keeps_every_record_once_and_every_bad_line_whole(
    tmp_path_factory: pytest.TempPathFactory,
    files: list[list[Line]],
    order: random.Random,
    named: str,
) -> None:
    root = tmp_path_factory.mktemp("merge")
    inputs = write(root, files)
    before = digest(inputs)
    given_as: list[str | Path] = {
        "files": list(inputs),
        "folder": [root / "in"],
        "glob": [str(root / "in/*/responses.jsonl")],
        "a file twice": [*inputs, inputs[0]],
    }[named]
    merge(given_as, root / "out")
    found = outputs(root / "out")

    # every valid distinct record once, whichever version was kept
    expected = {line.record_id for file in files for line in file if line.what == "good"}
    merged = read(root / "out/merged.jsonl")
    assert sorted(str(r["record_id"]) for r in merged) == sorted(expected)
    people = {line.record_id for file in files for line in file if line.what == "personal"}
    assert {str(p["record_id"]) for p in read(root / "out/personal.jsonl")} == people

    # every bad line quarantined with its file, line and whole raw bytes
    bad = {
        (str(path), n): line.body
        for path, file in zip(inputs, files, strict=True)
        for n, line in enumerate(file, start=1)
        if line.what == "bad"
    }
    assert sorted((str(q["file"]), q["line"]) for q in quarantined(root / "out")) == sorted(bad)
    for entry in quarantined(root / "out"):
        body = bad[(str(entry["file"]), entry["line"])]
        shown = base64.b64decode(str(entry["raw_base64"])) if "raw_base64" in entry else None
        raw = shown if shown is not None else str(entry["raw"]).encode()
        assert raw == body[:LIMIT], entry
        assert entry.get("raw_bytes", len(body)) == len(body)

    # personal data only in the personal outputs
    for name in ANSWERS_OUTPUTS:
        assert not any(key in found.get(name, b"") for key in PERSONAL_KEYS), name

    # the same bytes for the files in any order; again for the merge of the merge
    shuffled = inputs[:]
    order.shuffle(shuffled)
    merge(shuffled, root / "again")
    assert outputs(root / "again") == found
    kept = [root / "out" / name for name in ("merged.jsonl", "personal.jsonl")]
    merge([p for p in kept if p.exists()], root / "twice")
    assert (root / "twice/merged.jsonl").read_bytes() == found["merged.jsonl"]
    assert digest(inputs) == before


@PROPERTY
@given(files=input_sets())
def test_validate_judges_every_line_as_merge_does(
    tmp_path_factory: pytest.TempPathFactory, files: list[list[Line]]
) -> None:
    root = tmp_path_factory.mktemp("validate")
    inputs = write(root, files)
    result = invoke("validate", *inputs)
    reported = {
        (path, int(number))
        for line in result.stdout.splitlines()
        for path, number, *_ in [line.split(":", 2)]
        if number.isdigit()
    }
    merge(inputs, root / "out")
    found = quarantined(root / "out")
    assert reported == {(str(q["file"]), q["line"]) for q in found}
    assert result.exit_code == (1 if found else 0)


@PROPERTY
@given(files=input_sets())
def test_tables_convert_and_export_give_the_merged_records_or_one_clear_error(
    tmp_path_factory: pytest.TempPathFactory, files: list[list[Line]]
) -> None:
    root = tmp_path_factory.mktemp("tables")
    inputs = write(root, files)
    before = digest(inputs)
    tables = invoke("tables", *inputs, "-f", "tidy")
    if tables.exit_code:
        assert tables.stderr.startswith("error: ") and tables.stderr.count("\n") == 1
    converted = invoke("convert", *inputs, "-o", root / "all.parquet")
    if converted.exit_code:
        assert "error: " in converted.stderr or "not converted" in converted.stderr
    exported = invoke("export", *inputs, "-o", root / "all.sav")
    if exported.exit_code:
        assert "error: " in exported.stderr or "not exported" in exported.stderr
    merged = merge(inputs, root / "out")
    assert digest(inputs) == before
    if any(line.what == "bad" for file in files for line in file) or merged.exit_code:
        return  # bad lines or conflicting versions: merge is the one to say what they are
    if any(line.what == "personal" for file in files for line in file):
        assert tables.exit_code == 1 and "not answers records" in tables.stderr
        return
    if not any(line.what == "good" for file in files for line in file):
        assert tables.exit_code == 1 and "no records to tabulate" in tables.stderr
        return
    assert tables.exit_code == 0, tables.stderr
    assert tables.stdout == invoke("tables", root / "out/merged.jsonl", "-f", "tidy").stdout
    if converted.exit_code == 0:
        assert tables.stdout == invoke("tables", root / "all.parquet", "-f", "tidy").stdout
    merged_ids = sorted(str(r["record_id"]) for r in read(root / "out/merged.jsonl"))
    assert exported.exit_code == 0, exported.output
    frame, _ = pyreadstat.read_sav(root / "all.sav", output_format="polars")
    assert sorted(frame["record_id"].to_list()) == merged_ids
