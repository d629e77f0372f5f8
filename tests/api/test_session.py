"""The web app's sign-in: POST /api/session sets an http-only, SameSite=Strict cookie for
/api holding the token, and that cookie authenticates like the bearer header (reads,
uploads through the token-before-body middleware, the SSE stream), on the real app,
PostgreSQL and Redis. Revoked and expired tokens stop working at once; an Authorization
header, when there is one, is the only thing judged; tenants stay apart."""

import io
import json
import uuid
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from api.main import create_app
from st_resources import recordings
from st_resources.clients.storage import store_from_settings
from st_resources.db.models import ApiToken, Tenant
from st_resources.db.session import session_scope
from st_resources.db.tenants import hash_token, issue_token, revoke
from st_resources.transcripts import store as transcripts
from tests.api.bodies import EndlessBody
from tests.api.meetings import auth, new_tenant
from tests.tones import tone_wav

UPLOAD = "/api/transcripts/create-with-rag"
WAV = tone_wav(2.0)


@pytest.fixture(scope="module")
def app():
    return create_app()


@pytest.fixture
def browser(app):
    """A fresh client with its own cookie jar, like one browser."""
    with TestClient(app) as c:
        yield c


def set_cookie(resp) -> SimpleCookie:
    cookie = SimpleCookie()
    cookie.load(resp.headers["set-cookie"])
    return cookie


def add_recording(tenant_id: str, title: str, status: str = "completed") -> str:
    audio = recordings.NewFile("meeting.wav", io.BytesIO(WAV))
    with session_scope() as session:
        row = recordings.create(
            session, store_from_settings(), uuid.UUID(tenant_id), audio, title=title, language="en"
        )
        transcripts.update_fields(session, row.id, status=status)
        return str(row.id)


def titles(client: TestClient, headers: dict | None = None) -> list[str]:
    resp = client.get("/api/transcripts", headers=headers or {})
    assert resp.status_code == 200, resp.text
    return [item["title"] for item in resp.json()["items"]]


def upload(client: TestClient, headers: dict | None = None):
    return client.post(
        UPLOAD,
        headers=headers or {},
        files=[("audio_file", ("meeting.wav", WAV, "audio/wav"))],
        data={"language": "en"},
    )


def sign_in(client: TestClient, token: str):
    return client.post("/api/session", json={"token": token})


def test_a_valid_token_sets_an_http_only_strict_cookie_for_the_api(browser):
    _, token = new_tenant("session")
    resp = sign_in(browser, token)
    assert resp.status_code == 204, resp.text
    morsel = set_cookie(resp)["st_session"]
    assert morsel.value == token
    assert morsel["httponly"] is True
    assert morsel["samesite"].lower() == "strict"
    assert morsel["path"] == "/api"
    assert int(morsel["max-age"]) == 30 * 24 * 3600
    assert not morsel["secure"]  # plain http (make run's 127.0.0.1): a Secure one is dropped


def test_over_https_the_cookie_is_secure(app):
    _, token = new_tenant("session")
    with TestClient(app, base_url="https://testserver") as client:
        resp = sign_in(client, token)
    assert resp.status_code == 204
    assert set_cookie(resp)["st_session"]["secure"] is True


@pytest.mark.parametrize("token", ["st_not-a-token", "x", " "])
def test_a_wrong_token_is_401_and_sets_nothing(browser, token):
    resp = sign_in(browser, token)
    assert resp.status_code == 401
    assert resp.json()["detail"] == "missing or invalid bearer token"
    assert "set-cookie" not in resp.headers
    assert browser.get("/api/transcripts").status_code == 401


@pytest.mark.parametrize("body", [{}, {"token": ""}, {"token": "st_x", "tenant": "a"}])
def test_a_malformed_sign_in_is_422(browser, body):
    assert browser.post("/api/session", json=body).status_code == 422


def test_the_cookie_reads_lists_streams_and_uploads(browser):
    tenant_id, token = new_tenant("session")
    tid = add_recording(tenant_id, "Cookie meeting")
    assert browser.get("/api/transcripts").status_code == 401
    assert upload(browser).status_code == 401
    assert sign_in(browser, token).status_code == 204

    assert titles(browser) == ["Cookie meeting"]
    assert browser.get(f"/api/transcripts/{tid}").json()["title"] == "Cookie meeting"
    audio = browser.get(f"/api/transcripts/{tid}/audio", headers={"Range": "bytes=0-99"})
    assert audio.status_code == 206 and audio.content == WAV[:100]
    # The SSE stream (an EventSource sends cookies, never headers): the stored outcome.
    with browser.stream("GET", f"/api/transcripts/{tid}/events") as events:
        assert events.status_code == 200
        lines = [line for line in events.iter_lines() if line.startswith("data:")]
    assert json.loads(lines[-1].removeprefix("data:"))["status"] == "completed"

    resp = upload(browser)
    assert resp.status_code == 202, resp.text
    assert sorted(titles(browser)) == ["Cookie meeting", "meeting"]


def test_signing_out_clears_the_cookie(browser):
    _, token = new_tenant("session")
    assert sign_in(browser, token).status_code == 204
    assert browser.get("/api/transcripts").status_code == 200
    resp = browser.delete("/api/session")
    assert resp.status_code == 204
    morsel = set_cookie(resp)["st_session"]
    assert morsel["path"] == "/api" and int(morsel["max-age"]) == 0 and not morsel.value
    assert "st_session" not in browser.cookies
    assert browser.get("/api/transcripts").status_code == 401
    assert upload(browser).status_code == 401
    # Signed out already: still 204.
    assert browser.delete("/api/session").status_code == 204


def _expire(token: str) -> None:
    with session_scope() as session:
        session.execute(
            update(ApiToken)
            .where(ApiToken.token_hash == hash_token(token))
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )


def _revoke(token: str) -> None:
    with session_scope() as session:
        assert revoke(session, token) == 1


@pytest.mark.parametrize("end", [_revoke, _expire], ids=["revoked", "expired"])
def test_a_revoked_or_expired_token_stops_working_at_once(app, end):
    tenant_id, _ = new_tenant("session")
    with session_scope() as session:
        token = issue_token(session, session.get(Tenant, uuid.UUID(tenant_id)), name="web")
    with TestClient(app) as client:
        assert sign_in(client, token).status_code == 204
        assert client.get("/api/transcripts").status_code == 200
        end(token)
        assert client.get("/api/transcripts").status_code == 401
        assert upload(client).status_code == 401  # refused by the middleware
        assert client.post("/api/ai/search", json={"query": "budget"}).status_code == 401
    with TestClient(app) as client:
        assert sign_in(client, token).status_code == 401


def test_a_stale_cookie_upload_is_refused_before_its_body_is_read(browser):
    body = EndlessBody()
    browser.cookies.set("st_session", "st_not-a-real-token", path="/api")
    resp = browser.post(UPLOAD, content=body)
    assert resp.status_code == 401
    assert body.read < body.limit


def test_tenants_stay_apart_with_cookies(app):
    a_id, a_token = new_tenant("session-a")
    b_id, b_token = new_tenant("session-b")
    a_tid, b_tid = add_recording(a_id, "A meeting"), add_recording(b_id, "B meeting")
    with TestClient(app) as a:
        assert sign_in(a, a_token).status_code == 204
        assert titles(a) == ["A meeting"]
        for path in (f"/api/transcripts/{b_tid}", f"/api/transcripts/{b_tid}/audio"):
            resp = a.get(path)
            assert resp.status_code == 404 and resp.json() == {"detail": "transcript not found"}
        resp = a.put(f"/api/transcripts/{b_tid}/speakers/SPEAKER_00", json={"name": "Eve"})
        assert resp.status_code == 404
        assert a.delete(f"/api/transcripts/{b_tid}").status_code == 404
        assert a.get(f"/api/transcripts/{a_tid}").status_code == 200


def test_an_authorization_header_is_judged_alone(browser):
    a_id, a_token = new_tenant("session-a")
    b_id, b_token = new_tenant("session-b")
    add_recording(a_id, "A meeting")
    add_recording(b_id, "B meeting")
    assert sign_in(browser, a_token).status_code == 204
    # A valid header wins over the cookie.
    assert titles(browser, auth(b_token)) == ["B meeting"]
    # A wrong or malformed header is not rescued by a valid cookie.
    for header in (auth("st_not-a-token"), {"Authorization": f"Basic {a_token}"}):
        assert browser.get("/api/transcripts", headers=header).status_code == 401
        assert upload(browser, header).status_code == 401
    assert titles(browser) == ["A meeting"]
