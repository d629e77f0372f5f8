"""POST /api/transcripts/{id}/segments/{idx}/split on the real app, PostgreSQL, Redis, the
search index and the re-index the pipeline runs: the words at one end of a segment become
a segment of another speaker (words, raw and clean text, times, talk times), the later
segments and what points at them (citations, ratings) move up one, and once re-indexed
every point matches its segment; within the caller's tenant only, once finished."""

import uuid

import pytest
from dagster import DagsterInstance, materialize
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from api.main import create_app
from st_assets import index
from st_assets.definitions import defs
from st_resources.db.models import ChatCitation, ChatMessage, Conversation, Feedback, Segment
from st_resources.db.session import session_scope
from tests.api.corrected import (
    LINES,
    WORD_S,
    finished_meeting,
    last_workflow_event,
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


def split(client, token, tid, idx, word, to, label, **extra):
    return client.post(
        f"/api/transcripts/{tid}/segments/{idx}/split",
        headers=auth(token),
        json={"word": word, "to": to, "label": label, **extra},
    )


def cite(tenant_id: str, tid: str, idx: int) -> None:
    """An earlier chat answer citing segment `idx`."""
    with session_scope() as session:
        conversation = Conversation(tenant_id=uuid.UUID(tenant_id), title="q")
        session.add(conversation)
        session.flush()
        message = ChatMessage(
            conversation_id=conversation.id,
            tenant_id=uuid.UUID(tenant_id),
            role="assistant",
            content="a",
        )
        session.add(message)
        session.flush()
        session.add(
            ChatCitation(
                message_id=message.id, transcript_id=uuid.UUID(tid), segment_idx=idx, snippet=1
            )
        )


def pointed_at(tid: str) -> tuple[list[int], list[int]]:
    """The segment indices the chat citations and the search-hit ratings point at."""
    with session_scope() as session:
        cited = session.scalars(
            select(ChatCitation.segment_idx).where(ChatCitation.transcript_id == uuid.UUID(tid))
        ).all()
        rated = session.scalars(
            select(Feedback.segment_idx).where(Feedback.transcript_id == uuid.UUID(tid))
        ).all()
    return sorted(cited), sorted(rated)


def reindex(tid: str) -> None:
    """The re-index the workflow event asks for, as the pipeline runs it."""
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions("recordings", [tid])
        result = materialize(
            [index.segment_index], partition_key=tid, instance=instance, resources=defs.resources
        )
    assert result.success
    (check,) = result.get_asset_check_evaluations()
    assert check.passed


def test_the_first_word_goes_to_the_speaker_before(client):
    tenant_id, token = new_tenant("split")
    tid = finished_meeting(tenant_id)
    cite(tenant_id, tid, 2)
    for idx in (1, 2):
        rated = client.post(
            "/api/ai/feedback",
            headers=auth(token),
            json={"transcript_id": tid, "segment_idx": idx, "rating": "up"},
        )
        assert rated.status_code in (200, 201), rated.text

    # "so" is Nora's, the end of her turn before.
    resp = split(client, token, tid, 1, 0, "start", "SPEAKER_00")
    assert resp.status_code == 200, resp.text
    assert [(s["idx"], s["speaker"], s["speaker_name"], s["text"]) for s in resp.json()] == [
        (1, "SPEAKER_00", "Nora Lind", "so"),
        (2, "SPEAKER_01", "SPEAKER_01", "we hire two data engineers in lyon next month"),
    ]

    rows = segments(tid)
    assert [s.idx for s in rows] == [0, 1, 2, 3, 4]
    assert [(s.speaker, s.text) for s in rows] == [
        ("SPEAKER_00", LINES[0][3]),
        ("SPEAKER_00", "so"),
        ("SPEAKER_01", "we hire two data engineers in lyon next month"),
        ("SPEAKER_00", LINES[2][3]),
        ("SPEAKER_02", LINES[3][3]),
    ]
    assert [s.clean_text for s in rows[1:3]] == [
        "So,",
        "we hire two data engineers in Lyon next month.",
    ]
    assert [w["word"] for w in rows[1].words + rows[2].words] == LINES[1][3].split()
    assert {w["speaker"] for w in rows[1].words} == {"SPEAKER_00"}
    assert {w["speaker"] for w in rows[2].words} == {"SPEAKER_01"}
    # "so" lasts from the segment's start to its end; the rest from "we" to the end.
    assert (rows[1].start_s, rows[1].end_s) == pytest.approx((5.0, 5.3))
    assert (rows[2].start_s, rows[2].end_s) == pytest.approx((5.0 + WORD_S, 9.0))
    talk = {label: s.talk_time_s for label, s in speakers(tid).items()}
    assert talk["SPEAKER_00"] == pytest.approx(6.5 + 0.3)
    assert talk["SPEAKER_01"] == pytest.approx(4.0 - WORD_S)
    # The citation and the rating of the segment after it follow it to its new number;
    # those of the split segment stay on its first part.
    assert pointed_at(tid) == ([3], [1, 3])
    kind, event = last_workflow_event()
    assert (kind, event["transcript_id"]) == ("transcript.speakers_renamed", tid)

    # Once re-indexed, every point is its segment's.
    reindex(tid)
    points = segment_points(tid)
    assert {i: (p["speaker"], p["text"]) for i, p in points.items()} == {
        0: ("Nora Lind", LINES[0][4]),
        1: ("Nora Lind", "So,"),
        2: ("SPEAKER_01", "we hire two data engineers in Lyon next month."),
        3: ("Nora Lind", LINES[2][4]),
        4: ("SPEAKER_02", LINES[3][4]),
    }


def test_the_last_words_go_to_the_speaker_after(client):
    tenant_id, token = new_tenant("split-end")
    tid = finished_meeting(tenant_id)

    resp = split(client, token, tid, 1, 8, "end", "SPEAKER_02")
    assert resp.status_code == 200, resp.text
    rows = segments(tid)
    assert [(s.idx, s.speaker, s.text, s.clean_text) for s in rows[1:3]] == [
        (
            1,
            "SPEAKER_01",
            "so we hire two data engineers in lyon",
            "So, we hire two data engineers in Lyon",
        ),
        (2, "SPEAKER_02", "next month", "next month."),
    ]
    assert (rows[1].start_s, rows[2].start_s, rows[2].end_s) == pytest.approx(
        (5.0, 5.0 + 8 * WORD_S, 9.0)
    )
    assert len(rows) == 5 and rows[3].text == LINES[2][3]
    talk = {label: s.talk_time_s for label, s in speakers(tid).items()}
    assert talk["SPEAKER_02"] == pytest.approx(3.0 + 9.0 - (5.0 + 8 * WORD_S))


def test_all_the_words_move_the_segment_whole(client):
    tenant_id, token = new_tenant("split-all")
    tid = finished_meeting(tenant_id)
    resp = split(client, token, tid, 1, 9, "start", "SPEAKER_00")
    assert resp.status_code == 200, resp.text
    assert [(s["idx"], s["speaker"]) for s in resp.json()] == [(1, "SPEAKER_00")]
    assert [s.speaker for s in segments(tid)] == ["SPEAKER_00"] * 3 + ["SPEAKER_02"]
    # No renumbering: the point shows the new speaker at once.
    assert segment_points(tid)[1]["speaker"] == "Nora Lind"


def test_wrong_words_segments_speakers_and_tenants_change_nothing(client):
    tenant_id, token = new_tenant("split-a")
    tid = finished_meeting(tenant_id)
    _, other_token = new_tenant("split-b")
    with session_scope() as session:  # a segment ASR gave no word times
        session.execute(
            update(Segment)
            .where(Segment.transcript_id == uuid.UUID(tid), Segment.idx == 3)
            .values(words=[])
        )
    before, events = snapshot(tid), workflow_events()

    wrong = split(client, token, tid, 1, 10, "start", "SPEAKER_00")
    assert wrong.status_code == 422 and "no word 10" in wrong.json()["detail"]
    whole = split(client, token, tid, 3, 0, "end", "SPEAKER_00")
    assert whole.status_code == 422 and "only change speaker whole" in whole.json()["detail"]
    missing = split(client, token, tid, 1, 0, "start", "SPEAKER_07")
    assert missing.status_code == 404 and "SPEAKER_07" in missing.json()["detail"]
    assert split(client, token, tid, 9, 0, "start", "SPEAKER_00").status_code == 404
    assert split(client, other_token, tid, 1, 0, "start", "SPEAKER_00").status_code == 404
    assert split(client, token, str(uuid.uuid4()), 1, 0, "start", "SPEAKER_00").status_code == 404
    assert split(client, token, tid, 1, 0, "middle", "SPEAKER_00").status_code == 422
    assert split(client, token, tid, 1, -1, "start", "SPEAKER_00").status_code == 422
    assert split(client, token, tid, 1, 0, "start", "SPEAKER_00", x=1).status_code == 422
    url = f"/api/transcripts/{tid}/segments/1/split"
    body = {"word": 0, "to": "start", "label": "SPEAKER_00"}
    assert client.post(url, json=body).status_code == 401

    assert snapshot(tid) == before
    assert workflow_events() == events


@pytest.mark.parametrize("status", ["queued", "processing", "transcribed", "failed"])
def test_a_recording_still_being_processed_is_409(client, status):
    tenant_id, token = new_tenant("split-busy")
    tid = finished_meeting(tenant_id, status=status)
    before = snapshot(tid)
    resp = split(client, token, tid, 1, 0, "start", "SPEAKER_00")
    assert resp.status_code == 409, resp.text
    assert status in resp.json()["detail"]
    assert snapshot(tid) == before
