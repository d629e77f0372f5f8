"""Synthetic meetings for the search benchmark: a seeded French/English sentence generator,
meetings spread over tenants, and the search points of a large corpus built cheaply.

Embedding is the slow part of indexing (~25 passages/s on one core), so only a sample is
embedded for real (`bench.search_latency` times it); the rest of the corpus borrows those
vectors: a synthetic segment re-fills the template of a sample segment with new names and
numbers (its text and keywords are its own) and takes that segment's vector mixed with
its neighbours' (as indexing mixes a segment with its context), so no two vectors are equal.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np

from st_resources import search as q
from st_resources.clients.embeddings import CONTEXT_WEIGHT

NAMES = (
    "Marie", "Paul", "Sophie", "Karim", "Julie", "Thomas", "Camille", "Nicolas", "Léa", "Hugo",
    "Emma", "Lucas", "Chloé", "Mehdi", "Sarah", "Antoine", "Inès", "Peter", "Anna", "David",
    "Laura", "James", "Olivia", "Mark", "Nadia", "Yann", "Claire", "Omar", "Elena", "Victor",
)  # fmt: skip
PROJECTS = (
    "Orion", "Atlas", "Phoenix", "Nova", "Helios", "Zephyr", "Boréal", "Kepler", "Lumen",
    "Vega", "Titan", "Aurora", "Delta", "Mistral", "Sirius", "Oméga",
)  # fmt: skip
CITIES = ("Lyon", "Paris", "Nantes", "Lille", "Bordeaux", "London", "Berlin", "Madrid")
MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre"),
    "en": ("January", "February", "March", "April", "May", "June", "September", "October"),
}
TOPICS = {
    "fr": (
        "le budget", "le recrutement", "la migration du cluster", "la facturation",
        "la sécurité des données", "le plan marketing", "la refonte du site", "les congés",
        "le contrat fournisseur", "la formation", "le support client", "l'audit interne",
        "la feuille de route", "les tests de charge", "le déménagement", "la conformité RGPD",
        "les ventes du trimestre", "l'application mobile", "la base de données", "le salon",
    ),
    "en": (
        "the budget", "hiring", "the cluster migration", "billing", "data security",
        "the marketing plan", "the website redesign", "holidays", "the supplier contract",
        "training", "customer support", "the internal audit", "the roadmap", "load testing",
        "the office move", "GDPR compliance", "quarterly sales", "the mobile app",
        "the database", "the trade show",
    ),
}  # fmt: skip
TEMPLATES = {
    "fr": (
        "{name} a présenté {topic} du projet {project} ce matin.",
        "On doit finir {topic} avant le {day} {month}.",
        "Pour {topic}, il nous faut encore {n} jours de travail.",
        "{name} propose de reporter {topic} à {month}.",
        "Le coût estimé pour {topic} est de {amount} euros.",
        "Je pense que {topic} n'est pas prioritaire pour {project}.",
        "{name} et {name2} vont s'occuper de {topic} à {city}.",
        "Est-ce que quelqu'un a des nouvelles sur {topic} ?",
        "La direction a validé {topic} pour {project}.",
        "Nous avons {n} tickets ouverts sur {topic}.",
        "On a pris du retard sur {topic}, environ {n} semaines.",
        "{name} demande un point hebdomadaire sur {topic}.",
        "Le client de {city} se plaint de {topic}.",
        "Il faudrait embaucher {n} personnes pour {topic}.",
        "Pour {project}, {topic} passe en priorité absolue.",
        "{name}, tu peux envoyer le compte rendu sur {topic} ?",
        "D'accord, je note : {topic}, échéance le {day} {month}.",
        "Le prestataire de {city} a chiffré {topic} à {amount} euros.",
        "On en reparle jeudi avec {name}, c'est lié à {topic}.",
        "Les chiffres de {topic} ont augmenté de {n} pour cent.",
    ),
    "en": (
        "{name} presented {topic} for project {project} this morning.",
        "We need to finish {topic} before {month} {day}.",
        "For {topic}, we still need {n} days of work.",
        "{name} suggests moving {topic} to {month}.",
        "The estimated cost of {topic} is {amount} euros.",
        "I don't think {topic} is a priority for {project}.",
        "{name} and {name2} will handle {topic} in {city}.",
        "Does anyone have news about {topic}?",
        "Management approved {topic} for {project}.",
        "We have {n} open tickets on {topic}.",
        "We are behind on {topic}, about {n} weeks.",
        "{name} asks for a weekly check-in on {topic}.",
        "The customer in {city} is complaining about {topic}.",
        "We should hire {n} people for {topic}.",
        "For {project}, {topic} is now the top priority.",
        "{name}, can you send the notes on {topic}?",
        "Okay, noted: {topic}, due on {month} {day}.",
        "The contractor in {city} quoted {amount} euros for {topic}.",
        "Let's discuss it Thursday with {name}, it's related to {topic}.",
        "The {topic} figures went up by {n} percent.",
    ),
}
QUESTIONS = {
    "fr": (
        "Qui a parlé de {topic} pour {project} ?",
        "Combien coûte {topic} ?",
        "Quand doit-on finir {topic} ?",
        "Qu'a dit {name} sur {topic} ?",
        "retard sur {topic}",
        "{topic} à {city}",
    ),
    "en": (
        "Who talked about {topic} for {project}?",
        "How much does {topic} cost?",
        "When is {topic} due?",
        "What did {name} say about {topic}?",
        "delays on {topic}",
        "{topic} in {city}",
    ),
}
SPEAKERS = tuple(f"SPEAKER_{i:02d}" for i in range(5))
FIRST_DAY, DAYS = date(2025, 1, 6), 540


@dataclass(frozen=True)
class Line:
    """One generated sentence: its language, template and text; `source`, for a synthetic
    line, is the pool line whose vector it borrows."""

    language: str
    template: int
    text: str
    source: int = -1


@dataclass
class Meeting:
    info: q.TranscriptInfo
    segments: list[q.SegmentText]
    lines: list[Line]


def sentence(rng: random.Random, language: str, template: int | None = None) -> Line:
    templates = TEMPLATES[language]
    t = rng.randrange(len(templates)) if template is None else template
    first, second = rng.sample(NAMES, 2)
    text = templates[t].format(
        name=first,
        name2=second,
        topic=rng.choice(TOPICS[language]),
        project=rng.choice(PROJECTS),
        city=rng.choice(CITIES),
        month=rng.choice(MONTHS[language]),
        day=rng.randint(1, 28),
        n=rng.randint(2, 40),
        amount=f"{rng.randint(2, 90) * 1000:,}".replace(",", " "),
    )
    return Line(language, t, text)


def question(rng: random.Random, language: str) -> str:
    return rng.choice(QUESTIONS[language]).format(
        topic=rng.choice(TOPICS[language]),
        project=rng.choice(PROJECTS),
        name=rng.choice(NAMES),
        city=rng.choice(CITIES),
    )


def meetings(
    rng: random.Random,
    tenant_id: str,
    n_segments: int,
    line: Callable[[random.Random, str], Line] = sentence,
) -> Iterator[Meeting]:
    """A tenant's meetings (60-140 segments, 2-5 speakers, fr or en) up to `n_segments`;
    `line(rng, language)` makes each segment's sentence."""
    projects = rng.sample(PROJECTS, 4)
    made = 0
    while made < n_segments:
        language = "fr" if rng.random() < 0.6 else "en"
        size = min(rng.randint(60, 140), n_segments - made)
        speakers = SPEAKERS[: rng.randint(2, 5)]
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        project = rng.choice(projects)
        info = q.TranscriptInfo(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            tenant_id=tenant_id,
            title=f"{project} — {rng.choice(TOPICS[language])}",
            project_id=project.lower(),
            language=language,
            created_at=datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC),
        )
        lines, segments, clock = [], [], 0.0
        for idx in range(size):
            lines.append(line(rng, language))
            end = clock + rng.uniform(2.0, 12.0)
            segments.append(
                q.SegmentText(
                    idx, round(clock, 2), round(end, 2), lines[-1].text, rng.choice(speakers)
                )
            )
            clock = end + rng.uniform(0.1, 1.5)
        made += size
        yield Meeting(info, segments, lines)


class Pool:
    """The embedded sample: per language, its lines and their real (in-context) vectors."""

    def __init__(self, lines: Sequence[Line], vectors: np.ndarray):
        self.by_language: dict[str, tuple[list[Line], np.ndarray]] = {}
        for language in TEMPLATES:
            keep = [i for i, ln in enumerate(lines) if ln.language == language]
            if not keep:
                raise ValueError(f"the sample has no {language} meeting: make it larger")
            self.by_language[language] = ([lines[i] for i in keep], vectors[keep])

    def line(self, rng: random.Random, language: str) -> Line:
        """A pool line's template filled anew; it will borrow that line's vector."""
        source = rng.randrange(len(self.by_language[language][0]))
        fresh = sentence(rng, language, self.by_language[language][0][source].template)
        return Line(language, fresh.template, fresh.text, source)


def synthetic_points(
    pool: Pool, meeting: Meeting, keywords: q.KeywordEncoder, fingerprint: str
) -> list[q.IndexPoint]:
    """The meeting's segment points, vectors borrowed from `pool` (see the module doc)."""
    own = pool.by_language[meeting.info.language][1][[ln.source for ln in meeting.lines]]
    padded = np.concatenate([own[:1], own, own[-1:]])
    context = (padded[:-2] + padded[1:-1] + padded[2:]) / 3
    mixed = (1 - CONTEXT_WEIGHT) * own + CONTEXT_WEIGHT * context
    mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
    base = meeting.info.payload(fingerprint)
    return [
        q.IndexPoint(
            id=q.segment_point_id(meeting.info.id, seg.idx),
            dense=vec.tolist(),
            sparse=keywords.document(seg.text, meeting.info.language, q.SEGMENTS),
            payload={
                **base,
                "segment_idx": seg.idx,
                "speaker": seg.speaker,
                "start": seg.start,
                "end": seg.end,
                "text": seg.text,
            },
        )
        for seg, vec in zip(meeting.segments, mixed, strict=True)
    ]
