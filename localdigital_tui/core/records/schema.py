"""Compile a questionnaire into a pydantic schema that validates whole record lines.

For each audience and status the questionnaire becomes one model: answers keyed
by the questions that audience is asked (anything else is an error), grid rows as
fields whose values are the scale's choice codes, numbers with their bounds, the
required rows required when the record is complete, and the skip rules checked
after. A callable discriminator picks the model from ``audience`` and ``status``,
so ``TypeAdapter.validate_json`` checks a raw line in one call into pydantic-core.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictInt,
    Tag,
    TypeAdapter,
    create_model,
    model_validator,
)

from localdigital_tui.core.encryption.ciphertext import check_ciphertext, check_recipient
from localdigital_tui.core.questionnaire.model import (
    GridQuestion,
    LoadedQuestionnaire,
    NumberQuestion,
    NumbersQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
    TextQuestion,
)
from localdigital_tui.core.questionnaire.skip_rules import describe_condition, skip_conditions
from localdigital_tui.core.records.model import UtcTimestamp, Uuid4Text
from localdigital_tui.core.records.problems import ENCRYPTED_TAG, PLAIN_TAG

SealedAnswer = Annotated[str, AfterValidator(check_ciphertext)]
AgeRecipient = Annotated[str, AfterValidator(check_recipient)]


class _Forbid(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _literal(codes: list[str]) -> Any:
    return Literal[tuple(codes)]


def _number_type(question: NumberQuestion | NumbersQuestion) -> Any:
    if question.integer:
        return Annotated[StrictInt, Field(ge=question.min, le=question.max)]
    return Annotated[float, Field(ge=question.min, le=question.max, allow_inf_nan=False)]


def _rows_model(name: str, rows: list[tuple[str, Any, bool]]) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for code, annotation, required in rows:
        fields[code] = (annotation, ...) if required else (annotation, None)
    return create_model(name, __base__=_Forbid, **fields)


def answer_type(questionnaire: Questionnaire, question: Question, complete: bool) -> Any:
    """The pydantic type of one question's answer."""
    if isinstance(question, TextQuestion):
        return Annotated[str, Field(min_length=1, max_length=question.max_length)]
    if isinstance(question, SingleChoiceQuestion):
        return _literal(question.choice_codes())
    if isinstance(question, GridQuestion):
        scale = _literal([c.code for c in questionnaire.scale_of(question)])
        rows = [(r.code, scale, complete and r.required) for r in question.rows]
        return _rows_model(f"{question.code}_{'complete' if complete else 'partial'}", rows)
    if isinstance(question, NumberQuestion):
        return _number_type(question)
    number = _number_type(question)
    return _rows_model(question.code, [(r.code, number, False) for r in question.rows])


def is_schema_required(question: Question, complete: bool) -> bool:
    """Must a complete record carry this question? (Skippable ones are checked later.)"""
    if not complete or question.ask_if is not None:
        return False
    if question.required:
        return True
    return isinstance(question, GridQuestion) and any(r.required for r in question.rows)


def answers_model(
    questionnaire: Questionnaire, audience: str, *, personal: bool, complete: bool
) -> type[BaseModel]:
    """The answers mapping for one audience, either its personal or its other questions."""
    questions = [q for q in questionnaire.questions_for(audience) if q.personal == personal]
    fields: dict[str, Any] = {}
    for q in questions:
        annotation = answer_type(questionnaire, q, complete)
        fields[q.code] = (
            (annotation, ...) if is_schema_required(q, complete) else (annotation, None)
        )

    skippable = skip_conditions(questions)

    def check_skips(self: BaseModel) -> BaseModel:
        # Attribute reads only: this runs once per record on the hot validation path.
        problems = [
            f"{code}: answered, but the question should have been skipped "
            f"({describe_condition(questionnaire.question(code))})"
            for code, target, allowed in skippable
            if getattr(self, code) is not None and getattr(self, target, None) not in allowed
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    validators = {}
    if skippable and not personal:
        validators["skip_rules"] = model_validator(mode="after")(check_skips)
    kind = "personal" if personal else ("complete" if complete else "partial")
    return create_model(
        f"Answers_{audience}_{kind}",
        __base__=_Forbid,
        __validators__=validators,  # type: ignore[arg-type]
        **fields,
    )


def _questionnaire_ref(loaded: LoadedQuestionnaire) -> type[BaseModel]:
    q = loaded.questionnaire
    return create_model(
        "QuestionnaireRefExact",
        __base__=_Forbid,
        id=(_literal([q.id]), ...),
        version=(_literal([q.version]), ...),
        sha256=(_literal([loaded.sha256]), ...),
    )


def _record_model(loaded: LoadedQuestionnaire, audience: str, status: str) -> type[BaseModel]:
    q = loaded.questionnaire
    complete = status == "complete"
    answers = answers_model(q, audience, personal=False, complete=complete)
    return create_model(
        f"Record_{audience}_{status}",
        __base__=_Forbid,
        record_id=(Uuid4Text, ...),
        questionnaire=(_questionnaire_ref(loaded), ...),
        audience=(_literal([audience]), ...),
        interviewer=(str, ...),
        device=(str, ...),
        event=(str | None, None),
        started_at=(UtcTimestamp, ...),
        submitted_at=(UtcTimestamp, ...) if complete else (UtcTimestamp | None, None),
        status=(_literal([status]), ...),
        answers=(answers, ...),
        timings=(dict[str, Annotated[float, Field(ge=0)]], {}),
        languages=(_languages_field(q), {}),
    )


def _languages_field(q: Questionnaire) -> Any:
    """The paradata ``languages``: question code -> one of the declared languages
    (nothing, when the questionnaire declares none)."""
    if not q.languages:
        return Annotated[dict[str, str], Field(max_length=0)]
    codes = _literal([x.code for x in q.questions])
    languages = _literal(list(q.languages))
    return dict[codes, languages]  # type: ignore[valid-type]


_ADAPTERS: dict[tuple[str, str], TypeAdapter[Any]] = {}


def record_adapter(loaded: LoadedQuestionnaire) -> TypeAdapter[Any]:
    """A TypeAdapter validating a whole response line against this questionnaire.

    Records are told apart by ``audience``, then by ``status``: two string
    discriminators, resolved inside pydantic-core without a Python callback.
    Compiled once per process per questionnaire file (by sha256): it takes a few
    tenths of a second.
    """
    key = (loaded.sha256, "record")
    if key not in _ADAPTERS:
        _ADAPTERS[key] = _record_adapter(loaded)
    return _ADAPTERS[key]


def personal_adapter(loaded: LoadedQuestionnaire) -> TypeAdapter[Any]:
    """A TypeAdapter validating a personal-file line (personal answers of any audience),
    compiled once per process per questionnaire file."""
    key = (loaded.sha256, "personal")
    if key not in _ADAPTERS:
        _ADAPTERS[key] = _personal_adapter(loaded)
    return _ADAPTERS[key]


def _record_adapter(loaded: LoadedQuestionnaire) -> TypeAdapter[Any]:
    q = loaded.questionnaire
    by_audience: list[Any] = []
    for audience in q.audience_codes():
        by_status: Any = Annotated[
            Union[  # noqa: UP007 - a Union built from runtime models
                tuple(_record_model(loaded, audience, status) for status in ("complete", "partial"))
            ],
            Field(discriminator="status"),
        ]
        by_audience.append(by_status)
    union: Any = (
        by_audience[0]
        if len(by_audience) == 1
        else Annotated[Union[tuple(by_audience)], Field(discriminator="audience")]  # noqa: UP007
    )
    return TypeAdapter(union)


def _personal_adapter(loaded: LoadedQuestionnaire) -> TypeAdapter[Any]:
    """A plain line (``answers``) or an encrypted one (``encrypted_to``, and
    ``encrypted_answers``: each personal answer sealed on its own, see
    :mod:`~localdigital_tui.core.encryption.sealed_answers`), told apart by the
    field ``encrypted_answers``, so each is worded as the line it means to be."""
    q = loaded.questionnaire
    plain: dict[str, Any] = {}
    sealed: dict[str, Any] = {}
    for question in q.questions:
        if question.personal:
            plain[question.code] = (answer_type(q, question, False), None)
            sealed[question.code] = (SealedAnswer, None)
    head: dict[str, Any] = {
        "record_id": (Uuid4Text, ...),
        "questionnaire": (_questionnaire_ref(loaded), ...),
    }
    plain_line = create_model(
        "PersonalLine",
        __base__=_Forbid,
        **head,
        answers=(create_model("PersonalAnswers", __base__=_Forbid, **plain), ...),
    )
    encrypted_line = create_model(
        "EncryptedPersonalLine",
        __base__=_Forbid,
        **head,
        encrypted_to=(AgeRecipient, ...),
        encrypted_answers=(create_model("SealedAnswers", __base__=_Forbid, **sealed), ...),
    )
    line: Any = Annotated[
        Union[  # noqa: UP007 - a Union built from runtime models
            Annotated[plain_line, Tag(PLAIN_TAG)], Annotated[encrypted_line, Tag(ENCRYPTED_TAG)]
        ],
        Discriminator(_personal_tag),
    ]
    return TypeAdapter(line)


def _personal_tag(value: Any) -> str:
    encrypted = isinstance(value, dict) and "encrypted_answers" in value
    return ENCRYPTED_TAG if encrypted else PLAIN_TAG
