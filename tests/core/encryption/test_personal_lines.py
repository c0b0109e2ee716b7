"""Encrypted personal lines: validated and merged without the key, decrypted with it."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from localdigital_tui.core.encryption.keys import new_key_pair
from localdigital_tui.core.encryption.personal_lines import decrypt_personal_file
from localdigital_tui.core.encryption.sealed_answers import AnswerOpener, AnswerSealer
from localdigital_tui.core.merge import MergeOutputs, merge
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.kinds import FileKind
from localdigital_tui.core.records.validation import RecordValidator
from tests.core.encryption.lines_factory import encrypted_line, plain_line, with_changes

ADA = "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a42"
BEN = "6c1f8a1d-4b67-4f1f-8a6a-3a8d0f9e2b53"
ADA_ANSWERS = {"q1_name": "Ada Example", "q3_organisation": "Example Borough"}
BEN_ANSWERS = {"q2_job_title": "Head of IT", "q12_report_copy": "no"}


def write(path: Path, *lines: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_validate_accepts_encrypted_personal_lines(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer
) -> None:
    path = write(
        tmp_path / "personal.jsonl",
        encrypted_line(loaded, sealer, ADA, ADA_ANSWERS),
        plain_line(loaded, BEN, BEN_ANSWERS),
        encrypted_line(loaded, sealer, BEN, {}),
    )
    summary = RecordValidator(loaded).validate_file(path, FileKind.PERSONAL)
    assert (summary.bad, summary.personal) == (0, 3), summary.problems


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"encrypted_to": "age1nope"}, "encrypted_to", "not an age public key"),
        ({"encrypted_answers": {"q1_name": "Ada Example"}}, "encrypted_answers.q1_name", "base64"),
        ({"encrypted_answers": {"q5": "YWdl"}}, "encrypted_answers.q5", "not a personal question"),
        ({"answers": {"q1_name": "Ada"}}, "answers", "unknown field"),
        ({"encrypted_to": None}, "encrypted_to", "string"),
    ],
)
def test_a_bad_encrypted_line_is_quarantined_with_the_personal_data_naming_file_and_line(
    tmp_path: Path,
    loaded: LoadedQuestionnaire,
    sealer: AnswerSealer,
    change: dict[str, Any],
    field: str,
    problem: str,
) -> None:
    good = encrypted_line(loaded, sealer, ADA, ADA_ANSWERS)
    bad = with_changes(encrypted_line(loaded, sealer, BEN, BEN_ANSWERS), **change)
    source = write(tmp_path / "event/personal-laptop-1.jsonl", good, bad)
    outputs = MergeOutputs.beside(tmp_path / "merged/merged.jsonl")

    report = merge([source], [loaded], outputs)

    assert report.records["personal"] == 1 and not report.clean
    [quarantined] = read_jsonl(outputs.personal_quarantine)
    assert (quarantined["file"], quarantined["line"]) == (str(source), 2)
    assert quarantined["record_id"] == BEN
    assert quarantined["errors"][0]["field"] == field
    assert problem in quarantined["errors"][0]["problem"]
    assert outputs.quarantine.read_bytes() == b"", "never with the answers"
    assert report.first_problem is not None and report.first_problem.startswith(f"{source}:2: ")


def test_merge_keeps_copies_of_an_encrypted_line_once_and_lists_other_versions(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer
) -> None:
    ada = encrypted_line(loaded, sealer, ADA, ADA_ANSWERS)
    ada_sealed_again = encrypted_line(loaded, sealer, ADA, ADA_ANSWERS)
    ben = encrypted_line(loaded, sealer, BEN, BEN_ANSWERS)
    files = [
        write(tmp_path / "event/a/personal.jsonl", ada, ben),
        write(tmp_path / "event/b/personal.jsonl", ada, ben),  # a copied folder
        write(tmp_path / "event/c/personal.jsonl", ada_sealed_again, plain_line(loaded, BEN, {})),
    ]
    outputs = MergeOutputs.beside(tmp_path / "merged/merged.jsonl")

    report = merge(files, [loaded], outputs)

    assert report.records["personal"] == 2
    assert report.totals.duplicates == 2
    assert report.conflicted_records["personal"] == 2
    kept = {line["record_id"]: line for line in read_jsonl(outputs.personal)}
    assert "answers" in kept[BEN], "a plain version sorts before an encrypted one"
    versions = read_jsonl(outputs.personal_conflicts)
    assert len(versions) == 4
    assert all("decrypt" in v["reason"] for v in versions if "encrypted_answers" in v["record"])


def test_decrypt_gives_back_the_plain_lines_in_order_and_passes_plain_ones_through(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer, opener: AnswerOpener
) -> None:
    path = write(
        tmp_path / "personal.jsonl",
        encrypted_line(loaded, sealer, ADA, ADA_ANSWERS),
        "",
        plain_line(loaded, BEN, BEN_ANSWERS),
    )
    result = decrypt_personal_file(path, opener, [loaded])

    assert result.problems == []
    assert (result.decrypted, result.plain, result.blank) == (1, 1, 1)
    assert [json.loads(line) for line in result.lines] == [
        json.loads(plain_line(loaded, ADA, ADA_ANSWERS)),
        json.loads(plain_line(loaded, BEN, BEN_ANSWERS)),
    ]


def test_a_tampered_ciphertext_is_named_by_file_line_and_field(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer, opener: AnswerOpener
) -> None:
    line = json.loads(encrypted_line(loaded, sealer, BEN, BEN_ANSWERS))
    data = bytearray(base64.b64decode(line["encrypted_answers"]["q2_job_title"]))
    data[-3] ^= 0x40
    line["encrypted_answers"]["q2_job_title"] = base64.b64encode(bytes(data)).decode()
    path = write(
        tmp_path / "personal.jsonl",
        encrypted_line(loaded, sealer, ADA, ADA_ANSWERS),
        json.dumps(line),
    )
    result = decrypt_personal_file(path, opener, [loaded])

    [problem] = result.problems
    assert str(problem).startswith(f"{path}:2: encrypted_answers.q2_job_title: damaged")
    assert len(result.lines) == 1


def test_an_answer_moved_between_lines_is_refused(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer, opener: AnswerOpener
) -> None:
    ada = json.loads(encrypted_line(loaded, sealer, ADA, ADA_ANSWERS))
    moved = with_changes(encrypted_line(loaded, sealer, BEN, {}), encrypted_answers=ada[
        "encrypted_answers"
    ])  # fmt: skip
    result = decrypt_personal_file(write(tmp_path / "p.jsonl", moved), opener, [loaded])
    assert "copied from another line" in str(result.problems[0])


def test_another_key_names_both_keys_on_every_line(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer
) -> None:
    other = AnswerOpener.from_file(new_key_pair(tmp_path / "other").identity)
    lines = [encrypted_line(loaded, sealer, i, {}) for i in (ADA, BEN)]
    path = write(tmp_path / "personal.jsonl", *lines)
    result = decrypt_personal_file(path, other, [loaded], "other.key")

    assert [p.location.line for p in result.problems] == [1, 2]
    assert f"encrypted to {sealer.public_key}, not to other.key" in result.problems[0].message
    assert result.lines == []


def test_decrypt_opens_the_records_of_a_merge_conflicts_file(
    tmp_path: Path, loaded: LoadedQuestionnaire, sealer: AnswerSealer, opener: AnswerOpener
) -> None:
    files = [
        write(tmp_path / f"event/{n}/personal.jsonl", encrypted_line(loaded, sealer, ADA, answers))
        for n, answers in enumerate([ADA_ANSWERS, {"q1_name": "Ada Other"}])
    ]
    outputs = MergeOutputs.beside(tmp_path / "merged/merged.jsonl")
    merge(files, [loaded], outputs)

    result = decrypt_personal_file(outputs.personal_conflicts, opener, [loaded])

    assert result.problems == []
    names = sorted(json.loads(line)["record"]["answers"]["q1_name"] for line in result.lines)
    assert names == ["Ada Example", "Ada Other"]
    assert all(json.loads(line)["file"].startswith(str(tmp_path)) for line in result.lines)
