"""Search speed on a large corpus: indexing throughput, hybrid search latency with
concurrent clients (in-process store and the HTTP API), chat's first `retrieval` event, RSS.

    .venv/bin/python -m bench.search_latency [--segments 100000] [--tenants 20]
        [--sample 2000] [--requests 800] [--clients 8] [--chat 8] [--no-api] [--seed 0]

1. A throwaway PostgreSQL database (migrated, dropped at the end) holds one tenant and token
   per corpus tenant, since the API checks tokens there; the embedded store (qdrant-edge)
   lives in a temporary directory.
2. Indexing: `--sample` generated segments go through the real path (`segment_points`:
   passage + context embeddings, BM25, then `replace_transcript`): end-to-end segments/s.
   The remaining segments borrow those vectors (bench/search_corpus.py says how) and are
   upserted in batches: upsert-only segments/s. Then `optimize()` (HNSW), timed.
3. Search, `--clients` threads in a closed loop, hybrid (dense + BM25, RRF), limit 10,
   tenant filter on every query plus a speaker, transcript or date filter on 30 %:
   store only (query vector precomputed; before and after optimize), store with the query
   embedded (what the API pays), then through the API (uvicorn subprocess, one worker).
4. Chat: if the API has POST /api/ai/chat, gpu_service is started for its LLM and the time
   to the first `retrieval` SSE event is measured, one request at a time.

Writes bench/results/search_latency.json and .md.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bench import search_corpus as corpus
from bench.common import machine, rss_mb, write_report
from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.db.migrate import ensure_database, upgrade
from st_resources.db.session import engine_for, session_scope
from st_resources.db.tenants import create_tenant
from st_resources.settings import get_settings
from tests.stack import BIN, Process, free_port, start_gpu_service, wait_http

CHAT_PATH = "/api/ai/chat"


@dataclass(frozen=True)
class Job:
    """One search: whose, what, with which filter (and its precomputed query vectors)."""

    tenant: int
    query: str
    kind: str  # tenant | speaker | transcript | dates
    flt: q.SearchFilter
    dense: list[float]
    sparse: q.SparseVec

    def api_filters(self) -> dict:
        f = self.flt
        out = {"speaker": f.speaker, "transcript_id": f.transcript_id}
        out["date_from"] = f.date_from.isoformat() if f.date_from else None
        out["date_to"] = f.date_to.isoformat() if f.date_to else None
        return {k: v for k, v in out.items() if v is not None}


def percentiles(ms: Sequence[float]) -> dict:
    p50, p95, p99 = np.percentile(ms, [50, 95, 99])
    return {"n": len(ms), "p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "p99_ms": round(p99, 1)}


def closed_loop(call: Callable[[Job], None], jobs: Sequence[Job], clients: int) -> dict:
    """`clients` threads, each sending its share of `jobs` back to back: latency
    percentiles (overall and per filter kind) and throughput."""
    results: list[tuple[str, float]] = []
    errors: list[BaseException] = []
    lock, start = threading.Lock(), threading.Barrier(clients)

    def client(share: Sequence[Job]) -> None:
        start.wait()
        for job in share:
            t0 = time.perf_counter()
            try:
                call(job)
            except BaseException as exc:  # noqa: BLE001 - reported after the run
                errors.append(exc)
                return
            with lock:
                results.append((job.kind, (time.perf_counter() - t0) * 1000))

    threads = [threading.Thread(target=client, args=(jobs[i::clients],)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if errors:
        raise RuntimeError(f"{len(errors)} requests failed, first: {errors[0]!r}")
    kinds = sorted({k for k, _ in results})
    return {
        "clients": clients,
        **percentiles([ms for _, ms in results]),
        "qps": round(len(results) / wall, 1),
        "by_filter": {k: percentiles([ms for kk, ms in results if kk == k]) for k in kinds},
    }


# --------------------------------------------------------------------------- database


def create_database(name: str) -> str:
    url = str(make_url(get_settings().database_url).set(database=name))
    ensure_database(url)
    upgrade(url)
    return url


def drop_database(url: str) -> None:
    engine_for(url).dispose()
    target = make_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    admin.dispose()


# --------------------------------------------------------------------------- corpus


@dataclass
class Corpus:
    tenants: list[tuple[str, str]]  # (tenant_id, token)
    transcripts: list[list[corpus.Meeting]]  # per tenant, without their segments' texts
    report: dict


def index_corpus(
    store: q.EdgeStore, embedder, tenants: list[tuple[str, str]], total: int, sample: int, seed: int
) -> Corpus:
    keywords = q.KeywordEncoder()
    rng = random.Random(seed)
    per_tenant = total // len(tenants)
    kept: list[list[corpus.Meeting]] = [[] for _ in tenants]

    # The real path, on the first tenant's first `sample` segments.
    lines, vectors, embed_s, write_s = [], [], 0.0, 0.0
    for meeting in corpus.meetings(rng, tenants[0][0], sample):
        t0 = time.perf_counter()
        points = q.segment_points(embedder, keywords, meeting.info, meeting.segments)
        t1 = time.perf_counter()
        store.replace_transcript(q.SEGMENTS, meeting.info.id, points)
        write_s += time.perf_counter() - t1
        embed_s += t1 - t0
        lines += meeting.lines
        vectors += [p.dense for p in points]
        kept[0].append(meeting)
    pool = corpus.Pool(lines, np.asarray(vectors, dtype=np.float32))

    # The rest: borrowed vectors, upserted in batches of whole meetings.
    build_s, upsert_s, upserted, texts = 0.0, 0.0, 0, set()
    batch: list[q.IndexPoint] = []

    def flush() -> None:
        nonlocal upsert_s, upserted
        t0 = time.perf_counter()
        store.upsert(q.SEGMENTS, batch)
        upsert_s += time.perf_counter() - t0
        upserted += len(batch)
        batch.clear()

    for i, (tenant_id, _) in enumerate(tenants):
        n = per_tenant - (sample if i == 0 else 0)
        for meeting in corpus.meetings(rng, tenant_id, n, pool.line):
            t0 = time.perf_counter()
            batch += corpus.synthetic_points(pool, meeting, keywords, embedder.fingerprint)
            build_s += time.perf_counter() - t0
            texts.update(s.text for s in meeting.segments)
            kept[i].append(corpus.Meeting(meeting.info, meeting.segments[:0], []))
            if len(batch) >= 4096:
                flush()
    if batch:
        flush()
    return Corpus(
        tenants,
        kept,
        {
            "segments": store.count(q.SEGMENTS),
            "tenants": len(tenants),
            "transcripts": sum(len(m) for m in kept),
            "sample_real_path": {
                "segments": len(lines),
                "embed_s": round(embed_s, 1),
                "write_s": round(write_s, 2),
                "segments_per_s": round(len(lines) / (embed_s + write_s), 1),
            },
            "synthetic": {
                "segments": upserted,
                "distinct_texts": len(texts),
                "build_points_s": round(build_s, 1),
                "upsert_s": round(upsert_s, 1),
                "upsert_segments_per_s": round(upserted / upsert_s),
            },
        },
    )


def make_jobs(c: Corpus, embedder, n: int, seed: int) -> list[Job]:
    """`n` searches over random tenants: 70 % tenant only, 10 % each with a speaker, a
    transcript or a 90-day window; ~100 distinct questions, their vectors computed once."""
    rng = random.Random(seed + 1)
    questions = sorted({corpus.question(rng, rng.choice(("fr", "en"))) for _ in range(120)})
    dense = dict(zip(questions, embedder.embed_queries(questions).tolist(), strict=True))
    keywords = q.KeywordEncoder()
    jobs = []
    for _ in range(n):
        t = rng.randrange(len(c.tenants))
        text, roll = rng.choice(questions), rng.random()
        tenant_id = c.tenants[t][0]
        meeting = rng.choice(c.transcripts[t])
        if roll < 0.7:
            kind, flt = "tenant", q.SearchFilter(tenant_id)
        elif roll < 0.8:
            kind, flt = "speaker", q.SearchFilter(tenant_id, speaker=rng.choice(corpus.SPEAKERS))
        elif roll < 0.9:
            kind, flt = "transcript", q.SearchFilter(tenant_id, transcript_id=meeting.info.id)
        else:
            day = meeting.info.created_at.date() - timedelta(days=rng.randrange(90))
            kind = "dates"
            flt = q.SearchFilter(tenant_id, date_from=day, date_to=day + timedelta(days=89))
        jobs.append(Job(t, text, kind, flt, dense[text], keywords.query(text)))
    return jobs


# --------------------------------------------------------------------------- store level


def store_search(store: q.VectorStore, embedder=None) -> Callable[[Job], None]:
    """A search on the store: with the job's precomputed query vectors, or (`embedder`
    given) through `qdrant.search`, which embeds the query as the API route does."""
    s = get_settings()
    opts = {"limit": 10, "rrf_k": s.search_rrf_k, "dense_weight": s.search_dense_weight}

    def call(job: Job) -> None:
        if embedder is None:
            hits = store.search(q.SEGMENTS, job.flt, dense=job.dense, sparse=job.sparse, **opts)
        else:
            hits = q.search(store, embedder, job.query, job.flt, **opts)
        if not hits or any(h.payload["tenant_id"] != job.flt.tenant_id for h in hits):
            raise AssertionError(f"bad hits for {job.kind} search {job.query!r}")

    return call


# --------------------------------------------------------------------------- API


def start_api(env: dict[str, str], log_dir: Path) -> tuple[Process, str]:
    """uvicorn on a free port; ready when it serves its schema (/health would also want a
    gpu_service, which search does not need)."""
    port = free_port()
    args = [str(BIN / "uvicorn"), "api.main:app", "--host", "127.0.0.1", "--port", str(port)]
    proc = Process("api", args, env, log_dir)
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/openapi.json", timeout=120, proc=proc.proc)
    return proc, url


def api_search(url: str, tokens: Sequence[str]) -> Callable[[Job], None]:
    local = threading.local()

    def call(job: Job) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=url, timeout=60)
        resp = local.client.post(
            "/api/ai/search",
            headers={"Authorization": f"Bearer {tokens[job.tenant]}"},
            json={"query": job.query, "limit": 10, "filters": job.api_filters()},
        )
        resp.raise_for_status()
        if not resp.json()["hits"]:
            raise AssertionError(f"no hits for {job.kind} search {job.query!r}")

    return call


def chat_first_retrieval(url: str, tokens: Sequence[str], jobs: Sequence[Job]) -> dict:
    """Time from sending POST /api/ai/chat to its first `retrieval` event (and to the first
    `token` and the `final` event), one request at a time; each stream is read to its end
    so that no answer is still being generated while the next request is timed."""
    marks: dict[str, list[float]] = {"retrieval": [], "token": [], "final": []}
    with httpx.Client(base_url=url, timeout=300) as client:
        for job in jobs:
            seen: set[str] = set()
            t0 = time.perf_counter()
            with client.stream(
                "POST",
                CHAT_PATH,
                headers={"Authorization": f"Bearer {tokens[job.tenant]}"},
                json={"message": job.query, "filters": job.api_filters()},
            ) as resp:
                resp.raise_for_status()
                for line in resp.iter_lines():
                    event = line.strip().removeprefix("event:").strip()
                    if line.startswith("event:") and event in marks and event not in seen:
                        seen.add(event)
                        marks[event].append((time.perf_counter() - t0) * 1000)
            if "retrieval" not in seen:
                raise AssertionError("the chat stream ended without a retrieval event")
    return {f"to_{k}": percentiles(v) for k, v in marks.items() if v}


def has_chat() -> bool:
    from api.routes import ai

    return any(getattr(r, "path", None) == CHAT_PATH for r in ai.router.routes)


def through_api(c: Corpus, root: Path, db_url: str, jobs: list[Job], args) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "QDRANT_HOST"}
    env.update(DATABASE_URL=db_url, QDRANT_PATH=str(root / "qdrant"))
    env.update(STORAGE_DIR=str(root / "objects"))
    tokens = [token for _, token in c.tenants]
    out: dict = {}
    gpu = None
    chat = args.chat > 0 and has_chat()
    try:
        if chat:
            gpu, gpu_url = start_gpu_service(env, root)
            env["MEETNOO_API_URL"] = gpu_url
        api, url = start_api(env, root)
        try:
            search = api_search(url, tokens)
            t0 = time.perf_counter()
            search(jobs[0])  # the API takes the store over and loads the shards
            out["first_search_ms"] = round((time.perf_counter() - t0) * 1000)
            closed_loop(search, jobs[: 4 * args.clients], args.clients)  # warm-up
            out["search_1_client"] = closed_loop(search, jobs[: len(jobs) // 4], 1)
            out["search"] = closed_loop(search, jobs, args.clients)
            out["api_rss"] = rss_mb(api.proc.pid)
            if chat:
                out["chat"] = chat_first_retrieval(url, tokens, jobs[: args.chat])
        finally:
            api.stop()
    finally:
        if gpu is not None:
            gpu.stop()
    out["chat_measured"] = chat
    return out


# --------------------------------------------------------------------------- report


def render(r: dict) -> str:
    idx, s = r["indexing"], r["store"]
    real, syn = idx["sample_real_path"], idx["synthetic"]
    rows = [
        ("store only, 1 client, after optimize", s["vectors_given_1_client"]),
        ("store only, before optimize", s["vectors_given_before_optimize"]),
        ("store only, after optimize", s["vectors_given"]),
        ("store + query embedding", s["with_query_embedding"]),
    ]
    if "api" in r:
        rows.append(("HTTP API (POST /api/ai/search), 1 client", r["api"]["search_1_client"]))
        rows.append(("HTTP API (POST /api/ai/search)", r["api"]["search"]))
    lines = [
        "# Search latency (embedded qdrant-edge store, hybrid dense + BM25 RRF)",
        "",
        f"{idx['segments']:,} segments, {idx['tenants']} tenants, {idx['transcripts']:,} "
        f"transcripts ({syn['distinct_texts']:,} distinct synthetic texts). "
        f"Embedder {r['embedder']}, {r['embedding_threads']} thread(s).",
        "",
        f"Indexing, real path (embed passage + context, BM25, replace_transcript) on "
        f"{real['segments']:,} segments: **{real['segments_per_s']} segments/s** "
        f"(embedding {real['embed_s']} s, writes {real['write_s']} s). The other "
        f"{syn['segments']:,} reuse those vectors (points built in {syn['build_points_s']} s): "
        f"upsert **{syn['upsert_segments_per_s']:,} segments/s** ({syn['upsert_s']} s); "
        f"optimize() {idx['optimize_s']} s.",
        "",
        f"Search, {r['clients']} concurrent clients (1 where said), limit 10, tenant filter; "
        "30 % also filter a speaker, transcript or date range:",
        "",
        "| | requests | p50 ms | p95 ms | p99 ms | req/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, m in rows:
        lines.append(
            f"| {name} | {m['n']} | {m['p50_ms']} | {m['p95_ms']} | {m['p99_ms']} | {m['qps']} |"
        )
    lines.append("")
    p95 = [f"{name} {m['p95_ms']} ms" for name, m in rows[2:] if "1 client" not in name]
    lines.append(f"Target p95 ≤ 50 ms: {'; '.join(p95)}.")
    lines.append(f"Query embedding alone, 1 client: p50 {r['query_embedding_ms']['p50_ms']} ms.")
    if "api" in r:
        a = r["api"]
        lines.append(
            f"API process RSS (store + embedder): {a['api_rss']['rss_mb']:.0f} MB "
            f"({a['api_rss']['peak_rss_mb']:.0f} MB peak); first search after start "
            f"(store hand-over + shard load) {a['first_search_ms']} ms."
        )
        if a["chat_measured"]:
            c = a["chat"]
            first, final = c["to_retrieval"], c.get("to_final")
            lines.append(
                f"Chat ({first['n']} requests, 1 client), first `retrieval` event "
                f"(target ≤ 300 ms): p50 {first['p50_ms']} ms, p95 {first['p95_ms']} ms"
                + (f"; answer (`final`) p50 {final['p50_ms'] / 1000:.1f} s." if final else ".")
            )
        else:
            lines.append("Chat: POST /api/ai/chat not present; not measured.")
    lines.append(
        f"Bench process RSS (store + embedder + corpus bookkeeping): "
        f"{r['bench_rss']['rss_mb']:.0f} MB; store on disk {r['store_disk_mb']:.0f} MB."
    )
    m = r["machine"]
    lines.append(f"Load average before {m['loadavg_before']}, after {m['loadavg_after']}.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--sample", type=int, default=2000, help="segments embedded for real")
    parser.add_argument("--requests", type=int, default=800, help="per measured run")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--chat", type=int, default=8, help="chat requests (0: skip)")
    parser.add_argument("--no-api", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    loadavg = [round(x, 2) for x in os.getloadavg()]
    root = Path(tempfile.mkdtemp(prefix="st-bench-search-"))
    db_url = create_database(f"st_bench_search_{os.getpid()}")
    try:
        with session_scope(db_url) as session:
            tenants = []
            for i in range(args.tenants):
                row, token = create_tenant(session, f"bench-{i:02d}")
                tenants.append((str(row.id), token))
        embedder = get_embedder()
        store = q.EdgeStore(root / "qdrant")
        c = index_corpus(store, embedder, tenants, args.segments, args.sample, args.seed)
        jobs = make_jobs(c, embedder, args.requests, args.seed)
        embed_ms = []
        for job in jobs[:50]:
            t0 = time.perf_counter()
            embedder.embed_query(job.query)
            embed_ms.append((time.perf_counter() - t0) * 1000)
        given = store_search(store, None)
        closed_loop(given, jobs[: 4 * args.clients], args.clients)  # warm-up
        before = closed_loop(given, jobs[: args.requests // 2], args.clients)
        t0 = time.perf_counter()
        store.optimize()
        c.report["optimize_s"] = round(time.perf_counter() - t0, 1)
        report = {
            "embedder": embedder.fingerprint,
            "embedding_threads": get_settings().embedding_threads,
            "clients": args.clients,
            "indexing": c.report,
            "query_embedding_ms": percentiles(embed_ms),
            "store": {
                "vectors_given_before_optimize": before,
                "vectors_given_1_client": closed_loop(given, jobs[: args.requests // 4], 1),
                "vectors_given": closed_loop(given, jobs, args.clients),
                "with_query_embedding": closed_loop(
                    store_search(store, embedder), jobs, args.clients
                ),
            },
        }
        report["bench_rss"] = rss_mb(os.getpid())
        store.release()
        report["store_disk_mb"] = sum(
            f.stat().st_size for f in (root / "qdrant").rglob("*") if f.is_file()
        ) / (1024 * 1024)
        if not args.no_api:
            report["api"] = through_api(c, root, db_url, jobs, args)
    finally:
        drop_database(db_url)
        shutil.rmtree(root, ignore_errors=True)
    report["machine"] = machine(loadavg)
    write_report("search_latency", report, render)


if __name__ == "__main__":
    main()
