"""POST /api/transcripts/{id}/speakers/{label}/merge on the real app, PostgreSQL, Redis and
search index: two speakers diarization made of one person become one (segments, words,
talk time, turns, voice, name), its search points say so at once; within the caller's
tenant only, once the recording is finished."""

import uuid

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from api.main import create_app
from st_resources.db.models import TranscriptSpeaker, Voiceprint, VoiceprintSample
from st_resources.db.session import session_scope
from tests.api.corrected import (
    MODEL,
    finished_meeting,
    last_workflow_event,
    recording_point,
    segment_points,
    segments,
    snapshot,
    speakers,
    workflow_events,
)
from tests.api.meetings import auth, new_tenant


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


def merge(client, token, tid, label, into, **extra):
    return client.post(
        f"/api/transcripts/{tid}/speakers/{label}/merge",
        headers=auth(token),
        json={"into": into, **extra},
    )


def learnt_from(tenant_id: str, tid: str, label: str) -> uuid.UUID:
    """A voiceprint sample learnt from this speaker of the recording."""
    with session_scope() as session:
        vp = Voiceprint(
            tenant_id=uuid.UUID(tenant_id), name="Someone", embedding=[1.0], embedding_model=MODEL
        )
        session.add(vp)
        session.flush()
        sample = VoiceprintSample(
            voiceprint_id=vp.id,
            transcript_id=uuid.UUID(tid),
            speaker_label=label,
            embedding=[1.0],
            origin="auto",
        )
        session.add(sample)
        session.flush()
        return sample.id


def sample_label(sample_id: uuid.UUID) -> str:
    with session_scope() as session:
        return session.get(VoiceprintSample, sample_id).speaker_label


def test_an_unnamed_speaker_merged_into_a_named_one(client):
    tenant_id, token = new_tenant("merge")
    tid = finished_meeting(tenant_id)
    sample = learnt_from(tenant_id, tid, "SPEAKER_01")

    resp = merge(client, token, tid, "SPEAKER_01", "SPEAKER_00")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert (body["label"], body["name"], body["segment_count"]) == ("SPEAKER_00", "Nora Lind", 3)
    assert body["talk_time_s"] == pytest.approx(10.5)

    rows = segments(tid)
    assert [s.speaker for s in rows] == ["SPEAKER_00"] * 3 + ["SPEAKER_02"]
    assert {w["speaker"] for w in rows[1].words} == {"SPEAKER_00"}
    left = speakers(tid)
    assert sorted(left) == ["SPEAKER_00", "SPEAKER_02"]
    nora = left["SPEAKER_00"]
    assert (nora.name, nora.identity_source, nora.turns) == ("Nora Lind", "voiceprint", 3)
    assert nora.talk_time_s == pytest.approx(10.5)
    # The voices' mean, weighted by the 6 s and 2 s they were pooled from.
    mean = np.array([6.0, 2.0, 0.0]) / np.linalg.norm([6.0, 2.0, 0.0])
    assert nora.embedding == pytest.approx(mean.tolist())
    assert nora.embedding_seconds == pytest.approx(8.0)
    assert sample_label(sample) == "SPEAKER_00"

    # Search shows who said it at once; a re-index was asked for.
    assert {i: p["speaker"] for i, p in segment_points(tid).items()} == {
        0: "Nora Lind",
        1: "Nora Lind",
        2: "Nora Lind",
        3: "SPEAKER_02",
    }
    assert recording_point(tid)["speakers"] == ["Nora Lind", "SPEAKER_02"]
    kind, event = last_workflow_event()
    assert (kind, event["transcript_id"]) == ("transcript.speakers_renamed", tid)
    hits = client.post(
        "/api/ai/search",
        headers=auth(token),
        json={"query": "data engineers in Lyon", "filters": {"speaker": "Nora Lind"}},
    ).json()["hits"]
    assert [h["segment_idx"] for h in hits][:1] == [1]


def test_a_named_speaker_merged_into_an_unnamed_one_brings_its_name(client):
    tenant_id, token = new_tenant("merge-name")
    tid = finished_meeting(tenant_id)
    nora = speakers(tid)["SPEAKER_00"]

    resp = merge(client, token, tid, "SPEAKER_00", "SPEAKER_02")
    assert resp.status_code == 200, resp.text
    assert (resp.json()["label"], resp.json()["name"]) == ("SPEAKER_02", "Nora Lind")

    kept = speakers(tid)["SPEAKER_02"]
    assert "SPEAKER_00" not in speakers(tid)
    assert (kept.name, kept.identity_source, kept.identity_confidence) == (
        nora.name,
        nora.identity_source,
        nora.identity_confidence,
    )
    assert [s.speaker for s in segments(tid)] == ["SPEAKER_02", "SPEAKER_01"] + ["SPEAKER_02"] * 2
    # Its own segments show the name too, now.
    assert {i: p["speaker"] for i, p in segment_points(tid).items()} == {
        0: "Nora Lind",
        1: "SPEAKER_01",
        2: "Nora Lind",
        3: "Nora Lind",
    }
    assert recording_point(tid)["speakers"] == ["Nora Lind", "SPEAKER_01"]


def test_voices_of_different_models_are_not_mixed(client):
    tenant_id, token = new_tenant("merge-model")
    tid = finished_meeting(tenant_id)
    with session_scope() as session:
        session.execute(
            update(TranscriptSpeaker)
            .where(
                TranscriptSpeaker.transcript_id == uuid.UUID(tid),
                TranscriptSpeaker.label == "SPEAKER_01",
            )
            .values(embedding_model="another-model")
        )
    assert merge(client, token, tid, "SPEAKER_01", "SPEAKER_02").status_code == 200
    kept = speakers(tid)["SPEAKER_02"]
    assert (kept.embedding, kept.embedding_model) == ([0.0, 0.0, 1.0], MODEL)


def test_same_unknown_or_other_tenants_speakers_change_nothing(client):
    tenant_id, token = new_tenant("merge-a")
    tid = finished_meeting(tenant_id)
    _, other_token = new_tenant("merge-b")
    before, events = snapshot(tid), workflow_events()

    same = merge(client, token, tid, "SPEAKER_01", "SPEAKER_01")
    assert same.status_code == 422 and "into itself" in same.json()["detail"]
    for label, into in [("SPEAKER_07", "SPEAKER_00"), ("SPEAKER_01", "SPEAKER_07")]:
        missing = merge(client, token, tid, label, into)
        assert missing.status_code == 404 and "SPEAKER_07" in missing.json()["detail"]
    assert merge(client, other_token, tid, "SPEAKER_01", "SPEAKER_00").status_code == 404
    assert merge(client, token, str(uuid.uuid4()), "SPEAKER_01", "SPEAKER_00").status_code == 404
    assert merge(client, token, "not-a-uuid", "SPEAKER_01", "SPEAKER_00").status_code == 404
    assert merge(client, token, tid, "SPEAKER_01", "").status_code == 422
    assert merge(client, token, tid, "SPEAKER_01", "SPEAKER_00", x=1).status_code == 422
    url = f"/api/transcripts/{tid}/speakers/SPEAKER_01/merge"
    assert client.post(url, json={"into": "SPEAKER_00"}).status_code == 401

    assert snapshot(tid) == before
    assert workflow_events() == events


@pytest.mark.parametrize("status", ["queued", "processing", "transcribed", "failed"])
def test_a_recording_still_being_processed_is_409(client, status):
    tenant_id, token = new_tenant("merge-busy")
    tid = finished_meeting(tenant_id, status=status)
    before = snapshot(tid)
    resp = merge(client, token, tid, "SPEAKER_01", "SPEAKER_00")
    assert resp.status_code == 409, resp.text
    assert status in resp.json()["detail"]
    assert snapshot(tid) == before
