"""A recording's life: created (files and row, all or nothing), failed, deleted.

The one path the API, the evaluation harness and the tests create recordings by.

Deleting goes everywhere a recording lives or was copied to: its index points, its
objects, what voiceprints learnt from its voices (the samples go; a voice left with none
goes too, the others are recomputed), the chat answers that quoted it (their text is
redacted), its progress stream, and its row, whose segments, speakers, documents, chat
citations and feedback go with it (ON DELETE CASCADE). The row is first marked
`deleting` (committed): a failure midway (the store busy) leaves a recording that says
so, no run writes to it any more, and DELETE again finishes the job. The row goes last.

A pipeline run may be indexing the recording while it is deleted. The row lock is the
fence: the deletion holds the row FOR UPDATE from before it removes the points until the
row is gone, and an index writer calls `forget_if_deleted` after writing, which reads the
row FOR SHARE. Either the writer's check comes first, and the deletion that follows
removes its points, or it waits for the deletion and removes them itself.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

import redis
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from st_resources.clients.storage import ObjectStore, recording_prefix
from st_resources.clients.streams import (
    TERMINAL_STAGE,
    PipelineEvent,
    Stage,
    TranscriptUploaded,
    delete_progress,
    publish,
)
from st_resources.db.models import (
    ChatCitation,
    ChatMessage,
    ContextDocument,
    Transcript,
    Voiceprint,
    VoiceprintSample,
)
from st_resources.naming import voiceprints
from st_resources.search import VectorStore
from st_resources.transcripts import store as transcripts

FRAMES_PREFIX = "frames/"  # Dagster's Parquet frames: frames/<asset>/<partition>.parquet


@dataclass
class NewFile:
    """A file given with a recording: its name as the user gave it, a seekable stream."""

    filename: str | None
    stream: BinaryIO
    content_type: str | None = None

    def size(self) -> int:
        self.stream.seek(0, 2)
        size = self.stream.tell()
        self.stream.seek(0)
        return size

    def rewound(self) -> BinaryIO:
        self.stream.seek(0)
        return self.stream


def safe_name(filename: str | None, default: str) -> str:
    """The file's own name, without folders, in characters every object store accepts;
    no leading dot, so never "." or ".." (an upload named ".." once escaped its folder)."""
    name = PurePath((filename or "").replace("\\", "/")).name
    name = "".join(c if c.isalnum() or c in "._-" else "_" for c in name).lstrip(".")
    return name[:200] or default


def create(
    session: Session,
    store: ObjectStore,
    tenant_id: uuid.UUID,
    audio: NewFile,
    *,
    title: str,
    language: str | None,
    documents: Sequence[NewFile] = (),
    speaker_bounds: tuple[int | None, int | None] = (None, None),
    project_id: str | None = None,
) -> Transcript:
    """Store the files and commit a queued row; undo both if either fails. Queuing it
    (`uploaded_event`) is the caller's: the API appends it to the stream, the harness
    materialises the partition itself."""
    tid = uuid.uuid4()
    prefix = recording_prefix(str(tenant_id), str(tid))
    audio_name = safe_name(audio.filename, "audio")
    audio_key = prefix + "original/" + audio_name
    audio_bytes = audio.size()
    try:
        store.put_stream(audio_key, audio.rewound())
        row = Transcript(
            id=tid,
            tenant_id=tenant_id,
            project_id=project_id,
            title=title,
            language=language,
            status="queued",
            audio_key=audio_key,
            audio_filename=audio_name,
            audio_bytes=audio_bytes,
            min_speakers=speaker_bounds[0],
            max_speakers=speaker_bounds[1],
            timings={},
        )
        session.add(row)
        docs = []
        for i, doc in enumerate(documents):
            name = safe_name(doc.filename, "document")
            key = f"{prefix}context/{i:02d}_{name}"
            size = doc.size()
            sha256 = hashlib.file_digest(doc.rewound(), "sha256").hexdigest()
            store.put_stream(key, doc.rewound())
            docs.append(
                ContextDocument(
                    transcript_id=tid,
                    tenant_id=tenant_id,
                    filename=name,
                    content_type=doc.content_type,
                    object_key=key,
                    size_bytes=size,
                    sha256=sha256,
                )
            )
        transcripts.add_documents(session, docs)
        session.commit()
    except Exception:
        session.rollback()
        store.delete_prefix(prefix)
        raise
    return row


def discard(session: Session, store: ObjectStore, row: Transcript) -> None:
    """Undo `create` when the recording could not be queued."""
    store.delete_prefix(recording_prefix(str(row.tenant_id), str(row.id)))
    session.delete(row)
    session.commit()


def uploaded_event(row: Transcript, duration_s: float | None = None) -> TranscriptUploaded:
    return TranscriptUploaded(
        transcript_id=str(row.id), tenant_id=str(row.tenant_id), duration_s=duration_s
    )


def fail(session: Session, r: redis.Redis, tid: uuid.UUID, stage: Stage, reason: str) -> None:
    """Mark the recording failed (committed first) and tell its listeners which stage
    failed and that nothing more will come. A readable transcript whose enrichment failed
    is not thrown away: it ends `completed_degraded`, the stage's failure as the reason."""
    row = transcripts.get(session, tid)
    if row.status == "transcribed":
        transcripts.set_degradation(session, tid, str(stage), reason)
        transcripts.mark_finished(session, tid, "completed_degraded", reason[:2000])
        final = "completed_degraded"
    else:
        transcripts.mark_failed(session, tid, reason)
        final = "failed"
    session.commit()
    publish(
        r,
        PipelineEvent(
            transcript_id=str(tid), stage=stage, status="failed", percent=100, error=reason
        ),
    )
    publish(
        r,
        PipelineEvent(
            transcript_id=str(tid), stage=TERMINAL_STAGE, status=final, percent=100, error=reason
        ),
    )


REDACTED_ANSWER = "[This answer quoted a recording that has since been deleted.]"


def delete(
    session: Session, objects: ObjectStore, vectors: VectorStore, r: redis.Redis, row: Transcript
) -> int:
    """Remove the recording from everywhere (the module's docstring says where); returns
    how many objects were deleted. Safe to call again on a half-deleted recording."""
    tid = row.id
    if row.status != "deleting":
        row.status = "deleting"
        session.commit()
    session.refresh(row, with_for_update=True)
    vectors.delete_transcript(str(tid))
    deleted = purge_objects(objects, row.tenant_id, tid)
    _forget_voices(session, tid)
    _redact_answers(session, tid)
    delete_progress(r, str(tid))
    session.delete(row)
    session.commit()
    return deleted


def purge_objects(objects: ObjectStore, tenant_id: str | uuid.UUID, tid: str | uuid.UUID) -> int:
    """The recording's objects and its Dagster frames. Called again once its runs are
    cancelled, for what a run still going wrote after the deletion."""
    deleted = objects.delete_prefix(recording_prefix(str(tenant_id), str(tid)))
    for key in objects.list(FRAMES_PREFIX):
        if key.endswith(f"/{tid}.parquet"):
            deleted += objects.delete_prefix(key)
    return deleted


def _forget_voices(session: Session, tid: uuid.UUID) -> None:
    """Voices learnt from the recording lose what they learnt (kept and rejected samples,
    and its id in their sources); a voiceprint left with no sample is deleted."""
    samples = session.scalars(
        select(VoiceprintSample).where(VoiceprintSample.transcript_id == tid)
    ).all()
    prints = {s.voiceprint_id for s in samples}
    prints |= set(
        session.scalars(
            select(Voiceprint.id).where(Voiceprint.source_transcripts.contains([str(tid)]))
        ).all()
    )
    for sample in samples:
        session.delete(sample)
    session.flush()
    for vp in session.scalars(select(Voiceprint).where(Voiceprint.id.in_(prints))):
        session.refresh(vp)
        vp.source_transcripts = [t for t in vp.source_transcripts if t != str(tid)]
        if voiceprints.kept(vp):
            voiceprints.recompute(vp)
        else:
            voiceprints.delete(session, vp)


def _redact_answers(session: Session, tid: uuid.UUID) -> None:
    """Answers that cite the recording quote it: their text is replaced (the citations
    themselves go with the row)."""
    cited = select(ChatCitation.message_id).where(ChatCitation.transcript_id == tid)
    session.execute(
        update(ChatMessage)
        .where(ChatMessage.id.in_(cited))
        .values(content=REDACTED_ANSWER, details={"redacted": True})
    )


def forget_if_deleted(session: Session, vectors: VectorStore, transcript_id: uuid.UUID) -> None:
    """After writing a recording's points: if it was deleted meanwhile, remove them and
    raise LookupError (so the run stops there)."""
    query = select(Transcript.id).where(Transcript.id == transcript_id).with_for_update(read=True)
    if session.execute(query).first() is None:
        vectors.delete_transcript(str(transcript_id))
        raise LookupError(f"transcript {transcript_id} was deleted while it was indexed")
