"""The tenant's voiceprint library: enrol, update, rename, merge, undo, delete, and match.

A voiceprint is the mean of the samples it learnt from, kept L2-normalised: one sample
per recording's speaker (its embedding, already a duration-weighted mean over that
speaker's turns), so a voice learnt from ten meetings moves less with a new one than a
voice learnt from one. Samples are kept, so a wrong one can be taken out and the voice
recomputed; a rejected sample stays as a hard negative. A `suggested` voiceprint (learnt
from weaker evidence) only proposes its name until a person confirms it. Vectors of
different embedding models are never compared: a model change needs re-enrolment.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from st_resources.db.models import Transcript, TranscriptSpeaker, Voiceprint, VoiceprintSample
from st_resources.naming.names import fold
from st_resources.naming.snorm import normalise, packaged_cohort

# The naming stages' sources, as opposed to a person's (`manual`).
AUTOMATIC_SOURCES = ("voiceprint", "rag", "llm")


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
            select(Voiceprint)
            .where(Voiceprint.tenant_id == tenant_id)
            .order_by(Voiceprint.name)
            .options(selectinload(Voiceprint.samples))
        )
    )


def known_voices(
    session: Session, tenant_id: uuid.UUID, most: int
) -> tuple[str, list[list[float]]] | None:
    """(model, vectors): the tenant's confirmed voices for the diarizer, the `most` with
    the most speech, of the model most of them use. Suggested ones may be someone else's."""
    rows = session.execute(
        select(Voiceprint.embedding, Voiceprint.embedding_model)
        .where(Voiceprint.tenant_id == tenant_id, Voiceprint.status == "confirmed")
        .order_by(Voiceprint.speech_seconds.desc())
    ).all()
    if not rows:
        return None
    model = Counter(m for _, m in rows).most_common(1)[0][0]
    vectors = [[round(x, 5) for x in e] for e, m in rows if m == model][:most]
    return model, vectors


def get_for_tenant(session: Session, tenant_id: uuid.UUID, vp_id: uuid.UUID) -> Voiceprint | None:
    return session.scalar(
        select(Voiceprint).where(Voiceprint.id == vp_id, Voiceprint.tenant_id == tenant_id)
    )


def find_by_name(session: Session, tenant_id: uuid.UUID, name: str) -> Voiceprint | None:
    key = name_key(name)
    return next((v for v in list_for_tenant(session, tenant_id) if name_key(v.name) == key), None)


def kept(vp: Voiceprint) -> list[VoiceprintSample]:
    return [sample for sample in vp.samples if not sample.rejected]


def recompute(vp: Voiceprint) -> None:
    """The voice, count, speech time and recordings from the samples still kept."""
    samples = kept(vp)
    if not samples:
        raise ValueError(f"voiceprint {vp.name!r} has no sample left")
    mean = sum(s.weight * _unit(s.embedding) for s in samples)
    vp.embedding = _unit(mean).tolist()
    vp.sample_count = sum(s.weight for s in samples)
    vp.speech_seconds = round(sum(s.speech_seconds for s in samples), 3)
    claimed = {str(s.transcript_id) for s in vp.samples if s.transcript_id}
    legacy = [t for t in vp.source_transcripts if t not in claimed]
    if not any(s.origin == "legacy" for s in samples):
        legacy = []  # the recordings of a rejected legacy sample went with it
    ids = [str(s.transcript_id) for s in samples if s.transcript_id]
    vp.source_transcripts = list(dict.fromkeys([*legacy, *ids]))


def add_sample(
    vp: Voiceprint,
    embedding: Sequence[float],
    speech_seconds: float,
    transcript_id: uuid.UUID | None,
    label: str | None = None,
    origin: str = "auto",
    confirmed: bool = False,
    language: str | None = None,
) -> bool:
    """Learn one recording's speaker; False when that recording is already in the voice
    (re-materialising a recording must not count it twice) or this speaker was taken out
    of it (a rejected sample is not learnt again). A person's word (`manual`) overrides
    the pipeline's own hard negatives for the speaker (origins `conflict`, `co_speaker`)."""
    if origin == "manual":
        for s in [s for s in vp.samples if s.origin in ("conflict", "co_speaker")]:
            if (s.transcript_id, s.speaker_label) == (transcript_id, label):
                vp.samples.remove(s)
    if transcript_id is not None and (
        str(transcript_id) in vp.source_transcripts
        or any(
            s.transcript_id == transcript_id and (not s.rejected or s.speaker_label == label)
            for s in vp.samples
        )
    ):
        return False
    vp.samples.append(
        VoiceprintSample(
            transcript_id=transcript_id,
            speaker_label=label,
            language=language,
            embedding=_unit(embedding).tolist(),
            speech_seconds=round(speech_seconds, 3),
            weight=1,
            origin=origin,
            confirmed=confirmed,
            rejected=False,
        )
    )
    recompute(vp)
    return True


def enrol(
    session: Session,
    tenant_id: uuid.UUID,
    name: str,
    embedding: Sequence[float],
    model: str,
    speech_seconds: float,
    transcript_id: uuid.UUID | None,
    label: str | None = None,
    origin: str = "auto",
    status: str = "confirmed",
    language: str | None = None,
) -> Voiceprint:
    """Add a recording's voice under `name`: updates that voiceprint if the tenant has it
    (same model), creates it otherwise (`status` only applies to a new one)."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a voiceprint needs a name")
    confirmed = origin == "manual"
    vp = find_by_name(session, tenant_id, name)
    if vp is not None:
        if vp.embedding_model != model:
            raise ValueError(
                f"voiceprint {vp.name!r} was made with {vp.embedding_model}, not {model}"
            )
        add_sample(vp, embedding, speech_seconds, transcript_id, label, origin, confirmed, language)
        if confirmed:  # a person said so: this recording's sample and the voice stand
            vp.status = "confirmed"
            for sample in kept(vp):
                sample.confirmed |= sample.transcript_id == transcript_id
        return vp
    vp = Voiceprint(
        tenant_id=tenant_id,
        name=name,
        embedding_model=model,
        status="confirmed" if confirmed else status,
        source_transcripts=[],
    )
    add_sample(vp, embedding, speech_seconds, transcript_id, label, origin, confirmed, language)
    session.add(vp)
    session.flush()
    return vp


def confirm(session: Session, vp: Voiceprint) -> list[TranscriptSpeaker]:
    """A person says a suggested voice is who it says: it names speakers from now on, and
    the speakers it learnt from take its name. Returns those speakers."""
    vp.status = "confirmed"
    named = []
    for sample in kept(vp):
        sample.confirmed = True
        speaker = session.scalar(
            select(TranscriptSpeaker).where(
                TranscriptSpeaker.transcript_id == sample.transcript_id,
                TranscriptSpeaker.label == sample.speaker_label,
            )
        )
        if speaker is not None and speaker.identity_source != "manual":
            _set_manual(speaker, vp.name, vp)
            named.append(speaker)
    return named


def reject_sample(session: Session, vp: Voiceprint, sample: VoiceprintSample) -> bool:
    """Take a wrong sample out of a voice; it stays as a hard negative. A voiceprint left
    with no sample is deleted (False)."""
    sample.rejected = True
    sample.confirmed = False
    if not kept(vp):
        delete(session, vp)
        return False
    recompute(vp)
    return True


def reject_speaker(session: Session, vp: Voiceprint, speaker: TranscriptSpeaker) -> bool:
    """`speaker` is not `vp`'s person (a person renamed it): its samples in `vp` are
    rejected, or, when it never taught `vp` (a voice match), it becomes a hard negative."""
    own = [
        s
        for s in kept(vp)
        if s.transcript_id == speaker.transcript_id and s.speaker_label == speaker.label
    ]
    if not own:
        add_negative(vp, speaker, "manual")
    alive = True
    for sample in own:
        alive = reject_sample(session, vp, sample) and alive
    return alive


def add_negative(vp: Voiceprint, speaker: TranscriptSpeaker, origin: str) -> bool:
    """`speaker`'s voice is known not to be `vp`'s person: a hard negative, which no later
    voice closer to it than to `vp` matches over. Once per speaker."""
    if speaker.embedding is None or any(
        s.transcript_id == speaker.transcript_id and s.speaker_label == speaker.label
        for s in vp.samples
    ):
        return False
    vp.samples.append(
        VoiceprintSample(
            transcript_id=speaker.transcript_id,
            speaker_label=speaker.label,
            embedding=_unit(speaker.embedding).tolist(),
            speech_seconds=speaker.embedding_seconds,
            weight=1,
            origin=origin,
            confirmed=False,
            rejected=True,
        )
    )
    return True


def _speakers_of(session: Session, vp: Voiceprint) -> list[TranscriptSpeaker]:
    return list(
        session.scalars(select(TranscriptSpeaker).where(TranscriptSpeaker.voiceprint_id == vp.id))
    )


def rename(session: Session, vp: Voiceprint, name: str) -> list[TranscriptSpeaker]:
    """The voice's new name, on it and on every speaker it names; returns those speakers
    (their recordings' search points need the new name)."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a voiceprint needs a name")
    other = find_by_name(session, vp.tenant_id, name)
    if other is not None and other.id != vp.id:
        raise NameTaken(f"another voiceprint is already called {other.name!r}; merge them")
    vp.name = name
    speakers = _speakers_of(session, vp)
    for speaker in speakers:
        speaker.name = name
    return speakers


def merge(session: Session, into: Voiceprint, other: Voiceprint) -> list[TranscriptSpeaker]:
    """One person enrolled twice: `other`'s samples (and hard negatives) join `into`.
    Returns the speakers `other` named, now named `into`'s way."""
    if into.id == other.id:
        raise ValueError("cannot merge a voiceprint with itself")
    if into.embedding_model != other.embedding_model:
        raise ValueError("voiceprints of different embedding models cannot be merged")
    into.source_transcripts = list(
        dict.fromkeys([*into.source_transcripts, *other.source_transcripts])
    )
    for sample in list(other.samples):
        sample.voiceprint = into
    if other.status == "confirmed":
        into.status = "confirmed"
    recompute(into)
    speakers = _speakers_of(session, other)
    for speaker in speakers:
        speaker.voiceprint_id, speaker.name = into.id, into.name
    session.delete(other)
    session.flush()
    return speakers


def delete(session: Session, vp: Voiceprint) -> None:
    """The voice lives only in this row and its samples; speakers that matched it keep
    their name but lose the link (ON DELETE SET NULL)."""
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
    # The highest similarity to a voice rejected for this person (a hard negative).
    closest_negative: float | None = None
    suggested: bool = False
    # Languages of the recordings the voice was learnt from (empty: unknown).
    languages: frozenset[str] = frozenset()


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
    matches = []
    for vp, r, n in zip(rows, raw, normed, strict=True):
        negatives = [float(_unit(s.embedding) @ v) for s in vp.samples if s.rejected]
        matches.append(
            Match(
                vp.id,
                vp.name,
                float(r),
                None if n is None else float(n),
                max(negatives, default=None),
                vp.status == "suggested",
                frozenset(s.language for s in kept(vp) if s.language),
            )
        )
    return sorted(matches, key=lambda m: m.similarity, reverse=True)


def spoken_language(row: Transcript | None) -> str | None:
    """The recording's language as two letters, to compare with its samples' ones."""
    language = row.spoken_language if row is not None else None
    return language.strip().lower()[:2] if language else None


def _review(speaker: TranscriptSpeaker, name: str | None) -> dict[str, Any]:
    """A person's verdict on the name the pipeline gave this speaker: that name, its
    source and whether the person kept it (`name` None: took it off). Kept in the
    evidence through later corrections, it is production's only ground truth: the metric
    marts turn it into each source's accuracy (SPEC §5's mean-pooling accuracy is the
    voiceprints'). Empty when the pipeline had given no name."""
    earlier = (speaker.identity_evidence or {}).get("review")
    if earlier:
        auto, source = earlier["name"], earlier["source"]
    elif speaker.name and speaker.identity_source in AUTOMATIC_SOURCES:
        auto, source = speaker.name, speaker.identity_source
    else:
        return {}
    kept = name is not None and name_key(name) == name_key(auto)
    return {"review": {"name": auto, "source": source, "kept": kept}}


def _set_manual(speaker: TranscriptSpeaker, name: str, vp: Voiceprint | None) -> None:
    review = _review(speaker, name)
    speaker.name = name
    speaker.identity_source = "manual"
    speaker.identity_confidence = 1.0
    speaker.identity_evidence = {"named_by": "user", **review}
    speaker.voiceprint_id = vp.id if vp else None


def name_speaker(
    session: Session, tenant_id: uuid.UUID, speaker: TranscriptSpeaker, name: str, enrol_voice: bool
) -> list[TranscriptSpeaker]:
    """A person says who a speaker is: the speaker takes the name (source `manual`, which
    re-runs of naming keep) and, when asked and the speaker has a voice embedding, the
    voice is enrolled under that name or added to the existing voiceprint. Returns the
    speakers whose name changed: this one, and any its corrected voiceprint also names.

    A voiceprint learnt from this very speaker alone (auto-saved under a misheard or
    partial name) is corrected instead: renamed, or merged into the voiceprint already
    holding the right name, so the library does not keep one voice under two names. A
    voiceprint of another person that named this speaker (a wrong match, or a wrong
    auto-enrolment among others) loses this speaker's sample and keeps its voice as a
    hard negative: undoing a wrong name leaves no trace of it in that voice."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a speaker's name cannot be empty")
    vp = None
    others: list[TranscriptSpeaker] = []
    previous = speaker.voiceprint_id and session.get(Voiceprint, speaker.voiceprint_id)
    learnt_here = previous and all(
        s.transcript_id == speaker.transcript_id and s.speaker_label in (None, speaker.label)
        for s in kept(previous)
    )
    renamed = previous and name_key(previous.name) != name_key(name)
    if enrol_voice and learnt_here and renamed:
        existing = find_by_name(session, tenant_id, name)
        if existing:
            others, vp = merge(session, existing, previous), existing
        else:
            others, vp = rename(session, previous, name), previous
        vp.status = "confirmed"
        for sample in kept(vp):
            sample.confirmed = True
        name = vp.name
    else:
        if renamed:
            reject_speaker(session, previous, speaker)
        if enrol_voice and speaker.embedding is not None and speaker.embedding_model:
            vp = enrol(
                session,
                tenant_id,
                name,
                speaker.embedding,
                speaker.embedding_model,
                speaker.embedding_seconds,
                speaker.transcript_id,
                label=speaker.label,
                origin="manual",
                language=spoken_language(speaker.transcript),
            )
            name = vp.name  # the library's spelling of an existing person
    _set_manual(speaker, name, vp)
    return [speaker, *(s for s in others if s is not speaker)]


def unname_speaker(session: Session, tenant_id: uuid.UUID, speaker: TranscriptSpeaker) -> bool:
    """A person says a speaker is not who its name (or a voice's suggestion) says: the
    speaker is unnamed again (source `unknown`, which keeps "not NAME" in its evidence),
    and the voiceprint that named or suggested it takes this voice out (`reject_speaker`),
    so that voice neither names nor suggests this speaker again and learns nothing wrong.
    Returns whether a name was taken off (the recording then needs re-indexing)."""
    suggested = (speaker.identity_evidence or {}).get("suggested") or {}
    said = speaker.name or suggested.get("voiceprint") or suggested.get("name")
    ids = (speaker.voiceprint_id, suggested.get("voiceprint_id"))
    for vp_id in dict.fromkeys(str(v) for v in ids if v):
        try:
            vp = get_for_tenant(session, tenant_id, uuid.UUID(vp_id))
        except ValueError:  # not an id: no voice to correct
            vp = None
        if vp is not None:
            reject_speaker(session, vp, speaker)
    named = speaker.name is not None
    review = _review(speaker, None)
    speaker.name, speaker.voiceprint_id = None, None
    speaker.identity_source, speaker.identity_confidence = "unknown", 0.0
    unnamed = {"unnamed": {"was": said, "by": "user"}} if said else {}
    speaker.identity_evidence = {**unnamed, **review}
    session.flush()
    return named
