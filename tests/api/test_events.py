"""Progress streams (SSE) against a real uvicorn API process: a stream holds no database
connection, a cursor past the end of a finished recording's stream closes it, and each
tenant has a cap on open streams."""

import os
import time
import uuid
from contextlib import ExitStack

import httpx
import pytest

from st_resources.clients.streams import TERMINAL_STAGE, PipelineEvent, get_redis, publish
from st_resources.db.models import Transcript
from st_resources.db.session import session_scope
from tests.stack import start_api

CAP = 14
IDLE_S = 2
NOT_RUN = b"audio that no pipeline reads here"


@pytest.fixture(scope="module")
def api_url(log_dir):
    env = dict(os.environ, SSE_STREAMS_PER_TENANT=str(CAP), UPLOAD_IDLE_S=str(IDLE_S))
    proc, url = start_api(env, log_dir, ready="/openapi.json")
    yield url
    proc.stop()


def _set_status(tid: uuid.UUID, status: str) -> None:
    with session_scope() as session:
        session.get(Transcript, tid).status = status


def _auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_open_streams_hold_no_database_connection_and_are_capped(api_url, tenant, recording):
    """12 streams once held 12 of the pool's 10 connections: listing took 9 s or timed out."""
    _, token = tenant
    tid = recording(NOT_RUN)  # queued, no event: each stream waits
    url = f"{api_url}/api/transcripts/{tid}/events"
    with ExitStack() as streams, httpx.Client(timeout=30) as client:
        for _ in range(CAP):
            response = streams.enter_context(client.stream("GET", url, headers=_auth(token)))
            assert response.status_code == 200
        listing = httpx.get(f"{api_url}/api/transcripts", headers=_auth(token), timeout=10)
        assert listing.status_code == 200 and listing.json()["total"] == 1
        refused = httpx.get(url, headers=_auth(token), timeout=10)
        assert refused.status_code == 429 and f"at most {CAP}" in refused.json()["detail"]
    # Closed streams give their slots back, once the server sees the disconnect (its
    # Redis read blocks up to 5 s).
    deadline = time.monotonic() + 20
    while True:
        with (
            httpx.Client(timeout=30) as client,
            client.stream("GET", url, headers=_auth(token)) as again,
        ):
            if again.status_code == 200 or time.monotonic() > deadline:
                break
        time.sleep(0.5)
    assert again.status_code == 200


def test_a_stream_outlives_the_upload_idle_limit(api_url, tenant, recording):
    """The body's idle limit cut every progress stream after UPLOAD_IDLE_S (30 s): a
    stream has no body, and waits on its client as long as the recording runs."""
    _, token = tenant
    tid = recording(NOT_RUN)
    url = f"{api_url}/api/transcripts/{tid}/events"
    with httpx.Client(timeout=30) as client, client.stream("GET", url, headers=_auth(token)) as r:
        assert r.status_code == 200
        publish(
            get_redis(),
            PipelineEvent(transcript_id=str(tid), stage="asr", status="progress", percent=10),
        )
        time.sleep(IDLE_S + 1.5)  # past the limit, then an event must still come through
        publish(
            get_redis(),
            PipelineEvent(transcript_id=str(tid), stage="asr", status="progress", percent=20),
        )
        seen = ""
        for chunk in r.iter_text():
            seen += chunk
            if '"percent":20' in seen:
                break
    assert '"percent":10' in seen and '"percent":20' in seen


def test_a_cursor_past_the_end_of_a_finished_stream_gets_the_outcome_and_closes(
    api_url, tenant, recording
):
    """A Last-Event-ID at or past the end kept the stream open forever."""
    _, token = tenant
    tid = recording(NOT_RUN)
    final_id = publish(
        get_redis(),
        PipelineEvent(
            transcript_id=str(tid), stage=TERMINAL_STAGE, status="completed", percent=100
        ),
    )
    _set_status(tid, "completed")
    url = f"{api_url}/api/transcripts/{tid}/events"
    for cursor in (final_id, "99999999999999-0"):
        resp = httpx.get(url, headers={**_auth(token), "Last-Event-ID": cursor}, timeout=15)
        assert resp.status_code == 200
        assert "event: final" in resp.text and '"status":"completed"' in resp.text
    bad = httpx.get(url, headers={**_auth(token), "Last-Event-ID": "drop table"}, timeout=15)
    assert bad.status_code == 422 and "not a stream id" in bad.json()["detail"]
