"""One personal answer sealed to an age public key, and opened with its private key.

Each personal answer (a name, a job title, an organisation, a Q12 choice) is
encrypted on its own, so that a draft resumed on a laptop, which has only the
public key and so can never read what it sealed before, can keep the answers
it cannot read and seal new ones beside them (see the README, "Personal data
encrypted at rest").

What is encrypted is a small JSON object binding the answer to its place,
``{"record_id": ..., "question": "q1_name", "answer": "Ada Example"}``, padded
with spaces to a multiple of :data:`PLAINTEXT_BLOCK` bytes so that a ciphertext's
length does not tell "yes" from "no" (or a short name from a longer one, within
a block). Opening checks the binding: an answer copied into another record or
question is refused, not misfiled. The sealed form is the base64 of the age file.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import TYPE_CHECKING

from localdigital_tui.core.encryption.ciphertext import ciphertext_bytes
from localdigital_tui.core.encryption.keys import read_identity, read_recipient

if TYPE_CHECKING:
    from pyrage import x25519

PLAINTEXT_BLOCK = 64
NO_MATCHING_KEY = "No matching keys found"


def sealed_plaintext(record_id: str, question: str, answer: str) -> bytes:
    """The padded bytes that are encrypted for one answer."""
    data = {"record_id": record_id, "question": question, "answer": answer}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return text + b" " * (-len(text) % PLAINTEXT_BLOCK)


class AnswerSealer:
    """Seals answers to one public key. It holds no private key: it cannot open them."""

    def __init__(self, public_key: str, recipient: x25519.Recipient) -> None:
        self.public_key = public_key
        self._recipient = recipient

    @classmethod
    def from_file(cls, path: Path) -> AnswerSealer:
        """The sealer for the ``age1...`` public key in ``path`` (a ``.pub`` file)."""
        return cls(*read_recipient(path))

    def seal(self, record_id: str, question: str, answer: str) -> str:
        import pyrage

        plaintext = sealed_plaintext(record_id, question, answer)
        return base64.b64encode(pyrage.encrypt(plaintext, [self._recipient])).decode("ascii")

    def seal_all(self, record_id: str, answers: dict[str, str]) -> dict[str, str]:
        return {code: self.seal(record_id, code, value) for code, value in answers.items()}


class AnswerOpener:
    """Opens sealed answers with the private key (the organiser's ``.key`` file)."""

    def __init__(self, public_key: str, identity: x25519.Identity) -> None:
        self.public_key = public_key
        self._identity = identity

    @classmethod
    def from_file(cls, path: Path) -> AnswerOpener:
        return cls(*read_identity(path))

    def open(self, record_id: str, question: str, sealed: str) -> str:
        """The answer sealed in ``sealed``; :class:`ValueError` says why it cannot be read."""
        import pyrage

        data = ciphertext_bytes(sealed)
        try:
            plaintext = pyrage.decrypt(data, [self._identity])
        except pyrage.DecryptError as exc:
            if str(exc) == NO_MATCHING_KEY:
                raise ValueError(
                    "cannot be decrypted with this private key (encrypted to another key, "
                    "or its header was changed)"
                ) from None
            raise ValueError(f"damaged: it does not decrypt as it was written ({exc})") from None
        try:
            found = json.loads(plaintext)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValueError("decrypts, but not to a sealed answer") from None
        if not isinstance(found, dict) or not isinstance(found.get("answer"), str):
            raise ValueError("decrypts, but not to a sealed answer")
        if (found.get("record_id"), found.get("question")) != (record_id, question):
            raise ValueError(
                f"sealed for record {found.get('record_id')} question {found.get('question')}, "
                "not this one: copied from another line"
            )
        answer: str = found["answer"]
        return answer
