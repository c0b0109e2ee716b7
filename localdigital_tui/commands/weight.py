"""``localdigital weight``: rim weights of complete records to population margins."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from localdigital_tui.commands.options import (
    PathType,
    questionnaire_option,
    questionnaire_or_bundled,
    require_valid,
)

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.argument("data", nargs=-1, type=PathType(exists=True))
@click.option(
    "--targets", type=PathType(exists=True, dir_okay=False), required=True,
    help="CSV of question,answer,target (counts or shares), e.g. data/council_types_2013.csv.",
)  # fmt: skip
@click.option(
    "-o", "--output", type=PathType(dir_okay=False), required=True,
    help="CSV to write: record_id,weight.",
)  # fmt: skip
@click.option("--min", "lower", type=click.FloatRange(min=0), default=None, help="Lowest weight.")
@click.option("--max", "upper", type=click.FloatRange(min=0), default=None, help="Highest weight.")
@click.option("--include-partial", is_flag=True, help="Weight drafts too (status partial).")
@questionnaire_option
def weight(
    data: tuple[Path, ...],
    targets: Path,
    output: Path,
    lower: float | None,
    upper: float | None,
    include_partial: bool,
    questionnaire_file: Path | None,
) -> None:
    """Rim-weight complete records to population margins; with no DATA, the bundled data.

    Raking: weights are adjusted question by question until every weighted share
    meets its target. Records whose answer has no target (suppliers, for a
    weighting by council type) keep weight 1. Prints the iterations, the largest
    margin error left, the weighting efficiency and the effective base
    n_eff = (sum w)^2 / sum w^2.

    \b
    Example:
      localdigital weight --targets data/council_types_2013.csv -o weights.csv
    """
    from localdigital_tui.core.files.durable import make_folder, write_atomically
    from localdigital_tui.core.files.outputs import refuse_overwriting
    from localdigital_tui.core.questionnaire.bundled import data_path
    from localdigital_tui.core.questionnaire.loader import load_questionnaire
    from localdigital_tui.core.records.input_files import PARQUET_SUFFIXES
    from localdigital_tui.core.records.kinds import FileKind
    from localdigital_tui.core.tables.frame import input_files
    from localdigital_tui.core.weighting.targets import read_margins
    from localdigital_tui.core.weighting.weights import weigh

    if lower is not None and upper is not None and lower > upper:
        raise click.BadParameter("--min is above --max", param_hint="--min")
    loaded = load_questionnaire(questionnaire_or_bundled(questionnaire_file))
    files = input_files(list(data) or [data_path("responses.jsonl")])
    refuse_overwriting(output, [*files, targets])
    margins = read_margins(targets, loaded.questionnaire)
    answers = [(p, FileKind.RESPONSES) for p in files if p.suffix not in PARQUET_SUFFIXES]
    require_valid(loaded, answers, not_done="not weighted")
    found = weigh(
        files, loaded.questionnaire, margins, lower=lower, upper=upper,
        include_partial=include_partial,
    )  # fmt: skip
    make_folder(output.parent)
    write_atomically(output, found.csv())
    result = found.result
    weights = result.weights.sort()  # the lowest first
    state = "converged" if result.converged else "did NOT converge (bounds too tight?)"
    click.echo(
        f"{output}: {found.weighted} records weighted to {', '.join(margins)}, "
        f"{found.not_weighted} kept at weight 1 (no target for their answer)", err=True
    )  # fmt: skip
    click.echo(
        f"{state} after {result.iterations} iterations; largest margin error "
        f"{result.largest_error:.2e}", err=True
    )  # fmt: skip
    click.echo(
        f"weighting efficiency {result.efficiency:.1%}; effective base "
        f"{result.effective_base:.1f} of {len(weights)}; weights "
        f"{weights[0]:.3f} to {weights[-1]:.3f}", err=True
    )  # fmt: skip
    if not result.converged:
        raise SystemExit(1)
