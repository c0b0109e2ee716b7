"""Every output format, each drawn from the same table object (``core.tables.table``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from localdigital_tui.core.records.provenance import Provenance
from localdigital_tui.core.tables.table import Table
from localdigital_tui.render import delimited, html, json_format, latex, markdown, text

Renderer = Callable[[Sequence[Table], Provenance | None], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "markdown": markdown.render,
    "csv": delimited.render_csv,
    "tidy": delimited.render_tidy,
    "json": json_format.render,
    "latex": latex.render,
    "html": html.render,
}


def render(
    fmt: str,
    tables: Sequence[Table],
    provenance: Provenance | None = None,
    width: int = 80,
    chart: bool = False,
) -> str:
    """``tables`` in format ``fmt``; text fits ``width`` columns, with bars if ``chart``."""
    if fmt == "text":
        return text.render(tables, provenance, width, chart)
    return FORMATS[fmt](tables, provenance)
