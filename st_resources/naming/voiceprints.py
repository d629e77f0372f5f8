"""The tenant's voiceprint library: enrol, update, rename, merge, delete, and match.

A voiceprint is the running mean of the speaker embeddings it was enrolled or updated
from (one per recording, each already a duration-weighted mean over that recording's
turns), kept L2-normalised; `sample_count` is how many recordings went into it, so a new
recording moves a voice learnt from ten meetings less than one learnt from one. Vectors of
different embedding models are never compared: a model change needs re-enrolment.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from st_resources.db.models import TranscriptSpeaker, Voiceprint
from st_resources.naming.names import fold
from st_resources.naming.snorm import normalise, packaged_cohort


def name_key(name: str) -> str:
    """One person, one key: case, accents, spacing and hyphens ignored (ASR writes
    "Marie-Dupont" for the "Marie Dupont" of an agenda)."""
    return " ".join(fold(name).replace("-", " ").split())


class NameTaken(ValueError):
    """The tenant already has a voiceprint of that name."""


def _unit(vector: Sequence[float]) -> np.ndarray:
    v = np.asarray(vector, dtype=np.float64)
    norm = np.linalg.norm(v)
    if not np.isfinite(norm) or norm == 0:
        raise ValueError("a voiceprint needs a non-zero embedding")
    return v / norm


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    return float(_unit(a) @ _unit(b))


def list_for_tenant(session: Session, tenant_id: uuid.UUID) -> list[Voiceprint]:
    return list(
        session.scalars(
            select(Voiceprint).where(Voiceprint.tenant_id == tenant_id).order_by(Voiceprint.name)
        )
    )


def get_for_tenant(session: Session, tenant_id: uuid.UUID, vp_id: uuid.UUID) -> Voiceprint | None:
    return session.scalar(
        select(Voiceprint).where(Voiceprint.id == vp_id, Voiceprint.tenant_id == tenant_id)
    )


def find_by_name(session: Session, tenant_id: uuid.UUID, name: str) -> Voiceprint | None:
    key = name_key(name)
    return next((v for v in list_for_tenant(session, tenant_id) if name_key(v.name) == key), None)


def absorb(
    vp: Voiceprint,
    embedding: Sequence[float],
    speech_seconds: float,
    transcript_id: uuid.UUID | str | None,
    samples: int = 1,
) -> None:
    """Fold `samples` recordings' mean embedding into the running mean."""
    mean = _unit(vp.embedding) * vp.sample_count + _unit(embedding) * samples
    vp.embedding = _unit(mean).tolist()
    vp.sample_count += samples
    vp.speech_seconds = round(vp.speech_seconds + speech_seconds, 3)
    if transcript_id is not None and str(transcript_id) not in vp.source_transcripts:
        vp.source_transcripts = [*vp.source_transcripts, str(transcript_id)]


def enrol(
    session: Session,
    tenant_id: uuid.UUID,
    name: str,
    embedding: Sequence[float],
    model: str,
    speech_seconds: float,
    transcript_id: uuid.UUID | None,
) -> Voiceprint:
    """Add a recording's voice under `name`: updates that voiceprint if the tenant has it
    (same model), creates it otherwise."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a voiceprint needs a name")
    vp = find_by_name(session, tenant_id, name)
    if vp is not None:
        if vp.embedding_model != model:
            raise ValueError(
                f"voiceprint {vp.name!r} was made with {vp.embedding_model}, not {model}"
            )
        if transcript_id is None or str(transcript_id) not in vp.source_transcripts:
            absorb(vp, embedding, speech_seconds, transcript_id)
        return vp
    vp = Voiceprint(
        tenant_id=tenant_id,
        name=name,
        embedding=_unit(embedding).tolist(),
        embedding_model=model,
        sample_count=1,
        speech_seconds=round(speech_seconds, 3),
        source_transcripts=[str(transcript_id)] if transcript_id else [],
    )
    session.add(vp)
    session.flush()
    return vp


def rename(session: Session, vp: Voiceprint, name: str) -> Voiceprint:
    name = " ".join(name.split())
    if not name:
        raise ValueError("a voiceprint needs a name")
    other = find_by_name(session, vp.tenant_id, name)
    if other is not None and other.id != vp.id:
        raise NameTaken(f"another voiceprint is already called {other.name!r}; merge them")
    vp.name = name
    session.execute(
        update(TranscriptSpeaker).where(TranscriptSpeaker.voiceprint_id == vp.id).values(name=name)
    )
    return vp


def merge(session: Session, into: Voiceprint, other: Voiceprint) -> Voiceprint:
    """One person enrolled twice: `other`'s recordings join `into`, weighted by count."""
    if into.id == other.id:
        raise ValueError("cannot merge a voiceprint with itself")
    if into.embedding_model != other.embedding_model:
        raise ValueError("voiceprints of different embedding models cannot be merged")
    absorb(into, other.embedding, other.speech_seconds, None, samples=other.sample_count)
    into.source_transcripts = list(
        dict.fromkeys([*into.source_transcripts, *other.source_transcripts])
    )
    session.execute(
        update(TranscriptSpeaker)
        .where(TranscriptSpeaker.voiceprint_id == other.id)
        .values(voiceprint_id=into.id, name=into.name)
    )
    session.delete(other)
    session.flush()
    return into


def delete(session: Session, vp: Voiceprint) -> None:
    """The vector lives only in this row; speakers that matched it keep their name but
    lose the link (ON DELETE SET NULL)."""
    session.delete(vp)
    session.flush()


@dataclass(frozen=True)
class Match:
    voiceprint_id: uuid.UUID
    name: str
    similarity: float
    # Adaptive s-norm of the similarity (st_resources.naming.snorm); None when the model
    # has no packaged impostor cohort.
    normalised: float | None = None


def similarities(
    library: Sequence[Voiceprint], embedding: Sequence[float], model: str
) -> list[Match]:
    """Every voiceprint of the same model, most similar first."""
    v = _unit(embedding)
    rows = [vp for vp in library if vp.embedding_model == model]
    if not rows:
        return []
    enrolled = np.array([_unit(vp.embedding) for vp in rows])
    raw = enrolled @ v
    impostors = packaged_cohort(model)
    normed = normalise(v, enrolled, impostors) if impostors is not None else [None] * len(rows)
    matches = [
        Match(vp.id, vp.name, float(r), None if n is None else float(n))
        for vp, r, n in zip(rows, raw, normed, strict=True)
    ]
    return sorted(matches, key=lambda m: m.similarity, reverse=True)


def name_speaker(
    session: Session, tenant_id: uuid.UUID, speaker: TranscriptSpeaker, name: str, enrol_voice: bool
) -> Voiceprint | None:
    """A person says who a speaker is: the speaker takes the name (source `manual`, which
    re-runs of naming keep) and, when asked and the speaker has a voice embedding, the
    voice is enrolled under that name or added to the existing voiceprint.

    A voiceprint learnt from this very speaker alone (auto-saved under a misheard or
    partial name) is corrected instead: renamed, or merged into the voiceprint already
    holding the right name, so the library does not keep one voice under two names."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a speaker's name cannot be empty")
    vp = None
    learnt_here = speaker.voiceprint_id and session.get(Voiceprint, speaker.voiceprint_id)
    if learnt_here and learnt_here.source_transcripts != [str(speaker.transcript_id)]:
        learnt_here = None  # a voice matched from other recordings: not this one's to rename
    if enrol_voice and learnt_here and name_key(learnt_here.name) != name_key(name):
        existing = find_by_name(session, tenant_id, name)
        vp = (
            merge(session, existing, learnt_here)
            if existing
            else rename(session, learnt_here, name)
        )
        name = vp.name
    elif enrol_voice and speaker.embedding is not None and speaker.embedding_model:
        vp = enrol(
            session,
            tenant_id,
            name,
            speaker.embedding,
            speaker.embedding_model,
            speaker.embedding_seconds,
            speaker.transcript_id,
        )
        name = vp.name  # the library's spelling of an existing person
    speaker.name = name
    speaker.identity_source = "manual"
    speaker.identity_confidence = 1.0
    speaker.identity_evidence = {"named_by": "user"}
    speaker.voiceprint_id = vp.id if vp else None
    return vp
