"""``tables --engine spark``: the same cells from the same Parquet as the polars engine.

One Spark session (``local[2]``) for the module: starting the JVM takes most of the time.
Skipped where PySpark is not installed (``pip install -e ".[spark]"``; ``.ci/run`` installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from localdigital_tui.cli import cli
from localdigital_tui.core.export.convert import convert
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.simulate.writer import simulate

pytest.importorskip("pyspark")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark_master() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYSPARK_SUBMIT_ARGS", "--master local[2] pyspark-shell")
        yield
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        active.stop()


def test_spark_gives_the_polars_engines_tidy_output_byte_for_byte(
    loaded: LoadedQuestionnaire, tmp_path: Path, spark_master: None
) -> None:
    answers = tmp_path / "sim"
    simulate(loaded, 1500, answers, files=2, seed=11, partial_rate=0.1, sync=False)
    files = sorted(answers.glob("responses-*.jsonl"))
    dataset = tmp_path / "dataset"  # a folder of parts, as convert writes it
    convert(files, dataset, loaded, chunk_bytes=400_000)
    copy = tmp_path / "again.parquet"  # the first file again: its records count once
    convert(files[:1], copy, loaded)
    assert len(list(dataset.glob("part-*.parquet"))) > 2
    runner = CliRunner()
    args = ["tables", str(dataset), str(copy), "-f", "tidy", "--group", "all", "--by", "role"]
    args += ["--include-partial"]  # every group, a split, partial records, statistics
    by_polars = runner.invoke(cli, args)
    by_spark = runner.invoke(cli, [*args, "--engine", "spark"])
    assert by_polars.exit_code == 0, by_polars.output
    assert by_spark.exit_code == 0, by_spark.output
    assert by_spark.stdout == by_polars.stdout
    assert by_polars.stdout.count("\n") > 200 and ",mean," in by_polars.stdout
    assert "line(s) held a record already read" in by_spark.stderr
    refused = runner.invoke(cli, ["tables", str(files[0]), "--engine", "spark"])
    assert refused.exit_code == 1 and "the spark engine reads Parquet" in refused.stderr
