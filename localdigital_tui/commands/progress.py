"""The one progress bar of the commands that read or write a lot (merge, convert, validate,
simulate, tables): click's bar on stderr, only when stderr is a terminal.

In a pipe, a file or CI (``CI`` set) nothing is drawn and the work is not told
of any bar (``None``). The bar shows the share done, what is done (bytes or
records), the rate and the time left.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from pathlib import Path

Advance = Callable[[int], None]


def wanted() -> bool:
    """A terminal is watching stderr (and this is not a CI run)."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def size_of(paths: Iterable[Path]) -> int:
    """The bytes of these files (one that cannot be looked at counts 0: its reader says why)."""
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


def _amount(value: float, unit: str) -> str:
    if unit == "bytes":
        return f"{value / 2**20:,.0f} MiB"
    return f"{value:,.0f} {unit}"


@contextmanager
def progress_bar(total: int, label: str, unit: str = "bytes") -> Iterator[Advance | None]:
    """``with progress_bar(size, "converting") as advance:`` then ``advance(n)`` as work is
    done (``advance`` is None when no bar is drawn: pass it on as the work's callback)."""
    if not wanted() or total <= 0:
        yield None
        return
    started = time.monotonic()
    done = [0]

    def rate(_: object) -> str:
        seconds = max(time.monotonic() - started, 1e-3)
        return f"{_amount(done[0], unit)}, {_amount(done[0] / seconds, unit)}/s"

    with click.progressbar(
        length=total, label=label, file=sys.stderr, show_eta=True, item_show_func=rate
    ) as bar:

        def advance(amount: int) -> None:
            done[0] += amount
            bar.update(amount)

        yield advance
