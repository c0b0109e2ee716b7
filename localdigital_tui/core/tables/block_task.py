"""The work of a tables worker process; this module imports no polars.

A worker tabulates whole blocks of JSON Lines with polars on ONE thread (the
workers, not polars' threads, are then the parallelism). polars reads
``POLARS_MAX_THREADS`` when it is first imported, so it is set here, by the
worker's initializer, before any task (whose query holds polars types) is
unpickled.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from localdigital_tui.core.records.line_blocks import LineBlock
    from localdigital_tui.core.tables.part_result import PartResult
    from localdigital_tui.core.tables.queries import Query


def start_block_worker() -> None:
    os.environ["POLARS_MAX_THREADS"] = "1"


def tabulate_block(task: tuple[LineBlock, Query]) -> PartResult:
    from localdigital_tui.core.tables.part_result import part_result

    return part_result(*task)
