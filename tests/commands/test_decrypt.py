"""The round trip through the commands: keys new, capture --encrypt-to, merge, decrypt."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from localdigital_tui.cli import cli
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from tests.prompts.interview_script import council_script, supplier_script

SUBMIT_AND_QUIT = ["1", "y", "2"]
COUNCIL_PERSONAL = {
    "q1_name": "Ada Example",
    "q2_job_title": "Web Manager",
    "q3_organisation": "Example Borough",
    "q12_report_copy": "yes",
}
SUPPLIER_PERSONAL = {
    "q3_organisation": "Acme Digital Ltd",
    "q12_report_copy": "no",
    "q12_prize_draw": "yes",
}


def invoke(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def capture(out: Path, lines: list[str], *key: str, device: str = "laptop-1") -> Result:
    typed = "\n".join(lines) + "\n"
    return invoke(
        "capture", "--plain", "--interviewer", "ann", "--device", device, "--out", str(out),
        *key, input=typed,
    )  # fmt: skip


@pytest.fixture
def event(tmp_path: Path, loaded: LoadedQuestionnaire) -> Path:
    """Two laptops captured with --encrypt-to (the second without the flag: its folder
    remembers the key from a first session), and organiser.key beside them."""
    assert invoke("keys", "new", "-o", str(tmp_path / "organiser")).exit_code == 0
    pub = str(tmp_path / "organiser.pub")
    council, _ = council_script(loaded)
    supplier, _ = supplier_script(loaded)
    first = capture(
        tmp_path / "event/laptop-1", council.lines + SUBMIT_AND_QUIT, "--encrypt-to", pub
    )
    assert first.exit_code == 0, first.output
    assert "personal answers are encrypted to age1" in first.stderr
    opened = capture(tmp_path / "event/laptop-2", ["2"], "--encrypt-to", pub, device="laptop-2")
    assert opened.exit_code == 0, opened.output
    second = capture(
        tmp_path / "event/laptop-2", supplier.lines + SUBMIT_AND_QUIT, device="laptop-2"
    )
    assert second.exit_code == 0, second.output
    assert "personal answers are encrypted to age1" in second.stderr
    return tmp_path


def test_the_round_trip_gives_back_the_personal_lines_typed(event: Path) -> None:
    for text in ("Ada Example", "Web Manager", "Example Borough", "Acme Digital Ltd"):
        for path in (event / "event").rglob("*"):
            assert not path.is_file() or text.encode() not in path.read_bytes(), (text, path)

    merged = invoke("merge", str(event / "event"), "-o", str(event / "merged/merged.jsonl"))
    assert merged.exit_code == 0, merged.output
    assert "personal 2 records" in merged.stderr

    plain = event / "plain/personal.jsonl"
    result = invoke(
        "decrypt", str(event / "merged/personal.jsonl"), "--identity",
        str(event / "organiser.key"), "-o", str(plain),
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert f"decrypted 2 personal lines (0 plain already) -> {plain}" in result.stderr
    lines = [json.loads(line) for line in plain.read_text().splitlines()]
    assert sorted((line["answers"] for line in lines), key=len, reverse=True) == [
        COUNCIL_PERSONAL,
        SUPPLIER_PERSONAL,
    ]
    answers = [
        json.loads(line) for line in (event / "merged/merged.jsonl").read_text().splitlines()
    ]
    assert {line["record_id"] for line in lines} == {line["record_id"] for line in answers}
    assert invoke("validate", str(plain)).exit_code == 0


def test_another_identity_is_one_clear_line_per_record_and_exit_1(event: Path) -> None:
    assert invoke("keys", "new", "-o", str(event / "other")).exit_code == 0
    personal = next((event / "event/laptop-1").glob("personal-*.jsonl"))
    out = event / "plain.jsonl"

    result = invoke("decrypt", str(personal), "-i", str(event / "other.key"), "-o", str(out))

    assert result.exit_code == 1
    first, summary = result.stderr.splitlines()
    assert first.startswith(f"{personal}:1: encrypted_to: encrypted to age1")
    assert f"not to {event / 'other.key'}" in first
    assert (
        summary == f"{personal}: NOT DECRYPTED: 1 of 1 lines cannot be decrypted; {out} not written"
    )
    assert not out.exists()
    assert "Traceback" not in result.output


def test_a_tampered_ciphertext_fails_naming_file_line_and_field(event: Path) -> None:
    source = next((event / "event/laptop-1").glob("personal-*.jsonl"))
    line = json.loads(source.read_text())
    sealed = bytearray(base64.b64decode(line["encrypted_answers"]["q1_name"]))
    sealed[-1] ^= 0x01
    line["encrypted_answers"]["q1_name"] = base64.b64encode(bytes(sealed)).decode()
    supplier = next((event / "event/laptop-2").glob("personal-*.jsonl")).read_text()
    tampered = event / "tampered.jsonl"
    tampered.write_text(supplier + json.dumps(line) + "\n")

    result = invoke(
        "decrypt", str(tampered), "-i", str(event / "organiser.key"), "-o", str(event / "x.jsonl")
    )

    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tampered}:2: encrypted_answers.q1_name: damaged")
    assert not (event / "x.jsonl").exists()


def test_decrypt_never_writes_over_an_input_or_the_key(event: Path) -> None:
    personal = next((event / "event/laptop-1").glob("personal-*.jsonl"))
    before = personal.read_bytes()
    key = event / "organiser.key"
    for output in (personal, key):
        result = invoke("decrypt", str(personal), "-i", str(key), "-o", str(output))
        assert result.exit_code == 1
        assert "is also an input" in result.stderr
    assert personal.read_bytes() == before


def test_the_public_key_is_refused_as_the_identity(event: Path) -> None:
    personal = next((event / "event/laptop-1").glob("personal-*.jsonl"))
    result = invoke(
        "decrypt", str(personal), "-i", str(event / "organiser.pub"), "-o", str(event / "x.jsonl")
    )
    assert result.exit_code == 1
    assert "this looks like a public key: give the .key file" in result.stderr


def test_a_capture_folder_keeps_one_key(event: Path) -> None:
    assert invoke("keys", "new", "-o", str(event / "other")).exit_code == 0
    result = capture(event / "event/laptop-1", ["2"], "--encrypt-to", str(event / "other.pub"))
    assert result.exit_code == 1
    assert "a capture folder keeps one key" in result.stderr
