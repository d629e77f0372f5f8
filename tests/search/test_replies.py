"""A question found by a search gives way to its reply, on both backends and the real
packaged embedding model."""

import uuid
from datetime import UTC, datetime

import pytest

from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.search.replies import asks, only_asks

TENANT_A, TENANT_B = str(uuid.uuid4()), str(uuid.uuid4())
GARDEN, OTHER = str(uuid.uuid4()), str(uuid.uuid4())
LINES = [
    ("Ana", "We have 64 plots, they are all taken, and 27 people are on the waiting list."),
    ("Ben", "How long is the wait right now, roughly?"),
    ("Ben", "Because my neighbour keeps asking me."),
    ("Ana", "About two years, a bit less if people don't renew."),
    (
        "Ben",
        "The compost workshop is on the first Saturday of May, I booked the hall. Who brings "
        "the tools?",
    ),
    ("Cleo", "I will bring the wheelbarrows and the forks from the shed."),
]


@pytest.fixture(scope="module")
def points():
    embedder = get_embedder()
    keywords = q.KeywordEncoder()
    out = {}
    for tid, tenant in ((GARDEN, TENANT_A), (OTHER, TENANT_B)):
        info = q.TranscriptInfo(
            tid, tenant, "Garden members", "garden", "en", datetime(2026, 5, 1, tzinfo=UTC)
        )
        segments = [
            q.SegmentText(i, 10.0 * i, 10.0 * i + 8, text, speaker)
            for i, (speaker, text) in enumerate(LINES)
        ]
        out[tid] = q.segment_points(embedder, keywords, info, segments)
    return embedder, out


@pytest.fixture(params=["edge", "server-memory"])
def store(request, tmp_path, points):
    if request.param == "edge":
        s = q.EdgeStore(tmp_path / "qdrant", lock_timeout_s=10)
    else:
        from qdrant_client import QdrantClient

        s = q.ServerStore(QdrantClient(location=":memory:"), prefix="replies_")
    for tid, segs in points[1].items():
        s.replace_transcript(q.SEGMENTS, tid, segs)
    yield s
    s.release()


def search(store, points, query, **filters):
    flt = q.SearchFilter(tenant_id=TENANT_A, **filters)
    return q.search(store, points[0], query, flt, limit=6)


def test_what_asks():
    assert asks("Who brings the tools?") and only_asks("How long? Roughly?")
    assert not only_asks("I booked the hall. Who brings the tools?")
    assert not asks("About two years.") and not only_asks("")


def test_a_question_found_gives_its_reply_said_by_someone_else(store, points):
    hits = search(store, points, "How long is the wait right now?")
    top = hits[0].payload
    assert top["text"].startswith("About two years")
    assert top["in_reply_to"]["text"] == LINES[1][1]
    assert top["in_reply_to"]["speaker"] == "Ben" and top["in_reply_to"]["segment_idx"] == 1
    assert LINES[1][1] not in [h.payload["text"] for h in hits]  # it only asked
    assert len({h.id for h in hits}) == len(hits)
    assert all(h.payload["tenant_id"] == TENANT_A for h in hits)


def test_a_question_that_also_states_keeps_its_place_before_its_reply(store, points):
    hits = search(store, points, "When is the compost workshop?")
    order = [h.payload["text"] for h in hits]
    statement = order.index(LINES[4][1])
    assert order[statement + 1] == LINES[5][1]
    assert hits[statement + 1].payload["in_reply_to"]["segment_idx"] == 4


def test_the_reply_stays_within_the_search_filter(store, points):
    hits = search(store, points, "How long is the wait right now?", speaker="Ben")
    assert [h.payload["speaker"] for h in hits] == ["Ben"] * len(hits)
    assert LINES[1][1] in [h.payload["text"] for h in hits]  # no reply: the question stays
    assert not any("in_reply_to" in h.payload for h in hits)


def test_fetch_sees_only_the_tenant_points(store):
    ids = [q.segment_point_id(GARDEN, i) for i in range(3)]
    assert {h.id for h in store.fetch(q.SEGMENTS, q.SearchFilter(tenant_id=TENANT_A), ids)} == set(
        ids
    )
    assert store.fetch(q.SEGMENTS, q.SearchFilter(tenant_id=TENANT_B), ids) == []


def test_without_replies_the_question_is_a_hit(store, points):
    flt = q.SearchFilter(tenant_id=TENANT_A)
    hits = q.search(store, points[0], "How long is the wait right now?", flt, replies=False)
    assert hits[0].payload["text"] == LINES[1][1]
