"""The fast path only vouches for lines pydantic accepts, with pydantic's canonical bytes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localdigital_tui.core.merge.fast_canonical import FastLines
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.fast_check import FastLineCheck
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.line_check import LineChecker, ValidLine
from tests.core.merge.record_lines import personal
from tests.records_factory import complete_line

BASES: dict[tuple[str, int], str] = {}
BENCHMARKS = Path(__file__).parents[3] / "benchmarks"


def base(loaded: LoadedQuestionnaire, audience: str, seed: int) -> dict[str, Any]:
    key = (audience, seed)
    if key not in BASES:
        BASES[key] = json.dumps(complete_line(loaded, audience, seed))
    data: dict[str, Any] = json.loads(BASES[key])
    return data


STAMPS = st.one_of(
    st.sampled_from(
        [
            "2013-06-24T09:20:00Z",
            "2013-06-24T09:20:00.5Z",
            "2013-06-24T09:20:00.500000Z",
            "2013-06-24T09:20:00.000000Z",
            "2013-06-24T09:20:00.123456Z",
            "2013-06-24T09:20:00+00:00",
            "2013-06-24T09:20:00+01:00",
            "2013-06-24T09:20:60Z",
            "2013-02-30T09:20:00Z",
            "2013-06-24 09:20:00Z",
            "2013-06-24T09:20:00",
        ]
    ),
    st.datetimes(timezones=st.just(__import__("datetime").UTC)).map(
        lambda d: d.isoformat().replace("+00:00", "Z")
    ),
)
TEXT = st.text(max_size=12)
NUMBERS = st.one_of(
    st.integers(min_value=-5, max_value=2 * 10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 0.0, 25, 25.0, 1e16, 1e22, 1e-7, 99.99999, 100, 100.0, "25", True, None]),
)


@st.composite
def mutated_response(draw: st.DrawFn, loaded: LoadedQuestionnaire) -> bytes:
    """A valid record with a few random changes: some keep it valid, many do not."""
    data = base(loaded, draw(st.sampled_from(["council", "supplier"])), draw(st.integers(0, 5)))
    answers = data["answers"]
    for _ in range(draw(st.integers(0, 4))):
        change = draw(st.integers(0, 11))
        if change == 0:
            data[draw(st.sampled_from(["started_at", "submitted_at"]))] = draw(STAMPS)
        elif change == 1:
            data["event"] = draw(st.one_of(st.none(), TEXT))
        elif change == 2 and data:
            data.pop(draw(st.sampled_from(sorted(data))))
        elif change == 3:
            data[draw(st.sampled_from(["interviewer", "device"]))] = draw(TEXT)
        elif change == 4:
            timings = data.setdefault("timings", {})
            timings[draw(st.sampled_from(["q5", "role", "zz", "q9"]))] = draw(NUMBERS)
        elif change == 5 and isinstance(answers.get("q9"), dict) and answers["q9"]:
            answers["q9"][draw(st.sampled_from(sorted(answers["q9"])))] = draw(NUMBERS)
        elif change == 6:
            answers["q10_amount"] = draw(NUMBERS)
            answers["q10"] = draw(st.sampled_from(["yes", "no", "dont_know"]))
        elif change == 7 and answers:
            answers.pop(draw(st.sampled_from(sorted(answers))), None)
        elif change == 8:
            text_codes = [code for code in ("q5_other", "q6_other", "q11_other") if code in answers]
            if text_codes:
                answers[draw(st.sampled_from(text_codes))] = draw(st.one_of(TEXT, st.none()))
        elif change == 9:
            data["status"] = "partial"
            data["submitted_at"] = draw(st.one_of(st.none(), STAMPS))
        elif change == 10:
            data["timings"] = draw(st.sampled_from([{}, None, {"q5": 1}]))
            if data["timings"] is None:
                del data["timings"]
        else:
            data["extra"] = 1
    keys = list(data)
    if draw(st.booleans()):
        keys = draw(st.permutations(keys))
    text = json.dumps({key: data[key] for key in keys}, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        text = text.replace(", ", ",").replace(": ", ":")
    return text.encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def paths(loaded: LoadedQuestionnaire) -> tuple[FastLines, LineChecker, FastLineCheck]:
    return FastLines([loaded]), LineChecker([loaded]), FastLineCheck(loaded)


def assert_agrees(
    paths: tuple[FastLines, LineChecker, FastLineCheck], raw: bytes, kind: FileKind
) -> bool:
    fast_lines, checker, fast_check = paths
    fast = fast_lines.check(raw, kind)
    if fast is None:
        return False
    slow = checker.check(raw, kind)
    assert isinstance(slow, ValidLine), (raw, slow)
    assert fast == slow
    vouched = fast_check.personal if kind is FileKind.PERSONAL else fast_check.responses
    # Both fast paths pick a decoder by the line's compact "audience":"...": for JSON
    # written with spaces, validate's check may say "don't know" where merge's tries
    # every decoder; in compact JSON (what capture writes) they must both vouch.
    if b'": ' not in raw:
        assert vouched(raw)
    return True


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_line_the_fast_path_vouches_for_is_valid_with_the_same_canonical_bytes(
    loaded: LoadedQuestionnaire,
    paths: tuple[FastLines, LineChecker, FastLineCheck],
    data: st.DataObject,
) -> None:
    assert_agrees(paths, data.draw(mutated_response(loaded)), FileKind.RESPONSES)


@settings(max_examples=100, deadline=None)
@given(name=st.one_of(TEXT, st.none()), extra=st.booleans())
def test_personal_lines_agree_too(
    loaded: LoadedQuestionnaire,
    paths: tuple[FastLines, LineChecker, FastLineCheck],
    name: str | None,
    extra: bool,
) -> None:
    data = personal(loaded, 3)
    data["answers"]["q1_name"] = name
    if extra:
        data["answers"]["q2_job_title"] = "Chief Executive"
    assert_agrees(paths, json.dumps(data).encode(), FileKind.PERSONAL)


@pytest.mark.parametrize("audience", ["council", "supplier"])
@pytest.mark.parametrize("partial", [False, True])
def test_ordinary_valid_lines_take_the_fast_path(
    loaded: LoadedQuestionnaire,
    paths: tuple[FastLines, LineChecker, FastLineCheck],
    audience: str,
    partial: bool,
) -> None:
    data = base(loaded, audience, 1)
    if partial:
        data["status"], data["submitted_at"] = "partial", None
    data["event"] = 'Local Digital Today, 2013 \u00e9\u2028"quoted"\n'
    compact = {"separators": (",", ":"), "ensure_ascii": False}
    assert assert_agrees(paths, json.dumps(data, **compact).encode(), FileKind.RESPONSES)  # type: ignore[arg-type]
    assert assert_agrees(paths, json.dumps(personal(loaded, 2)).encode(), FileKind.PERSONAL)


@pytest.mark.parametrize(
    ("field", "value", "canonical"),
    [
        ("started_at", "2013-06-24T09:00:00+00:00", "2013-06-24T09:00:00Z"),
        ("submitted_at", "2013-06-24T09:20:00.5Z", "2013-06-24T09:20:00.500000Z"),
        ("submitted_at", "2013-06-24 09:20:00.000000z", "2013-06-24T09:20:00Z"),
    ],
)
def test_timestamps_written_otherwise_come_out_as_pydantic_writes_them(
    loaded: LoadedQuestionnaire,
    paths: tuple[FastLines, LineChecker, FastLineCheck],
    field: str,
    value: str,
    canonical: str,
) -> None:
    data = base(loaded, "council", 1)
    data[field] = value
    raw = json.dumps(data, separators=(",", ":")).encode()
    assert assert_agrees(paths, raw, FileKind.RESPONSES)
    fast = paths[0].check(raw, FileKind.RESPONSES)
    assert fast is not None and json.loads(fast.canonical)[field] == canonical


@pytest.mark.parametrize("value", ["2013-06-24T10:00:00+01:00", "2013-06-24T09:00:00"])
def test_timestamps_not_in_utc_go_to_pydantic_which_refuses_them(
    loaded: LoadedQuestionnaire, paths: tuple[FastLines, LineChecker, FastLineCheck], value: str
) -> None:
    data = base(loaded, "council", 1)
    data["started_at"] = value
    raw = json.dumps(data, separators=(",", ":")).encode()
    assert paths[0].check(raw, FileKind.RESPONSES) is None
    assert not isinstance(paths[1].check(raw, FileKind.RESPONSES), ValidLine)


def test_a_huge_timing_goes_to_pydantic_which_writes_its_exponent_with_a_plus(
    loaded: LoadedQuestionnaire, paths: tuple[FastLines, LineChecker, FastLineCheck]
) -> None:
    data = base(loaded, "council", 1)
    data["timings"]["q5"] = 1e16
    raw = json.dumps(data, separators=(",", ":")).encode()
    assert paths[0].check(raw, FileKind.RESPONSES) is None
    slow = paths[1].check(raw, FileKind.RESPONSES)
    assert isinstance(slow, ValidLine) and b'"q5":1e+16' in slow.canonical


def test_the_merge_benchmarks_input_takes_the_fast_path(
    tmp_path: Path, paths: tuple[FastLines, LineChecker, FastLineCheck]
) -> None:
    """bench_merge.py measures the common case: lines as capture writes them, which the
    fast path vouches for (it once wrote an empty ``languages`` that no capture writes,
    and measured pydantic's path instead)."""
    spec = importlib.util.spec_from_file_location("merge_input", BENCHMARKS / "merge_input.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files = module.write_merge_input(tmp_path, records=60, files=3, seed=2)
    lines = [line for path in files for line in path.read_bytes().splitlines()]
    assert len(lines) == 60
    for line in lines:
        assert assert_agrees(paths, line, FileKind.RESPONSES)
