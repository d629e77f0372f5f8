"""A person's corrections of a finished recording, in the database: who said a segment,
what it says, and two speakers that are one.

Each runs in the caller's transaction with the transcript row locked (`lock_editable`),
so that no pipeline run starts midway and writes over it. The index side is
st_resources.transcripts.corrections'.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from st_resources.db.models import (
    READABLE_STATUSES,
    RUNNING_STATUSES,
    Segment,
    Transcript,
    TranscriptSpeaker,
    VoiceprintSample,
)
from st_resources.transcripts.speakers import mean_pool

# A person may correct a recording once its run is over: a run still going rewrites the
# segments, speakers and index points from what it read before.
EDITABLE_STATUSES = READABLE_STATUSES - RUNNING_STATUSES


# Who a speaker is: what a merged speaker's name brings with it.
_IDENTITY = (
    "name",
    "identity_source",
    "identity_confidence",
    "identity_evidence",
    "voiceprint_id",
)


class NotEditable(RuntimeError):
    """The recording is still being processed (or failed, or being deleted)."""


def lock_editable(session: Session, row: Transcript, what: str) -> None:
    """Lock the transcript row until the commit; NotEditable unless its run is over."""
    status = session.scalar(
        select(Transcript.status).where(Transcript.id == row.id).with_for_update()
    )
    if status not in EDITABLE_STATUSES:
        raise NotEditable(
            f"the transcript is {status}: {what} once it is completed (or completed_degraded)"
        )


def segment_at(session: Session, row: Transcript, idx: int) -> Segment:
    segment = session.scalar(
        select(Segment).where(Segment.transcript_id == row.id, Segment.idx == idx)
    )
    if segment is None:
        raise LookupError(f"no segment {idx} here")
    return segment


def speakers_of(session: Session, row: Transcript, *labels: str) -> dict[str, TranscriptSpeaker]:
    """The recording's speakers by label; LookupError when one of `labels` is not one."""
    speakers = {
        s.label: s
        for s in session.scalars(
            select(TranscriptSpeaker).where(TranscriptSpeaker.transcript_id == row.id)
        )
    }
    for label in labels:
        if label not in speakers:
            raise LookupError(f"no speaker {label!r} here")
    return speakers


def add_talk_time(speaker: TranscriptSpeaker | None, seconds: float) -> None:
    if speaker is not None:
        speaker.talk_time_s = round(max(0.0, speaker.talk_time_s + seconds), 3)


def move_segment(session: Session, row: Transcript, idx: int, label: str) -> Segment:
    """Give segment `idx` (and its words) to the recording's speaker `label`; the talk time
    the segment lasts moves from its speaker to `label` (the segment counts follow from the
    segments). LookupError for an unknown segment or speaker, NotEditable while a run may
    still write the recording. The voice embeddings stay as the diarization made them."""
    lock_editable(session, row, "its speakers can be corrected")
    segment = segment_at(session, row, idx)
    speakers = speakers_of(session, row, label)
    if segment.speaker == label:
        return segment
    lasted = max(0.0, segment.end_s - segment.start_s)
    add_talk_time(speakers.get(segment.speaker) if segment.speaker else None, -lasted)
    add_talk_time(speakers[label], lasted)
    segment.speaker = label
    segment.words = [{**w, "speaker": label} for w in segment.words]
    session.flush()
    return segment


def edit_text(session: Session, row: Transcript, idx: int, text: str) -> Segment:
    """Make `text` segment `idx`'s clean text, marked as a person's (`edited_at`), so that a
    re-run of the cleanup stage keeps it; the raw text and its words stay as ASR wrote
    them. ValueError for a blank text."""
    text = text.strip()
    if not text:
        raise ValueError(
            "the text is empty: write what was said (the raw text is kept as it is; to say "
            "someone else said it, change the speaker)"
        )
    lock_editable(session, row, "its text can be corrected")
    segment = segment_at(session, row, idx)
    segment.clean_text = text
    segment.edited_at = datetime.now(UTC)
    session.flush()
    return segment


def merge_speakers(session: Session, row: Transcript, label: str, into: str) -> TranscriptSpeaker:
    """Speaker `label` is speaker `into`: its segments and words go to `into`, talk time
    and turns add up, the voice becomes the duration-weighted mean of both (when both have
    one, of the same model), and `label`'s row goes. `into` keeps its name; an unnamed
    `into` takes `label`'s name and identity. The voiceprint samples learnt from `label`
    point at `into`, where that voice now is. ValueError when both are the same speaker."""
    if label == into:
        raise ValueError(f"{label} cannot be merged into itself: choose another speaker")
    lock_editable(session, row, "its speakers can be corrected")
    speakers = speakers_of(session, row, label, into)
    gone, kept = speakers[label], speakers[into]
    for segment in session.scalars(select(Segment).where(Segment.transcript_id == row.id)):
        if segment.speaker == label:
            segment.speaker = into
        if any(w.get("speaker") == label for w in segment.words):
            segment.words = [
                {**w, "speaker": into} if w.get("speaker") == label else w for w in segment.words
            ]
    _merge_voices(kept, gone)
    kept.talk_time_s = round(kept.talk_time_s + gone.talk_time_s, 3)
    kept.turns += gone.turns
    if kept.name is None and gone.name is not None:
        for field in _IDENTITY:
            setattr(kept, field, getattr(gone, field))
    session.execute(
        update(VoiceprintSample)
        .where(VoiceprintSample.transcript_id == row.id, VoiceprintSample.speaker_label == label)
        .values(speaker_label=into)
    )
    session.delete(gone)
    session.flush()
    session.expire(row, ["speakers"])
    return kept


def _merge_voices(kept: TranscriptSpeaker, gone: TranscriptSpeaker) -> None:
    """`kept`'s voice after it absorbs `gone`'s: the mean of both weighted by the seconds
    each was pooled from (their talk time where that is unknown); `gone`'s own when `kept`
    has none; `kept`'s when the two come from different models."""
    if gone.embedding is None:
        return
    if kept.embedding is None:
        kept.embedding, kept.embedding_model = gone.embedding, gone.embedding_model
        kept.embedding_seconds = gone.embedding_seconds
        return
    if kept.embedding_model != gone.embedding_model:
        return
    weights = [s.embedding_seconds or s.talk_time_s or 1.0 for s in (kept, gone)]
    pooled = mean_pool([kept.embedding, gone.embedding], weights, 0.0)
    if pooled is not None:
        kept.embedding = pooled.tolist()
        kept.embedding_seconds = round(kept.embedding_seconds + gone.embedding_seconds, 3)
