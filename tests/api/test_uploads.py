"""Bad input gets a clear error and leaves nothing behind: no row, no object, no event."""

import http.client
import io
import json
import os
import socket
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.main import create_app
from st_resources.clients.streams import get_redis
from st_resources.db.models import Transcript
from st_resources.db.session import session_scope
from st_resources.settings import Settings, get_settings
from tests.api.bodies import EndlessBody
from tests.speech import synthesize
from tests.stack import start_api

URL = "/api/transcripts/create-with-rag"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


@pytest.fixture(scope="module")
def wav(speech_dir) -> bytes:
    return synthesize(["Hello and welcome."], speech_dir / "hello.wav").read_bytes()


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def nothing_written(tenant_id: uuid.UUID, stream_len_before: int) -> None:
    with session_scope() as session:
        count = session.scalar(
            select(func.count()).select_from(Transcript).where(Transcript.tenant_id == tenant_id)
        )
    assert count == 0
    objects = Path(get_settings().storage_dir) / "tenants" / str(tenant_id)
    assert not objects.exists() or not any(p.is_file() for p in objects.rglob("*"))
    assert get_redis().xlen(get_settings().workflow_stream) == stream_len_before


def post(client, token, files, data=None):
    before = get_redis().xlen(get_settings().workflow_stream)
    resp = client.post(URL, headers=auth(token) if token else {}, files=files, data=data or {})
    return resp, before


def test_valid_upload_is_queued(client, tenant, wav):
    tenant_id, token = tenant
    resp, before = post(
        client,
        token,
        [
            ("audio_file", ("hello.wav", wav, "audio/wav")),
            ("contextual_files[]", ("agenda.md", b"# Agenda\n- budget", "text/markdown")),
        ],
        {"language": "en", "title": " Weekly "},
    )
    assert resp.status_code == 202, resp.text
    body = resp.json()
    assert body["events_url"] == f"/api/transcripts/{body['id']}/events"
    r = get_redis()
    assert r.xlen(get_settings().workflow_stream) == before + 1
    ((_, event),) = r.xrevrange(get_settings().workflow_stream, count=1)
    uploaded = json.loads(event["data"])
    assert uploaded["transcript_id"] == body["id"]
    assert 0.5 < uploaded["duration_s"] < 5  # the file's length: sizes the run's time limit
    detail = client.get(body["transcript_url"], headers=auth(token)).json()
    assert detail["status"] == "queued" and detail["title"] == "Weekly"
    assert [d["filename"] for d in detail["documents"]] == ["agenda.md"]
    listing = client.get("/api/transcripts", headers=auth(token)).json()
    assert listing["total"] == 1 and listing["items"][0]["id"] == body["id"]


def bad_files(case: str, wav: bytes) -> list:
    audio = [("audio_file", ("a.wav", wav, "audio/wav"))]
    return {
        "text-as-audio": [("audio_file", ("notes.txt", b"just some text " * 50, "text/plain"))],
        "empty-audio": [("audio_file", ("empty.wav", b"", "audio/wav"))],
        "plain-audio": audio,
        "exe-context": audio + [("contextual_files", ("tool.exe", b"MZ", "application/x-msdos"))],
        "empty-context": audio + [("contextual_files", ("minutes.txt", b"", "text/plain"))],
    }[case]


@pytest.mark.parametrize(
    ("case", "data", "status", "message"),
    [
        ("text-as-audio", {}, 415, "not a supported audio file"),
        ("empty-audio", {}, 422, "audio_file is empty"),
        ("plain-audio", {"language": "xx"}, 422, "unknown language code 'xx'"),
        ("plain-audio", {"min_speakers": "3", "max_speakers": "2"}, 422, "min_speakers (3)"),
        ("exe-context", {}, 415, "accepted types are"),
        ("empty-context", {}, 422, "contextual file 'minutes.txt' is empty"),
    ],
)
def test_bad_upload_is_refused_and_leaves_nothing(client, tenant, wav, case, data, status, message):
    tenant_id, token = tenant
    resp, before = post(client, token, bad_files(case, wav), data)
    assert resp.status_code == status, resp.text
    assert message in resp.json()["detail"]
    nothing_written(tenant_id, before)


def test_upload_over_the_size_limit_is_413(client, tenant, wav):
    tenant_id, token = tenant
    client.app.dependency_overrides[get_settings] = lambda: Settings(max_upload_mb=1)
    try:
        big = wav + b"\x00" * (1024 * 1024)
        resp, before = post(client, token, [("audio_file", ("big.wav", big, "audio/wav"))])
    finally:
        client.app.dependency_overrides.clear()
    assert resp.status_code == 413
    assert "limit is 1 MB" in resp.json()["detail"]
    nothing_written(tenant_id, before)


def test_audio_declared_longer_than_the_limit_is_422(client, tenant, wav):
    tenant_id, token = tenant
    client.app.dependency_overrides[get_settings] = lambda: Settings(max_audio_minutes=0.01)
    try:
        resp, before = post(client, token, [("audio_file", ("long.wav", wav, "audio/wav"))])
    finally:
        client.app.dependency_overrides.clear()
    assert resp.status_code == 422
    assert "the limit is 0.01 minutes" in resp.json()["detail"]
    nothing_written(tenant_id, before)


def test_declared_body_over_the_limit_is_refused_before_reading(client, tenant):
    _, token = tenant
    resp = client.post(
        URL, headers={**auth(token), "Content-Length": str(10**12)}, content=io.BytesIO(b"x")
    )
    assert resp.status_code == 413 and "upload limit" in resp.json()["detail"]


@pytest.mark.parametrize("token", [None, "st_not-a-real-token"])
def test_missing_or_wrong_token_is_401(client, wav, token):
    resp, _ = post(client, token, [("audio_file", ("a.wav", wav, "audio/wav"))])
    assert resp.status_code == 401
    assert resp.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/transcripts", headers=auth(token) if token else {}).status_code == 401


def test_other_tenants_transcript_is_404_everywhere(client, tenant, wav):
    _, token_a = tenant
    resp, _ = post(
        client, token_a, [("audio_file", ("a.wav", wav, "audio/wav"))], {"language": "en"}
    )
    tid = resp.json()["id"]
    from st_resources.db.tenants import create_tenant

    with session_scope() as session:
        _, token_b = create_tenant(session, f"other-{uuid.uuid4().hex[:6]}")
    for path in (f"/api/transcripts/{tid}", f"/api/transcripts/{tid}/events"):
        other = client.get(path, headers=auth(token_b))
        assert other.status_code == 404 and other.json() == {"detail": "transcript not found"}
    assert client.get("/api/transcripts/not-a-uuid", headers=auth(token_b)).status_code == 404
    assert client.get("/api/transcripts", headers=auth(token_b)).json()["total"] == 0


def test_queue_down_means_503_and_nothing_kept(client, tenant, wav):
    tenant_id, token = tenant
    live = client.app.state.redis
    client.app.state.redis = redis.Redis(port=1, socket_connect_timeout=0.2)  # nothing listens
    try:
        resp, before = post(client, token, [("audio_file", ("a.wav", wav, "audio/wav"))])
    finally:
        client.app.state.redis = live
    assert resp.status_code == 503 and "nothing was stored" in resp.json()["detail"]
    nothing_written(tenant_id, before)


def test_chunked_body_over_the_limit_is_413(client, tenant, wav):
    """No Content-Length (chunked): the bytes are counted as they arrive."""
    _, token = tenant

    def chunks():
        yield (
            b'--b\r\nContent-Disposition: form-data; name="audio_file"; filename="a.wav"\r\n'
            b"Content-Type: audio/wav\r\n\r\n" + wav
        )
        for _ in range(64):
            yield b"\x00" * (1024 * 1024)

    limited = create_app(Settings(max_upload_mb=1, max_context_files=0))
    with TestClient(limited) as small:
        resp = small.post(
            URL,
            headers={**auth(token), "Content-Type": "multipart/form-data; boundary=b"},
            content=chunks(),
        )
    assert resp.status_code == 413 and "upload limit" in resp.json()["detail"]


def test_stranger_upload_is_refused_before_its_body_is_read(client, wav):
    """The token is checked before the body: an endless body is never read."""
    body = EndlessBody()
    resp = client.post(URL, headers=auth("st_not-a-real-token"), content=body)
    assert resp.status_code == 401
    assert body.read < body.limit


@pytest.mark.parametrize("name", ["..", ".", "../../etc/passwd", "..\\..\\x.wav", "/"])
def test_path_like_audio_names_stay_inside_their_recording(client, tenant, wav, name):
    """An audio file named ".." was accepted, then its run failed with a server path."""
    tenant_id, token = tenant
    resp, _ = post(client, token, [("audio_file", (name, wav, "audio/wav"))], {"language": "en"})
    assert resp.status_code == 202, resp.text
    tid = resp.json()["id"]
    with session_scope() as session:
        row = session.get(Transcript, uuid.UUID(tid))
        key, filename = row.audio_key, row.audio_filename
    root = Path(get_settings().storage_dir).resolve()
    stored = (root / key).resolve()
    assert stored.is_file() and stored.read_bytes() == wav
    assert stored.parent == root / "tenants" / str(tenant_id) / "transcripts" / tid / "original"
    assert filename not in ("", ".", "..") and "/" not in filename and "\\" not in filename
    assert client.delete(f"/api/transcripts/{tid}", headers=auth(token)).status_code == 204
    assert not stored.exists()


IDLE_S = 2


@pytest.fixture(scope="module")
def live_api(log_dir):
    """A real uvicorn process, for clients that hold a socket open."""
    proc, url = start_api(dict(os.environ, UPLOAD_IDLE_S=str(IDLE_S)), log_dir, "/openapi.json")
    yield url
    proc.stop()


def _trickle(url: str, token: str, wav: bytes) -> socket.socket:
    """An upload that declares its whole length, sends a first part, then nothing more."""
    start = (
        b'--b\r\nContent-Disposition: form-data; name="audio_file"; filename="a.wav"\r\n'
        b"Content-Type: audio/wav\r\n\r\n" + wav[:1000]
    )
    head = (
        f"POST {URL} HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {token}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {len(start) + len(wav)}\r\n\r\n"
    )
    where = urlsplit(url)
    sock = socket.create_connection((where.hostname, where.port), timeout=30)
    sock.sendall(head.encode() + start)
    return sock


def test_a_stalled_upload_is_dropped_with_408_and_leaves_nothing(live_api, tenant, wav):
    """Slow loris: bodies that stop coming were held as long as their clients liked, each
    with its spooled file, while reads went on."""
    tenant_id, token = tenant
    before = get_redis().xlen(get_settings().workflow_stream)
    started = time.monotonic()
    stalled = [_trickle(live_api, token, wav) for _ in range(20)]
    try:
        listing = httpx.get(f"{live_api}/api/transcripts", headers=auth(token), timeout=10)
        assert listing.status_code == 200 and listing.json()["total"] == 0
        for sock in stalled:
            answer = http.client.HTTPResponse(sock)
            answer.begin()
            assert answer.status == 408
            assert "the request body stalled" in json.loads(answer.read())["detail"]
    finally:
        for sock in stalled:
            sock.close()
    assert time.monotonic() - started >= IDLE_S  # dropped for stalling, not refused at once
    nothing_written(tenant_id, before)
