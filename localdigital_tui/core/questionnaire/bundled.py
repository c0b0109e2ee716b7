"""Where the bundled questionnaire and 2013 data live, installed or in a checkout.

A wheel carries them under ``localdigital_tui/bundled/``; an editable install or
a checkout reads them from the project's top level (``questionnaire.yaml``,
``data/``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[2]
_CHECKOUT = _PACKAGE.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]


def questionnaire_path() -> Path:
    return _first_existing(
        _PACKAGE / "bundled" / "questionnaire.yaml", _CHECKOUT / "questionnaire.yaml"
    )


def data_path(name: str) -> Path:
    """A file of the bundled data set, e.g. ``responses.jsonl`` or ``targets.csv``."""
    return _first_existing(_PACKAGE / "bundled" / name, _CHECKOUT / "data" / name)
