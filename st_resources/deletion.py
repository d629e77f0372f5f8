"""Deleting a recording everywhere it lives: its index points, its objects, its row.

The order matters: the search index goes first, so that a failure (store busy) leaves
everything in place for a retry rather than searchable points of a transcript that no
longer exists; the row goes last, and its segments, speakers, documents, chat citations
and feedback go with it (foreign keys ON DELETE CASCADE).
"""

from __future__ import annotations

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
    vectors.delete_transcript(tid)
    deleted = objects.delete_prefix(recording_prefix(str(row.tenant_id), tid))
    for key in objects.list(FRAMES_PREFIX):
        if key.endswith(f"/{tid}.parquet"):
            deleted += objects.delete_prefix(key)
    session.delete(row)
    session.commit()
    return deleted
