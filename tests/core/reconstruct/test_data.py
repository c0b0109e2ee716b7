"""The bundled data reproduces every published figure, tabulated here by plain counting.

Independent of the package's own checker: a row's base is the records of the
group that answered that row; a percentage is 100 * count / base rounded half-up
(Decimal ROUND_HALF_UP) to the decimals the report prints.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from localdigital_tui.core.records.model import RECORD_KEYS

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
NETS = {
    "net_agree": {"agree", "strongly_agree"},
    "net_disagree": {"disagree", "strongly_disagree"},
    "net_positive": {"yes", "intend"},
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


RESPONSES = read_jsonl(DATA / "responses.jsonl")
PERSONAL = read_jsonl(DATA / "personal.jsonl")
TARGETS = read_csv(DATA / "targets.csv")
SLIPS = {
    tuple(s[k] for k in ("table", "group", "question", "row", "column", "published")): s
    for s in read_csv(DATA / "slips.csv")
}
QUESTIONNAIRE = YAML(typ="safe").load((ROOT / "questionnaire.yaml").read_text(encoding="utf-8"))


def rounded(numerator: int, denominator: int, places: int) -> str:
    with localcontext() as ctx:
        ctx.prec = 50
        value = Decimal(numerator) / Decimal(denominator)
        return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def places(figure: str) -> int:
    return len(figure.split(".")[1]) if "." in figure else 0


def tabulate(target: dict[str, str], decimals: int) -> str:
    group = [r for r in RESPONSES if r["audience"] == target["group"]]
    answers = [r["answers"].get(target["question"]) for r in group]
    if target["row"]:
        answers = [a.get(target["row"]) if isinstance(a, dict) else None for a in answers]
    values = [a for a in answers if a is not None]
    column = target["column"]
    if column == "n":
        return str(len(values))
    if column == "pct_of_group":
        return rounded(100 * len(values), len(group), decimals)
    if column.endswith("_above_1000"):
        values = [v for v in values if v > 1000]
        column = column.removesuffix("_above_1000")
    if column == "mean":
        return rounded(sum(values), len(values), decimals)
    if column in ("min", "max"):
        return rounded(min(values) if column == "min" else max(values), 1, decimals)
    wanted = NETS.get(column) or set(column.split("|"))
    return rounded(100 * sum(1 for v in values if v in wanted), len(values), decimals)


def label(t: dict[str, str]) -> str:
    return f"{t['table']} {t['group']} {t['question']}/{t['row']} {t['column']} = {t['published']}"


@pytest.mark.parametrize("target", TARGETS, ids=label)
def test_every_target_is_reproduced_or_a_listed_slip(target: dict[str, str]) -> None:
    computed = tabulate(target, places(target["published"]))
    if computed == target["published"]:
        return
    key = tuple(target[k] for k in ("table", "group", "question", "row", "column", "published"))
    slip = SLIPS.get(key)
    assert slip is not None, f"{label(target)}: computed {computed}, not a listed slip"
    assert tabulate(target, places(slip["reproduced"])) == slip["reproduced"]


def test_every_slip_is_a_target_and_is_not_met_as_published() -> None:
    keys = {
        tuple(t[k] for k in ("table", "group", "question", "row", "column", "published"))
        for t in TARGETS
    }
    assert set(SLIPS) <= keys
    for key, slip in SLIPS.items():
        target = dict(
            zip(("table", "group", "question", "row", "column", "published"), key, strict=True)
        )
        assert tabulate(target, places(slip["published"])) != slip["published"]


def test_group_sizes_and_order() -> None:
    assert Counter(r["audience"] for r in RESPONSES) == {"council": 178, "supplier": 22}
    order = [(r["submitted_at"], r["record_id"]) for r in RESPONSES]
    assert order == sorted(order)
    assert [p["record_id"] for p in PERSONAL] == [r["record_id"] for r in RESPONSES]
    assert len({r["record_id"] for r in RESPONSES}) == 200


def test_record_shape_and_rules() -> None:
    questions = {q["code"]: q for q in QUESTIONNAIRE["questions"]}
    required = [r["code"] for r in questions["q5"]["rows"] if r.get("required")]
    keys = list(RECORD_KEYS)
    for record in RESPONSES:
        assert list(record) == keys
        assert record["started_at"] < record["submitted_at"] <= "2013-07-02T13:30:00Z"
        answers = record["answers"]
        for code in answers:
            q = questions[code]
            assert not q.get("personal")
            assert record["audience"] in q.get("audiences", [record["audience"]])
        assert set(required) <= set(answers["q5"])
        if "q10_amount" in answers:  # asked only when q10 is yes
            assert answers["q10"] == "yes"
        assert set(record["timings"]) == set(answers)


def test_just_over_half_gave_q9_figures_and_the_same_people_gave_both() -> None:
    q9 = [r["answers"]["q9"] for r in RESPONSES if "q9" in r["answers"]]
    assert 89 < len(q9) <= 100  # "Just over half" of 178
    assert all(set(a) == {"services_digital", "transactions_digital"} for a in q9)


def test_appendix_counts_are_the_personal_file() -> None:
    personal = {p["record_id"]: p["answers"] for p in PERSONAL}
    councils = [personal[r["record_id"]] for r in RESPONSES if r["audience"] == "council"]
    suppliers = [personal[r["record_id"]] for r in RESPONSES if r["audience"] == "supplier"]
    orgs = Counter(a.get("q3_organisation", "Unknown Respondent") for a in councils)
    assert orgs["Poole Borough Council"] == 2 and orgs["Dudley Metropolitan Borough Council"] == 3
    assert len(set(orgs) - {"Unknown Respondent"}) == 138  # "138 unique organisations"
    titles = Counter(a.get("q2_job_title") for a in councils)
    assert titles["Councillor"] == 7 and titles["Head of Information Technology"] == 4
    assert titles[None] == 3  # "Unknown" and the two titles Appendix III does not list
    assert len({a.get("q3_organisation", "Unknown") for a in suppliers}) == 20
    assert all(p["answers"]["q1_name"].startswith("Test Respondent ") for p in PERSONAL)
