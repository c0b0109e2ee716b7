"""One answer sealed to the public key opens only with its private key, where it was sealed."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from localdigital_tui.core.encryption.ciphertext import check_ciphertext, ciphertext_bytes
from localdigital_tui.core.encryption.keys import new_key_pair
from localdigital_tui.core.encryption.sealed_answers import (
    PLAINTEXT_BLOCK,
    AnswerOpener,
    AnswerSealer,
    sealed_plaintext,
)

RECORD = "5b0e7f0c-3a56-4f0e-9f59-2f7c9e8d1a42"
OTHER = "6c1f8a1d-4b67-4f1f-8a6a-3a8d0f9e2b53"


def test_a_sealed_answer_opens_with_the_private_key(
    sealer: AnswerSealer, opener: AnswerOpener
) -> None:
    name = "Zoë O'Brien-Ñúñez"
    sealed = sealer.seal(RECORD, "q1_name", name)
    assert check_ciphertext(sealed) == sealed
    raw = base64.b64decode(sealed)  # the age file: neither the name nor its base64 is in it
    assert name.encode("utf-8") not in raw and name not in sealed
    assert base64.b64encode(name.encode("utf-8")).decode("ascii")[:12] not in sealed
    assert opener.open(RECORD, "q1_name", sealed) == "Zoë O'Brien-Ñúñez"


def test_sealing_twice_gives_different_bytes(sealer: AnswerSealer) -> None:
    assert sealer.seal(RECORD, "q1_name", "Ada") != sealer.seal(RECORD, "q1_name", "Ada")


def test_yes_and_no_are_padded_to_the_same_length() -> None:
    yes = sealed_plaintext(RECORD, "q12_report_copy", "yes")
    no = sealed_plaintext(RECORD, "q12_report_copy", "no")
    assert len(yes) == len(no) and len(yes) % PLAINTEXT_BLOCK == 0


def test_another_private_key_cannot_open_it(sealer: AnswerSealer, tmp_path: Path) -> None:
    other = AnswerOpener.from_file(new_key_pair(tmp_path / "other").identity)
    with pytest.raises(ValueError, match="cannot be decrypted with this private key"):
        other.open(RECORD, "q1_name", sealer.seal(RECORD, "q1_name", "Ada"))


def test_a_changed_byte_is_found(sealer: AnswerSealer, opener: AnswerOpener) -> None:
    data = bytearray(ciphertext_bytes(sealer.seal(RECORD, "q1_name", "Ada")))
    data[-5] ^= 0x01  # in the payload
    tampered = base64.b64encode(bytes(data)).decode()
    with pytest.raises(ValueError, match="damaged"):
        opener.open(RECORD, "q1_name", tampered)


def test_an_answer_moved_to_another_record_or_question_is_refused(
    sealer: AnswerSealer, opener: AnswerOpener
) -> None:
    sealed = sealer.seal(RECORD, "q1_name", "Ada")
    with pytest.raises(ValueError, match="copied from another line"):
        opener.open(OTHER, "q1_name", sealed)
    with pytest.raises(ValueError, match="copied from another line"):
        opener.open(RECORD, "q3_organisation", sealed)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("not base64!", "not base64"),
        ("YWJj", "not an age encrypted file"),
        (base64.b64encode(b"age-encryption.org/v1\n").decode(), "not an age encrypted file"),
    ],
)
def test_what_is_not_a_sealed_answer_says_why(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        check_ciphertext(text)
