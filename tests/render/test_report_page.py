"""``localdigital report``: one self-contained HTML page, checked in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.tables.specs import TABLE_IDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(cli, ["report", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_the_page_holds_every_table_a_chart_each_and_the_published_figures(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    for table_id in TABLE_IDS:
        assert f'<section id="report-{table_id}">' in html
    assert html.count("<svg") == len(TABLE_IDS) - 1  # 5.6b has one row of statistics
    assert html.count('role="img"') == html.count("<title id=")
    assert "315 published figures: 295 match, 20 are listed slips" in html
    assert "listed slip: " in html and "MISMATCH" not in html


def test_nothing_is_fetched_or_run(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert re.findall(r"https?://[^\"' ]+", html) == ["http://www.w3.org/2000/svg"] * html.count(
        "<svg"
    )


@pytest.mark.slow
def test_it_loads_in_chromium_without_errors_at_desktop_and_phone_widths(
    page: Path, tmp_path: Path
) -> None:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed here (apt-get install chromium)")
    base = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    base += ["--enable-logging=stderr", "--v=0"]
    dom = subprocess.run(
        [*base, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0, dom.stderr
    assert dom.stdout.count("<svg") == len(TABLE_IDS) - 1
    assert dom.stdout.count("<table") >= len(TABLE_IDS)
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
    assert console == []
    for name, size in (("desktop", "1000,2400"), ("phone", "390,2400")):
        shot = tmp_path / f"{name}.png"
        run = subprocess.run(
            [*base, f"--window-size={size}", f"--screenshot={shot}", page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
