"""POST /api/ai/search on the real app, store and embedding model: results, validation,
authentication, tenant isolation through every filter combination, and the date and
meeting filters applied inside the index (a top-k within the filter)."""

import itertools
import uuid
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.db.session import session_scope
from st_resources.db.tenants import create_tenant

URL = "/api/ai/search"
DAY = datetime(2026, 4, 14, 10, 0, tzinfo=UTC)
# Both tenants hold near-identical meetings (same project name, speakers, language, day),
# so any leak would show up as a hit.
LINES = [
    ("SPEAKER_00", "The quarterly budget for the Orion project is approved."),
    ("SPEAKER_01", "Le budget trimestriel du projet Orion est validé par la direction."),
    ("SPEAKER_00", "We hire two data engineers in Lyon next month."),
    ("SPEAKER_01", "La migration vers le nouveau cluster est prévue pour juin."),
]


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


@pytest.fixture(scope="module")
def tenants(client):
    """Two tenants, each with one indexed meeting: {name: (tenant_id, token, transcript_id)}."""
    embedder, keywords, store = get_embedder(), q.KeywordEncoder(), q.open_store()
    out = {}
    for name in ("a", "b"):
        with session_scope() as session:
            row, token = create_tenant(session, f"search-{name}-{uuid.uuid4().hex[:8]}")
            tenant_id = str(row.id)
        tid = str(uuid.uuid4())
        info = q.TranscriptInfo(
            id=tid,
            tenant_id=tenant_id,
            title=f"Orion sync ({name})",
            project_id="orion",
            language="en",
            created_at=DAY,
        )
        segments = [
            q.SegmentText(idx=i, start=5.0 * i, end=5.0 * i + 4, text=text, speaker=speaker)
            for i, (speaker, text) in enumerate(LINES)
        ]
        store.replace_transcript(
            q.SEGMENTS, tid, q.segment_points(embedder, keywords, info, segments)
        )
        out[name] = (tenant_id, token, tid)
    return out


def test_search_returns_segments_with_their_transcript_speaker_and_times(client, tenants):
    _, token, tid = tenants["a"]
    resp = client.post(
        URL, headers=auth(token), json={"query": "who approved the Orion budget?", "limit": 3}
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["mode"] == "hybrid" and body["embedding_model"] == get_embedder().fingerprint
    hit = body["hits"][0]
    assert hit["transcript_id"] == tid and hit["title"] == "Orion sync (a)"
    assert "budget" in hit["text"]
    assert hit["speaker"] in ("SPEAKER_00", "SPEAKER_01")
    assert hit["end"] > hit["start"] >= 0 and hit["score"] > 0
    assert len(body["hits"]) == 3


@pytest.mark.parametrize("mode", ["hybrid", "dense", "keyword"])
def test_modes_and_cross_language(client, tenants, mode):
    _, token, _ = tenants["a"]
    resp = client.post(
        URL, headers=auth(token), json={"query": "migration du cluster en juin", "mode": mode}
    )
    assert resp.status_code == 200
    assert "migration" in resp.json()["hits"][0]["text"]


def test_without_a_valid_token_it_is_401(client):
    body = {"query": "budget"}
    assert client.post(URL, json=body).status_code == 401
    assert client.post(URL, json=body, headers=auth("st_not-a-token")).status_code == 401
    assert client.post(URL, json=body, headers={"Authorization": "Basic eDp5"}).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {"query": "budget", "limit": 0},
        {"query": "budget", "limit": 51},
        {"query": "budget", "limit": "many"},
        {"query": ""},
        {"query": "   "},
        {"query": "x" * 1001},
        {},
        {"query": "budget", "mode": "fuzzy"},
        {"query": "budget", "filters": {"transcript_id": "not-a-uuid"}},
        {"query": "budget", "filters": {"date_from": "2026-05-01", "date_to": "2026-04-01"}},
        {"query": "budget", "filters": {"tenant_id": str(uuid.uuid4())}},
        {"query": "budget", "tenant_id": str(uuid.uuid4())},
    ],
)
def test_bad_requests_are_422(client, tenants, body):
    _, token, _ = tenants["a"]
    assert client.post(URL, headers=auth(token), json=body).status_code == 422


def filter_combinations(tenants):
    a_tid, b_tid = tenants["a"][2], tenants["b"][2]
    options = {
        "transcript_id": [None, a_tid, b_tid],
        "project_id": [None, "orion"],
        "speaker": [None, "SPEAKER_00"],
        "language": [None, "en"],
        "dates": [None, (date(2026, 4, 1), date(2026, 4, 30))],
    }
    for values in itertools.product(*options.values()):
        chosen = dict(zip(options, values, strict=True))
        filters = {k: v for k, v in chosen.items() if k != "dates" and v is not None}
        if chosen["dates"]:
            filters["date_from"], filters["date_to"] = (d.isoformat() for d in chosen["dates"])
        yield filters


def test_a_tenant_never_sees_another_tenants_segments(client, tenants):
    """Tenant B asks for A's content in every mode and every filter combination, including
    A's transcript id: only B's own meeting ever comes back."""
    _, token_b, b_tid = tenants["b"]
    a_tid = tenants["a"][2]
    seen_own = 0
    for mode, filters in itertools.product(
        ["hybrid", "dense", "keyword"], filter_combinations(tenants)
    ):
        for query in ("Orion budget approved", "Le budget trimestriel du projet Orion"):
            resp = client.post(
                URL,
                headers=auth(token_b),
                json={"query": query, "limit": 50, "mode": mode, "filters": filters},
            )
            assert resp.status_code == 200, (mode, filters, resp.text)
            hits = resp.json()["hits"]
            assert all(h["transcript_id"] == b_tid for h in hits), (mode, filters)
            if filters.get("transcript_id") == a_tid:
                assert hits == []
            seen_own += len(hits)
    assert seen_own > 0  # the filters do match B's own meeting


def test_filters_narrow_the_callers_own_results(client, tenants):
    _, token, tid = tenants["a"]

    def texts(**filters):
        resp = client.post(
            URL,
            headers=auth(token),
            json={"query": "budget hiring migration", "limit": 50, "filters": filters},
        )
        assert resp.status_code == 200, resp.text
        return [h["text"] for h in resp.json()["hits"]]

    assert len(texts()) == 4
    assert len(texts(speaker="SPEAKER_01")) == 2
    assert len(texts(transcript_id=tid, project_id="orion", language="EN")) == 4
    assert texts(project_id="other") == []
    assert texts(language="de") == []
    assert texts(date_from="2026-04-15") == []
    assert len(texts(date_from="2026-04-14", date_to="2026-04-14")) == 4


def test_a_question_asked_in_a_meeting_gives_its_reply_with_the_question(client, tenants):
    tenant_id, token, _ = tenants["a"]
    embedder, store, tid = get_embedder(), q.open_store(), str(uuid.uuid4())
    info = q.TranscriptInfo(tid, tenant_id, "Garden members", "garden", "en", DAY)
    lines = [
        ("SPEAKER_02", "How long is the wait for a garden plot right now?"),
        ("SPEAKER_03", "About two years, a bit less if people don't renew."),
    ]
    segments = [q.SegmentText(i, 5.0 * i, 5.0 * i + 4, t, s) for i, (s, t) in enumerate(lines)]
    store.replace_transcript(
        q.SEGMENTS, tid, q.segment_points(embedder, q.KeywordEncoder(), info, segments)
    )
    try:
        body = {"query": "how long do people wait for a plot?", "filters": {"transcript_id": tid}}
        resp = client.post(URL, headers=auth(token), json=body)
        assert resp.status_code == 200, resp.text
        (hit,) = resp.json()["hits"]  # the question only asks: it gives way to its reply
        assert hit["text"] == lines[1][1] and hit["speaker"] == "SPEAKER_03"
        assert hit["in_reply_to"] == {
            "segment_idx": 0,
            "speaker": "SPEAKER_02",
            "start": 0.0,
            "end": 4.0,
            "text": lines[0][1],
        }
    finally:
        store.delete_transcript(tid)


@pytest.fixture(scope="module")
def crowded(client):
    """A tenant whose April meeting says "Orion budget approved" sixty times over and whose
    March meeting says less of it once: the April lines fill any top 50, so only a filter
    applied inside the index (not to the hits after) can bring March's line back."""
    embedder, keywords, store = get_embedder(), q.KeywordEncoder(), q.open_store()
    with session_scope() as session:
        row, token = create_tenant(session, f"search-crowded-{uuid.uuid4().hex[:8]}")
        tenant_id = str(row.id)
    meetings = {
        "april": (DAY, [f"Line {i} of the Orion budget is approved." for i in range(60)]),
        "march": (
            datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
            [
                "The canteen menu changes on Monday.",
                "After a long talk about suppliers, the canteen budget is approved too.",
            ],
        ),
    }
    tids = {}
    for name, (day, lines) in meetings.items():
        tid = tids[name] = str(uuid.uuid4())
        info = q.TranscriptInfo(tid, tenant_id, f"Orion {name}", "orion", "en", day)
        segments = [
            q.SegmentText(i, 5.0 * i, 5.0 * i + 4, t, "SPEAKER_00") for i, t in enumerate(lines)
        ]
        store.replace_transcript(
            q.SEGMENTS, tid, q.segment_points(embedder, keywords, info, segments)
        )
    yield token, tids
    for tid in tids.values():
        store.delete_transcript(tid)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "keyword"])
@pytest.mark.parametrize(
    "filters",
    [
        {"date_to": "2026-03-31"},
        {"date_from": "2026-03-02", "date_to": "2026-03-02"},
        {"transcript_id": "march"},
    ],
)
def test_date_and_meeting_filters_find_what_an_unfiltered_top_k_misses(
    client, crowded, mode, filters
):
    token, tids = crowded
    filters = {k: tids.get(v, v) for k, v in filters.items()}

    def search(**flt):
        body = {"query": "Orion budget approved", "limit": 50, "mode": mode, "filters": flt}
        resp = client.post(URL, headers=auth(token), json=body)
        assert resp.status_code == 200, resp.text
        return resp.json()["hits"]

    assert {h["transcript_id"] for h in search()} == {tids["april"]}  # March's is below
    hits = search(**filters)
    assert {h["transcript_id"] for h in hits} == {tids["march"]}
    assert hits[0]["text"].startswith("After a long talk about suppliers")
    assert {h["transcript_id"] for h in search(date_from="2026-04-14")} == {tids["april"]}
