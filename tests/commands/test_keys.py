"""``localdigital keys new``: a key pair, said where each file goes; never over a file."""

from __future__ import annotations

import stat
from pathlib import Path

from click.testing import CliRunner

from localdigital_tui.cli import cli


def test_keys_new_writes_the_pair_and_says_which_file_goes_where(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["keys", "new", "-o", str(tmp_path / "keys/organiser")])

    assert result.exit_code == 0, result.output
    key, pub = tmp_path / "keys/organiser.key", tmp_path / "keys/organiser.pub"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    public_key = pub.read_text().strip()
    assert f"public key:  {pub} ({public_key})" in result.output
    assert "capture --encrypt-to organiser.pub" in result.output
    assert "never goes on a laptop" in result.output


def test_keys_new_refuses_to_replace_a_key_file(tmp_path: Path) -> None:
    runner = CliRunner()
    stem = str(tmp_path / "organiser")
    assert runner.invoke(cli, ["keys", "new", "-o", stem]).exit_code == 0
    before = (tmp_path / "organiser.key").read_bytes()

    result = runner.invoke(cli, ["keys", "new", "-o", stem])

    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {tmp_path}/organiser.key: already exists; key files are never replaced\n"
    )
    assert (tmp_path / "organiser.key").read_bytes() == before


def test_keys_needs_a_subcommand_and_new_needs_a_name() -> None:
    assert CliRunner().invoke(cli, ["keys", "new"]).exit_code == 2
    listed = CliRunner().invoke(cli, ["keys"])
    assert "new" in listed.output
