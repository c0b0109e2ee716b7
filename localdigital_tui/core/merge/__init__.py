"""Merge the JSON Lines files of many laptops into one: ``localdigital merge``.

See :mod:`.merge` for the steps and :mod:`.dedupe` for the keep rule.
"""

from localdigital_tui.core.merge.inputs import expand_inputs
from localdigital_tui.core.merge.merge import MergeOptions, merge
from localdigital_tui.core.merge.outputs import MergeOutputs
from localdigital_tui.core.merge.report import FileCounts, MergeReport

__all__ = ["FileCounts", "MergeOptions", "MergeOutputs", "MergeReport", "expand_inputs", "merge"]
