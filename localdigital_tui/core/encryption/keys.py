"""age key files: make a pair, read the public recipient, read the private identity.

``NAME.key`` holds the identity as ``age-keygen`` writes it (comment lines with
the creation time and the public key, then ``AGE-SECRET-KEY-1...``), mode 0600;
``NAME.pub`` holds the recipient, ``age1...``, on one line. Either file works with
the ``age`` tool too. Neither is ever written over: a lost ``.key`` cannot be
made again, and a replaced one would lock out everything encrypted to the old.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from localdigital_tui.core.encryption.ciphertext import check_recipient
from localdigital_tui.core.files.durable import write_new_file
from localdigital_tui.errors import KeyFileError

if TYPE_CHECKING:
    from pyrage import x25519

SECRET_PREFIX = "AGE-SECRET-KEY-1"


@dataclass(frozen=True)
class KeyPairFiles:
    identity: Path  # NAME.key, private
    recipient: Path  # NAME.pub, for the laptops
    public_key: str  # age1...


def key_pair_paths(stem: Path) -> tuple[Path, Path]:
    """``NAME.key`` and ``NAME.pub`` for ``-o NAME`` (a ``.key`` or ``.pub`` given is dropped)."""
    if stem.suffix in (".key", ".pub"):
        stem = stem.with_suffix("")
    return stem.with_name(stem.name + ".key"), stem.with_name(stem.name + ".pub")


def new_key_pair(stem: Path, now: datetime | None = None) -> KeyPairFiles:
    """Generate an X25519 identity and write ``NAME.key`` (0600) and ``NAME.pub`` (0644).

    Refuses, writing nothing, when either file exists."""
    from pyrage import x25519

    identity_path, recipient_path = key_pair_paths(stem)
    for path in (identity_path, recipient_path):
        if path.exists() or path.is_symlink():
            raise KeyFileError(path, "already exists; key files are never replaced")
    identity = x25519.Identity.generate()
    public_key = str(identity.to_public())
    created = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    secret = (
        f"# created: {created}\n# public key: {public_key}\n"
        "# localdigital: keep this file off the laptops; without it the personal data\n"
        "# encrypted to the public key above can never be read\n"
        f"{identity}\n"
    )
    _write_new(identity_path, secret.encode("ascii"), 0o600)
    _write_new(recipient_path, f"{public_key}\n".encode("ascii"), 0o644)
    return KeyPairFiles(identity_path, recipient_path, public_key)


def _write_new(path: Path, data: bytes, mode: int) -> None:
    try:
        write_new_file(path, data, mode)
    except FileExistsError:
        raise KeyFileError(path, "already exists; key files are never replaced") from None


def _key_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        raise KeyFileError(path, "no such key file") from None
    except UnicodeDecodeError:
        raise KeyFileError(path, "not an age key file (not plain text)") from None
    except OSError as exc:
        raise KeyFileError(path, f"cannot read: {exc.strerror or exc}") from exc
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def read_public_key(path: Path) -> str:
    """The ``age1...`` recipient in ``path`` (a ``.pub`` file)."""
    lines = _key_lines(path)
    if any(line.startswith(SECRET_PREFIX) for line in lines):
        raise KeyFileError(
            path,
            "is a private key (identity): give the public key file (.pub) here; "
            "the private key stays off the laptops",
        )
    if len(lines) != 1:
        raise KeyFileError(path, "expected one age public key (age1...) on one line")
    try:
        return check_recipient(lines[0])
    except ValueError as exc:
        raise KeyFileError(path, str(exc)) from None


def read_recipient(path: Path) -> tuple[str, x25519.Recipient]:
    """The public key in ``path``, as text and as pyrage's recipient."""
    from pyrage import RecipientError, x25519

    public_key = read_public_key(path)
    try:
        return public_key, x25519.Recipient.from_str(public_key)
    except RecipientError as exc:
        raise KeyFileError(path, f"not a usable age public key ({exc})") from None


def read_identity(path: Path) -> tuple[str, x25519.Identity]:
    """The private identity in ``path`` (a ``.key`` file) and its public key."""
    from pyrage import IdentityError, x25519

    lines = [line for line in _key_lines(path) if line.startswith(SECRET_PREFIX)]
    if len(lines) != 1:
        hint = " (this looks like a public key: give the .key file)" if _is_public(path) else ""
        raise KeyFileError(path, f"expected one age private key (AGE-SECRET-KEY-1...){hint}")
    try:
        identity = x25519.Identity.from_str(lines[0])
    except IdentityError as exc:
        raise KeyFileError(path, f"not a usable age private key ({exc})") from None
    return str(identity.to_public()), identity


def _is_public(path: Path) -> bool:
    try:
        read_public_key(path)
    except KeyFileError:
        return False
    return True
