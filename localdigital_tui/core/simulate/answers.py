"""The answers and timings of simulated records, as JSON members drawn column-wise.

Each question becomes a :class:`Member` (its JSON text for every possible
outcome, and an expression giving each record's outcome) or, for grids and
numbers questions, an :class:`ObjectMember` of rows. Outcome 0 means the member
is absent: the respondent was not asked the question (another audience, a skip
rule, a partial record that stopped earlier) or left it unanswered. Nothing here
loops over records: every outcome is integer arithmetic on random draws for a
whole batch at once; :mod:`.json_cells` turns the members into text.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import polars as pl

from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.core.records.schema import is_schema_required
from localdigital_tui.core.simulate.json_cells import Member, ObjectMember
from localdigital_tui.core.simulate.profile import NumberShape, Profile
from localdigital_tui.core.simulate.random_draws import DRAW_RANGE, Draws, choose, thresholds

NOT_REACHED = 1 << 20
QUANTILES = 4096
TIMING_LEVELS = 16


@dataclass(frozen=True)
class Respondent:
    """Per-record columns that every question depends on."""

    audience: pl.Expr  # UInt32 index into the questionnaire's audience codes
    partial: pl.Expr | None  # Boolean; None when no partial records are made
    cut: pl.Expr | None  # UInt32: questions at or past this position were not reached


def _and(*masks: pl.Expr | None) -> pl.Expr | None:
    present = [m for m in masks if m is not None]
    if not present:
        return None
    combined = present[0]
    for mask in present[1:]:
        combined = combined & mask
    return combined


def _masked(index: pl.Expr, mask: pl.Expr | None) -> pl.Expr:
    """``index`` where ``mask`` holds, else 0 (absent)."""
    return index if mask is None else index * mask.cast(pl.UInt32)


def member(code: str, value_json: str) -> str:
    """``"code":value`` (the value already JSON)."""
    return f"{json.dumps(code)}:{value_json}"


def with_missing(weights: tuple[float, ...] | list[float], missing: float) -> list[float]:
    """Weights for [no answer, choice 1, choice 2, ...]."""
    total = float(sum(weights))
    return [missing, *[w * (1.0 - missing) / total for w in weights]]


def number_values(shape: NumberShape, low: float, high: float) -> tuple[list[str], list[int]]:
    """The distinct values a shape gives (as JSON) and, per quantile, which one it is."""
    values: list[str] = []
    which: list[int] = []
    for i in range(QUANTILES):
        u = (i + 0.5) / QUANTILES
        if shape.log_scale:
            lo, hi = math.log(max(shape.low, 1.0)), math.log(shape.high)
            value = math.exp(lo + (hi - lo) * u**shape.power)
        else:  # whole numbers: the top value gets a full step (floor would never reach it)
            span = shape.high - shape.low + (1 if shape.integer else 0)
            value = shape.low + span * u**shape.power
        value = min(max(value, low), high, shape.high)
        shown = str(math.floor(value)) if shape.integer else f"{value:.1f}"
        if not values or values[-1] != shown:
            values.append(shown)
        which.append(len(values) - 1)
    return values, which


class AnswerBuilder:
    """Builds the members of every question for one questionnaire and profile."""

    def __init__(
        self, questionnaire: Questionnaire, profile: Profile, draws: Draws, who: Respondent
    ) -> None:
        self.questionnaire = questionnaire
        self.profile = profile
        self.draws = draws
        self.who = who
        self._choices: dict[str, pl.Expr] = {}
        self._choice_stages: dict[int, list[pl.Expr]] = {}
        self._mask_stage: list[pl.Expr] = []
        audiences = questionnaire.audience_codes()
        self._positions: dict[str, list[int]] = {q.code: [] for q in questionnaire.questions}
        for audience in audiences:
            order = [q.code for q in questionnaire.questions_for(audience)]
            for q in questionnaire.questions:
                position = order.index(q.code) if q.code in order else NOT_REACHED
                self._positions[q.code].append(position)
        self._audience_index = {code: i for i, code in enumerate(audiences)}

    def stages(self) -> list[list[pl.Expr]]:
        """``with_columns`` stages that the members' outcomes refer to, in order.

        Single-choice answers come first (a skip rule looks at them; one stage per
        depth of skip rule), then the masks of the other questions. Staging keeps
        a mask that every row of a grid uses from being computed once per row.
        """
        return [self._choice_stages[d] for d in sorted(self._choice_stages)] + [self._mask_stage]

    def _depth(self, question: Question) -> int:
        if question.ask_if is None:
            return 0
        return 1 + self._depth(self.questionnaire.question(question.ask_if.question))

    def _staged_mask(self, name: str, mask: pl.Expr | None) -> pl.Expr | None:
        if mask is None:
            return None
        self._mask_stage.append(mask.alias(name))
        return pl.col(name)

    # ------------------------------------------------------------------ masks
    def asked(self, question: Question) -> pl.Expr | None:
        """True where the respondent is put this question (``None``: everyone)."""
        applies = None
        if question.audiences is not None:
            indexes = [self._audience_index[a] for a in question.audiences]
            applies = self.who.audience.is_in(indexes)
        reached = None
        if self.who.cut is not None:
            positions = pl.lit(pl.Series(self._positions[question.code], dtype=pl.UInt32))
            reached = positions.gather(self.who.audience) < self.who.cut
        condition = None
        if question.ask_if is not None:
            source = self.questionnaire.question(question.ask_if.question)
            assert isinstance(source, SingleChoiceQuestion)
            codes = source.choice_codes()
            wanted = [1 + codes.index(c) for c in question.ask_if.in_ if c in codes]
            condition = self.choice_index(source).is_in(wanted)
        return _and(applies, reached, condition)

    def _answered(self, question: Question) -> pl.Expr | None:
        """True where an asked question is answered (item non-response drawn here)."""
        missing = self.profile.question_missing.get(question.code, 0.0)
        if missing <= 0 or is_schema_required(question, complete=True):
            return None
        return self.draws.draw() >= thresholds([missing, 1.0 - missing])[0]

    def _missing(self, question: Question) -> float:
        if is_schema_required(question, complete=True):
            return 0.0
        return self.profile.question_missing.get(question.code, 0.0)

    # ---------------------------------------------------------------- choices
    def choice_index(self, question: SingleChoiceQuestion) -> pl.Expr:
        """0 for no answer, else 1 + the index of the chosen code (memoised)."""
        if question.code not in self._choices:
            codes = question.choice_codes()
            weights = self.profile.choice_weights.get(question.code) or (1.0,) * len(codes)
            drawn = choose(self.draws.draw(), with_missing(weights, self._missing(question)))
            name = f"_c_{question.code}"
            stage = self._choice_stages.setdefault(self._depth(question), [])
            stage.append(_masked(drawn, self.asked(question)).alias(name))
            self._choices[question.code] = pl.col(name)
        return self._choices[question.code]

    # ---------------------------------------------------------------- members
    def answer(self, question: Question) -> Member | ObjectMember:
        """The question's member in the answers (or personal) object."""
        code = question.code
        if isinstance(question, SingleChoiceQuestion):
            texts = ["", *[member(code, json.dumps(c)) for c in question.choice_codes()]]
            return Member(texts, self.choice_index(question))
        asked = self._staged_mask(
            f"_m_{code}", _and(self.asked(question), self._answered(question))
        )
        if isinstance(question, TextQuestion):
            return self._text(question, asked)
        if isinstance(question, NumberQuestion):
            values, drawn = self._number(question, None)
            return Member(["", *[member(code, v) for v in values]], _masked(drawn, asked))
        opener = f"{json.dumps(code)}:{{"
        if isinstance(question, GridQuestion):
            return ObjectMember(
                opener, [self._grid_row(question, i, asked) for i in range(len(question.rows))]
            )
        return ObjectMember(
            opener, [self._numbers_row(question, i, asked) for i in range(len(question.rows))]
        )

    def _text(self, question: TextQuestion, asked: pl.Expr | None) -> Member:
        """One of the profile's texts for the respondent's audience, equally likely."""
        audiences = self.questionnaire.audience_codes()
        lists = [self.profile.phrases.texts(question.code, a) for a in audiences]
        size = max(len(texts) for texts in lists)
        table = [
            member(question.code, json.dumps(texts[i % len(texts)]))
            for texts in lists
            for i in range(size)
        ]
        offset = self.who.audience.cast(pl.UInt64) * size
        drawn = 1 + offset + self.draws.draw() % size
        return Member(["", *table], _masked(drawn, asked))

    def _grid_row(self, question: GridQuestion, i: int, asked: pl.Expr | None) -> Member:
        row = question.rows[i]
        codes = [c.code for c in self.questionnaire.scale_of(question)]
        weights = self.profile.grid_weights.get(question.code, {}).get(row.code)
        missing = 0.0 if row.required else self.profile.row_missing.get(question.code, 0.0)
        index = choose(self.draws.draw(), with_missing(weights or (1.0,) * len(codes), missing))
        if row.required and self.who.partial is not None:
            rate = self.profile.partial_row_missing
            dropped = self.draws.draw() < thresholds([rate, 1.0 - rate])[0]
            index = _masked(index, ~(self.who.partial & dropped))
        texts = ["", *[member(row.code, json.dumps(c)) for c in codes]]
        return Member(texts, _masked(index, asked))

    def _numbers_row(self, question: NumbersQuestion, i: int, asked: pl.Expr | None) -> Member:
        row = question.rows[i]
        missing = self.profile.row_missing.get(question.code, 0.0)
        answered = self.draws.draw() >= thresholds([missing, 1.0 - missing])[0]
        values, drawn = self._number(question, row.code)
        texts = ["", *[member(row.code, v) for v in values]]
        return Member(texts, _masked(_masked(drawn, answered), asked))

    def _number(
        self, question: NumberQuestion | NumbersQuestion, row: str | None
    ) -> tuple[list[str], pl.Expr]:
        """The values a number may take (JSON) and 1 + the drawn one's index."""
        key = f"{question.code}.{row}" if row else question.code
        shape = self.profile.numbers.get(key) or NumberShape(
            question.min, question.max, integer=question.integer
        )
        if question.integer and not shape.integer:
            shape = NumberShape(shape.low, shape.high, shape.power, shape.log_scale, True)
        values, which = number_values(shape, question.min, question.max)
        quantile = self.draws.draw() // (DRAW_RANGE // QUANTILES)
        return values, 1 + pl.lit(pl.Series(which, dtype=pl.UInt32)).gather(quantile)

    def timing(self, question: Question) -> Member:
        """Seconds spent on the question, for every respondent it was put to."""
        low, high = _timing_range(question)
        step = (high - low) / (TIMING_LEVELS - 1)
        texts = [
            "",
            *[member(question.code, f"{low + i * step:.1f}") for i in range(TIMING_LEVELS)],
        ]
        drawn = 1 + self.draws.draw() % TIMING_LEVELS
        asked = self._staged_mask(f"_a_{question.code}", self.asked(question))
        return Member(texts, _masked(drawn, asked))


def _timing_range(question: Question) -> tuple[float, float]:
    if isinstance(question, GridQuestion):
        return 2.0 * len(question.rows), 7.0 * len(question.rows)
    if isinstance(question, NumbersQuestion):
        return 10.0, 60.0
    if isinstance(question, TextQuestion):
        return 3.0, 90.0
    return 2.0, 15.0
