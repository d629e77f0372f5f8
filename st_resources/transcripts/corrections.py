"""A person's corrections of a finished recording, everywhere they show: the database
(st_resources.transcripts.edits, .split), the pipeline, and the search index.

Each correction is written in the caller's transaction, then a re-index of the recording
is asked for (`transcript.speakers_renamed`, as after a rename: a run that read the
recording before the change cannot leave the index stale), then the index is updated in
place so search and chat see the change at once. In that order: when the queue is down
(redis.RedisError) or the index busy (search.StoreBusy), the caller's transaction rolls
back and the index has not moved either.

A split renumbers the segments after it, and the index keys its points by number, so its
points wait for that re-index: embedding a whole recording again takes tens of seconds on
a CPU (about 8 segments/s measured on the development machine), too long for a request.
"""

from __future__ import annotations

import redis
from sqlalchemy.orm import Session

from st_resources import search as qdrant
from st_resources.clients.streams import SpeakersRenamed, append_workflow
from st_resources.db.models import Segment, Transcript, TranscriptSpeaker
from st_resources.transcripts import edits, split
from st_resources.transcripts.indexed import reembed_segment, show_speakers, shown_speakers


def _reindex(r: redis.Redis, row: Transcript) -> None:
    append_workflow(r, SpeakersRenamed(transcript_id=str(row.id), tenant_id=str(row.tenant_id)))


def move_segment(
    session: Session,
    vectors: qdrant.VectorStore,
    r: redis.Redis,
    row: Transcript,
    idx: int,
    label: str,
) -> Segment:
    """Segment `idx` said by speaker `label` (edits.move_segment); its point shows them."""
    before = shown_speakers(row)
    segment = edits.move_segment(session, row, idx, label)
    _reindex(r, row)
    show_speakers(vectors, row, before)
    return segment


def edit_text(
    session: Session,
    vectors: qdrant.VectorStore,
    embedder,
    r: redis.Redis,
    row: Transcript,
    idx: int,
    text: str,
) -> Segment:
    """Segment `idx` says `text` (edits.edit_text); its point is embedded again."""
    segment = edits.edit_text(session, row, idx, text)
    _reindex(r, row)
    reembed_segment(vectors, embedder, row, idx)
    return segment


def merge_speakers(
    session: Session,
    vectors: qdrant.VectorStore,
    r: redis.Redis,
    row: Transcript,
    label: str,
    into: str,
) -> TranscriptSpeaker:
    """Speaker `label` is `into` (edits.merge_speakers); the points show who said what."""
    before = shown_speakers(row)
    kept = edits.merge_speakers(session, row, label, into)
    _reindex(r, row)
    show_speakers(vectors, row, before)
    return kept


def split_segment(
    session: Session,
    vectors: qdrant.VectorStore,
    r: redis.Redis,
    row: Transcript,
    idx: int,
    word: int,
    to: split.End,
    label: str,
) -> list[Segment]:
    """Words at one end of segment `idx` said by `label` (split.split_segment). The points
    of a split come with the re-index, as the module says; all the words moved the
    segment whole, and its point shows its new speaker at once."""
    before = shown_speakers(row)
    segments = split.split_segment(session, row, idx, word, to, label)
    _reindex(r, row)
    if len(segments) == 1:
        show_speakers(vectors, row, before)
    return segments
