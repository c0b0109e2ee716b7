"""Population margins for weighting: a CSV of ``question,answer,target[,source]``.

``target`` may be a count or a share; each question's targets are made shares by
dividing by their sum. The question must be a single-choice question that is
not personal, the answer one of its choices. ``data/council_types_2013.csv`` is
the bundled example: Great Britain's councils in 2013 by type.
"""

from __future__ import annotations

import csv
from pathlib import Path

from localdigital_tui.core.questionnaire.model import Questionnaire, SingleChoiceQuestion
from localdigital_tui.errors import WeightingError

HEADER = ("question", "answer", "target")


def read_margins(path: Path, questionnaire: Questionnaire) -> dict[str, dict[str, float]]:
    """``{question: {answer: target}}`` from ``path``; every problem names its line."""
    margins: dict[str, dict[str, float]] = {}
    codes = {q.code: q for q in questionnaire.questions}
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ())[:3] != HEADER:
                raise WeightingError(f"{path}:1: the header must start {','.join(HEADER)}")
            for number, row in enumerate(reader, start=2):
                where = f"{path}:{number}"
                question = codes.get(row["question"] or "")
                if not isinstance(question, SingleChoiceQuestion) or question.personal:
                    raise WeightingError(
                        f"{where}: question: {row['question']!r} is not a single-choice "
                        "question of the questionnaire that is not personal"
                    )
                if row["answer"] not in question.choice_codes():
                    raise WeightingError(
                        f"{where}: answer: {row['answer']!r} is not a choice of "
                        f"{question.code} ({', '.join(question.choice_codes())})"
                    )
                try:
                    target = float(row["target"] or "")
                except ValueError:
                    raise WeightingError(
                        f"{where}: target: not a number: {row['target']!r}"
                    ) from None
                if target < 0:
                    raise WeightingError(f"{where}: target: must not be negative")
                answers = margins.setdefault(question.code, {})
                if row["answer"] in answers:
                    raise WeightingError(f"{where}: {question.code}={row['answer']} given twice")
                answers[row["answer"]] = target
    except UnicodeDecodeError:
        raise WeightingError(f"{path}: not UTF-8 text: expected a CSV file") from None
    except csv.Error as exc:
        raise WeightingError(f"{path}: not a CSV file ({exc})") from None
    except OSError as exc:
        raise WeightingError(f"{path}: {exc.strerror or exc}") from exc
    if not margins:
        raise WeightingError(f"{path}: no targets")
    return margins
