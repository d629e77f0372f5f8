"""The search index: Qdrant collections, their points, hybrid search.

One interface (`VectorStore`), two backends:

- `EdgeStore` (default): qdrant-edge, Qdrant's own engine in-process (SPEC §8), one shard
  per collection under QDRANT_PATH (`var/qdrant/<collection>/`).
- `ServerStore`: a Qdrant server through qdrant-client, when QDRANT_HOST is set
  (docker-compose, production). Tests also run it on qdrant-client's in-memory engine.

Collections (levels): `segments` (one point per transcript segment), `transcripts` (one
per recording: title, head of the text, speakers, date) and `documents` (chunks of the
context documents). Every point carries `tenant_id`, `project_id`, `transcript_id` and the
`embedding_model` fingerprint that produced its vector; those fields (and `speaker`,
`language`, `created_at`) have payload indexes, `tenant_id` flagged as the tenant key.
Point ids are uuid5 of the transcript (or document) id and the segment (or chunk) index,
so indexing the same recording again overwrites instead of duplicating; `replace_transcript`
also deletes the points a shorter re-run no longer has.

Each point has a dense vector (`dense`, cosine) and a keyword side (`bm25`): a sparse
vector of hashed, stemmed tokens with term-frequency weights, and Qdrant's IDF modifier
turns the dot product into BM25. Documents are stemmed in their own language; queries in
the language filter's, else in French and English at once (union of both stemmings), so a
query matches either language's segments. Hybrid search runs both sides under the same
filter and fuses their rankings with weighted reciprocal rank fusion (`rrf`): the dense
side weighs more by default (DENSE_WEIGHT), because it is the side that crosses languages
(the measurements behind the defaults: docs/MEASUREMENTS.md#search-quality).

Tenancy: every search takes a `SearchFilter`, whose `tenant_id` is required; the store adds
it to every prefetch, so no caller can search across tenants.

Modules: `model` (collections, point ids, points, hits, filters), `keywords` (the BM25
side), `store` (the interface and the fusion), `edge` and `server` (the backends),
`points` (what indexing writes), `replies` (a question found stands for its reply);
`open_store` and `search` are here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from st_resources.search.edge import EdgeStore
from st_resources.search.isolated import IsolatedStore
from st_resources.search.keywords import KeywordEncoder, get_keywords
from st_resources.search.model import (
    COLLECTIONS,
    DENSE_WEIGHT,
    DOCUMENTS,
    MODES,
    RRF_K,
    SEGMENTS,
    TRANSCRIPTS,
    Hit,
    IndexMismatch,
    IndexPoint,
    Mode,
    SearchFilter,
    SparseVec,
    StoreBusy,
    segment_point_id,
)
from st_resources.search.points import (
    SegmentText,
    TranscriptInfo,
    chunk_paragraphs,
    document_points,
    segment_points,
    transcript_point,
)
from st_resources.search.replies import answer_questions
from st_resources.search.server import ServerStore
from st_resources.search.store import VectorStore, rrf
from st_resources.settings import Settings, get_settings

__all__ = [
    "COLLECTIONS",
    "DENSE_WEIGHT",
    "DOCUMENTS",
    "MODES",
    "RRF_K",
    "SEGMENTS",
    "TRANSCRIPTS",
    "EdgeStore",
    "Hit",
    "IndexMismatch",
    "IndexPoint",
    "KeywordEncoder",
    "Mode",
    "SearchFilter",
    "SegmentText",
    "ServerStore",
    "SparseVec",
    "StoreBusy",
    "TranscriptInfo",
    "VectorStore",
    "answer_questions",
    "chunk_paragraphs",
    "document_points",
    "get_keywords",
    "open_index",
    "open_store",
    "rrf",
    "search",
    "segment_point_id",
    "segment_points",
    "transcript_point",
]


@lru_cache(maxsize=8)
def _edge_store(root: str, lock_timeout_s: float) -> EdgeStore:
    return EdgeStore(Path(root), lock_timeout_s)


@lru_cache(maxsize=8)
def _server_store(host: str, port: int, api_key: str | None, prefix: str) -> ServerStore:
    from qdrant_client import QdrantClient

    return ServerStore(QdrantClient(host=host, port=port, api_key=api_key, timeout=30), prefix)


def open_index(
    path: str | Path,
    lock_timeout_s: float,
    host: str | None = None,
    port: int = 6333,
    api_key: str | None = None,
    prefix: str = "",
    isolated: bool = False,
) -> VectorStore:
    """A Qdrant server's collections when `host` is set, else the embedded shards under
    `path`; one store per process and place. `isolated`: the embedded shards in a child
    process of their own (st_resources.search.isolated, for the API), a new one per call;
    the caller releases it."""
    if host:
        return _server_store(host, port, api_key, prefix)
    if isolated:
        return IsolatedStore(str(Path(path).resolve()), lock_timeout_s)
    return _edge_store(str(Path(path).resolve()), lock_timeout_s)


def open_store(settings: Settings | None = None, isolated: bool = False) -> VectorStore:
    """The configured store (QDRANT_HOST or QDRANT_PATH)."""
    s = settings or get_settings()
    return open_index(
        s.qdrant_path,
        s.qdrant_lock_timeout_s,
        s.qdrant_host,
        s.qdrant_port,
        s.qdrant_api_key,
        s.qdrant_prefix,
        isolated,
    )


def search(
    store: VectorStore,
    embedder,
    query: str,
    flt: SearchFilter,
    *,
    mode: Mode = "hybrid",
    limit: int = 10,
    collection: str = SEGMENTS,
    rrf_k: int = RRF_K,
    dense_weight: float = DENSE_WEIGHT,
    keywords: KeywordEncoder | None = None,
    replies: bool = True,
) -> list[Hit]:
    """Embed the query (only the sides the mode uses) and search `collection`; in the
    segments, a question asked in a meeting gives way to its reply (`replies`)."""
    dense = embedder.embed_query(query).tolist() if mode != "keyword" else None
    sparse = (keywords or get_keywords()).query(query, flt.language) if mode != "dense" else None
    hits = store.search(
        collection,
        flt,
        dense=dense,
        sparse=sparse,
        mode=mode,
        limit=limit,
        rrf_k=rrf_k,
        dense_weight=dense_weight,
    )
    if replies and collection == SEGMENTS:
        hits = answer_questions(store, flt, hits)[:limit]
    return hits
