"""Key files: a new pair, never written over; each file read only as what it is."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from localdigital_tui.core.encryption.ciphertext import RECIPIENT
from localdigital_tui.core.encryption.keys import (
    key_pair_paths,
    new_key_pair,
    read_identity,
    read_public_key,
    read_recipient,
)
from localdigital_tui.errors import KeyFileError


def test_a_new_pair_is_a_private_key_file_0600_and_a_public_key_file(tmp_path: Path) -> None:
    made = new_key_pair(tmp_path / "organiser")

    assert (made.identity.name, made.recipient.name) == ("organiser.key", "organiser.pub")
    assert stat.S_IMODE(made.identity.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.recipient.stat().st_mode) == 0o644
    assert RECIPIENT.match(made.public_key)
    assert made.recipient.read_text() == made.public_key + "\n"
    assert f"# public key: {made.public_key}" in made.identity.read_text()
    assert read_identity(made.identity)[0] == made.public_key
    assert read_recipient(made.recipient)[0] == made.public_key
    assert not list(tmp_path.glob(".*")), "no temporary file is left behind"


@pytest.mark.parametrize("existing", ["organiser.key", "organiser.pub"])
def test_an_existing_file_is_never_replaced_and_nothing_is_written(
    tmp_path: Path, existing: str
) -> None:
    (tmp_path / existing).write_text("precious\n")
    with pytest.raises(KeyFileError, match="already exists"):
        new_key_pair(tmp_path / "organiser")
    assert (tmp_path / existing).read_text() == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]


def test_two_pairs_differ(tmp_path: Path) -> None:
    assert new_key_pair(tmp_path / "a").public_key != new_key_pair(tmp_path / "b").public_key


def test_a_suffix_given_with_the_name_is_dropped(tmp_path: Path) -> None:
    assert key_pair_paths(tmp_path / "org.key") == (tmp_path / "org.key", tmp_path / "org.pub")
    assert key_pair_paths(tmp_path / "org.pub") == (tmp_path / "org.key", tmp_path / "org.pub")


def test_the_private_key_given_as_the_public_one_is_refused_saying_so(tmp_path: Path) -> None:
    made = new_key_pair(tmp_path / "organiser")
    with pytest.raises(KeyFileError, match=r"organiser.key: is a private key"):
        read_public_key(made.identity)
    with pytest.raises(KeyFileError, match="this looks like a public key"):
        read_identity(made.recipient)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "expected one age public key"),
        ("age1short\n", "not an age public key"),
        ("hello\nworld\n", "expected one age public key"),
    ],
)
def test_a_file_without_a_public_key_is_refused(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "x.pub"
    path.write_text(text)
    with pytest.raises(KeyFileError, match=problem):
        read_recipient(path)


def test_a_missing_or_damaged_private_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="no such key file"):
        read_identity(tmp_path / "nothing.key")
    damaged = tmp_path / "damaged.key"
    damaged.write_text("AGE-SECRET-KEY-1NOTAKEY\n")
    with pytest.raises(KeyFileError, match="not a usable age private key"):
        read_identity(damaged)
