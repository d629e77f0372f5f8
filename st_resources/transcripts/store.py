"""Reads and writes of transcripts and their segments, shared by the API and the assets.

Every read takes the tenant id, so a query can never return another tenant's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session, selectinload

from st_resources.db.models import (
    RUNNING_STATUSES,
    ContextDocument,
    Segment,
    Transcript,
    TranscriptSpeaker,
)


def _now() -> datetime:
    return datetime.now(UTC)


def get_for_tenant(
    session: Session, tenant_id: uuid.UUID, transcript_id: uuid.UUID, with_segments: bool = False
) -> Transcript | None:
    query = select(Transcript).where(
        Transcript.id == transcript_id, Transcript.tenant_id == tenant_id
    )
    if with_segments:
        query = query.options(
            selectinload(Transcript.segments),
            selectinload(Transcript.documents),
            selectinload(Transcript.speakers),
        )
    return session.scalar(query)


def list_for_tenant(
    session: Session, tenant_id: uuid.UUID, limit: int = 50, offset: int = 0
) -> tuple[Sequence[Transcript], int]:
    total = session.scalar(
        select(func.count()).select_from(Transcript).where(Transcript.tenant_id == tenant_id)
    )
    rows = session.scalars(
        select(Transcript)
        .where(Transcript.tenant_id == tenant_id)
        .order_by(Transcript.created_at.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return rows, total or 0


def last_finished_at(session: Session) -> datetime | None:
    """When the most recently finished recording finished."""
    return session.scalar(select(func.max(Transcript.finished_at)))


def queued_since(session: Session, older_than_s: float) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(id, tenant id) of the recordings still `queued` this long after their upload."""
    cutoff = _now() - timedelta(seconds=older_than_s)
    rows = session.execute(
        select(Transcript.id, Transcript.tenant_id)
        .where(Transcript.status == "queued", Transcript.created_at < cutoff)
        .order_by(Transcript.created_at)
        .limit(200)
    )
    return [(row.id, row.tenant_id) for row in rows]


def get(session: Session, transcript_id: uuid.UUID) -> Transcript:
    """Pipeline-side lookup by id (the partition key); raises if the row is gone."""
    transcript = session.get(Transcript, transcript_id)
    if transcript is None:
        raise LookupError(f"transcript {transcript_id} does not exist")
    return transcript


# A recording being deleted keeps that status whatever a run still going tries to write.
_NOT_DELETING = Transcript.status != "deleting"


def _refuse_if_deleting(session: Session, transcript_id: uuid.UUID) -> None:
    if get(session, transcript_id).status == "deleting":
        raise LookupError(f"transcript {transcript_id} is being deleted")


def mark_processing(session: Session, transcript_id: uuid.UUID) -> None:
    """Start (or restart, on re-materialisation) a run: clear the previous outcome."""
    _refuse_if_deleting(session, transcript_id)
    session.execute(
        update(Transcript)
        .where(Transcript.id == transcript_id)
        .values(
            status="processing",
            error=None,
            started_at=_now(),
            finished_at=None,
            timings={},
            degradations={},
        )
    )


def mark_running(session: Session, transcript_id: uuid.UUID) -> dict[str, float]:
    """A stage starts: a finished transcript being re-materialised is processing again
    (a readable one being enriched stays `transcribed`). Returns the stage timings
    recorded so far in this run."""
    _refuse_if_deleting(session, transcript_id)
    session.execute(
        update(Transcript)
        .where(
            Transcript.id == transcript_id,
            Transcript.status.not_in(RUNNING_STATUSES),
        )
        .values(status="processing", error=None, finished_at=None)
    )
    return get(session, transcript_id).timings


def mark_readable(session: Session, transcript_id: uuid.UUID) -> None:
    """Words, speakers and rule/voiceprint names are in: the user can read it while the
    LLM stages enrich it."""
    session.execute(
        update(Transcript)
        .where(Transcript.id == transcript_id, Transcript.status == "processing")
        .values(status="transcribed")
    )


def record_timing(
    session: Session, transcript_id: uuid.UUID, stage: str, seconds: float
) -> dict[str, float]:
    """Merge one stage's duration into the transcript's timings; returns them all."""
    patch = func.cast({stage: round(seconds, 3)}, JSONB)
    return session.execute(
        update(Transcript)
        .where(Transcript.id == transcript_id)
        .values(timings=Transcript.timings.op("||")(patch))
        .returning(Transcript.timings)
    ).scalar_one()


def set_degradation(
    session: Session, transcript_id: uuid.UUID, stage: str, reason: str | None
) -> None:
    """Record (or, when a re-run of the stage succeeds, clear) why `stage` fell back."""
    value = (
        Transcript.degradations.op("||")(func.cast({stage: reason[:500]}, JSONB))
        if reason
        else Transcript.degradations.op("-")(stage)
    )
    session.execute(
        update(Transcript).where(Transcript.id == transcript_id).values(degradations=value)
    )


def update_fields(session: Session, transcript_id: uuid.UUID, **values: Any) -> None:
    session.execute(update(Transcript).where(Transcript.id == transcript_id).values(**values))


def mark_failed(session: Session, transcript_id: uuid.UUID, reason: str) -> None:
    """Failed runs keep no partial output: their segments and speakers go with the failure."""
    session.execute(delete(Segment).where(Segment.transcript_id == transcript_id))
    session.execute(
        delete(TranscriptSpeaker).where(TranscriptSpeaker.transcript_id == transcript_id)
    )
    session.execute(
        update(Transcript)
        .where(Transcript.id == transcript_id, _NOT_DELETING)
        .values(status="failed", error=reason[:2000], finished_at=_now())
    )


def mark_finished(
    session: Session, transcript_id: uuid.UUID, status: str, reason: str | None = None
) -> None:
    session.execute(
        update(Transcript)
        .where(Transcript.id == transcript_id, _NOT_DELETING)
        .values(status=status, error=reason, finished_at=_now())
    )


def replace_segments(session: Session, transcript_id: uuid.UUID, rows: list[dict[str, Any]]) -> int:
    """Swap a transcript's segments in one transaction: a re-run never duplicates rows."""
    session.execute(delete(Segment).where(Segment.transcript_id == transcript_id))
    session.add_all(Segment(transcript_id=transcript_id, **row) for row in rows)
    session.flush()
    return len(rows)


def add_documents(session: Session, documents: list[ContextDocument]) -> None:
    session.add_all(documents)


def replace_speakers(session: Session, transcript_id: uuid.UUID, rows: list[dict[str, Any]]) -> int:
    session.execute(
        delete(TranscriptSpeaker).where(TranscriptSpeaker.transcript_id == transcript_id)
    )
    session.add_all(TranscriptSpeaker(transcript_id=transcript_id, **row) for row in rows)
    session.flush()
    return len(rows)


def set_identities(session: Session, transcript_id: uuid.UUID, identities: list[Any]) -> None:
    """Write each speaker's name, source, confidence and evidence (naming.assign.Identity)."""
    by_label = {i.label: i for i in identities}
    for speaker in session.scalars(
        select(TranscriptSpeaker).where(TranscriptSpeaker.transcript_id == transcript_id)
    ):
        identity = by_label.get(speaker.label)
        if identity is None:
            continue
        speaker.name = identity.name
        speaker.identity_source = identity.source
        speaker.identity_confidence = identity.confidence
        speaker.identity_evidence = identity.evidence
        speaker.voiceprint_id = identity.voiceprint_id


def set_clean_text(
    session: Session, transcript_id: uuid.UUID, clean: dict[int, str | None]
) -> None:
    """Cleaned text per segment index (None: keep only the raw text); a segment whose text
    a person wrote keeps it."""
    for segment in session.scalars(
        select(Segment).where(Segment.transcript_id == transcript_id, Segment.edited_at.is_(None))
    ):
        segment.clean_text = clean.get(segment.idx)


@dataclass(frozen=True)
class Heard:
    """Where a recording's speaker can be heard: the recording's title, and when that
    speaker first talks in it (None: no segment of theirs)."""

    title: str
    first_spoken_s: float | None


def where_heard(
    session: Session, tenant_id: uuid.UUID, speakers: Iterable[tuple[uuid.UUID, str | None]]
) -> dict[tuple[uuid.UUID, str | None], Heard]:
    """For (transcript id, speaker label) pairs, those of the tenant's recordings: one query."""
    wanted = set(speakers)
    ids = {tid for tid, _ in wanted}
    if not ids:
        return {}
    rows = session.execute(
        select(Transcript.id, Transcript.title, Segment.speaker, func.min(Segment.start_s))
        .outerjoin(Segment, Segment.transcript_id == Transcript.id)
        .where(Transcript.tenant_id == tenant_id, Transcript.id.in_(ids))
        .group_by(Transcript.id, Transcript.title, Segment.speaker)
    ).all()
    titles = {tid: title for tid, title, _, _ in rows}
    first = {(tid, label): start for tid, _, label, start in rows if label is not None}
    return {
        (tid, label): Heard(titles[tid], first.get((tid, label)))
        for tid, label in wanted
        if tid in titles
    }
