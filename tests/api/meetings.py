"""Test meetings as the pipeline leaves them: a transcript row with its segments in
PostgreSQL, its audio and a Dagster frame in the object store, and its points in every
Qdrant collection (segments, the transcript, a context-document chunk)."""

import io
import json
import uuid
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from httpx_sse import connect_sse

from api.deps import get_llm
from api.main import create_app
from st_resources import recordings
from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.llm import LlmClient
from st_resources.clients.storage import recording_prefix, store_from_settings
from st_resources.db.models import ContextDocument, Segment, Transcript
from st_resources.db.session import session_scope
from st_resources.db.tenants import create_tenant
from st_resources.transcripts import store as transcripts

DAY = datetime(2026, 4, 14, 10, 0, tzinfo=UTC)
# Nothing listens on port 9: an LLM that cannot be reached, to prove it is not called (or
# to get the LLM-less fallback answer quickly).
DEAD_LLM = "http://127.0.0.1:9/v1"


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def new_tenant(name: str) -> tuple[str, str]:
    with session_scope() as session:
        row, token = create_tenant(session, f"{name}-{uuid.uuid4().hex[:8]}")
        return str(row.id), token


def stored_recording(
    tenant_id: str,
    title: str,
    audio: bytes,
    segments: list[dict],
    speakers: list[dict],
    clean: dict[int, str | None],
    **fields,
) -> str:
    """A recording as the pipeline leaves it, written by the pipeline's own calls: the
    upload (`audio` as meeting.wav), its segment and speaker rows, the clean text, then
    `fields` (status, duration_s, …). Returns its id."""
    with session_scope() as session:
        row = recordings.create(
            session,
            store_from_settings(),
            uuid.UUID(tenant_id),
            recordings.NewFile("meeting.wav", io.BytesIO(audio)),
            title=title,
            language="en",
        )
        transcripts.replace_segments(session, row.id, segments)
        transcripts.replace_speakers(session, row.id, speakers)
        transcripts.set_clean_text(session, row.id, clean)
        transcripts.update_fields(session, row.id, **fields)
        return str(row.id)


def add_meeting(
    tenant_id: str,
    title: str,
    lines: list[tuple[str, str]],
    *,
    language: str = "en",
    project_id: str = "orion",
    document: str | None = None,
) -> str:
    """Store and index one meeting of (speaker, text) lines; returns its transcript id."""
    tid = str(uuid.uuid4())
    prefix = recording_prefix(tenant_id, tid)
    objects = store_from_settings()
    objects.put_bytes(prefix + "original/audio.wav", b"RIFF-test")
    objects.put_bytes(f"frames/speaker_turns/{tid}.parquet", b"PAR1-test")
    segments = [
        q.SegmentText(idx=i, start=6.0 * i, end=6.0 * i + 5, text=text, speaker=speaker)
        for i, (speaker, text) in enumerate(lines)
    ]
    with session_scope() as session:
        session.add(
            Transcript(
                id=uuid.UUID(tid),
                tenant_id=uuid.UUID(tenant_id),
                project_id=project_id,
                title=title,
                language=language,
                status="completed",
                audio_key=prefix + "original/audio.wav",
                audio_filename="audio.wav",
                audio_bytes=9,
                timings={},
                created_at=DAY,
            )
        )
        session.flush()
        session.add_all(
            Segment(
                transcript_id=uuid.UUID(tid),
                idx=s.idx,
                start_s=s.start,
                end_s=s.end,
                text=s.text,
                speaker=s.speaker,
                words=[],
            )
            for s in segments
        )
        doc_id = uuid.uuid4()
        if document:
            session.add(
                ContextDocument(
                    id=doc_id,
                    transcript_id=uuid.UUID(tid),
                    tenant_id=uuid.UUID(tenant_id),
                    filename="agenda.txt",
                    object_key=prefix + "context/00_agenda.txt",
                    size_bytes=len(document),
                    sha256="0" * 64,
                )
            )
    info = q.TranscriptInfo(tid, tenant_id, title, project_id, language, DAY)
    embedder, keywords, store = get_embedder(), q.get_keywords(), q.open_store()
    store.replace_transcript(q.SEGMENTS, tid, q.segment_points(embedder, keywords, info, segments))
    store.upsert(q.TRANSCRIPTS, [q.transcript_point(embedder, keywords, info, segments)])
    if document:
        objects.put_bytes(prefix + "context/00_agenda.txt", document.encode())
        chunks = q.chunk_paragraphs(document)
        store.upsert(
            q.DOCUMENTS,
            q.document_points(embedder, keywords, info, str(doc_id), "agenda.txt", chunks),
        )
    return tid


def search(client: TestClient, token: str, query: str, **body) -> list[dict]:
    resp = client.post("/api/ai/search", headers=auth(token), json={"query": query, **body})
    assert resp.status_code == 200, resp.text
    return resp.json()["hits"]


def make_client(llm_url: str = DEAD_LLM) -> TestClient:
    """The real app with its LLM client pointed at `llm_url` (a real gpu_service's /v1)."""
    app = create_app()
    llm = LlmClient(llm_url, retries=1, timeout_s=300)
    app.dependency_overrides[get_llm] = lambda: llm
    return TestClient(app)


def chat_events(client: TestClient, token: str, body: dict) -> list[tuple[str, dict]]:
    """POST /api/ai/chat and read the whole SSE stream: [(event, data)]."""
    with connect_sse(client, "POST", "/api/ai/chat", json=body, headers=auth(token)) as source:
        assert source.response.status_code == 200, source.response.read()
        assert source.response.headers["content-type"].startswith("text/event-stream")
        return [(e.event, json.loads(e.data)) for e in source.iter_sse() if e.event != "ping"]
