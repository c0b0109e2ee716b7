"""``localdigital report``: the 2013 report's sections 4 and 5 as one self-contained HTML page.

One section a table, in the report's order: the heading, an inline SVG chart
(:mod:`.charts`), the table itself as an HTML table (what a screen reader reads),
its base rule and notes, and, for the bundled data, every figure the report
published beside the one computed, with the report's listed slips marked. No
script, no font or image from the network; readable from phone to desktop
width (tables scroll sideways on their own), and printable (one section is not
split across pages where it fits).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib.resources import files

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.check import MATCH, SLIP, Outcome
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render.charts import chart
from localdigital_tui.render.html import render_table

STYLE = files("localdigital_tui.render").joinpath("report.css").read_text(encoding="utf-8")
STATUS_WORDS = {MATCH: "matches", SLIP: "listed slip", "mismatch": "MISMATCH"}


def _published(table: Table, outcomes: Sequence[Outcome]) -> str:
    mine = [o for o in outcomes if (o.target.table, o.target.group) == (table.id, table.group)]
    if not mine:
        return ""
    rows = []
    for o in mine:
        css = o.status if o.status in (MATCH, SLIP) else "mismatch"
        words = STATUS_WORDS.get(o.status, o.status)
        explanation = f": {escape(o.explanation)}" if o.explanation else ""
        rows.append(
            f'<tr><th scope="row">{escape(o.target.row or "-")}</th>'
            f'<td>{escape(o.target.column)}</td><td class="n">{escape(o.target.published)}</td>'
            f'<td class="n">{escape(o.computed)}</td>'
            f'<td class="{css}">{escape(words)}{explanation}</td></tr>'
        )
    return (
        '<div class="scroll"><table class="published"><caption>Published in 2013 and '
        'computed from the data</caption><thead><tr><th scope="col">Row</th>'
        '<th scope="col">Column</th><th scope="col">Published</th>'
        '<th scope="col">Computed</th><th scope="col">Status</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div>"
    )


def report_page(
    tables: Sequence[Table],
    provenance: Provenance | None,
    outcomes: Sequence[Outcome] = (),
    about: str = "",
) -> str:
    """The whole page; ``outcomes`` (the bundled data's reconciliation) may be empty."""
    sections = []
    for table in tables:
        drawn = chart(table)
        sections.append(
            f'<section id="report-{escape(table.id)}"><h2>{escape(table.heading)}</h2>'
            + (f'<figure class="scroll">{drawn}</figure>' if drawn else "")
            + f'<div class="scroll">{render_table(table)}</div>'
            + _published(table, outcomes)
            + "</section>"
        )
    source = ""
    if provenance is not None:
        files = ", ".join(escape(f.path) for f in provenance.inputs)
        source = (
            f"<p>Data: {files} (sha256 {escape(provenance.data_sha256)}). Questionnaire "
            f"{escape(provenance.questionnaire_id)} {escape(provenance.questionnaire_version)} "
            f"(sha256 {escape(provenance.questionnaire_sha256)}).</p>"
        )
    counts = ""
    if outcomes:
        matched = sum(o.status == MATCH for o in outcomes)
        slips = sum(o.status == SLIP for o in outcomes)
        counts = (
            f"<p>{len(outcomes)} published figures: {matched} match, {slips} are listed "
            f"slips of the report, {len(outcomes) - matched - slips} do not match.</p>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Local Digital Today: the survey's tables</title>\n<style>{STYLE}</style>\n"
        "</head>\n<body>\n<h1>Local Digital Today (2013): breakdowns and tables</h1>\n"
        f'<div class="about">{about}{source}{counts}</div>\n'
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )
