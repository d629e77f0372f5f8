"""Give each diarized speaker at most one name, and each person at most one speaker.

Sources come in priority order (voiceprint, then rag, then llm: SPEC §4). Each tier is
solved jointly with the Hungarian algorithm (scipy's `linear_sum_assignment`) over the
speakers and names still open, so two speakers claiming the same person are settled by the
total score, not by whoever is looked at first; a lower tier only names speakers and
people that the tiers above left open, so a voice match is never overridden by a rule or by
the LLM. "Marie" and "Marie Dupont" count as one person.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from st_resources.naming.voiceprints import name_key

SOURCES = ("voiceprint", "rag", "llm")


@dataclass(frozen=True)
class Option:
    """A possible name for one speaker, from one source, with a score in [0, 1]."""

    label: str
    name: str
    score: float
    evidence: dict[str, Any] = field(default_factory=dict)
    voiceprint_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Identity:
    label: str
    name: str | None
    source: str  # voiceprint | rag | llm | manual | unknown
    confidence: float
    evidence: dict[str, Any] = field(default_factory=dict)
    voiceprint_id: uuid.UUID | None = None


def unknown(label: str) -> Identity:
    return Identity(label, None, "unknown", 0.0)


def same_person(a: str, b: str) -> bool:
    """One name's words are all in the other's ("Marie" ~ "Marie Dupont")."""
    ta, tb = set(name_key(a).split()), set(name_key(b).split())
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def _solve(options: Sequence[Option]) -> list[Option]:
    """The best one-to-one choice among `options` (max total score), conflicts removed."""
    labels = sorted({o.label for o in options})
    names = sorted({name_key(o.name) for o in options})
    best: dict[tuple[str, str], Option] = {}
    for o in options:
        key = (o.label, name_key(o.name))
        if key not in best or o.score > best[key].score:
            best[key] = o
    score = np.zeros((len(labels), len(names)))
    for (label, name), o in best.items():
        score[labels.index(label), names.index(name)] = o.score
    rows, cols = linear_sum_assignment(score, maximize=True)
    chosen = [
        best[(labels[r], names[c])]
        for r, c in zip(rows, cols, strict=True)
        if (labels[r], names[c]) in best
    ]
    # "Marie" and "Marie Dupont" are distinct columns but one person: keep the stronger.
    kept: list[Option] = []
    for o in sorted(chosen, key=lambda o: o.score, reverse=True):
        if not any(same_person(o.name, k.name) for k in kept):
            kept.append(o)
    return kept


def assign(
    labels: Iterable[str],
    tiers: Sequence[tuple[str, Sequence[Option]]],
    fixed: Sequence[Identity] = (),
) -> dict[str, Identity]:
    """Identities for `labels`. `fixed` (e.g. names a user set by hand) are kept as they
    are and block their people; then each (source, options) tier, in order."""
    result = {label: unknown(label) for label in labels}
    for identity in fixed:
        result[identity.label] = identity
    for source, options in tiers:
        taken = [i.name for i in result.values() if i.name]
        open_options = [
            o
            for o in options
            if o.label in result
            and result[o.label].name is None
            and o.name.strip()
            and not any(same_person(o.name, t) for t in taken)
        ]
        if not open_options:
            continue
        for o in _solve(open_options):
            result[o.label] = Identity(
                o.label, o.name, source, round(o.score, 4), o.evidence, o.voiceprint_id
            )
    return result
