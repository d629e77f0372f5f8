"""POST /api/ai/feedback: ratings of search hits and chat answers are stored and move the
rated segments in later rankings, within a bound; bad input and unknown targets."""

import uuid

import pytest
from sqlalchemy import select

from st_resources.chat.store import FEEDBACK_BOUND, boost
from st_resources.db.models import ChatMessage, Feedback
from st_resources.db.session import session_scope
from tests.api.meetings import add_meeting, auth, chat_events, make_client, new_tenant, search

URL = "/api/ai/feedback"
QUERY = "When is the design review?"
LINES = [
    ("Ana", "The design review is moved to Monday morning."),
    ("Ben", "The design review is moved to Tuesday morning."),
    ("Ana", "Our supplier raised its prices by ten percent."),
    ("Ben", "The new office opens in Lyon next spring."),
]


@pytest.fixture(scope="module")
def client():
    with make_client() as c:  # no LLM: chat answers here are the quoting fallback
        yield c


@pytest.fixture
def meeting():
    """A fresh tenant and meeting per test, so ratings never add up across tests."""
    tenant_id, token = new_tenant("feedback")
    return tenant_id, token, add_meeting(tenant_id, "Design sync", LINES)


@pytest.fixture(scope="module")
def shared():
    """One meeting for the tests that rate nothing successfully."""
    tenant_id, token = new_tenant("feedback-shared")
    return tenant_id, token, add_meeting(tenant_id, "Design sync", LINES)


def rate(client, token, **body):
    return client.post(URL, headers=auth(token), json=body)


def scores(client, token) -> dict[int, float]:
    return {h["segment_idx"]: h["score"] for h in search(client, token, QUERY, limit=4)}


def test_a_thumbs_down_on_a_hit_is_stored_and_reorders_close_hits(client, meeting):
    tenant_id, token, tid = meeting
    hits = search(client, token, QUERY, limit=4)
    first, second = hits[0], hits[1]
    assert {first["segment_idx"], second["segment_idx"]} == {0, 1}
    before = scores(client, token)

    for _ in range(2):
        resp = rate(
            client, token, transcript_id=tid, segment_idx=first["segment_idx"], rating="down"
        )
        assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["target"] == "search_hit" and body["value"] == -1.0 and body["id"]
    with session_scope() as session:
        rows = session.scalars(
            select(Feedback).where(Feedback.transcript_id == uuid.UUID(tid))
        ).all()
    assert [(r.segment_idx, r.rating, str(r.tenant_id)) for r in rows] == [
        (first["segment_idx"], -1.0, tenant_id)
    ] * 2

    after = scores(client, token)
    assert after[first["segment_idx"]] == pytest.approx(
        before[first["segment_idx"]] * boost(-2.0), abs=1e-5
    )
    assert after[second["segment_idx"]] == pytest.approx(before[second["segment_idx"]], abs=1e-6)
    assert before[first["segment_idx"]] * boost(-2.0) < before[second["segment_idx"]]
    reranked = search(client, token, QUERY, limit=4)
    assert reranked[0]["segment_idx"] == second["segment_idx"]


def test_the_boost_is_bounded(client, meeting):
    _, token, tid = meeting
    before = scores(client, token)
    for _ in range(8):
        assert rate(client, token, transcript_id=tid, segment_idx=3, score=5).status_code == 201
        assert (
            rate(client, token, transcript_id=tid, segment_idx=0, rating="down").status_code == 201
        )
    after = scores(client, token)
    assert after[3] == pytest.approx(before[3] * (1 + FEEDBACK_BOUND * 0.99999977), abs=1e-5)
    assert after[3] <= before[3] * (1 + FEEDBACK_BOUND) + 1e-5
    assert after[0] >= before[0] * (1 - FEEDBACK_BOUND) - 1e-5
    assert 0 in after  # a penalised segment is demoted, never removed


def test_rating_an_answer_moves_the_segments_it_cites(client, meeting):
    _, token, tid = meeting
    final = chat_events(client, token, {"message": "Where does the new office open?"})[-1][1]
    cited = [c["segment_idx"] for c in final["citations"]]
    assert cited == [3] and final["message_id"]
    before = scores(client, token)
    resp = rate(client, token, message_id=final["message_id"], score=1, comment="wrong city")
    assert resp.status_code == 201, resp.text
    assert resp.json()["target"] == "answer" and resp.json()["value"] == -1.0
    with session_scope() as session:
        row = session.scalar(
            select(Feedback).where(Feedback.message_id == uuid.UUID(final["message_id"]))
        )
    assert row.score == 1 and row.comment == "wrong city" and row.transcript_id is None
    after = scores(client, token)
    assert after[3] == pytest.approx(before[3] * boost(-0.5), abs=1e-5)  # half a hit's weight
    assert after[0] == pytest.approx(before[0], abs=1e-6)


def test_unknown_targets_are_404(client, shared):
    _, token, tid = shared
    final = chat_events(client, token, {"message": "Where does the new office open?"})[-1][1]
    with session_scope() as session:
        question_id = session.scalar(
            select(ChatMessage.id).where(
                ChatMessage.conversation_id == uuid.UUID(final["conversation_id"]),
                ChatMessage.role == "user",
            )
        )
    for body, detail in (
        ({"message_id": str(uuid.uuid4())}, "answer not found"),
        ({"message_id": str(question_id)}, "answer not found"),  # a question, not an answer
        ({"transcript_id": str(uuid.uuid4()), "segment_idx": 0}, "segment not found"),
        ({"transcript_id": tid, "segment_idx": 99}, "segment not found"),
    ):
        resp = rate(client, token, rating="up", **body)
        assert resp.status_code == 404 and resp.json()["detail"] == detail, body


def test_without_a_valid_token_it_is_401(client, shared):
    body = {"transcript_id": shared[2], "segment_idx": 0, "rating": "up"}
    assert client.post(URL, json=body).status_code == 401
    assert client.post(URL, json=body, headers=auth("st_nope")).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"rating": "up"},
        {"segment_idx": 0, "rating": "up"},
        {"transcript_id": "T", "rating": "up"},
        {"transcript_id": "T", "segment_idx": 0},
        {"transcript_id": "T", "segment_idx": 0, "rating": "up", "score": 4},
        {"transcript_id": "T", "segment_idx": 0, "rating": "meh"},
        {"transcript_id": "T", "segment_idx": 0, "score": 6},
        {"transcript_id": "T", "segment_idx": 0, "score": 0},
        {"transcript_id": "T", "segment_idx": -1, "rating": "up"},
        {"transcript_id": "T", "segment_idx": 0, "rating": "up", "comment": "x" * 2001},
        {"transcript_id": "T", "segment_idx": 0, "rating": "up", "tenant_id": "x"},
        {"message_id": "M", "transcript_id": "T", "segment_idx": 0, "rating": "up"},
        {"message_id": "M", "segment_idx": 0, "rating": "up"},
        {"message_id": "not-a-uuid", "rating": "up"},
    ],
)
def test_bad_requests_are_422(client, shared, body):
    ids = {"T": shared[2], "M": str(uuid.uuid4())}
    body = {k: ids.get(v, v) if isinstance(v, str) else v for k, v in body.items()}
    resp = rate(client, shared[1], **body)
    assert resp.status_code == 422, body
    assert resp.json()["detail"]
