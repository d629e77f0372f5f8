"""What the correction tests share: a finished recording as the pipeline leaves it (words,
speakers with names and voices, clean text), indexed as the indexing stage indexes it,
and readers of what the database, the search index and the workflow stream hold."""

import json
import uuid

from sqlalchemy import select

from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.streams import get_redis
from st_resources.db.models import Segment, TranscriptSpeaker
from st_resources.db.session import session_scope
from st_resources.search.model import transcript_point_id
from st_resources.settings import get_settings
from st_resources.transcripts import store as transcripts
from st_resources.transcripts.indexed import reader_segments, transcript_info
from tests.api.meetings import stored_recording

# (label, start, end, raw text, clean text)
LINES = [
    (
        "SPEAKER_00",
        0.0,
        4.0,
        "the quarterly budget for orion is approved",
        "The quarterly budget for Orion is approved.",
    ),
    (
        "SPEAKER_01",
        5.0,
        9.0,
        "so we hire two data engineers in lyon next month",
        "So, we hire two data engineers in Lyon next month.",
    ),
    (
        "SPEAKER_00",
        10.0,
        12.5,
        "the cluster migration is planned for june",
        "The cluster migration is planned for June.",
    ),
    (
        "SPEAKER_02",
        13.0,
        16.0,
        "right i will book the venue for the offsite",
        "Right, I will book the venue for the offsite.",
    ),
]
MODEL = "voice-test"
# label: (name, source, talk time, turns, voice, seconds the voice was pooled from)
SPEAKERS = {
    "SPEAKER_00": ("Nora Lind", "voiceprint", 6.5, 2, [1.0, 0.0, 0.0], 6.0),
    "SPEAKER_01": (None, "unknown", 4.0, 1, [0.0, 1.0, 0.0], 2.0),
    "SPEAKER_02": (None, "unknown", 3.0, 1, [0.0, 0.0, 1.0], 3.0),
}
WORD_S = 0.4  # each word starts this long after the one before; it lasts 0.3 s


def words_of(label: str, start: float, text: str) -> list[dict]:
    return [
        {"word": w, "start": start + WORD_S * j, "end": start + WORD_S * j + 0.3, "speaker": label}
        for j, w in enumerate(text.split())
    ]


def finished_meeting(tenant_id: str, status: str = "completed") -> str:
    """The recording above, stored by the pipeline's own calls and indexed."""
    tid = stored_recording(
        tenant_id,
        "Orion sync",
        b"RIFF-test",
        [
            dict(
                idx=i,
                start_s=start,
                end_s=end,
                text=raw,
                speaker=label,
                words=words_of(label, start, raw),
            )
            for i, (label, start, end, raw, _) in enumerate(LINES)
        ],
        [
            dict(
                label=label,
                name=name,
                identity_source=source,
                identity_confidence=0.9 if name else 0.0,
                talk_time_s=talk,
                turns=turns,
                embedding=voice,
                embedding_model=MODEL,
                embedding_seconds=seconds,
            )
            for label, (name, source, talk, turns, voice, seconds) in SPEAKERS.items()
        ],
        {i: line[4] for i, line in enumerate(LINES)},
        status=status,
        duration_s=16.0,
    )
    index(tid)
    return tid


def index(tid: str) -> None:
    """The recording's points, as the indexing stage writes them."""
    with session_scope() as session:
        row = transcripts.get(session, uuid.UUID(tid))
        info, rows = transcript_info(row), reader_segments(row)
    embedder, keywords, store = get_embedder(), q.get_keywords(), q.open_store()
    store.replace_transcript(q.SEGMENTS, tid, q.segment_points(embedder, keywords, info, rows))
    store.replace_transcript(
        q.TRANSCRIPTS, tid, [q.transcript_point(embedder, keywords, info, rows)]
    )


def segment_points(tid: str) -> dict[int, dict]:
    """The recording's segment points by index: {idx: payload}, read by their ids."""
    store = q.open_store()
    ids = [q.segment_point_id(tid, i) for i in range(len(LINES) + 2)]
    with store.lease():
        found = store._payloads(q.SEGMENTS, ids)
    return {p["segment_idx"]: p for p in found.values()}


def recording_point(tid: str) -> dict:
    store = q.open_store()
    with store.lease():
        return store._payloads(q.TRANSCRIPTS, [transcript_point_id(tid)])[transcript_point_id(tid)]


def segments(tid: str) -> list[Segment]:
    with session_scope() as session:
        rows = session.scalars(
            select(Segment).where(Segment.transcript_id == uuid.UUID(tid)).order_by(Segment.idx)
        ).all()
        session.expunge_all()
        return list(rows)


def speakers(tid: str) -> dict[str, TranscriptSpeaker]:
    with session_scope() as session:
        rows = session.scalars(
            select(TranscriptSpeaker).where(TranscriptSpeaker.transcript_id == uuid.UUID(tid))
        ).all()
        session.expunge_all()
        return {s.label: s for s in rows}


def snapshot(tid: str) -> tuple:
    """Everything a correction may change, to show that a refused one changed nothing."""
    segs = [
        (s.idx, s.speaker, s.text, s.clean_text, s.edited_at, s.start_s, s.end_s, s.words)
        for s in segments(tid)
    ]
    talk = {
        label: (s.name, s.talk_time_s, s.turns, s.embedding) for label, s in speakers(tid).items()
    }
    return segs, talk, segment_points(tid), recording_point(tid)


def last_workflow_event() -> tuple[str, dict]:
    ((_, fields),) = get_redis().xrevrange(get_settings().workflow_stream, count=1)
    return fields["type"], json.loads(fields["data"])


def workflow_events() -> int:
    return get_redis().xlen(get_settings().workflow_stream)
