"""``localdigital simulate`` through the CLI: files written, validated, refused when present."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from localdigital_tui.cli import cli


def test_simulate_then_validate(tmp_path: Path) -> None:
    out = tmp_path / "sim"
    result = CliRunner().invoke(
        cli, ["simulate", "-n", "500", "-o", str(out), "--files", "3", "--seed", "4"]
    )
    assert result.exit_code == 0, result.output
    assert "500 records in 3 files" in result.output
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [
        "personal-0001.jsonl",
        "personal-0002.jsonl",
        "personal-0003.jsonl",
        "responses-0001.jsonl",
        "responses-0002.jsonl",
        "responses-0003.jsonl",
    ]
    checked = CliRunner().invoke(cli, ["validate", *map(str, files)])
    assert checked.exit_code == 0, checked.output
    assert checked.output.count(": ok: ") == 6


def test_an_existing_file_is_an_error_without_force(tmp_path: Path) -> None:
    path = tmp_path / "responses.jsonl"
    path.write_text("keep me\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["simulate", "-n", "5", "-o", str(path)])
    assert result.exit_code == 1
    assert "already exists (use --force to replace it)" in result.output
    assert path.read_text(encoding="utf-8") == "keep me\n"
    forced = CliRunner().invoke(
        cli, ["simulate", "-n", "5", "-o", str(path), "--force", "--no-personal"]
    )
    assert forced.exit_code == 0, forced.output
    assert len(path.read_text(encoding="utf-8").splitlines()) == 5
    assert not (tmp_path / "personal.jsonl").exists()


def test_a_bad_partial_rate_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["simulate", "-n", "5", "-o", str(tmp_path / "r.jsonl"), "--partial-rate", "1.5"]
    )
    assert result.exit_code == 2
    assert "--partial-rate" in result.output


def test_simulate_refuses_an_output_that_is_not_json_lines(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["simulate", "-n", "5", "-o", str(tmp_path / "r.parquet")])
    assert result.exit_code == 2
    assert "simulate writes JSON Lines; name it .jsonl" in result.output
    assert list(tmp_path.iterdir()) == []
