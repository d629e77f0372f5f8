"""DELETE /api/transcripts/{id}: the row and everything derived from it go — segments,
documents, objects, Dagster frames, points in every Qdrant collection, chat citations
and feedback — and search stops returning it; the tenant's other meetings stay."""

import threading
import uuid

import pytest
from sqlalchemy import func, select

from st_resources import recordings
from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.storage import recording_prefix, store_from_settings
from st_resources.clients.streams import TranscriptDeleted, get_redis, read_workflow
from st_resources.db.models import ChatCitation, ContextDocument, Feedback, Segment, Transcript
from st_resources.db.session import session_scope
from st_resources.recordings import forget_if_deleted
from tests.api.meetings import (
    DAY,
    add_meeting,
    auth,
    chat_events,
    make_client,
    new_tenant,
    search,
)

GONE = [
    ("Nora", "The Atlas warehouse closes its loading bay on Fridays."),
    ("Omar", "Atlas freight costs rose by twelve percent this quarter."),
]
KEPT = [
    ("Nora", "The Atlas marketing launch is planned for September."),
    ("Omar", "We hire two designers for the Atlas brand refresh."),
]


@pytest.fixture(scope="module")
def client():
    with make_client() as c:
        yield c


def count(model, **where) -> int:
    with session_scope() as session:
        query = select(func.count()).select_from(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return session.scalar(query)


def test_deleting_a_transcript_removes_it_everywhere(client):
    tenant_id, token = new_tenant("delete")
    gone = add_meeting(tenant_id, "Atlas logistics", GONE, document="Agenda: Atlas freight.")
    kept = add_meeting(tenant_id, "Atlas marketing", KEPT)
    # An answer citing the meeting, and ratings of the answer and of a hit.
    final = chat_events(client, token, {"message": "How much did Atlas freight costs rise?"})
    final = final[-1][1]
    assert [c["transcript_id"] for c in final["citations"]] == [gone]

    def rate(**target) -> int:
        body = {"rating": "up", **target}
        return client.post("/api/ai/feedback", headers=auth(token), json=body).status_code

    assert rate(message_id=final["message_id"]) == 201
    assert rate(transcript_id=gone, segment_idx=0) == 201
    store, objects = q.open_store(), store_from_settings()
    tid = uuid.UUID(gone)
    for collection in q.COLLECTIONS:
        assert store.count(collection, transcript_id=gone) > 0, collection
    assert objects.list(recording_prefix(tenant_id, gone))
    assert count(ChatCitation, transcript_id=tid) == 1 and count(Feedback, transcript_id=tid) == 1

    resp = client.delete(f"/api/transcripts/{gone}", headers=auth(token))
    assert resp.status_code == 204 and resp.content == b""

    assert client.get(f"/api/transcripts/{gone}", headers=auth(token)).status_code == 404
    _, told = read_workflow(get_redis(), "0-0", TranscriptDeleted, count=10_000)
    assert gone in [event.transcript_id for _, event in told]  # Dagster drops the partition
    for collection in q.COLLECTIONS:
        assert store.count(collection, transcript_id=gone) == 0, collection
    assert objects.list(recording_prefix(tenant_id, gone)) == []
    assert not objects.exists(f"frames/speaker_turns/{gone}.parquet")
    assert count(Segment, transcript_id=tid) == 0
    assert count(ContextDocument, transcript_id=tid) == 0
    assert count(ChatCitation, transcript_id=tid) == 0
    assert count(Feedback, transcript_id=tid) == 0
    assert count(Feedback, message_id=uuid.UUID(final["message_id"])) == 1  # the answer stays
    for mode in ("hybrid", "dense", "keyword"):
        hits = search(client, token, "Atlas freight costs warehouse", limit=50, mode=mode)
        assert hits and {h["transcript_id"] for h in hits} == {kept}, mode
    assert objects.exists(f"frames/speaker_turns/{kept}.parquet")
    assert client.delete(f"/api/transcripts/{gone}", headers=auth(token)).status_code == 404


def test_delete_needs_a_token_and_a_well_formed_id(client):
    tenant_id, token = new_tenant("delete-bad")
    tid = add_meeting(tenant_id, "Atlas marketing", KEPT)
    assert client.delete(f"/api/transcripts/{tid}").status_code == 401
    assert client.delete(f"/api/transcripts/{tid}", headers=auth("st_nope")).status_code == 401
    for bad in ("not-a-uuid", str(uuid.uuid4())):
        resp = client.delete(f"/api/transcripts/{bad}", headers=auth(token))
        assert resp.status_code == 404 and resp.json()["detail"] == "transcript not found"
    assert client.get(f"/api/transcripts/{tid}", headers=auth(token)).status_code == 200


class PausingObjects:
    """The real object store, except that deleting objects waits for `resume`: the
    deletion then holds the row lock with the points already gone."""

    def __init__(self, inner, resume: threading.Event):
        self.inner, self.resume, self.paused = inner, resume, threading.Event()

    def delete_prefix(self, prefix: str) -> int:
        self.paused.set()
        assert self.resume.wait(30)
        return self.inner.delete_prefix(prefix)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_points_written_while_the_recording_is_deleted_are_removed_by_the_writer():
    tenant_id, _ = new_tenant("delete-race")
    tid = add_meeting(tenant_id, "Atlas logistics", GONE)
    store, resume = q.open_store(), threading.Event()
    objects = PausingObjects(store_from_settings(), resume)

    def delete() -> None:
        with session_scope() as session:
            row = session.get(Transcript, uuid.UUID(tid))
            recordings.delete(session, objects, store, get_redis(), row)

    deleting = threading.Thread(target=delete)
    deleting.start()
    assert objects.paused.wait(30)
    assert store.count(q.SEGMENTS, transcript_id=tid) == 0
    # A run that embedded the segments before the deletion writes them now...
    info = q.TranscriptInfo(tid, tenant_id, "Atlas logistics", "orion", "en", DAY)
    rows = [q.SegmentText(idx=0, start=0.0, end=5.0, text=GONE[0][1], speaker="Nora")]
    store.replace_transcript(
        q.SEGMENTS, tid, q.segment_points(get_embedder(), q.get_keywords(), info, rows)
    )
    # ...then checks the row, which waits for the deletion to commit.
    outcome: list[BaseException] = []

    def check() -> None:
        try:
            with session_scope() as session:
                forget_if_deleted(session, store, uuid.UUID(tid))
        except LookupError as exc:
            outcome.append(exc)

    checking = threading.Thread(target=check)
    checking.start()
    checking.join(1.0)
    assert checking.is_alive()  # blocked by the deletion's row lock
    resume.set()
    deleting.join(30)
    checking.join(30)
    assert len(outcome) == 1 and "deleted while it was indexed" in str(outcome[0])
    assert store.count(q.SEGMENTS, transcript_id=tid) == 0


def test_the_writer_keeps_its_points_while_the_recording_exists():
    tenant_id, _ = new_tenant("delete-race")
    tid = add_meeting(tenant_id, "Atlas marketing", KEPT)
    store = q.open_store()
    with session_scope() as session:
        forget_if_deleted(session, store, uuid.UUID(tid))
    assert store.count(q.SEGMENTS, transcript_id=tid) == len(KEPT)


class BusyOnce:
    """The search index, busy on the first deletion asked of it."""

    def __init__(self, inner):
        self.inner, self.refused = inner, False

    def delete_transcript(self, tid: str) -> None:
        if not self.refused:
            self.refused = True
            raise q.StoreBusy("index locked by another process")
        self.inner.delete_transcript(tid)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_deletion_is_complete_for_personal_data_and_a_retry_finishes_a_failed_one(client):
    """What a voiceprint learnt from the recording, the answers quoting it and its progress
    stream go too; a deletion cut short (index busy) leaves it `deleting`, and DELETE again
    completes it."""
    import numpy as np

    from api.deps import get_vector_store
    from st_resources.clients.streams import PipelineEvent, publish, transcript_stream
    from st_resources.db.models import ChatMessage, Voiceprint
    from st_resources.naming import voiceprints as library

    tenant_id, token = new_tenant("gdpr")
    gone = add_meeting(tenant_id, "Atlas logistics", GONE)
    kept = add_meeting(tenant_id, "Atlas marketing", KEPT)
    tid, other = uuid.UUID(gone), uuid.UUID(kept)
    rng = np.random.default_rng(0)
    with session_scope() as session:  # Nora's voice from both meetings, Omar's from one
        for meeting in (tid, other):
            library.enrol(
                session, uuid.UUID(tenant_id), "Nora", rng.normal(size=8), "m", 9, meeting
            )
        library.enrol(session, uuid.UUID(tenant_id), "Omar", rng.normal(size=8), "m", 9, tid)
    final = chat_events(client, token, {"message": "How much did Atlas freight costs rise?"})
    answer = uuid.UUID(final[-1][1]["message_id"])
    publish(
        get_redis(),
        PipelineEvent(transcript_id=gone, stage="audio", status="started", percent=0),
    )

    busy = BusyOnce(q.open_store())
    client.app.dependency_overrides[get_vector_store] = lambda: busy
    try:
        first = client.delete(f"/api/transcripts/{gone}", headers=auth(token))
        assert first.status_code == 503 and "retry" in first.json()["detail"]
        shown = client.get(f"/api/transcripts/{gone}", headers=auth(token))
        assert shown.status_code == 200 and shown.json()["status"] == "deleting"
        assert client.delete(f"/api/transcripts/{gone}", headers=auth(token)).status_code == 204
    finally:
        client.app.dependency_overrides.pop(get_vector_store)

    with session_scope() as session:
        prints = {
            v.name: v
            for v in session.scalars(
                select(Voiceprint).where(Voiceprint.tenant_id == uuid.UUID(tenant_id))
            )
        }
        assert set(prints) == {"Nora"}  # Omar's only source is gone, and so is his voice
        nora = prints["Nora"]
        assert nora.source_transcripts == [kept] and nora.sample_count == 1
        assert [s.transcript_id for s in nora.samples] == [other]
        message = session.get(ChatMessage, answer)
        assert message.content == recordings.REDACTED_ANSWER and "Atlas" not in message.content
    assert not get_redis().exists(transcript_stream(gone))
