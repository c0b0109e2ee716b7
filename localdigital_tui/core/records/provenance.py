"""Where the figures come from: the questionnaire's and the input files' sha256.

For one input file ``data.sha256`` is that file's sha256 (``sha256sum FILE`` gives the
same). For several it is the sha256 of their digests, sorted and one per line
(``sha256sum FILES | cut -d' ' -f1 | sort | sha256sum``), so it names the set of
files whatever their order or names on the command line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from localdigital_tui.errors import RecordFileError

CHUNK = 1 << 20


@dataclass(frozen=True)
class InputFile:
    path: str
    sha256: str
    bytes: int


@dataclass(frozen=True)
class Provenance:
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_sha256: str
    inputs: tuple[InputFile, ...]

    @property
    def data_sha256(self) -> str:
        if len(self.inputs) == 1:
            return self.inputs[0].sha256
        listing = "".join(f"{d}\n" for d in sorted(f.sha256 for f in self.inputs))
        return hashlib.sha256(listing.encode("ascii")).hexdigest()


def file_sha256(path: Path) -> InputFile:
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise RecordFileError(path, exc.strerror or str(exc)) from exc
    return InputFile(str(path), digest.hexdigest(), size)


def provenance(
    questionnaire_id: str, version: str, questionnaire_sha256: str, files: Sequence[Path]
) -> Provenance:
    return Provenance(
        questionnaire_id, version, questionnaire_sha256, tuple(file_sha256(f) for f in files)
    )
