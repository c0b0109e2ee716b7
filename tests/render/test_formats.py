"""Every format is drawn from the same table objects and carries the same figures."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire
from localdigital_tui.core.records.provenance import provenance
from localdigital_tui.core.tables.build import Request, tabulate_files
from localdigital_tui.core.tables.compute import Options
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render import FORMATS, render
from localdigital_tui.render.delimited import TIDY_HEADER
from localdigital_tui.render.latex import escape
from tests.core.tables.survey_fixture import write_survey


@pytest.fixture(scope="module")
def survey(loaded: LoadedQuestionnaire, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_survey(loaded, tmp_path_factory.mktemp("render"))


@pytest.fixture(scope="module")
def tables(loaded: LoadedQuestionnaire, survey: Path) -> list[Table]:
    request = Request(table_ids=("5.1", "5.4", "5.6b"), options=Options(net=True))
    made, _ = tabulate_files([survey], loaded.questionnaire, request)
    return made


def cell_count(tables: list[Table]) -> int:
    return sum(len(row.cells) for t in tables for row in t.rows)


def test_tidy_has_exactly_the_header_and_one_line_per_cell(tables: list[Table]) -> None:
    text = render("tidy", tables)
    assert text.splitlines()[0] == "table,group,row,column,count,base,percent,value"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == TIDY_HEADER
    assert len(rows) == cell_count(tables)
    flexible = [r for r in rows if r["row"] == "Enable staff to work flexibly and on the move"]
    assert {
        "table": "5.1",
        "group": "council",
        "row": "Enable staff to work flexibly and on the move",
        "column": "Strongly Agree",
        "count": "7",
        "base": "80",
        "percent": "8.8",
        "value": "",
    } in flexible
    mean = next(r for r in rows if r["table"] == "5.6b" and r["column"] == "mean")
    assert (mean["value"], mean["base"], mean["percent"]) == ("2401000", "5", "")
    net = next(r for r in rows if r["table"] == "5.4" and r["count"] == "9")
    assert (net["row"], net["percent"]) == ("Have or intend to create a strategy", "90.0")


def test_json_carries_the_same_cells_and_both_sha256s(
    loaded: LoadedQuestionnaire, survey: Path, tables: list[Table]
) -> None:
    q = loaded.questionnaire
    source = provenance(q.id, q.version, loaded.sha256, [survey])
    document = json.loads(render("json", tables, source))
    assert document["questionnaire"]["sha256"] == loaded.sha256
    import hashlib

    assert document["data"]["sha256"] == hashlib.sha256(survey.read_bytes()).hexdigest()
    cells = [c for t in document["tables"] for r in t["rows"] for c in r["cells"]]
    assert len(cells) == cell_count(tables)
    table = document["tables"][0]
    assert table["base_rule"] == "answered the row"
    row = next(r for r in table["rows"] if r["code"] == "flexible_working")
    assert row["bases"] == [{"group": "council", "base": 80, "low_base": False}]
    assert row["cells"][4] == {
        "column": "strongly_agree",
        "group": "council",
        "count": 7,
        "base": 80,
        "percent": 8.8,
        "value": None,
    }
    assert render("json", tables, source) == render("json", tables, source)  # no timestamps


def test_several_inputs_have_one_order_free_data_sha256(
    loaded: LoadedQuestionnaire, survey: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text(survey.read_text().splitlines()[0] + "\n")
    q = loaded.questionnaire
    one = provenance(q.id, q.version, loaded.sha256, [survey, other])
    two = provenance(q.id, q.version, loaded.sha256, [other, survey])
    assert one.data_sha256 == two.data_sha256 != one.inputs[0].sha256


def test_text_reads_like_the_report(tables: list[Table]) -> None:
    text = render("text", tables)
    assert "5.1 Do you agree or disagree with the following statements about Digital" in text
    assert "8.8%" in text and "12.5%" in text
    assert "Base: council respondents who answered the row" in text
    assert "£2,401,000" in text  # savings in whole pounds
    assert "Have or intend to create a strategy" in text  # the net row of 5.4


def test_markdown_is_a_pipe_table_per_table(tables: list[Table]) -> None:
    text = render("markdown", tables)
    assert text.count("### ") == len(tables)
    header = next(
        line for line in text.splitlines() if line.startswith("|") and "Strongly Agree" in line
    )
    assert header.count("|") == len(tables[0].columns) + 3  # label, columns, base
    assert "| Enable staff to work flexibly and on the move" in text


def test_csv_blocks_have_bare_numbers(tables: list[Table]) -> None:
    rows = list(csv.reader(io.StringIO(render("csv", tables))))
    assert rows[0][0].startswith("5.1 ")
    assert rows[1][-1] == "Base"
    flexible = next(
        r for r in rows if r and r[0] == "Enable staff to work flexibly and on the move"
    )
    assert flexible[1:6] == ["0.0", "0.0", "0.0", "91.3", "8.8"] and flexible[-1] == "80"


def test_latex_escapes_and_uses_booktabs(tables: list[Table]) -> None:
    text = render("latex", tables)
    assert text.count(r"\begin{tabular}") == len(tables)
    assert r"8.8\%" in text and r"\pounds{}2,401,000" in text
    assert escape("50% & £5_x") == r"50\% \& \pounds{}5\_x"


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows = 0
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.rows += tag == "tr"
        self.tables += tag == "table"


def test_html_is_a_page_with_escaped_tables(tables: list[Table]) -> None:
    text = render("html", tables)
    parser = _Cells()
    parser.feed(text)
    assert parser.tables == len(tables)
    assert parser.rows == sum(len(t.rows) + 1 for t in tables)
    assert "Don&#x27;t Know" in text or "Don&#x27;t" in text
    assert "<script" not in text


def test_every_format_renders_compare_and_split_tables(
    loaded: LoadedQuestionnaire, survey: Path
) -> None:
    compared, _ = tabulate_files(
        [survey], loaded.questionnaire, Request(table_ids=("5.1",), compare=True)
    )
    split, _ = tabulate_files(
        [survey], loaded.questionnaire, Request(table_ids=("5.4",), by="role")
    )
    for name in FORMATS:
        assert render(name, compared) and render(name, split)
    assert "100.0% A" in render("text", compared)
    tidy = list(csv.DictReader(io.StringIO(render("tidy", compared))))
    assert {r["group"] for r in tidy} == {"council", "supplier"}
    groups = {r["group"] for r in csv.DictReader(io.StringIO(render("tidy", split)))}
    assert groups == {
        "council",  # the banner's Total
        "council:role=elected_member",
        "council:role=head_of_it",
        "council:role=",
    }
