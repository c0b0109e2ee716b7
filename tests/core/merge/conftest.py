from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from localdigital_tui.core.merge import MergeOptions, MergeOutputs, MergeReport, merge
from localdigital_tui.core.questionnaire.model import LoadedQuestionnaire

Merge = Callable[..., MergeReport]


@pytest.fixture
def run_merge(loaded: LoadedQuestionnaire, tmp_path: Path) -> Merge:
    """Merge files into ``tmp_path/<out>/merged.jsonl`` (``out`` defaults to "out")."""

    def run(
        inputs: Sequence[Path],
        out: str = "out",
        questionnaires: Sequence[LoadedQuestionnaire] | None = None,
        **options: Any,
    ) -> MergeReport:
        outputs = MergeOutputs.beside(tmp_path / out / "merged.jsonl")
        return merge(inputs, questionnaires or [loaded], outputs, MergeOptions(**options))

    return run


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(text) for text in path.read_text(encoding="utf-8").splitlines()]
