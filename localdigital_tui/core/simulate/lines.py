"""Whole simulated lines: the answers line and the personal line of each record.

:class:`LinePlan` compiles a questionnaire, a profile, a seed and a partial rate
into polars expressions once; :meth:`LinePlan.frame` then evaluates them for any
range of record numbers. Record ``i`` is the same bytes whichever range, batch or
file it is made in.

A line is made in parts (:data:`RESPONSE_PARTS`, :data:`PERSONAL_PARTS`) that
meet where the JSON always has a comma (before ``"audience"``, ``"answers"``,
``"timings"``), the comma left out: polars makes the parts side by side on all
cores, and the CSV writer puts the commas back (``separator=","``, no quoting),
so no pass copies whole lines into one string.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import polars as pl

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.simulate.answers import AnswerBuilder, Respondent
from localdigital_tui.core.simulate.json_cells import CellCompiler
from localdigital_tui.core.simulate.profile import Profile
from localdigital_tui.core.simulate.random_draws import (
    ROW,
    Draws,
    choose,
    pick,
    thresholds,
)

FIRST_DAY = date(2013, 6, 3)  # fieldwork: four weeks, the survey closing on 2 July 2013
DAYS = 29
DAY_START = 8 * 3600  # interviews start between 08:00 and 17:00 UTC ...
START_SPAN = 9 * 3600
LONGEST = 3000  # ... and last at most 50 minutes
RESPONSE_PARTS = ("_id", "_envelope", "_answers", "_timings")
PERSONAL_PARTS = ("_id", "_personal")
PART_SEPARATOR = ","
HEX2 = [f"{i:02x}" for i in range(256)]
HEX4 = [high + low for high in HEX2 for low in HEX2]  # "0000" ... "ffff"


def _seconds_of_day() -> list[str]:
    """``T08:00:00Z`` ... for every second an interview may start or end."""
    first, last = DAY_START, DAY_START + START_SPAN + LONGEST
    seconds = [f"{s:02d}Z" for s in range(60)]
    hours = range(first // 3600, last // 3600 + 1)
    times = [f"T{h:02d}:{m:02d}:{s}" for h in hours for m in range(60) for s in seconds]
    return times[first % 3600 : first % 3600 + last - first + 1]


class LinePlan:
    """Expressions for the answers line (``response``) and the personal line (``personal``)."""

    def __init__(
        self, loaded: LoadedQuestionnaire, profile: Profile, seed: int, partial_rate: float = 0.0
    ) -> None:
        if not 0.0 <= partial_rate <= 1.0:
            raise ValueError(f"partial rate must be between 0 and 1 (got {partial_rate})")
        q = loaded.questionnaire
        self.draws = draws = Draws(seed)
        audiences = q.audience_codes()
        weights = [profile.audience_weights.get(a, 1.0) for a in audiences]
        audience = pl.col("_audience")
        self._who: list[list[pl.Expr]] = [[choose(draws.draw(), weights).alias("_audience")]]
        partial = cut = None
        if partial_rate > 0:
            is_partial = draws.draw() < thresholds([partial_rate, 1.0 - partial_rate])[0]
            if partial_rate == 1.0:
                is_partial = pl.lit(True)
            lengths = pl.lit(pl.Series([len(q.questions_for(a)) for a in audiences]))
            stop = draws.draw() % lengths.gather(audience).cast(pl.UInt64)
            partial, cut = pl.col("_partial"), pl.col("_cut")
            self._who.append(
                [
                    is_partial.alias("_partial"),
                    pl.when(is_partial).then(stop).otherwise(1 << 20).cast(pl.UInt32).alias("_cut"),
                ]
            )
        builder = AnswerBuilder(q, profile, draws, Respondent(audience, partial, cut))
        self.cells = cells = CellCompiler()
        self._ref = json.dumps(
            {"id": q.id, "version": q.version, "sha256": loaded.sha256}, separators=(",", ":")
        )
        # Built in this order: each draw() numbers the next random draw.
        self._record_id = _joined(self._uuid4()).alias("_id")
        envelope = self._envelope(q.audience_codes(), profile, partial)
        answers = cells.cells(
            [builder.answer(x) for x in q.questions if not x.personal],
            prefix='"answers":{',
            suffix="}",
        )
        timings = cells.cells(
            [builder.timing(x) for x in q.questions], prefix='"timings":{', suffix="}}"
        )
        personal = cells.cells(
            [builder.answer(x) for x in q.questions if x.personal],
            prefix='"answers":{',
            suffix="}}",
        )
        self._parts = [
            _joined(envelope).alias("_envelope"),
            _joined(answers).alias("_answers"),
            _joined(timings).alias("_timings"),
            _joined(personal).alias("_personal"),
        ]
        self._answer_stages = builder.stages()

    def _uuid4(self) -> list[pl.Expr]:
        """``{"record_id":"<a version-4 UUID from 122 drawn bits>","questionnaire":{...}``.

        The fixed text is in cells of its own: folded into the digits' tables it
        would make a 10 MB table read at random, ~0.3 us a record more.
        """
        draw = self.draws.draw
        hex4, dash = pl.lit(pl.Series(HEX4, dtype=pl.String)), pl.lit("-")
        return [
            pl.lit('{"record_id":"'),
            hex4.gather(draw()),
            hex4.gather(draw()),
            dash,
            hex4.gather(draw()),
            dash,
            hex4.gather(draw() % (1 << 12) + (4 << 12)),
            dash,
            hex4.gather(draw() % (1 << 14) + (8 << 12)),
            dash,
            hex4.gather(draw()),
            hex4.gather(draw()),
            hex4.gather(draw()),
            pl.lit(f'","questionnaire":{self._ref}'),
        ]

    def _envelope(
        self, audiences: list[str], profile: Profile, partial: pl.Expr | None
    ) -> list[pl.Expr]:
        """From ``"audience"`` to ``,"status":...`` (the comma before it is a separator)."""
        words = profile.phrases
        people = [
            f'"audience":{json.dumps(a)},"interviewer":{json.dumps(i)},'
            f'"device":{json.dumps(d)},"event":{json.dumps(e)},"started_at":'
            for a in audiences
            for i in words.interviewers
            for d in words.devices
            for e in words.events
        ]
        who = pl.col("_audience").cast(pl.UInt64) * (len(people) // len(audiences))
        days = [f'"{FIRST_DAY + timedelta(days=d):%Y-%m-%d}' for d in range(DAYS)]
        times = _seconds_of_day()
        day = self.draws.draw() % DAYS
        start = self.draws.draw() % START_SPAN
        end = start + self.draws.draw() % (LONGEST - 240) + 240
        not_partial = pl.lit(0, dtype=pl.UInt64)
        if partial is not None:
            not_partial = partial.cast(pl.UInt64)
        return [
            pick(people, who + self.draws.draw() % (len(people) // len(audiences))),
            pick(days, day),
            pick(times, start, suffix='","submitted_at":'),
            pick([*days, "null"], day + not_partial * (DAYS - day)),
            pick([*[t + '"' for t in times], ""], end + not_partial * (len(times) - end)),
            pick([',"status":"complete"', ',"status":"partial"'], not_partial),
        ]

    def frame(self, start: int, stop: int) -> pl.LazyFrame:
        """Records ``start`` .. ``stop - 1`` as the parts of their lines (both files)."""
        frame = pl.LazyFrame({ROW: pl.int_range(start, stop, dtype=pl.UInt64, eager=True)})
        for stage in [*self.draws.word_stages(), *self._who, *self._answer_stages]:
            frame = frame.with_columns(stage)
        frame = frame.with_columns(*self.cells.chunk_columns, self._record_id)
        return frame.select("_id", *self._parts)

    def lines(self, start: int, stop: int) -> pl.LazyFrame:
        """Records ``start`` .. ``stop - 1`` as whole lines: ``response`` and ``personal``."""
        return self.frame(start, stop).select(
            pl.concat_str(RESPONSE_PARTS, separator=PART_SEPARATOR).alias("response"),
            pl.concat_str(PERSONAL_PARTS, separator=PART_SEPARATOR).alias("personal"),
        )


def _joined(cells: list[pl.Expr]) -> pl.Expr:
    """The cells' texts one after the other (nothing is null: polars' null-aware path is
    ~3x slower)."""
    return cells[0] if len(cells) == 1 else pl.concat_str(cells, ignore_nulls=True)
