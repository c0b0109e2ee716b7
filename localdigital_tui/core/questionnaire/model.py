"""The questionnaire as pydantic models.

A questionnaire has audiences (who answers it: council staff or suppliers), named
answer scales, and an ordered list of questions. Each question, grid row and
choice has a stable ``code``; labels are free to change, codes are not.

Wording is either one string or a mapping from audience code to string, so the
supplier variant ("front line public services") sits beside the council one. A
file may give texts per language too; the loader resolves them
(:mod:`.languages`), so a model here holds the texts of one language.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from localdigital_tui.errors import Problem, TranslationError

Code = Annotated[str, Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")]
Wording = str | dict[str, str]


def word_for(wording: Wording, audience: str) -> str:
    """The text of ``wording`` as the given audience reads it."""
    if isinstance(wording, str):
        return wording
    return wording[audience]


class Strict(BaseModel):
    """Base: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(Strict):
    code: Code
    label: Wording

    def label_for(self, audience: str) -> str:
        return word_for(self.label, audience)


class Row(Strict):
    """A statement of a grid, or one numeric field of a ``numbers`` question."""

    code: Code
    label: Wording
    required: bool = False

    def label_for(self, audience: str) -> str:
        return word_for(self.label, audience)


class Audience(Strict):
    code: Code
    label: str


class AudienceQuestion(Strict):
    code: Code
    text: str


class AskIf(Strict):
    """Ask a question only when an earlier single-choice question has one of these answers."""

    question: Code
    in_: Annotated[list[Code], Field(alias="in", min_length=1)]


class QuestionBase(Strict):
    code: Code
    number: str | None = None
    text: Wording
    heading: str | None = None
    help: str | None = None
    audiences: list[Code] | None = None
    personal: bool = False
    profile: bool = False
    required: bool = False
    ask_if: AskIf | None = None

    def text_for(self, audience: str) -> str:
        return word_for(self.text, audience)

    def applies_to(self, audience: str) -> bool:
        return self.audiences is None or audience in self.audiences


class TextQuestion(QuestionBase):
    kind: Literal["text"]
    multiline: bool = False
    max_length: Annotated[int, Field(gt=0)] = 5000


class SingleChoiceQuestion(QuestionBase):
    kind: Literal["single_choice"]
    choices: Annotated[list[Choice], Field(min_length=1)]

    def choice_codes(self) -> list[str]:
        return [c.code for c in self.choices]


class GridQuestion(QuestionBase):
    kind: Literal["grid"]
    scale: Code
    stem: str | None = None
    rows: Annotated[list[Row], Field(min_length=1)]


class NumericBounds(QuestionBase):
    unit: Literal["percent", "pounds", "count"]
    integer: bool = False
    min: float
    max: float

    @model_validator(mode="after")
    def _min_not_above_max(self) -> NumericBounds:
        if self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is greater than max ({self.max:g})")
        return self


class NumberQuestion(NumericBounds):
    kind: Literal["number"]


class NumbersQuestion(NumericBounds):
    """Several numeric fields under one question (Q9's two percentages)."""

    kind: Literal["numbers"]
    rows: Annotated[list[Row], Field(min_length=1)]


Question = Annotated[
    TextQuestion | SingleChoiceQuestion | GridQuestion | NumberQuestion | NumbersQuestion,
    Field(discriminator="kind"),
]
RowQuestion = GridQuestion | NumbersQuestion


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


class Questionnaire(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    version: str
    title: Annotated[str, AfterValidator(_not_blank)]
    heading: str | None = None
    introduction: str
    audience_question: AudienceQuestion
    audiences: Annotated[list[Audience], Field(min_length=1)]
    scales: dict[Code, Annotated[list[Choice], Field(min_length=1)]]
    questions: Annotated[list[Question], Field(min_length=1)]
    languages: list[Code] = Field(default_factory=list)  # declared; empty: one language
    default_language: Code | None = None
    language: Code | None = None  # the language these texts are in (see .languages)

    def audience_codes(self) -> list[str]:
        return [a.code for a in self.audiences]

    def question(self, code: str) -> Question:
        for q in self.questions:
            if q.code == code:
                return q
        raise KeyError(code)

    def scale_of(self, question: GridQuestion) -> list[Choice]:
        return self.scales[question.scale]

    def questions_for(self, audience: str) -> list[Question]:
        """Questions this audience may be asked, in order (skip rules not applied)."""
        return [q for q in self.questions if q.applies_to(audience)]

    def personal_codes(self) -> list[str]:
        return [q.code for q in self.questions if q.personal]


GAPS_SHOWN = 10  # untranslated texts named when a language is refused


class LoadedQuestionnaire(BaseModel):
    """A validated questionnaire with the file it came from and that file's hash."""

    model_config = ConfigDict(frozen=True)

    questionnaire: Questionnaire  # in the default language
    path: str
    sha256: str
    translations: dict[str, Questionnaire] = Field(default_factory=dict)  # language -> texts
    gaps: dict[str, list[Problem]] = Field(default_factory=dict)  # language -> missing texts
    # language -> where each gap is in the file's tree: ("questions", 3, "rows", 0, "label")
    untranslated: dict[str, list[tuple[str | int, ...]]] = Field(default_factory=dict)

    def in_language(self, language: str | None, allow_missing: bool = False) -> LoadedQuestionnaire:
        """This questionnaire with its texts in ``language`` (None: the default language).

        A language with texts not translated is refused, listing them, unless
        ``allow_missing`` (they then read as in the default language).
        """
        if language is None or language == self.questionnaire.language:
            return self
        if language not in self.translations:
            declared = ", ".join(self.questionnaire.languages) or "none"
            raise TranslationError(
                self.path,
                [],
                f"no language '{language}' in this questionnaire (declared: {declared})",
            )
        gaps = self.gaps.get(language, [])
        if gaps and not allow_missing:
            shown = gaps[:GAPS_SHOWN]
            more = (
                f" (the first {len(shown)} above; validate lists all)"
                if len(gaps) > len(shown)
                else ""
            )
            raise TranslationError(
                self.path,
                shown,
                f"{len(gaps)} text(s) have no {language} translation{more}; "
                "--allow-missing-translations shows them in the default language",
            )
        return self.model_copy(update={"questionnaire": self.translations[language]})
