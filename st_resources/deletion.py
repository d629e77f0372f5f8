"""Deleting a recording everywhere it lives: its index points, its objects, its row.

The order matters: the search index goes first, so that a failure (store busy) leaves
everything in place for a retry rather than searchable points of a transcript that no
longer exists; the row goes last, and its segments, speakers, documents, chat citations
and feedback go with it (foreign keys ON DELETE CASCADE).

A pipeline run may be indexing the recording while it is deleted. The row lock is the
fence: the deletion holds the row FOR UPDATE from before it removes the points until the
row is gone, and an index writer calls `forget_if_deleted` after writing, which reads the
row FOR SHARE. Either the writer's check comes first, and the deletion that follows
removes its points, or it waits for the deletion and removes them itself.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from st_resources.db.models import Transcript
from st_resources.qdrant import VectorStore
from st_resources.storage import ObjectStore, recording_prefix

FRAMES_PREFIX = "frames/"  # Dagster's Parquet frames: frames/<asset>/<partition>.parquet


def delete_recording(
    session: Session, objects: ObjectStore, vectors: VectorStore, row: Transcript
) -> int:
    """Remove the transcript from every Qdrant collection, the object store and the
    database (committed); returns how many objects were deleted."""
    tid = str(row.id)
    session.refresh(row, with_for_update=True)
    vectors.delete_transcript(tid)
    deleted = objects.delete_prefix(recording_prefix(str(row.tenant_id), tid))
    for key in objects.list(FRAMES_PREFIX):
        if key.endswith(f"/{tid}.parquet"):
            deleted += objects.delete_prefix(key)
    session.delete(row)
    session.commit()
    return deleted


def forget_if_deleted(session: Session, vectors: VectorStore, transcript_id: uuid.UUID) -> None:
    """After writing a recording's points: if it was deleted meanwhile, remove them and
    raise LookupError (so the run stops there)."""
    query = select(Transcript.id).where(Transcript.id == transcript_id).with_for_update(read=True)
    if session.execute(query).first() is None:
        vectors.delete_transcript(str(transcript_id))
        raise LookupError(f"transcript {transcript_id} was deleted while it was indexed")
