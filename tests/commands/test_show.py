"""``localdigital show`` prints the survey in each audience's wording."""

from __future__ import annotations

from click.testing import CliRunner

from localdigital_tui.cli import cli


def test_show_council_wording() -> None:
    result = CliRunner().invoke(cli, ["show"])
    assert result.exit_code == 0
    assert "ALL ANSWERS ANONYMOUS" in result.output
    assert "7. Who is leading on Digital within your organisation?" in result.output
    assert "Help my organisation to deliver 'better for less' *" in result.output
    assert "asked only when q10 is 'yes'" in " ".join(result.output.split())


def test_show_supplier_wording_leaves_out_council_only_questions() -> None:
    result = CliRunner().invoke(cli, ["show", "--audience", "supplier"])
    assert result.exit_code == 0
    assert "front line public service organisations" in result.output
    assert "Size of your organisation".lower() in result.output.lower()
    assert "I am a..." not in result.output


def test_show_unknown_audience_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["show", "--audience", "citizen"])
    assert result.exit_code == 2
    assert "expected one of: council, supplier" in result.output
