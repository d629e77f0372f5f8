"""PUT /api/transcripts/{id}/segments/{idx}/speaker on the real app, PostgreSQL, Redis and
search index: a segment said by another speaker of the recording moves to them with its
words and talk time, its search point shows the new speaker at once (and a re-index is
asked for), within the caller's tenant only and only once the recording is finished."""

import json
import uuid
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.main import create_app
from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.streams import get_redis
from st_resources.db.models import Segment, Transcript, TranscriptSpeaker
from st_resources.db.session import session_scope
from st_resources.search.model import transcript_point_id
from st_resources.settings import get_settings
from tests.api.meetings import auth, new_tenant

DAY = datetime(2026, 4, 14, 10, 0, tzinfo=UTC)
# (label, start, end, text); SPEAKER_00 is Nora Lind, SPEAKER_01 unnamed.
LINES = [
    ("SPEAKER_00", 0.0, 4.0, "The quarterly budget for the Orion project is approved."),
    ("SPEAKER_01", 5.0, 9.0, "We hire two data engineers in Lyon next month."),
    ("SPEAKER_00", 10.0, 12.5, "The cluster migration is planned for June."),
    ("SPEAKER_01", 13.0, 13.5, " "),  # nothing said: no search point
]
NAMES = {"SPEAKER_00": "Nora Lind", "SPEAKER_01": None}


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


def add_meeting(tenant_id: str, status: str = "completed") -> str:
    """A finished recording as the pipeline leaves it: segments with words, speakers with
    their talk time, and its points indexed with the names a reader sees."""
    tid = str(uuid.uuid4())
    with session_scope() as session:
        session.add(
            Transcript(
                id=uuid.UUID(tid),
                tenant_id=uuid.UUID(tenant_id),
                title="Orion sync",
                language="en",
                status=status,
                audio_key=f"{tenant_id}/{tid}/original/audio.wav",
                audio_filename="audio.wav",
                audio_bytes=9,
                timings={},
                created_at=DAY,
            )
        )
        session.flush()
        for i, (label, start, end, text) in enumerate(LINES):
            words = [
                {
                    "word": w,
                    "start": start + 0.3 * j,
                    "end": start + 0.3 * j + 0.25,
                    "speaker": label,
                }
                for j, w in enumerate(text.split())
            ]
            session.add(
                Segment(
                    transcript_id=uuid.UUID(tid),
                    idx=i,
                    start_s=start,
                    end_s=end,
                    text=text,
                    speaker=label,
                    words=words,
                )
            )
        for label, name in NAMES.items():
            session.add(
                TranscriptSpeaker(
                    transcript_id=uuid.UUID(tid),
                    label=label,
                    talk_time_s=6.5 if label == "SPEAKER_00" else 4.5,
                    turns=2,
                    name=name,
                    identity_source="voiceprint" if name else "unknown",
                )
            )
    info = q.TranscriptInfo(tid, tenant_id, "Orion sync", "orion", "en", DAY)
    rows = [
        q.SegmentText(idx=i, start=s, end=e, text=t, speaker=NAMES[label] or label)
        for i, (label, s, e, t) in enumerate(LINES)
    ]
    embedder, keywords, store = get_embedder(), q.get_keywords(), q.open_store()
    store.replace_transcript(q.SEGMENTS, tid, q.segment_points(embedder, keywords, info, rows))
    store.upsert(q.TRANSCRIPTS, [q.transcript_point(embedder, keywords, info, rows)])
    return tid


def payload(collection: str, point_id: str) -> dict:
    store = q.open_store()
    with store.lease():
        return store._payloads(collection, [point_id]).get(point_id, {})


def last_workflow_event() -> tuple[str, dict]:
    ((_, fields),) = get_redis().xrevrange(get_settings().workflow_stream, count=1)
    return fields["type"], json.loads(fields["data"])


def move(client, token, tid, idx, label):
    return client.put(
        f"/api/transcripts/{tid}/segments/{idx}/speaker", headers=auth(token), json={"label": label}
    )


def test_a_moved_segment_changes_speaker_everywhere(client):
    tenant_id, token = new_tenant("move")
    tid = add_meeting(tenant_id)

    resp = move(client, token, tid, 1, "SPEAKER_00")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert (body["idx"], body["speaker"], body["speaker_name"]) == (1, "SPEAKER_00", "Nora Lind")

    detail = client.get(f"/api/transcripts/{tid}", headers=auth(token)).json()
    assert [s["speaker"] for s in detail["segments"]] == [
        "SPEAKER_00",
        "SPEAKER_00",
        "SPEAKER_00",
        "SPEAKER_01",
    ]
    assert detail["segments"][1]["speaker_name"] == "Nora Lind"
    speakers = {s["label"]: s for s in detail["speakers"]}
    assert speakers["SPEAKER_00"]["segment_count"] == 3
    assert speakers["SPEAKER_01"]["segment_count"] == 1
    # The segment's 4 s went from one speaker's talk time to the other's.
    assert speakers["SPEAKER_00"]["talk_time_s"] == pytest.approx(10.5)
    assert speakers["SPEAKER_01"]["talk_time_s"] == pytest.approx(0.5)
    with session_scope() as session:
        words = session.scalar(
            select(Segment.words).where(Segment.transcript_id == uuid.UUID(tid), Segment.idx == 1)
        )
    assert [w["speaker"] for w in words] == ["SPEAKER_00"] * 9

    # The search point says who said it now, and the recording's point who spoke at all.
    assert payload(q.SEGMENTS, q.segment_point_id(tid, 1))["speaker"] == "Nora Lind"
    assert payload(q.SEGMENTS, q.segment_point_id(tid, 0))["speaker"] == "Nora Lind"
    assert payload(q.TRANSCRIPTS, transcript_point_id(tid))["speakers"] == ["Nora Lind"]
    hits = client.post(
        "/api/ai/search",
        headers=auth(token),
        json={"query": "data engineers in Lyon", "filters": {"speaker": "Nora Lind"}},
    ).json()["hits"]
    assert [(h["segment_idx"], h["speaker"]) for h in hits][:1] == [(1, "Nora Lind")]
    kind, event = last_workflow_event()
    assert (kind, event["transcript_id"], event["tenant_id"]) == (
        "transcript.speakers_renamed",
        tid,
        tenant_id,
    )

    # Back to the unnamed speaker: the point holds the label, as indexing writes it.
    assert move(client, token, tid, 1, "SPEAKER_01").status_code == 200
    assert payload(q.SEGMENTS, q.segment_point_id(tid, 1))["speaker"] == "SPEAKER_01"
    assert payload(q.TRANSCRIPTS, transcript_point_id(tid))["speakers"] == [
        "Nora Lind",
        "SPEAKER_01",
    ]
    # Its own speaker again: nothing moves.
    again = move(client, token, tid, 1, "SPEAKER_01")
    assert again.status_code == 200 and again.json()["speaker"] == "SPEAKER_01"
    detail = client.get(f"/api/transcripts/{tid}", headers=auth(token)).json()
    talk = {s["label"]: s["talk_time_s"] for s in detail["speakers"]}
    assert talk == {"SPEAKER_00": pytest.approx(6.5), "SPEAKER_01": pytest.approx(4.5)}

    # A segment with no text has no point; it moves all the same.
    assert move(client, token, tid, 3, "SPEAKER_00").status_code == 200
    assert payload(q.SEGMENTS, q.segment_point_id(tid, 3)) == {}


def test_unknown_segments_speakers_and_other_tenants_are_404(client):
    tenant_id, token = new_tenant("move-a")
    tid = add_meeting(tenant_id)
    _, other_token = new_tenant("move-b")

    assert move(client, other_token, tid, 1, "SPEAKER_00").status_code == 404
    assert move(client, token, tid, 9, "SPEAKER_00").status_code == 404
    missing = move(client, token, tid, 1, "SPEAKER_07")
    assert missing.status_code == 404 and "SPEAKER_07" in missing.json()["detail"]
    assert move(client, token, str(uuid.uuid4()), 1, "SPEAKER_00").status_code == 404
    assert move(client, token, "not-a-uuid", 1, "SPEAKER_00").status_code == 404
    assert move(client, token, tid, -1, "SPEAKER_00").status_code == 422
    assert move(client, token, tid, 1, "").status_code == 422
    url = f"/api/transcripts/{tid}/segments/1/speaker"
    assert client.put(url, json={"label": "SPEAKER_00"}).status_code == 401
    extra = client.put(url, headers=auth(token), json={"label": "SPEAKER_00", "x": 1})
    assert extra.status_code == 422

    # Nothing changed: not in the database, not in the index.
    detail = client.get(f"/api/transcripts/{tid}", headers=auth(token)).json()
    assert [s["speaker"] for s in detail["segments"]][1] == "SPEAKER_01"
    assert payload(q.SEGMENTS, q.segment_point_id(tid, 1))["speaker"] == "SPEAKER_01"


@pytest.mark.parametrize("status", ["queued", "processing", "transcribed", "failed"])
def test_a_recording_still_being_processed_is_409(client, status):
    tenant_id, token = new_tenant("move-busy")
    tid = add_meeting(tenant_id, status=status)
    resp = move(client, token, tid, 1, "SPEAKER_00")
    assert resp.status_code == 409, resp.text
    assert status in resp.json()["detail"]
    with session_scope() as session:
        speaker = session.scalar(
            select(Segment.speaker).where(Segment.transcript_id == uuid.UUID(tid), Segment.idx == 1)
        )
    assert speaker == "SPEAKER_01"


def _server_store():
    from qdrant_client import QdrantClient

    return q.ServerStore(QdrantClient(":memory:"))


@pytest.mark.parametrize("backend", ["edge", "server"])
def test_both_index_backends_set_only_that_segments_speaker(tmp_path, backend):
    store = q.EdgeStore(tmp_path) if backend == "edge" else _server_store()
    embedder, keywords = get_embedder(), q.get_keywords()
    tid, other = str(uuid.uuid4()), str(uuid.uuid4())
    for t in (tid, other):
        info = q.TranscriptInfo(t, "tenant", "Orion sync", None, "en", DAY)
        rows = [
            q.SegmentText(idx=i, start=s, end=e, text=text, speaker=label)
            for i, (label, s, e, text) in enumerate(LINES)
        ]
        store.replace_transcript(q.SEGMENTS, t, q.segment_points(embedder, keywords, info, rows))
        store.upsert(q.TRANSCRIPTS, [q.transcript_point(embedder, keywords, info, rows)])

    store.set_segment_speaker(tid, 1, "Nora Lind", ["Nora Lind", "SPEAKER_00"])
    store.set_segment_speaker(tid, 3, "Nora Lind", ["Nora Lind", "SPEAKER_00"])  # no point
    with store.lease():
        ids = [q.segment_point_id(t, i) for t in (tid, other) for i in range(4)]
        speakers = {k: p["speaker"] for k, p in store._payloads(q.SEGMENTS, ids).items()}
        summary = store._payloads(q.TRANSCRIPTS, [transcript_point_id(tid)])
    assert speakers == {
        q.segment_point_id(tid, 0): "SPEAKER_00",
        q.segment_point_id(tid, 1): "Nora Lind",
        q.segment_point_id(tid, 2): "SPEAKER_00",
        q.segment_point_id(other, 0): "SPEAKER_00",
        q.segment_point_id(other, 1): "SPEAKER_01",
        q.segment_point_id(other, 2): "SPEAKER_00",
    }
    assert [p["speakers"] for p in summary.values()] == [["Nora Lind", "SPEAKER_00"]]
    assert store.count(q.SEGMENTS, transcript_id=tid) == 3  # set, never added
    store.release()
