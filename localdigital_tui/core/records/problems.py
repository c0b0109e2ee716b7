"""pydantic's validation errors in the words a validate or merge report uses.

Records are picked by ``audience`` then ``status``; pydantic puts those tags
(``council``, ``complete``) at the front of an error's path, before the first
real field of the line, and they are dropped here.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

PLAIN_TAG, ENCRYPTED_TAG = "plain", "encrypted"  # the two kinds of personal line
VARIANT_TAGS = frozenset({"complete", "partial", PLAIN_TAG, ENCRYPTED_TAG})


def describe(exc: ValidationError) -> list[tuple[str, str]]:
    """pydantic errors -> ``(field path, readable problem)``, union tags removed.

    Records are picked by ``audience`` then ``status``; pydantic puts those tags
    (``council``, ``complete``) at the front of an error's path, before the first
    real field of the line.
    """
    found = []
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error["loc"]]
        if error["type"] in {"union_tag_invalid", "union_tag_not_found"}:
            loc = [str(error["ctx"]["discriminator"]).strip("'")]
        else:
            loc = _without_tags(loc)
        where = ".".join(loc)
        found.append((where or "line", _message(error, loc)))
    return found


def _without_tags(loc: list[str]) -> list[str]:
    """Drop the leading ``audience``/``status`` tags of a record variant's error path (and
    the ``plain``/``encrypted`` tag of a personal line's)."""
    for index, part in enumerate(loc[:2]):
        if part in VARIANT_TAGS:
            return loc[index + 1 :]
    return loc


def _message(error: Any, loc: list[str]) -> str:
    kind = error["type"]
    if kind == "union_tag_invalid":
        ctx = error["ctx"]
        return f"expected one of {ctx['expected_tags']} (got '{ctx['tag']}')"
    if kind == "union_tag_not_found":
        return "required field is missing"
    if kind == "json_invalid":
        return f"not valid JSON ({error['ctx'].get('error', error['msg'])})"
    if kind == "missing":
        if len(loc) >= 2 and loc[0] == "answers":
            return "required answer is missing"
        return "required field is missing"
    if kind == "extra_forbidden":
        if len(loc) == 2 and loc[0] == "answers":
            return (
                "not a question this respondent is asked in this file "
                "(unknown, personal, or for another audience)"
            )
        if len(loc) == 3 and loc[0] == "answers":
            return f"unknown row of {loc[1]}"
        if len(loc) == 2 and loc[0] == "encrypted_answers":
            return "not a personal question of this questionnaire"
        return "unknown field"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    shown = repr(error.get("input"))
    if len(shown) > 40:
        shown = shown[:37] + "..."
    msg = str(error["msg"])
    return f"{msg[0].lower()}{msg[1:]} (got {shown})"
