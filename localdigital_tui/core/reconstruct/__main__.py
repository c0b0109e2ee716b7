"""``python -m localdigital_tui.core.reconstruct [--root DIR] [--out DIR]``: regenerate data/.

Reads ``questionnaire.yaml``, ``data/targets.csv`` and ``data/slips.csv`` under
the project root, writes ``responses.jsonl`` and ``personal.jsonl`` to the output
directory (``data/`` by default) and prints "N of M figures reproduced". Exits 1,
naming each target (table, group, question/row, column, published), if any
published figure is neither reproduced nor a listed slip.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from localdigital_tui.core.reconstruct.generate import build_dataset, write_dataset
from localdigital_tui.core.reconstruct.solver import InfeasibleRow
from localdigital_tui.core.reconstruct.survey import load_survey
from localdigital_tui.core.reconstruct.targets import read_slips, read_targets
from localdigital_tui.core.reconstruct.verify import check

PROJECT_ROOT = Path(__file__).resolve().parents[3]


class ReconstructionFailed(RuntimeError):
    """Some published figures are not met; the message names each one."""


def regenerate(root: Path, out_dir: Path) -> tuple[int, int, int]:
    """Build, check and write; returns (reproduced, slips, total)."""
    survey = load_survey(root / "questionnaire.yaml")
    targets = read_targets(root / "data" / "targets.csv")
    slips = read_slips(root / "data" / "slips.csv")
    dataset = build_dataset(survey, targets, slips)
    outcomes = check(targets, slips, dataset.responses)
    missed = [o for o in outcomes if o.status == "mismatch"]
    if missed:
        raise ReconstructionFailed("\n".join(o.describe() for o in missed))
    write_dataset(dataset, out_dir)
    matched = sum(1 for o in outcomes if o.status == "match")
    slipped = sum(1 for o in outcomes if o.status == "slip")
    return matched, slipped, len(outcomes)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m localdigital_tui.core.reconstruct")
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help="project root")
    parser.add_argument("--out", type=Path, default=None, help="output directory (root/data)")
    args = parser.parse_args(argv)
    out_dir = args.out or args.root / "data"
    try:
        matched, slipped, total = regenerate(args.root, out_dir)
    except (InfeasibleRow, ReconstructionFailed) as error:
        print(f"reconstruction failed:\n{error}", file=sys.stderr)
        return 1
    print(f"{matched} of {total} figures reproduced; {slipped} report slips as listed")
    print(f"wrote {out_dir / 'responses.jsonl'} and {out_dir / 'personal.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
