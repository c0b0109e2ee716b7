"""Which public key a capture folder seals personal answers to, remembered in the folder.

The first ``capture --encrypt-to KEY.pub`` into a folder copies the public key to
``OUT/encrypt-to.pub``; every later capture into that folder seals to it, flag or
not, so a fieldworker who forgets the flag on the second day still writes no
personal answer in the clear. A folder keeps one key: another one is refused.
To stop encrypting, capture into another folder.
"""

from __future__ import annotations

from pathlib import Path

from localdigital_tui.core.encryption.keys import read_public_key
from localdigital_tui.core.files.durable import write_new_file
from localdigital_tui.errors import KeyFileError

REMEMBERED_KEY = "encrypt-to.pub"


def capture_public_key(out_dir: Path, given: Path | None) -> Path | None:
    """The ``.pub`` file a capture into ``out_dir`` seals to, or ``None`` (no encryption):
    ``given`` (remembered on first use), else the one the folder remembers. Call it
    while holding the folder's output lock."""
    remembered = out_dir / REMEMBERED_KEY
    if given is None:
        return remembered if remembered.exists() else None
    public_key = read_public_key(given)
    if not remembered.exists():
        write_new_file(remembered, f"{public_key}\n".encode("ascii"), 0o644)
        return remembered
    theirs = read_public_key(remembered)
    if theirs != public_key:
        raise KeyFileError(
            given,
            f"is {public_key}, but {out_dir}/ encrypts to {theirs} ({remembered}); a capture "
            "folder keeps one key: capture into another --out for another key",
        )
    return remembered
