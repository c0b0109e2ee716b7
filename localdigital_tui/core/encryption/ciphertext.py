"""What a sealed answer and an age recipient look like, checked without the key or pyrage.

A sealed answer is the base64 (standard alphabet, padded) of one age file: the
binary format, which starts ``age-encryption.org/v1`` and a newline. Only its
shape can be checked without the private key; whether it decrypts is for
``localdigital decrypt``. A recipient is an age X25519 public key, ``age1`` and
58 Bech32 characters.
"""

from __future__ import annotations

import base64
import binascii
import re

AGE_HEADER = b"age-encryption.org/v1\n"
RECIPIENT = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")
_BASE64 = re.compile(r"^[A-Za-z0-9+/]*={0,2}$")
# header, one X25519 stanza, MAC, nonce and an empty payload's tag: no age file is shorter
SHORTEST_AGE_FILE = 150


def ciphertext_bytes(text: str) -> bytes:
    """The age file a sealed answer holds; :class:`ValueError` says why ``text`` is not one."""
    if not _BASE64.match(text) or len(text) % 4:
        raise ValueError("not base64 text (an encrypted answer is the base64 of an age file)")
    try:
        data = base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"not base64 text ({exc})") from None
    if not data.startswith(AGE_HEADER) or len(data) < SHORTEST_AGE_FILE:
        raise ValueError("not an age encrypted file (it must start 'age-encryption.org/v1')")
    return data


def check_ciphertext(text: str) -> str:
    """``text`` in its one spelling (padding bits re-encoded), if it is a sealed answer."""
    return base64.b64encode(ciphertext_bytes(text)).decode("ascii")


def check_recipient(text: str) -> str:
    """``text`` if it is an age public key (``age1...``)."""
    if not RECIPIENT.match(text):
        raise ValueError("not an age public key (age1 and 58 letters and digits)")
    return text
