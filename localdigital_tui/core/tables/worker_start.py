"""The start of a tables worker process: runs before the worker imports polars.

Kept free of polars (and of anything importing it) so that the setting below is
in place when polars starts its threads.
"""

from __future__ import annotations

import os
import signal


def start_worker() -> None:
    """One polars thread per worker (the workers are the parallelism); Ctrl-C is left
    to the parent, which stops the pool and reports it once."""
    os.environ["POLARS_MAX_THREADS"] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)
