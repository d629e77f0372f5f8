"""The tenant's voiceprint library, and naming a transcript's speakers by hand.

Naming a speaker enrols (or refines) the voice, updates the transcript at once, and asks
the pipeline (a `transcript.speakers_renamed` event; st_sensors) to re-index the recording
so search and chat show the new name. A voiceprint's samples can be listed and a wrong
one rejected (the voice is recomputed without it); a suggested voiceprint is confirmed
by a person, which names the speakers it was learnt from. A wrong name or suggestion is
taken off a speaker without teaching the voice anything wrong: the voiceprint keeps that
voice as one that is not its person.
"""

import uuid
from typing import Annotated, Literal

import redis
from fastapi import APIRouter, HTTPException, Query, status

from api.deps import (
    CurrentTenant,
    OwnedTranscriptWithSegments,
    RedisDep,
    SessionDep,
    transcript_or_404,
)
from api.schemas import (
    ERROR_RESPONSES,
    SpeakerNameIn,
    SpeakerOut,
    VoiceprintCreate,
    VoiceprintMerge,
    VoiceprintOut,
    VoiceprintRename,
    VoiceprintSampleOut,
)
from st_resources.clients.streams import SpeakersRenamed, append_workflow
from st_resources.db.models import Tenant, Transcript, TranscriptSpeaker, Voiceprint
from st_resources.naming import voiceprints as library
from st_resources.transcripts import store as transcripts

router = APIRouter(tags=["voiceprints"], responses=ERROR_RESPONSES)


def _voiceprint(session, tenant: Tenant, vp_id: uuid.UUID) -> Voiceprint:
    vp = library.get_for_tenant(session, tenant.id, vp_id)
    if vp is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="voiceprint not found")
    return vp


def _speaker(row: Transcript, label: str) -> TranscriptSpeaker:
    speaker = next((s for s in row.speakers if s.label == label), None)
    if speaker is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no speaker {label!r} here")
    return speaker


def _name(session, r: redis.Redis, tenant: Tenant, speaker: TranscriptSpeaker, body) -> None:
    try:
        renamed = library.name_speaker(session, tenant.id, speaker, body.name, body.enrol)
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(exc)) from exc
    session.flush()
    _reindex(r, tenant, renamed)


def _reindex(r: redis.Redis, tenant: Tenant, speakers: list[TranscriptSpeaker]) -> None:
    """Ask the pipeline to re-index the recordings whose speakers were renamed."""
    try:
        for tid in dict.fromkeys(str(s.transcript_id) for s in speakers):
            append_workflow(r, SpeakersRenamed(transcript_id=tid, tenant_id=str(tenant.id)))
    except redis.RedisError as exc:  # the session rolls back with the error
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="the processing queue is unavailable; nothing was changed, retry later",
        ) from exc


@router.put("/api/transcripts/{transcript_id}/speakers/{label}")
def name_speaker(
    row: OwnedTranscriptWithSegments,
    label: str,
    body: SpeakerNameIn,
    tenant: CurrentTenant,
    session: SessionDep,
    r: RedisDep,
) -> SpeakerOut:
    """Say who a speaker is ("SPEAKER_01 is Marie Dupont")."""
    speaker = _speaker(row, label)
    _name(session, r, tenant, speaker, body)
    return SpeakerOut.from_row(speaker, sum(1 for s in row.segments if s.speaker == label))


@router.delete("/api/transcripts/{transcript_id}/speakers/{label}/identity")
def forget_identity(
    row: OwnedTranscriptWithSegments,
    label: str,
    tenant: CurrentTenant,
    session: SessionDep,
    r: RedisDep,
) -> SpeakerOut:
    """This speaker is not who its name (or the voice's suggestion) says: the speaker is
    unnamed again, and the voiceprint that named or suggested it takes this voice out
    (its sample rejected, or kept as a voice that is not that person), so that voice
    neither names nor suggests this speaker again. A new name is given with `PUT`."""
    speaker = _speaker(row, label)
    named = library.unname_speaker(session, tenant.id, speaker)
    if named:
        _reindex(r, tenant, [speaker])
    return SpeakerOut.from_row(speaker, sum(1 for s in row.segments if s.speaker == label))


@router.get("/api/voiceprints")
def list_voiceprints(
    tenant: CurrentTenant,
    session: SessionDep,
    status_: Annotated[Literal["confirmed", "suggested"] | None, Query(alias="status")] = None,
) -> list[VoiceprintOut]:
    return [
        VoiceprintOut.model_validate(v)
        for v in library.list_for_tenant(session, tenant.id)
        if status_ is None or v.status == status_
    ]


@router.post("/api/voiceprints/{vp_id}/confirm")
def confirm_voiceprint(
    vp_id: uuid.UUID, tenant: CurrentTenant, session: SessionDep, r: RedisDep
) -> VoiceprintOut:
    """This suggested voice is who it says: it names speakers from now on, and the
    speakers it was learnt from take its name."""
    vp = _voiceprint(session, tenant, vp_id)
    named = library.confirm(session, vp)
    session.flush()
    _reindex(r, tenant, named)
    return VoiceprintOut.model_validate(vp)


@router.get("/api/voiceprints/{vp_id}/samples")
def list_samples(
    vp_id: uuid.UUID, tenant: CurrentTenant, session: SessionDep
) -> list[VoiceprintSampleOut]:
    """Each recording's speaker the voice learnt from (or was told is not it), with the
    recording's title and when that speaker first talks there."""
    samples = _voiceprint(session, tenant, vp_id).samples
    heard = transcripts.where_heard(
        session, tenant.id, ((s.transcript_id, s.speaker_label) for s in samples if s.transcript_id)
    )
    out = []
    for sample in samples:
        found = heard.get((sample.transcript_id, sample.speaker_label))
        out.append(
            VoiceprintSampleOut.model_validate(sample).model_copy(
                update={
                    "transcript_title": found.title if found else None,
                    "first_spoken_s": found.first_spoken_s if found else None,
                }
            )
        )
    return out


@router.delete(
    "/api/voiceprints/{vp_id}/samples/{sample_id}", status_code=status.HTTP_204_NO_CONTENT
)
def reject_sample(
    vp_id: uuid.UUID, sample_id: uuid.UUID, tenant: CurrentTenant, session: SessionDep
) -> None:
    """Take a wrong recording out of a voice: the voice is recomputed without it (deleted
    when it was the last one), and that speaker's voice can no longer match it."""
    vp = _voiceprint(session, tenant, vp_id)
    sample = next((s for s in vp.samples if s.id == sample_id), None)
    if sample is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="sample not found")
    if not sample.rejected:
        library.reject_sample(session, vp, sample)


@router.post("/api/voiceprints", status_code=status.HTTP_201_CREATED)
def create_voiceprint(
    body: VoiceprintCreate, tenant: CurrentTenant, session: SessionDep, r: RedisDep
) -> VoiceprintOut:
    """Enrol a transcript's speaker under a name (and name that speaker)."""
    speaker = _speaker(transcript_or_404(session, tenant, body.transcript_id), body.speaker)
    if speaker.embedding is None:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"speaker {body.speaker!r} spoke too little to have a voice embedding",
        )
    _name(session, r, tenant, speaker, SpeakerNameIn(name=body.name, enrol=True))
    return VoiceprintOut.model_validate(_voiceprint(session, tenant, speaker.voiceprint_id))


@router.patch("/api/voiceprints/{vp_id}")
def rename_voiceprint(
    vp_id: uuid.UUID,
    body: VoiceprintRename,
    tenant: CurrentTenant,
    session: SessionDep,
    r: RedisDep,
) -> VoiceprintOut:
    """The new name goes on every speaker the voice names, and their recordings are
    re-indexed so that search shows it."""
    vp = _voiceprint(session, tenant, vp_id)
    try:
        renamed = library.rename(session, vp, body.name)
    except library.NameTaken as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from exc
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(exc)) from exc
    session.flush()
    _reindex(r, tenant, renamed)
    return VoiceprintOut.model_validate(vp)


@router.post("/api/voiceprints/{vp_id}/merge")
def merge_voiceprints(
    vp_id: uuid.UUID,
    body: VoiceprintMerge,
    tenant: CurrentTenant,
    session: SessionDep,
    r: RedisDep,
) -> VoiceprintOut:
    """`other` is the same person: its samples join this voice, its speakers take this
    name, and their recordings are re-indexed."""
    into = _voiceprint(session, tenant, vp_id)
    other = _voiceprint(session, tenant, body.other_id)
    try:
        renamed = library.merge(session, into, other)
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(exc)) from exc
    _reindex(r, tenant, renamed)
    session.refresh(into)
    return VoiceprintOut.model_validate(into)


@router.delete("/api/voiceprints/{vp_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_voiceprint(vp_id: uuid.UUID, tenant: CurrentTenant, session: SessionDep) -> None:
    library.delete(session, _voiceprint(session, tenant, vp_id))
