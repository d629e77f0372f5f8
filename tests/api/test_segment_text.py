"""PATCH /api/transcripts/{id}/segments/{idx} on the real app, PostgreSQL, Redis and search
index: a person's text becomes the segment's clean text (the raw text and words stay
ASR's), search finds it at once, a re-run of the cleanup keeps it; within the caller's
tenant only, once the recording is finished, and never blank."""

import uuid

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from st_resources.db.session import session_scope
from st_resources.transcripts import store as transcripts
from tests.api.corrected import (
    LINES,
    finished_meeting,
    last_workflow_event,
    recording_point,
    segment_points,
    segments,
    snapshot,
    workflow_events,
)
from tests.api.meetings import auth, new_tenant, search

NEW = "So, we hire three data engineers in Lyon next month."


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


def edit(client, token, tid, idx, text, **extra):
    return client.patch(
        f"/api/transcripts/{tid}/segments/{idx}",
        headers=auth(token),
        json={"text": text, **extra},
    )


def test_an_edited_text_is_the_clean_text_everywhere(client):
    tenant_id, token = new_tenant("edit")
    tid = finished_meeting(tenant_id)

    resp = edit(client, token, tid, 1, f"  {NEW}\n")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert (body["idx"], body["clean_text"], body["text"]) == (1, NEW, LINES[1][3])
    assert body["edited_at"] is not None and body["speaker_name"] == "SPEAKER_01"

    # The raw text and its word times are ASR's still; the others are untouched.
    rows = segments(tid)
    assert (rows[1].text, rows[1].clean_text) == (LINES[1][3], NEW)
    assert [w["word"] for w in rows[1].words] == LINES[1][3].split()
    assert [(s.clean_text, s.edited_at) for s in rows if s.idx != 1] == [
        (line[4], None) for i, line in enumerate(LINES) if i != 1
    ]
    detail = client.get(f"/api/transcripts/{tid}", headers=auth(token)).json()
    assert detail["segments"][1]["clean_text"] == NEW
    assert detail["segments"][1]["edited_at"] == body["edited_at"]

    # Search (and so chat) finds the new words at once, in the segment's point and the
    # recording's; a re-index was asked for.
    points = segment_points(tid)
    assert points[1]["text"] == NEW and points[1]["speaker"] == "SPEAKER_01"
    assert points[0]["text"] == LINES[0][4]
    assert "three data engineers" in recording_point(tid)["head"]
    hits = search(client, token, "three data engineers", mode="keyword")
    assert [(h["segment_idx"], h["text"]) for h in hits][:1] == [(1, NEW)]
    kind, event = last_workflow_event()
    assert (kind, event["transcript_id"]) == ("transcript.speakers_renamed", tid)

    # A re-run of the cleanup stage writes every other segment, never this one.
    with session_scope() as session:
        transcripts.set_clean_text(session, uuid.UUID(tid), dict.fromkeys(range(4), "LLM"))
    assert [s.clean_text for s in segments(tid)] == ["LLM", NEW, "LLM", "LLM"]


def test_blank_text_unknown_segments_and_other_tenants_change_nothing(client):
    tenant_id, token = new_tenant("edit-a")
    tid = finished_meeting(tenant_id)
    _, other_token = new_tenant("edit-b")
    before, events = snapshot(tid), workflow_events()

    for blank in ("", "   \n "):
        resp = edit(client, token, tid, 1, blank)
        assert resp.status_code == 422, resp.text
        assert "the text is empty" in resp.json()["detail"]
    assert edit(client, other_token, tid, 1, NEW).status_code == 404
    missing = edit(client, token, tid, 9, NEW)
    assert missing.status_code == 404 and "no segment 9" in missing.json()["detail"]
    assert edit(client, token, str(uuid.uuid4()), 1, NEW).status_code == 404
    assert edit(client, token, "not-a-uuid", 1, NEW).status_code == 404
    assert edit(client, token, tid, -1, NEW).status_code == 422
    assert edit(client, token, tid, 1, NEW, speaker="x").status_code == 422
    assert edit(client, token, tid, 1, "x" * 20_001).status_code == 422
    url = f"/api/transcripts/{tid}/segments/1"
    assert client.patch(url, json={"text": NEW}).status_code == 401

    assert snapshot(tid) == before
    assert workflow_events() == events


@pytest.mark.parametrize("status", ["queued", "processing", "transcribed", "failed"])
def test_a_recording_still_being_processed_is_409(client, status):
    tenant_id, token = new_tenant("edit-busy")
    tid = finished_meeting(tenant_id, status=status)
    before = snapshot(tid)
    resp = edit(client, token, tid, 1, NEW)
    assert resp.status_code == 409, resp.text
    assert status in resp.json()["detail"]
    assert snapshot(tid) == before
