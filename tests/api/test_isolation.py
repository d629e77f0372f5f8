"""Tenant B never reaches tenant A's segments, documents, transcripts, conversations or
chat citations: through chat under every filter combination, the transcripts and
documents collections of the index, feedback, delete and the transcript endpoints.
(Search over segments under every filter: tests/api/test_search.py.)"""

import itertools
from datetime import date

import pytest

from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from tests.api.meetings import add_meeting, auth, chat_events, make_client, new_tenant, search

# Both tenants hold the same meeting and agenda: any leak would match as well as B's own.
LINES = [
    ("SPEAKER_00", "The quarterly budget for the Orion project is approved."),
    ("SPEAKER_01", "Le budget trimestriel du projet Orion est validé par la direction."),
    ("SPEAKER_00", "We hire two data engineers in Lyon next month."),
]
AGENDA = "Orion steering committee. Budget approval and hiring of data engineers in Lyon."
QUESTIONS = ("Was the Orion budget approved?", "Le budget du projet Orion est-il validé ?")


@pytest.fixture(scope="module")
def client():
    with make_client() as c:  # chat without an LLM: retrieval, then the quoting fallback
        yield c


@pytest.fixture(scope="module")
def tenants(client):
    """{name: (tenant_id, token, transcript_id, an answer's message id, conversation id)}"""
    out = {}
    for name in ("a", "b"):
        tenant_id, token = new_tenant(f"isolation-{name}")
        tid = add_meeting(tenant_id, f"Orion sync ({name})", LINES, document=AGENDA)
        final = chat_events(client, token, {"message": QUESTIONS[0]})[-1][1]
        assert final["citations"], final  # each tenant's own chat does find its meeting
        out[name] = (tenant_id, token, tid, final["message_id"], final["conversation_id"])
    return out


def filter_combinations(a_tid: str, b_tid: str):
    options = {
        "transcript_id": [None, a_tid, b_tid],
        "project_id": [None, "orion"],
        "speaker": [None, "SPEAKER_00"],
        "language": [None, "en"],
        "dates": [None, ("2026-04-01", "2026-04-30")],
    }
    for values in itertools.product(*options.values()):
        chosen = dict(zip(options, values, strict=True))
        filters = {k: v for k, v in chosen.items() if k != "dates" and v is not None}
        if chosen["dates"]:
            filters["date_from"], filters["date_to"] = chosen["dates"]
        yield filters


def test_chat_never_retrieves_or_cites_another_tenants_segments(client, tenants):
    """Each filter alone and all together (chat builds its filter with search's code, which
    test_search runs through every combination)."""
    a_tid, b_tid = tenants["a"][2], tenants["b"][2]
    token_b = tenants["b"][1]
    combos = [f for f in filter_combinations(a_tid, b_tid) if len(f) <= 1 or len(f) == 6]
    own = 0
    for filters, question in itertools.product(combos, QUESTIONS):
        events = chat_events(client, token_b, {"message": question, "filters": filters})
        snippets, final = events[0][1]["snippets"], events[-1][1]
        used = {s["transcript_id"] for s in snippets} | {
            c["transcript_id"] for c in final["citations"]
        }
        assert used <= {b_tid}, (filters, used)
        if filters.get("transcript_id") == a_tid:
            assert snippets == [] and final["found"] is False
        own += len(snippets)
    assert own > 0  # the filters do match B's own meeting


def test_transcript_and_document_points_stay_within_the_tenant(tenants):
    """The transcripts and documents collections, searched the way the API searches
    segments, under every filter, in every mode."""
    store, embedder = q.open_store(), get_embedder()
    b_id, a_tid, b_tid = tenants["b"][0], tenants["a"][2], tenants["b"][2]
    dense, sparse = embedder.embed_query(AGENDA).tolist(), q.get_keywords().query(AGENDA)
    seen = {q.TRANSCRIPTS: 0, q.DOCUMENTS: 0}
    for filters, collection, mode in itertools.product(
        filter_combinations(a_tid, b_tid), seen, q.MODES
    ):
        flt = q.SearchFilter(
            tenant_id=b_id,
            **{
                key: date.fromisoformat(value) if key.startswith("date_") else value
                for key, value in filters.items()
            },
        )
        hits = store.search(collection, flt, dense=dense, sparse=sparse, mode=mode, limit=50)
        assert {h.payload["transcript_id"] for h in hits} <= {b_tid}, (collection, filters)
        assert {h.payload["tenant_id"] for h in hits} <= {b_id}
        seen[collection] += len(hits)
    assert all(seen.values()), seen


def test_another_tenants_conversation_answers_and_segments_are_404(client, tenants):
    _, token_b, _, _, _ = tenants["b"]
    _, token_a, a_tid, a_message, a_conversation = tenants["a"]
    body = {"message": QUESTIONS[0], "conversation_id": a_conversation}
    resp = client.post("/api/ai/chat", headers=auth(token_b), json=body)
    assert resp.status_code == 404 and resp.json()["detail"] == "conversation not found"
    for target in ({"message_id": a_message}, {"transcript_id": a_tid, "segment_idx": 0}):
        resp = client.post(
            "/api/ai/feedback", headers=auth(token_b), json={"rating": "down", **target}
        )
        assert resp.status_code == 404, target
    # Nothing was recorded: A's ranking is what it was.
    before = search(client, token_a, QUESTIONS[0], limit=3)
    for _ in range(3):
        client.post(
            "/api/ai/feedback",
            headers=auth(token_b),
            json={"rating": "down", "transcript_id": a_tid, "segment_idx": 0},
        )
    assert search(client, token_a, QUESTIONS[0], limit=3) == before


def test_another_tenants_transcript_cannot_be_read_listed_or_deleted(client, tenants):
    _, token_b, b_tid, _, _ = tenants["b"]
    _, token_a, a_tid, _, _ = tenants["a"]
    listed = client.get("/api/transcripts", headers=auth(token_b)).json()["items"]
    assert [t["id"] for t in listed] == [b_tid]
    assert client.get(f"/api/transcripts/{a_tid}", headers=auth(token_b)).status_code == 404
    resp = client.delete(f"/api/transcripts/{a_tid}", headers=auth(token_b))
    assert resp.status_code == 404 and resp.json()["detail"] == "transcript not found"
    assert client.get(f"/api/transcripts/{a_tid}", headers=auth(token_a)).status_code == 200
    assert {h["transcript_id"] for h in search(client, token_a, "Orion budget")} == {a_tid}
