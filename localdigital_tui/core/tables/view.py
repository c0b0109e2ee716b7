"""One group's slice of the aggregates: council, supplier or all, and one ``--by`` split.

The aggregates are kept per audience and split value; a view adds up the audiences
of its group for one split value, and works out the three bases a table may use:

* answered the row: the answers given to that row (the sum of its counts);
* answered the question: respondents who answered any row of the question;
* asked: respondents of the group the question applies to, and whom its skip rule
  (``ask_if``) lets through, e.g. ``q10_amount`` is asked of those answering ``yes`` at
  ``q10``.
"""

from __future__ import annotations

from collections.abc import Sequence

from localdigital_tui.core.export.parquet import flat_name
from localdigital_tui.core.questionnaire.model import Questionnaire
from localdigital_tui.core.tables.totals import Aggregates, GroupKey, Numeric


class GroupView:
    def __init__(
        self,
        aggregates: Aggregates,
        questionnaire: Questionnaire,
        audiences: Sequence[str],
        split: str | None = None,
        splits: Sequence[str | None] | None = None,
    ) -> None:
        self.aggregates = aggregates
        self.questionnaire = questionnaire
        self.audiences = tuple(audiences)
        self.splits = tuple(splits) if splits is not None else (split,)

    def layer(self, aggregates: Aggregates) -> GroupView:
        """The same group over another layer of the aggregates (weighted, squared)."""
        return GroupView(aggregates, self.questionnaire, self.audiences, splits=self.splits)

    def _keys(self, audience: str | None = None) -> list[GroupKey]:
        """The aggregates' keys this view adds up; ``splits`` (a banner's Total) takes
        several split values at once."""
        wanted = self.audiences if audience is None else (audience,)
        return [(a, split) for a in wanted for split in self.splits]

    def records(self, audience: str | None = None) -> int:
        return sum(self.aggregates.records.get(key, 0) for key in self._keys(audience))

    def counts(self, question: str, row: str = "", audience: str | None = None) -> dict[str, int]:
        column = flat_name(question, row)
        total: dict[str, int] = {}
        for key in self._keys(audience):
            for choice, count in self.aggregates.counts.get((key, column), {}).items():
                total[choice] = total.get(choice, 0) + count
        return total

    def answered(self, question: str) -> int:
        return sum(self.aggregates.answered.get((key, question), 0) for key in self._keys())

    def numeric(self, question: str, row: str = "") -> Numeric:
        column = flat_name(question, row)
        total = Numeric()
        for key in self._keys():
            total = total + self.aggregates.numeric.get((key, column), Numeric())
        return total

    def asked(self, question_code: str) -> int:
        """Respondents of this group who were put the question (skip rules applied)."""
        question = self.questionnaire.question(question_code)
        asked = 0
        for audience in self.audiences:
            if not question.applies_to(audience):
                continue
            condition = question.ask_if
            if condition is None:
                asked += self.records(audience)
            else:
                counts = self.counts(condition.question, audience=audience)
                asked += sum(counts.get(choice, 0) for choice in condition.in_)
        return asked

    def applies(self, question_code: str) -> bool:
        """Is the question asked of any audience of this group?"""
        question = self.questionnaire.question(question_code)
        return any(question.applies_to(a) for a in self.audiences)
