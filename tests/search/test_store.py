"""The search index on real engines and the real packaged embedding model.

Every behaviour runs on both backends: the embedded qdrant-edge shards, and qdrant-client
(its in-memory engine here; a real server too when ST_TEST_QDRANT_URL names one). The
hand-over of the embedded store between processes is tested with real child processes.
"""

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.dagster import SearchIndexResource
from st_resources.search.isolated import IsolatedStore
from tests.stack import start_api

ROOT = Path(__file__).resolve().parent.parent
TENANT_A, TENANT_B = str(uuid.uuid4()), str(uuid.uuid4())
MEETING_FR, MEETING_EN, MEETING_B = (str(uuid.uuid4()) for _ in range(3))

INFOS = {
    MEETING_FR: q.TranscriptInfo(
        id=MEETING_FR,
        tenant_id=TENANT_A,
        project_id="alpha",
        title="Comité de pilotage",
        language="fr",
        created_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
    ),
    MEETING_EN: q.TranscriptInfo(
        id=MEETING_EN,
        tenant_id=TENANT_A,
        project_id="beta",
        title="Infrastructure weekly",
        language="en",
        created_at=datetime(2026, 3, 9, 14, 0, tzinfo=UTC),
    ),
    MEETING_B: q.TranscriptInfo(
        id=MEETING_B,
        tenant_id=TENANT_B,
        project_id="alpha",
        title="Budget review",
        language="en",
        created_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
    ),
}
TEXTS = {
    MEETING_FR: [
        ("SPEAKER_00", "Bonjour à tous, on commence par le budget de l'année prochaine."),
        ("SPEAKER_01", "Le lancement de l'application mobile est repoussé au mois de mai."),
        ("SPEAKER_00", "Il faut recruter deux développeurs pour l'équipe de Grenoble."),
        (
            "SPEAKER_01",
            "Le fournisseur Kelvatek a livré les capteurs avec trois semaines de retard.",
        ),
    ],
    MEETING_EN: [
        ("SPEAKER_00", "We migrated the database cluster to the new data centre last night."),
        ("SPEAKER_01", "Customer churn went up by two percent after the price change."),
        ("SPEAKER_00", "The on-call rotation needs one more engineer from next month."),
    ],
    MEETING_B: [
        ("SPEAKER_00", "The budget for next year is frozen until the board meets."),
        ("SPEAKER_01", "Kelvatek sent us a quote for the sensors."),
    ],
}


def segments_of(tid: str, n: int | None = None) -> list[q.SegmentText]:
    rows = TEXTS[tid][:n] if n else TEXTS[tid]
    return [
        q.SegmentText(idx=i, start=10.0 * i, end=10.0 * i + 8, text=text, speaker=speaker)
        for i, (speaker, text) in enumerate(rows)
    ]


@pytest.fixture(scope="module")
def embedder():
    return get_embedder()


@pytest.fixture(scope="module")
def points(embedder):
    """Embedded once for the module: segment points per transcript, and the transcript-level
    point of each."""
    keywords = q.KeywordEncoder()
    return {
        tid: (
            q.segment_points(embedder, keywords, INFOS[tid], segments_of(tid)),
            q.transcript_point(embedder, keywords, INFOS[tid], segments_of(tid)),
        )
        for tid in TEXTS
    }


def _server_params():
    params = [pytest.param("memory", id="server-memory")]
    url = os.environ.get("ST_TEST_QDRANT_URL")
    if url:
        params.append(pytest.param(url, id="server"))
    return params


@pytest.fixture(params=["edge", "edge-isolated", *_server_params()])
def store(request, tmp_path, points):
    if request.param == "edge":
        s = q.EdgeStore(tmp_path / "qdrant", lock_timeout_s=10)
    elif request.param == "edge-isolated":  # the API's: the shards in a child process
        s = IsolatedStore(str(tmp_path / "qdrant"), lock_timeout_s=10)
    else:
        from qdrant_client import QdrantClient

        client = (
            QdrantClient(location=":memory:")
            if request.param == "memory"
            else QdrantClient(url=request.param)
        )
        s = q.ServerStore(client, prefix=f"t{uuid.uuid4().hex[:8]}_")
    for tid, (segs, transcript) in points.items():
        s.replace_transcript(q.SEGMENTS, tid, segs)
        s.replace_transcript(q.TRANSCRIPTS, tid, [transcript])
    yield s
    s.release()
    if request.param not in ("edge", "edge-isolated", "memory"):
        for name in q.COLLECTIONS:
            s.client.delete_collection(s.prefix + name)


def find(store, embedder, query, mode="hybrid", limit=5, **filters):
    flt = q.SearchFilter(tenant_id=filters.pop("tenant_id", TENANT_A), **filters)
    return q.search(store, embedder, query, flt, mode=mode, limit=limit)


def texts(hits):
    return [h.payload["text"] for h in hits]


def test_points_carry_tenant_project_model_and_timing(points, embedder):
    segs, transcript = points[MEETING_FR]
    p = segs[1].payload
    assert p["tenant_id"] == TENANT_A and p["project_id"] == "alpha"
    assert p["transcript_id"] == MEETING_FR and p["title"] == "Comité de pilotage"
    assert (p["speaker"], p["start"], p["end"]) == ("SPEAKER_01", 10.0, 18.0)
    assert p["embedding_model"] == embedder.fingerprint
    assert p["created_at"].startswith("2026-03-02T09:00:00")
    assert len(segs[1].dense) == 384 and segs[1].sparse
    assert transcript.payload["speakers"] == ["SPEAKER_00", "SPEAKER_01"]
    assert transcript.payload["head"].startswith("Bonjour à tous")
    # Deterministic ids: the same segment always gets the same point.
    assert segs[1].id == q.segment_point_id(MEETING_FR, 1) == q.segment_point_id(MEETING_FR, 1)
    assert segs[1].id != q.segment_point_id(MEETING_EN, 1)


@pytest.mark.parametrize("mode", q.MODES)
def test_each_mode_finds_the_segment_in_its_language(store, embedder, mode):
    hits = find(store, embedder, "Quand est prévu le lancement de l'application mobile ?", mode)
    assert hits and "lancement de l'application" in hits[0].payload["text"]
    hits = find(store, embedder, "customer churn after the price change", mode)
    assert hits and "churn" in hits[0].payload["text"]


def test_cross_lingual_query_needs_the_dense_side(store, embedder):
    query = "the supplier delivered the sensors three weeks late"  # no word in common
    assert "capteurs" in find(store, embedder, query, "dense")[0].payload["text"]
    assert "capteurs" in find(store, embedder, query, "hybrid")[0].payload["text"]
    keyword = find(store, embedder, query, "keyword")
    assert not any("capteurs" in t for t in texts(keyword))


def test_keyword_side_finds_rare_names_and_hybrid_keeps_them(store, embedder):
    keyword = find(store, embedder, "Kelvatek", "keyword")
    assert texts(keyword) == [TEXTS[MEETING_FR][3][1]]
    assert "Kelvatek" in find(store, embedder, "Kelvatek", "hybrid")[0].payload["text"]


@pytest.mark.parametrize("mode", q.MODES)
def test_a_tenant_never_sees_another_tenants_points(store, embedder, mode):
    for query in ("budget next year", "Kelvatek sensors", "lancement application", "churn"):
        for hit in find(store, embedder, query, mode, limit=50, tenant_id=TENANT_B):
            assert hit.payload["tenant_id"] == TENANT_B
            assert hit.payload["transcript_id"] == MEETING_B
        # The same filters other than the tenant cannot reach across either.
        for filters in ({"transcript_id": MEETING_FR}, {"project_id": "alpha"}):
            hits = find(store, embedder, query, mode, limit=50, tenant_id=TENANT_B, **filters)
            assert all(h.payload["tenant_id"] == TENANT_B for h in hits)
    assert find(store, embedder, "budget", mode, tenant_id=str(uuid.uuid4())) == []
    with pytest.raises(ValueError):
        find(store, embedder, "budget", mode, tenant_id="")


def test_filters(store, embedder):
    def ids(**filters):
        hits = find(store, embedder, "budget équipe churn database", "dense", limit=50, **filters)
        return {(h.payload["transcript_id"], h.payload["segment_idx"]) for h in hits}

    everything = ids()
    assert len(everything) == 7
    assert {t for t, _ in ids(project_id="beta")} == {MEETING_EN}
    assert {t for t, _ in ids(transcript_id=MEETING_FR)} == {MEETING_FR}
    assert {t for t, _ in ids(language="en")} == {MEETING_EN}
    assert ids(speaker="SPEAKER_01") == {(MEETING_FR, 1), (MEETING_FR, 3), (MEETING_EN, 1)}
    assert {t for t, _ in ids(date_from=date(2026, 3, 5))} == {MEETING_EN}
    assert {t for t, _ in ids(date_to=date(2026, 3, 2))} == {MEETING_FR}
    assert ids(date_from=date(2026, 3, 2), date_to=date(2026, 3, 9)) == everything
    assert ids(date_from=date(2026, 3, 10)) == set()
    assert ids(project_id="alpha", speaker="SPEAKER_00", language="fr") == {
        (MEETING_FR, 0),
        (MEETING_FR, 2),
    }


def test_reindexing_is_idempotent_and_shrinks_with_the_transcript(store, points):
    segs, transcript = points[MEETING_FR]
    assert store.count(q.SEGMENTS, transcript_id=MEETING_FR) == 4
    store.replace_transcript(q.SEGMENTS, MEETING_FR, segs)
    store.replace_transcript(q.SEGMENTS, MEETING_FR, segs)
    assert store.count(q.SEGMENTS, transcript_id=MEETING_FR) == 4
    assert store.count(q.SEGMENTS) == 9
    store.replace_transcript(q.SEGMENTS, MEETING_FR, segs[:2])  # a re-run with fewer segments
    assert store.count(q.SEGMENTS, transcript_id=MEETING_FR) == 2
    store.replace_transcript(q.SEGMENTS, MEETING_FR, [])
    assert store.count(q.SEGMENTS, transcript_id=MEETING_FR) == 0
    assert store.count(q.SEGMENTS, tenant_id=TENANT_A) == 3


def test_delete_transcript_removes_its_points_everywhere(store):
    assert store.count(q.TRANSCRIPTS, transcript_id=MEETING_EN) == 1
    store.delete_transcript(MEETING_EN)
    for collection in (q.SEGMENTS, q.TRANSCRIPTS):
        assert store.count(collection, transcript_id=MEETING_EN) == 0
    assert store.count(q.SEGMENTS, transcript_id=MEETING_FR) == 4
    store.delete_transcript(str(uuid.uuid4()))  # unknown: nothing to do, no error


def test_transcript_level_search(store, embedder):
    flt = q.SearchFilter(tenant_id=TENANT_A)
    hits = q.search(store, embedder, "data centre migration", flt, collection=q.TRANSCRIPTS)
    assert hits[0].payload["transcript_id"] == MEETING_EN


def test_model_change_is_detectable(store, embedder, points):
    assert store.embedding_models() == {embedder.fingerprint: 12}
    assert store.stale_transcripts(embedder.fingerprint) == set()
    assert store.stale_transcripts("another-model@2") == {MEETING_FR, MEETING_EN, MEETING_B}
    old = [
        q.IndexPoint(p.id, p.dense, p.sparse, {**p.payload, "embedding_model": "old@1"})
        for p in points[MEETING_B][0]
    ]
    store.replace_transcript(q.SEGMENTS, MEETING_B, old)
    assert store.stale_transcripts(embedder.fingerprint) == {MEETING_B}


def test_a_vector_size_change_is_refused(store, points):
    segs, _ = points[MEETING_FR]
    small = [q.IndexPoint(p.id, p.dense[:16], p.sparse, p.payload) for p in segs]
    with pytest.raises(q.IndexMismatch):
        store.replace_transcript(q.SEGMENTS, MEETING_FR, small)


def test_rrf_fuses_ranks_with_the_dense_side_weighted():
    def hits(*ids):
        return [q.Hit(i, 0.0, {"id": i}) for i in ids]

    fused = q.rrf([(2.0, hits("a", "b", "c")), (1.0, hits("c", "d"))], k=5)
    scores = {h.id: round(h.score, 4) for h in fused}
    assert scores == {
        "a": round(2 / 6, 4),
        "b": round(2 / 7, 4),
        "c": round(2 / 8 + 1 / 6, 4),
        "d": round(1 / 7, 4),
    }
    assert [h.id for h in fused] == ["c", "a", "b", "d"]
    assert fused[0].payload == {"id": "c"}


def test_empty_or_stopword_queries(store, embedder):
    assert find(store, embedder, "le la les the of", "keyword") == []
    assert find(store, embedder, "le la les the of", "hybrid")  # the dense side still answers


# --------------------------------------------------------------------------- processes

CHILD = textwrap.dedent(
    """
    import sys, time, uuid
    import numpy as np
    from pathlib import Path
    from st_resources import search as q

    root, action, tenant = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = q.EdgeStore(root, lock_timeout_s=20)
    rng = np.random.default_rng(0)
    tid = str(uuid.uuid4())
    info = q.TranscriptInfo(id=tid, tenant_id=tenant, title="child", language="en")
    points = []
    for i in range(20):
        v = rng.normal(size=384)
        points.append(q.IndexPoint(q.segment_point_id(tid, i), (v / np.linalg.norm(v)).tolist(),
                      q.SparseVec([], []), {**info.payload("child@1"), "text": f"child {i}"}))
    if action == "write":
        store.replace_transcript(q.SEGMENTS, tid, points)
        print("wrote", store.count(q.SEGMENTS, tenant_id=tenant), flush=True)
    elif action == "hold":
        with store.lease():
            store.replace_transcript(q.SEGMENTS, tid, points)  # in the WAL, never flushed
            print("holding", flush=True)
            time.sleep(600)
    """
)


def child(root: Path, action: str, tenant: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root), action, tenant],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_processes_hand_the_embedded_store_over(tmp_path, points, embedder):
    root = tmp_path / "qdrant"
    api = q.EdgeStore(root, lock_timeout_s=20)  # plays the API process: keeps the shards open
    api.replace_transcript(q.SEGMENTS, MEETING_FR, points[MEETING_FR][0])
    assert find(api, embedder, "budget")
    assert api.handovers == 1

    other = str(uuid.uuid4())
    proc = child(root, "write", other)  # plays a Dagster run: indexes while the API holds
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out.split() == ["wrote", "20"]

    # The API gave the store up when the run asked, and sees the run's points on its next
    # search (it takes the store back and reloads the shards).
    assert api.count(q.SEGMENTS, tenant_id=other) == 20
    assert api.count(q.SEGMENTS, tenant_id=TENANT_A) == 4
    assert api.handovers == 2
    api.release()


def test_a_runs_writes_hand_the_store_back_when_done(tmp_path, points):
    """A run's step gives the store up after writing, without waiting for its watcher
    thread: the owner lock is free for the API at once, and no one asked for it."""
    index = SearchIndexResource(path=str(tmp_path / "qdrant"), lock_timeout_s=10)
    with index.writing() as store:
        store.replace_transcript(q.SEGMENTS, MEETING_FR, points[MEETING_FR][0])
        owner = os.open(tmp_path / "qdrant" / ".owner.lock", os.O_RDWR)
        with pytest.raises(BlockingIOError):  # held while it writes
            fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free now
        fcntl.flock(owner, fcntl.LOCK_UN)
    finally:
        os.close(owner)
    assert index.store().count(q.SEGMENTS, tenant_id=TENANT_A) == 4
    index.store().release()


def test_a_stuck_holder_times_out_and_a_dead_one_frees_the_store(tmp_path):
    root = tmp_path / "qdrant"
    tenant = str(uuid.uuid4())
    proc = child(root, "hold", tenant)
    try:
        assert proc.stdout.readline().strip() == "holding"
        waiting = q.EdgeStore(root, lock_timeout_s=0.5)
        started = time.monotonic()
        with pytest.raises(q.StoreBusy):
            waiting.count(q.SEGMENTS)
        assert time.monotonic() - started < 5
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        # The kernel dropped the dead holder's locks, and its writes survive in the WAL.
        assert waiting.count(q.SEGMENTS, tenant_id=tenant) == 20
        waiting.release()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_isolated_store_keeps_a_lease_and_says_when_it_is_busy(tmp_path, points):
    root = tmp_path / "qdrant"
    isolated = IsolatedStore(str(root), lock_timeout_s=0.5)
    other = q.EdgeStore(root, lock_timeout_s=0.5)  # another process's view of the store
    try:
        with isolated.lease():
            isolated.replace_transcript(q.SEGMENTS, MEETING_FR, points[MEETING_FR][0])
            with pytest.raises(q.StoreBusy):  # held between the lease's calls
                other.count(q.SEGMENTS)
            assert isolated.count(q.SEGMENTS, tenant_id=TENANT_A) == 4
        assert other.count(q.SEGMENTS, tenant_id=TENANT_A) == 4  # handed over after it
        with other.lease(), pytest.raises(q.StoreBusy):  # the child's error, as it is
            isolated.count(q.SEGMENTS)
    finally:
        other.release()
        isolated.release()


ISOLATED_CHILD = textwrap.dedent(
    """
    import sys, time
    from st_resources.search.isolated import IsolatedStore

    store = IsolatedStore(sys.argv[1], lock_timeout_s=5)
    store.count("segments")
    print("ready", flush=True)
    time.sleep(600)
    """
)


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid:  # the field after the state is the parent's pid
            found.append(int(stat.parent.name))
    return found


def test_the_isolated_stores_process_ends_with_its_parent(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-c", ISOLATED_CHILD, str(tmp_path / "qdrant")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        (store_process,) = [  # not multiprocessing's resource tracker
            pid
            for pid in children_of(proc.pid)
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
        ]
        os.kill(proc.pid, signal.SIGKILL)  # as an API killed mid-request
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{store_process}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(f"/proc/{store_process}").exists()  # gone, and its hold with it
        assert q.EdgeStore(tmp_path / "qdrant", lock_timeout_s=1).count(q.SEGMENTS) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_threads_of_one_process_share_the_store(tmp_path, points, embedder):
    import threading

    store = q.EdgeStore(tmp_path / "qdrant")
    store.replace_transcript(q.SEGMENTS, MEETING_EN, points[MEETING_EN][0])
    errors: list[BaseException] = []

    def search():
        try:
            for _ in range(10):
                assert find(store, embedder, "churn", "keyword")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=search) for _ in range(4)]
    for t in threads:
        t.start()
    store.replace_transcript(q.SEGMENTS, MEETING_EN, points[MEETING_EN][0])
    for t in threads:
        t.join()
    assert errors == [] and store.handovers == 1
    store.release()


def test_threads_reopening_the_shards_after_a_hand_over_open_each_once(tmp_path, points):
    """After a hand-over every shard is closed, and concurrent requests reopen them. Two
    threads loading one shard at once left the second waiting for a write-ahead log its
    own process held: a 503 after the whole lock timeout, the store kept from the runs."""
    import threading

    store = q.EdgeStore(tmp_path / "qdrant", lock_timeout_s=2)
    store.replace_transcript(q.SEGMENTS, MEETING_EN, points[MEETING_EN][0])
    expected = len(points[MEETING_EN][0])
    errors: list[BaseException] = []

    def count(go: threading.Barrier) -> None:
        try:
            go.wait()
            assert store.count(q.SEGMENTS, transcript_id=MEETING_EN) == expected
        except BaseException as exc:
            errors.append(exc)

    for _ in range(3):
        store.release()  # as when a run took the store: the shards are closed
        go = threading.Barrier(8)
        threads = [threading.Thread(target=count, args=(go,)) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    store.release()


def test_concurrent_searches_get_a_core_each_first_come_first_served():
    import threading

    from st_resources.search.edge import _FairGate

    def run(slots: int, n: int) -> tuple[list[int], int]:
        gate, lock, go = _FairGate(slots), threading.Lock(), threading.Event()
        order: list[int] = []
        inside = peak = 0

        def search(i: int) -> None:
            nonlocal inside, peak
            with gate():
                with lock:
                    order.append(i)
                    inside += 1
                    peak = max(peak, inside)
                go.wait()
                with lock:
                    inside -= 1

        threads = []
        for i in range(n):  # started one by one: each is in (or queued) before the next
            threads.append(threading.Thread(target=search, args=(i,)))
            threads[-1].start()
            while len(order) + len(gate._queue) < i + 1:
                time.sleep(0.001)
        go.set()
        for t in threads:
            t.join()
        return order, peak

    order, _ = run(1, 6)
    assert order == list(range(6))
    _, peak = run(2, 8)
    assert peak == 2


def test_the_api_shuts_down_cleanly_when_its_process_group_is_stopped(tmp_path):
    # A SIGTERM to the process group (what `make run` and the tests send) reached the
    # store's child first; the API's shutdown then failed on the dead child
    # ("Application shutdown failed") and never closed its Redis clients.
    proc, _ = start_api(dict(os.environ), tmp_path, ready="/openapi.json")
    proc.stop()
    log = (tmp_path / "api.log").read_text()
    assert "Application shutdown complete" in log, log[-2000:]
    assert "shutdown failed" not in log
