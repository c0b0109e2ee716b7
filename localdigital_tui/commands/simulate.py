"""``localdigital simulate``: write N valid simulated records for tests and benchmarks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import (
    PathType,
    questionnaire_option,
    questionnaire_or_bundled,
)

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.option("-n", "--records", type=click.IntRange(min=0), required=True, help="How many.")
@click.option(
    "-o",
    "--output",
    type=PathType(),
    required=True,
    help="Answers file; or a directory (with --files, or if it exists) for numbered files.",
)
@click.option(
    "--files",
    type=click.IntRange(min=1),
    default=None,
    help="Split over this many files responses-0001.jsonl ... in the OUTPUT directory.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@click.option(
    "--partial-rate",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Share of records left partial (stopped part-way, not submitted).",
)
@click.option("--no-personal", is_flag=True, help="Do not write the personal file(s).")
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@questionnaire_option
def simulate(
    records: int,
    output: Path,
    files: int | None,
    seed: int,
    partial_rate: float,
    no_personal: bool,
    force: bool,
    questionnaire_file: Path | None,
) -> None:
    """Write simulated interviews that follow the questionnaire.

    Councils and suppliers come in the report's 178:22 ratio and answer with
    the weights of the report's tables; skip rules are kept (a Q10 amount only
    after "yes"), some questions and optional rows are left unanswered, and
    every line passes `localdigital validate`. Personal answers (made-up names)
    go to personal.jsonl beside OUTPUT, or personal-0001.jsonl ... with --files.

    \b
    Examples:
      localdigital simulate -n 1000 -o sim/responses.jsonl
      localdigital simulate -n 1000000 -o sim --files 100 --seed 7
    """
    import os

    if files is None and not output.is_dir() and output.suffix not in (".jsonl", ".ndjson"):
        raise click.BadParameter(
            f"{output}: simulate writes JSON Lines; name it .jsonl "
            "(then 'localdigital convert' makes Parquet)",
            param_hint="--output",
        )
    # Each batch frees and remakes some 400 MB of columns. Polars' allocator
    # (jemalloc) would give that memory back to the kernel between batches and
    # fault it in again, ~1 us of CPU a record: keep it until the command ends.
    # Read when polars is first imported, so set before the imports below.
    os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:-1,muzzy_decay_ms:-1")
    from localdigital_tui.commands.progress import progress_bar
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.simulate.writer import simulate as write_simulation

    loaded = load_questionnaire(questionnaire_or_bundled(questionnaire_file))
    with progress_bar(records, "simulating", unit="records") as advance:
        written = write_simulation(
            loaded,
            records,
            output,
            files=files,
            seed=seed,
            partial_rate=partial_rate,
            personal=not no_personal,
            overwrite=force,
            progress=advance,
        )
    for out in written:
        extra = f" (personal: {out.personal})" if out.personal else ""
        click.echo(f"{out.responses}: {out.records} records{extra}")
    if len(written) > 1:
        click.echo(f"{sum(o.records for o in written)} records in {len(written)} files")
