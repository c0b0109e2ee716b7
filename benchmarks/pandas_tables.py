"""The report's tables computed the straightforward way with pandas (benchmark yardstick).

Reads the answers file with ``pandas.read_json(lines=True)`` in chunks of 100,000
records, flattens the answers with ``json_normalize`` and counts each row's answers
with ``value_counts``; writes the same tidy CSV columns as ``localdigital tables
--format tidy`` (labels from the questionnaire). pandas is a benchmark extra only.

    python benchmarks/pandas_tables.py FILE.jsonl [-o tables.csv]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

import pandas as pd

from localdigital_tui.core.questionnaire.bundled import questionnaire_path
from localdigital_tui.core.questionnaire.loader import load_questionnaire
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumbersQuestion,
    SingleChoiceQuestion,
)

TABLES = [
    ("4.council_type", "council", "council_type"),
    ("4.role", "council", "role"),
    ("4.supplier_size", "supplier", "supplier_size"),
    ("5.1", "council", "q5"),
    ("5.2", "council", "q6"),
    ("5.3", "council", "q7"),
    ("5.4", "council", "q8"),
    ("5.4b", "council", "q8_statements"),
    ("5.5", "council", "q9"),
    ("5.6", "council", "q10"),
    ("5.6b", "council", "q10_amount"),
    ("5.6c", "council", "q11"),
]


def half_up(count: int, base: int) -> float:
    return (2000 * count + base) // (2 * base) / 10 if base else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    q = load_questionnaire(questionnaire_path()).questionnaire
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (group, column)
    numbers: dict[tuple[str, str], list[pd.Series]] = defaultdict(list)
    for chunk in pd.read_json(args.file, lines=True, chunksize=100_000):
        answers = pd.json_normalize(chunk["answers"].tolist())
        answers["audience"] = chunk["audience"].to_numpy()
        for _, group, code in TABLES:
            rows = answers[answers["audience"] == group]
            question = q.question(code)
            names = (
                [f"{code}.{r.code}" for r in question.rows]
                if isinstance(question, GridQuestion | NumbersQuestion)
                else [code]
            )
            for name in names:
                if name not in rows:
                    continue
                if isinstance(question, GridQuestion | SingleChoiceQuestion):
                    counts[(group, name)].update(rows[name].value_counts().to_dict())
                else:
                    numbers[(group, name)].append(rows[name].dropna())
    out = []
    for table, group, code in TABLES:
        question = q.question(code)
        if isinstance(question, GridQuestion):
            scale = q.scale_of(question)
            for row in question.rows:
                seen = counts[(group, f"{code}.{row.code}")]
                base = sum(seen.values())
                for c in scale:
                    n = seen.get(c.code, 0)
                    out.append(
                        (
                            table,
                            group,
                            row.label_for(group),
                            c.label_for(group),
                            n,
                            base,
                            half_up(n, base),
                            None,
                        )
                    )
        elif isinstance(question, SingleChoiceQuestion):
            seen = counts[(group, code)]
            base = sum(seen.values())
            for c in question.choices:
                n = seen.get(c.code, 0)
                out.append(
                    (table, group, c.label_for(group), "Percent", n, base, half_up(n, base), None)
                )
        else:
            names = (
                [(f"{code}.{r.code}", r.label_for(group)) for r in question.rows]
                if isinstance(question, NumbersQuestion)
                else [(code, question.text_for(group))]
            )
            for name, label in names:
                values = (
                    pd.concat(numbers[(group, name)])
                    if numbers[(group, name)]
                    else pd.Series(dtype=float)
                )
                above = values[values > 1000]
                stats = {
                    "n": len(values),
                    "mean": values.mean(),
                    "min": values.min(),
                    "max": values.max(),
                }
                if code == "q10_amount":
                    stats |= {"mean_above_1000": above.mean(), "min_above_1000": above.min()}
                for stat, value in stats.items():
                    out.append((table, group, label, stat, None, len(values), None, value))
    frame = pd.DataFrame(
        out, columns=["table", "group", "row", "column", "count", "base", "percent", "value"]
    )
    frame["count"] = frame["count"].astype("Int64")
    frame.to_csv(sys.stdout if args.output == "-" else args.output, index=False)


if __name__ == "__main__":
    main()
