"""The 200 respondents: who they are (from the appendices) and their latent leanings.

Each respondent has three latent scores drawn once: ``positivity`` (how warmly
they see digital; orders agree/disagree and importance answers), ``knowledge``
(how sure they are; low scores answer "Don't know" and skip the numbers) and
``skipping`` (how readily they leave a row blank). Sorting on a score, plus a
little noise per row, gives plausible joint patterns without touching any count.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from localdigital_tui.core.reconstruct.appendix_orgs import COUNCIL_ORGANISATIONS
from localdigital_tui.core.reconstruct.appendix_titles import (
    COUNCIL_TITLES,
    MISSING_COUNCIL_TITLES,
    SUPPLIERS,
    UNKNOWN_TITLE,
)

UNKNOWN_ORGANISATION = "Unknown Respondent"
# Title and organisation that belong together whatever the shuffle does.
PINNED = (("Friends of Lambeth Libraries", "Lambeth London Borough Council"),)


@dataclass
class Person:
    group: str
    organisation: str | None
    title: str | None
    council_type: str | None = None
    supplier_size: str | None = None
    role: str | None = None
    positivity: float = 0.0
    knowledge: float = 0.0
    skipping: float = 0.0
    answers: dict[str, Any] = field(default_factory=dict)


def _council_pairs(rng: random.Random) -> list[tuple[str, str | None, str | None, str | None]]:
    """(organisation, council_type, title, role) for the 178 council respondents."""
    orgs = [(name, kind) for name, n, kind in COUNCIL_ORGANISATIONS for _ in range(n)]
    titles: list[tuple[str | None, str | None]] = [
        (None if t == UNKNOWN_TITLE else t, role) for t, n, role in COUNCIL_TITLES for _ in range(n)
    ]
    pairs: list[tuple[str, str | None, str | None, str | None]] = []
    for title, org in PINNED:
        t = next(x for x in titles if x[0] == title)
        o = next(x for x in orgs if x[0] == org)
        titles.remove(t)
        orgs.remove(o)
        pairs.append((o[0], o[1], t[0], t[1]))
    # The unknown respondents are the ones whose titles Appendix III does not list.
    unknown = [o for o in orgs if o[0] == UNKNOWN_ORGANISATION]
    if len(unknown) != MISSING_COUNCIL_TITLES:
        raise ValueError("Appendix II and III disagree about unknown respondents")
    for o in unknown:
        orgs.remove(o)
        pairs.append((o[0], o[1], None, None))
    while True:
        rng.shuffle(titles)
        matched = list(zip(orgs, titles, strict=True))
        seen = {(o[0], t[0]) for o, t in matched}
        if len(seen) == len(matched):  # nobody shares an organisation and a title
            break
    pairs.extend((o[0], o[1], t[0], t[1]) for o, t in matched)
    return pairs


def build_people(rng: random.Random) -> list[Person]:
    """Councils first (in appendix order after pairing), then suppliers."""
    people = []
    for org, kind, title, role in _council_pairs(rng):
        known = None if org == UNKNOWN_ORGANISATION else org
        people.append(Person("council", known, title, council_type=kind, role=role))
    for org, size, title in SUPPLIERS:
        known = None if org == "Unknown" else org
        people.append(Person("supplier", known, title, supplier_size=size))
    for person in people:
        lean = 0.3 if person.group == "supplier" else 0.0
        person.positivity = rng.gauss(lean, 1.0)
        person.knowledge = rng.gauss(0.0, 1.0)
        person.skipping = rng.gauss(0.0, 1.0)
    return people
