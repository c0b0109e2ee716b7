"""How many CPU cores this process may run on: the most worker processes worth starting."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process is allowed (its affinity, where the system has one), at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)
