"""A person's corrections of a finished transcript: who said a segment, what it says, two
speakers that are one, and the words at a segment's end said by another speaker.

The work is st_resources.transcripts.corrections'; here each answer: 404 for what the
recording does not have, 409 while a run may still write it, 422 for a correction that
cannot be, 503 when the queue or the index cannot take it (nothing changed then).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import redis
from fastapi import APIRouter, HTTPException, Path, status

from api.deps import (
    EmbedderDep,
    OwnedTranscriptWithSegments,
    RedisDep,
    SessionDep,
    VectorStoreDep,
)
from api.schemas import (
    ERROR_RESPONSES,
    ErrorOut,
    SegmentOut,
    SegmentSpeakerIn,
    SegmentSplitIn,
    SegmentTextIn,
    SpeakerMergeIn,
    SpeakerOut,
)
from st_resources import search as qdrant
from st_resources.db.models import Segment, Transcript
from st_resources.transcripts import corrections
from st_resources.transcripts.edits import NotEditable
from st_resources.transcripts.indexed import shown_speakers

router = APIRouter(
    prefix="/api/transcripts/{transcript_id}",
    tags=["transcripts"],
    responses={
        **ERROR_RESPONSES,
        409: {"model": ErrorOut, "description": "the recording is still being processed"},
    },
)
SegmentIdx = Annotated[int, Path(ge=0, le=2**31 - 1, description="the segment's index")]


@contextmanager
def _answers() -> Iterator[None]:
    """A correction's failures as HTTP answers (the session rolls back with them)."""
    try:
        yield
    except NotEditable as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(exc)) from exc
    except LookupError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=str(exc)) from exc
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(exc)) from exc
    except redis.RedisError as exc:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="the processing queue is unavailable; nothing was changed, retry later",
        ) from exc
    except qdrant.StoreBusy as exc:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="the search index is busy; nothing was changed, retry in a moment",
            headers={"Retry-After": "2"},
        ) from exc


def _out(row: Transcript, segment: Segment) -> SegmentOut:
    """The segment with the speaker a reader sees (the label where unnamed)."""
    shown = shown_speakers(row)
    return SegmentOut.model_validate(segment).model_copy(
        update={"speaker_name": shown[segment.idx]}
    )


@router.put("/segments/{idx}/speaker")
def move_segment(
    row: OwnedTranscriptWithSegments,
    idx: SegmentIdx,
    body: SegmentSpeakerIn,
    session: SessionDep,
    vectors: VectorStoreDep,
    r: RedisDep,
) -> SegmentOut:
    """Say that another speaker of the recording said this segment: the segment and its
    words change speaker, the talk times follow, and the segment's search point shows the
    new speaker at once (a re-index of the recording is also asked for, as after a rename,
    so a run that read the recording before this change cannot leave it stale)."""
    with _answers():
        segment = corrections.move_segment(session, vectors, r, row, idx, body.label)
    return _out(row, segment)


@router.patch("/segments/{idx}")
def edit_segment_text(
    row: OwnedTranscriptWithSegments,
    idx: SegmentIdx,
    body: SegmentTextIn,
    session: SessionDep,
    vectors: VectorStoreDep,
    embedder: EmbedderDep,
    r: RedisDep,
) -> SegmentOut:
    """Correct what a segment says: the text becomes its clean text, marked as a person's
    (`edited_at`) so that a re-run of the cleanup keeps it; the raw text and its word
    times stay as ASR wrote them. Search and chat find the new text at once. A blank text
    is 422."""
    with _answers():
        segment = corrections.edit_text(session, vectors, embedder, r, row, idx, body.text)
    return _out(row, segment)


@router.post("/speakers/{label}/merge")
def merge_speaker(
    row: OwnedTranscriptWithSegments,
    label: str,
    body: SpeakerMergeIn,
    session: SessionDep,
    vectors: VectorStoreDep,
    r: RedisDep,
) -> SpeakerOut:
    """Say that speaker `label` is the speaker `into` (diarization made two of one
    person): every segment and word of `label` goes to `into`, talk time and turns add
    up, the voice embeddings are averaged (weighted by duration), and `label` is removed.
    `into` keeps its name, or takes `label`'s when it has none. Answers the kept speaker."""
    with _answers():
        kept = corrections.merge_speakers(session, vectors, r, row, label, body.into)
    return SpeakerOut.from_row(kept, sum(1 for s in row.segments if s.speaker == kept.label))


@router.post("/segments/{idx}/split")
def split_segment(
    row: OwnedTranscriptWithSegments,
    idx: SegmentIdx,
    body: SegmentSplitIn,
    session: SessionDep,
    vectors: VectorStoreDep,
    r: RedisDep,
) -> list[SegmentOut]:
    """Say that the words of a segment from `word` to its start (or end) were said by
    another speaker: they become a segment of their own, before (or after) the rest, and
    the later segments' indices go up by one. Answers the segments those words are in now,
    in order (one: all the words moved, the segment changed speaker whole). Search shows
    the split once the re-index asked for has run."""
    with _answers():
        segments = corrections.split_segment(
            session, vectors, r, row, idx, body.word, body.to, body.label
        )
    return [_out(row, s) for s in segments]
