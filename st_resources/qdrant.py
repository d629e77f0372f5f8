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
side counts double by default, because it is the side that crosses languages (see
eval/retrieval.py for the measurements behind the defaults).

Tenancy: every search takes a `SearchFilter`, whose `tenant_id` is required; the store adds
it to every prefetch, so no caller can search across tenants.

Multi-process access to the embedded store (measured with qdrant-edge-py 0.9.0): a shard
directory can be open in ONE process at a time — a second `EdgeShard.load` fails at once
with `Can't init WAL: WouldBlock` until the first process closes it (the WAL is locked;
the lock dies with the process). The API (searches) and Dagster run processes (indexing)
are separate processes, and uvicorn may run several workers, so the store hands the
shards over between processes instead of sharing them:

- ownership is an exclusive `flock` on `QDRANT_PATH/.owner.lock`; whoever holds it has the
  shards open and keeps them open (searches cost ~1 ms instead of a ~0.2 s reload);
- a process that needs the store takes a shared `flock` on `.waiting.lock` ("someone is
  waiting"), then waits for `.owner.lock` (at most QDRANT_LOCK_TIMEOUT_S, else `StoreBusy`);
- the owner checks `.waiting.lock` after each operation and, from a watcher thread, every
  50 ms while idle; when someone waits it flushes, closes its shards and unlocks, and opens
  them again (waiting its turn) the next time it needs them.

So writes from Dagster runs land at once, searches see them on their next hand-over
(the shard is reloaded from disk), a crashed holder frees the store with its process (its
writes are already in the WAL, which the next `load` replays: tested with SIGKILL), and
nothing reads a shard that another process writes. Embeddings are computed before taking
the store, so a hand-over lasts the reload plus the write. Several API workers on one
embedded store would keep handing it between them: run one worker, or use the server.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from st_resources.settings import Settings, get_settings

SEGMENTS, TRANSCRIPTS, DOCUMENTS = "segments", "transcripts", "documents"
COLLECTIONS = (SEGMENTS, TRANSCRIPTS, DOCUMENTS)
DENSE, SPARSE = "dense", "bm25"
KEYWORD_FIELDS = (
    "tenant_id",
    "project_id",
    "transcript_id",
    "speaker",
    "language",
    "embedding_model",
    "document_id",
)
DATETIME_FIELDS = ("created_at",)
MODEL_FIELD = "embedding_model"
Mode = Literal["hybrid", "dense", "keyword"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "keyword")

_NAMESPACE = uuid.UUID("6f3c1c2e-3a57-4d0e-9a43-2f7d6c1b9e55")


class StoreBusy(RuntimeError):
    """Another process kept the embedded store past the lock timeout."""


class IndexMismatch(RuntimeError):
    """The stored collection was built for vectors of another size."""


# --------------------------------------------------------------------------- points


def segment_point_id(transcript_id: str | uuid.UUID, idx: int) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{transcript_id}:segment:{idx}"))


def transcript_point_id(transcript_id: str | uuid.UUID) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{transcript_id}:transcript"))


def document_point_id(document_id: str | uuid.UUID, chunk: int) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{document_id}:chunk:{chunk}"))


@dataclass(frozen=True)
class SparseVec:
    indices: list[int]
    values: list[float]

    def __bool__(self) -> bool:
        return bool(self.indices)


@dataclass(frozen=True)
class IndexPoint:
    id: str
    dense: list[float]
    sparse: SparseVec
    payload: dict[str, Any]


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    payload: dict[str, Any]


@dataclass(frozen=True)
class SearchFilter:
    """What a search may see. `tenant_id` is required: the tenant scope is not optional."""

    tenant_id: str
    project_id: str | None = None
    transcript_id: str | None = None
    speaker: str | None = None
    language: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive


@dataclass(frozen=True)
class _Cond:
    """One filter condition, translated by each backend: a keyword match, a datetime range
    [gte, lt) or a set of point ids."""

    key: str = ""
    value: str | None = None
    gte: str | None = None
    lt: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Spec:
    must: list[_Cond] = field(default_factory=list)
    must_not: list[_Cond] = field(default_factory=list)


def _day(d: date) -> str:
    return datetime(d.year, d.month, d.day, tzinfo=UTC).isoformat()


def _search_spec(f: SearchFilter) -> _Spec:
    if not f.tenant_id:
        raise ValueError("a search needs a tenant")
    must = [_Cond("tenant_id", str(f.tenant_id))]
    for key in ("project_id", "transcript_id", "speaker", "language"):
        value = getattr(f, key)
        if value is not None:
            must.append(_Cond(key, str(value)))
    if f.date_from or f.date_to:
        must.append(
            _Cond(
                "created_at",
                gte=_day(f.date_from) if f.date_from else None,
                lt=_day(f.date_to + timedelta(days=1)) if f.date_to else None,
            )
        )
    return _Spec(must=must)


# --------------------------------------------------------------------------- keywords

# ISO 639-1 → the stemmer/stopword languages of Qdrant's BM25.
BM25_LANGUAGES = {
    "fr": "french",
    "en": "english",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
}
QUERY_LANGUAGES = ("fr", "en")
# Expected length in tokens of an indexed text, per collection (BM25's length norm).
AVG_TOKENS = {SEGMENTS: 20.0, TRANSCRIPTS: 150.0, DOCUMENTS: 200.0}


class KeywordEncoder:
    """BM25 sparse vectors (qdrant-edge's tokenizer, stemmers and token hashing; the IDF
    part is the collection's `Modifier.Idf`). Works for both backends."""

    def __init__(self) -> None:
        self._models: dict[tuple[str | None, float], Any] = {}
        self._lock = threading.Lock()

    def _model(self, language: str | None, avg_len: float):
        key = (BM25_LANGUAGES.get((language or "")[:2].lower()), avg_len)
        with self._lock:
            model = self._models.get(key)
            if model is None:
                from qdrant_edge import Bm25, Bm25Config

                model = Bm25(Bm25Config(language=key[0], avg_len=avg_len))
                self._models[key] = model
            return model

    def document(self, text: str, language: str | None, collection: str = SEGMENTS) -> SparseVec:
        vec = self._model(language, AVG_TOKENS[collection]).embed_document(text)
        return SparseVec(list(vec.indices), list(vec.values))

    def query(self, text: str, language: str | None = None) -> SparseVec:
        """Each token once (weight 1), stemmed in `language`, or in each query language."""
        tokens: set[int] = set()
        for lang in [language] if language else QUERY_LANGUAGES:
            tokens.update(self._model(lang, AVG_TOKENS[SEGMENTS]).embed_query(text).indices)
        ordered = sorted(tokens)
        return SparseVec(ordered, [1.0] * len(ordered))


# --------------------------------------------------------------------------- stores


class VectorStore(ABC):
    backend: str

    @abstractmethod
    def upsert(self, collection: str, points: Sequence[IndexPoint]) -> None: ...

    @abstractmethod
    def _delete(self, collection: str, spec: _Spec) -> None: ...

    @abstractmethod
    def _count(self, collection: str, spec: _Spec) -> int: ...

    @abstractmethod
    def _facet(self, collection: str, key: str, spec: _Spec, limit: int) -> dict[str, int]: ...

    @abstractmethod
    def _query(
        self,
        collection: str,
        spec: _Spec,
        dense: Sequence[float] | None,
        sparse: SparseVec | None,
        limit: int,
    ) -> list[Hit]:
        """One side: nearest points to `dense`, or best BM25 matches of `sparse`."""

    @contextmanager
    def lease(self) -> Iterator[VectorStore]:
        """Hold the store for several operations in a row (one hand-over, no reader in
        between). A no-op for the server."""
        yield self

    def release(self) -> None:  # noqa: B027 - a hook: only the embedded store holds anything
        """Give the store back (embedded: close the shards); it reopens on next use."""

    # -- operations built on the primitives

    def replace_transcript(
        self, collection: str, transcript_id: str, points: Sequence[IndexPoint]
    ) -> None:
        """Make `points` the transcript's whole content in `collection`: upsert them, then
        delete its other points (a re-run that produced fewer segments)."""
        with self.lease():
            self.upsert(collection, points)
            self._delete(
                collection,
                _Spec(
                    must=[_Cond("transcript_id", str(transcript_id))],
                    must_not=[_Cond(ids=tuple(p.id for p in points))] if points else [],
                ),
            )

    def delete_transcript(self, transcript_id: str) -> None:
        """Remove a recording's points from every collection."""
        with self.lease():
            for collection in COLLECTIONS:
                self._delete(collection, _Spec(must=[_Cond("transcript_id", str(transcript_id))]))

    def count(
        self, collection: str, *, tenant_id: str | None = None, transcript_id: str | None = None
    ) -> int:
        must = []
        if tenant_id is not None:
            must.append(_Cond("tenant_id", str(tenant_id)))
        if transcript_id is not None:
            must.append(_Cond("transcript_id", str(transcript_id)))
        return self._count(collection, _Spec(must=must))

    def stale_transcripts(self, fingerprint: str, limit: int = 100_000) -> set[str]:
        """Transcripts with points embedded by another model than `fingerprint`."""
        spec = _Spec(must_not=[_Cond(MODEL_FIELD, fingerprint)])
        stale: set[str] = set()
        with self.lease():
            for collection in COLLECTIONS:
                stale.update(self._facet(collection, "transcript_id", spec, limit))
        return stale

    def embedding_models(self) -> dict[str, int]:
        """Fingerprint → number of points, over every collection."""
        models: dict[str, int] = {}
        with self.lease():
            for collection in COLLECTIONS:
                for value, n in self._facet(collection, MODEL_FIELD, _Spec(), 100).items():
                    models[value] = models.get(value, 0) + n
        return models

    def search(
        self,
        collection: str,
        flt: SearchFilter,
        *,
        dense: Sequence[float] | None,
        sparse: SparseVec | None,
        mode: Mode = "hybrid",
        limit: int = 10,
        rrf_k: int = 5,
        dense_weight: float = 2.0,
    ) -> list[Hit]:
        """Dense, keyword, or both fused by reciprocal rank fusion: a point scores
        dense_weight / (rrf_k + dense rank) + 1 / (rrf_k + keyword rank), ranks from 1,
        over the top `4 x limit` (at least 50) of each side. Fusing here rather than in
        the engine keeps both backends identical and leaves room for re-ranking."""
        spec = _search_spec(flt)
        if mode == "dense":
            sparse = None
        elif mode == "keyword":
            dense = None
        if sparse is not None and not sparse:
            sparse = None  # only stopwords: nothing for the keyword side to match
        if dense is None or sparse is None:
            if dense is None and sparse is None:
                return []
            return self._query(collection, spec, dense, sparse, limit)
        candidates = max(4 * limit, 50)
        with self.lease():
            sides = [
                (dense_weight, self._query(collection, spec, dense, None, candidates)),
                (1.0, self._query(collection, spec, None, sparse, candidates)),
            ]
        return rrf(sides, rrf_k)[:limit]


def rrf(sides: Sequence[tuple[float, Sequence[Hit]]], k: int) -> list[Hit]:
    """Weighted reciprocal rank fusion of ranked lists (best first)."""
    scores: dict[str, float] = {}
    payloads: dict[str, dict[str, Any]] = {}
    for weight, hits in sides:
        for rank, hit in enumerate(hits, start=1):
            scores[hit.id] = scores.get(hit.id, 0.0) + weight / (k + rank)
            payloads.setdefault(hit.id, hit.payload)
    ranked = sorted(scores, key=lambda pid: (-scores[pid], pid))
    return [Hit(pid, scores[pid], payloads[pid]) for pid in ranked]


# --------------------------------------------------------------------------- embedded


class _Handoff:
    """Exclusive ownership of an embedded store between processes (see module doc)."""

    def __init__(self, root: Path, timeout_s: float):
        self._owner_path = root / ".owner.lock"
        self._waiting_path = root / ".waiting.lock"
        self._timeout_s = timeout_s
        self._owner_fd: int | None = None
        self._probe_fd: int | None = None

    @property
    def owned(self) -> bool:
        return self._owner_fd is not None

    @staticmethod
    def _open(path: Path) -> int:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)

    def acquire(self) -> None:
        waiting = self._open(self._waiting_path)
        try:
            fcntl.flock(waiting, fcntl.LOCK_SH)
            owner = self._open(self._owner_path)
            deadline = time.monotonic() + self._timeout_s
            while True:
                try:
                    fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        os.close(owner)
                        raise StoreBusy(
                            f"the search index at {self._owner_path.parent} stayed busy "
                            f"for {self._timeout_s:.0f} s"
                        ) from None
                    time.sleep(0.005)
            self._owner_fd = owner
        finally:
            os.close(waiting)  # drops the shared lock: no longer waiting

    def someone_waiting(self) -> bool:
        if self._probe_fd is None:
            self._probe_fd = self._open(self._waiting_path)
        try:
            fcntl.flock(self._probe_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(self._probe_fd, fcntl.LOCK_UN)
        return False

    def release(self) -> None:
        if self._owner_fd is not None:
            os.close(self._owner_fd)
            self._owner_fd = None


class EdgeStore(VectorStore):
    """qdrant-edge shards under `root`, one per collection, handed over between processes.

    Threads of one process share the open shards; ownership is taken on first use and
    kept until another process asks for it (or `release()`)."""

    backend = "edge"
    WATCH_INTERVAL_S = 0.05

    def __init__(self, root: Path, lock_timeout_s: float = 30.0):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._handoff = _Handoff(self.root, lock_timeout_s)
        self._timeout_s = lock_timeout_s
        self._shards: dict[str, Any] = {}
        self._cond = threading.Condition()
        self._active = 0
        self._watcher: threading.Thread | None = None
        self.handovers = 0  # times this process took the store (for tests and metrics)

    # -- ownership

    @contextmanager
    def lease(self) -> Iterator[EdgeStore]:
        with self._cond:
            if not self._handoff.owned:
                self._handoff.acquire()
                self.handovers += 1
                self._start_watcher()
            self._active += 1
        try:
            yield self
        finally:
            with self._cond:
                self._active -= 1
                if self._active == 0 and self._handoff.someone_waiting():
                    self._give_back()

    def release(self) -> None:
        with self._cond:
            while self._active:
                self._cond.wait()
            self._give_back()

    def _give_back(self) -> None:
        """Close the shards and unlock; the caller holds `_cond` and no lease is active."""
        for shard in self._shards.values():
            shard.flush()
            shard.close()
        self._shards.clear()
        self._handoff.release()
        self._cond.notify_all()

    def _start_watcher(self) -> None:
        if self._watcher is not None and self._watcher.is_alive():
            return
        self._watcher = threading.Thread(target=self._watch, name="edge-store-handoff", daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        while True:
            time.sleep(self.WATCH_INTERVAL_S)
            with self._cond:
                if not self._handoff.owned:
                    return
                if self._active == 0 and self._handoff.someone_waiting():
                    self._give_back()
                    return

    # -- shards

    def _path(self, collection: str) -> Path:
        return self.root / collection

    def _config(self, dim: int):
        from qdrant_edge import (
            Distance,
            EdgeConfig,
            EdgeSparseVectorParams,
            EdgeVectorParams,
            Modifier,
        )

        return EdgeConfig(
            vectors={DENSE: EdgeVectorParams(size=dim, distance=Distance.Cosine)},
            sparse_vectors={SPARSE: EdgeSparseVectorParams(modifier=Modifier.Idf)},
        )

    def _shard(self, collection: str, dim: int | None = None):
        """The open shard (inside a lease), created when `dim` is given; None if absent."""
        from qdrant_edge import EdgeShard

        shard = self._shards.get(collection)
        if shard is not None:
            return shard
        path = self._path(collection)
        exists = (path / "edge_config.json").is_file()
        if not exists and dim is None:
            return None
        deadline = time.monotonic() + self._timeout_s
        while True:
            try:
                if exists:
                    shard = EdgeShard.load(str(path))
                else:
                    shard = EdgeShard.create(str(path), self._config(dim))
                break
            except Exception as exc:
                # The previous owner's close may still be releasing the WAL lock.
                if "WouldBlock" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        self._ensure_indexes(shard)
        self._shards[collection] = shard
        return shard

    @staticmethod
    def _ensure_indexes(shard) -> None:
        from qdrant_edge import KeywordIndexParams, PayloadSchemaType, UpdateOperation

        have = set(shard.info().payload_schema)
        for key in KEYWORD_FIELDS:
            if key not in have:
                schema = (
                    KeywordIndexParams(is_tenant=True)
                    if key == "tenant_id"
                    else PayloadSchemaType.Keyword
                )
                shard.update(UpdateOperation.create_field_index(key, schema))
        for key in DATETIME_FIELDS:
            if key not in have:
                shard.update(UpdateOperation.create_field_index(key, PayloadSchemaType.Datetime))

    def _check_dim(self, collection: str, dim: int) -> None:
        import json

        config = self._path(collection) / "edge_config.json"
        if not config.is_file():
            return
        vectors = json.loads(config.read_text()).get("vectors", {})
        size = (vectors.get(DENSE) or {}).get("size")
        if size is not None and size != dim:
            raise IndexMismatch(
                f"collection {collection!r} holds {size}-d vectors, the embedding model makes "
                f"{dim}-d ones: delete {self._path(collection)} and run the reindex job"
            )

    # -- primitives

    @staticmethod
    def _filter(spec: _Spec):
        from qdrant_edge import (
            FieldCondition,
            Filter,
            HasIdCondition,
            MatchValue,
            RangeDateTime,
        )

        def convert(c: _Cond):
            if c.ids:
                return HasIdCondition(set(c.ids))
            if c.value is not None:
                return FieldCondition(key=c.key, match=MatchValue(c.value))
            return FieldCondition(key=c.key, range=RangeDateTime(gte=c.gte, lt=c.lt))

        if not spec.must and not spec.must_not:
            return None
        return Filter(
            must=[convert(c) for c in spec.must] or None,
            must_not=[convert(c) for c in spec.must_not] or None,
        )

    def upsert(self, collection: str, points: Sequence[IndexPoint]) -> None:
        if not points:
            return
        from qdrant_edge import Point, SparseVector, UpdateOperation

        dim = len(points[0].dense)
        self._check_dim(collection, dim)
        batch = []
        for p in points:
            vector: dict[str, Any] = {DENSE: list(p.dense)}
            if p.sparse:
                vector[SPARSE] = SparseVector(p.sparse.indices, p.sparse.values)
            batch.append(Point(id=p.id, vector=vector, payload=p.payload))
        with self.lease():
            shard = self._shard(collection, dim)
            # Durable once in the WAL; segments are flushed when the store is handed over.
            for start in range(0, len(batch), 512):
                shard.update(UpdateOperation.upsert_points(batch[start : start + 512]))

    def _delete(self, collection: str, spec: _Spec) -> None:
        from qdrant_edge import UpdateOperation

        with self.lease():
            shard = self._shard(collection)
            if shard is None:
                return
            shard.update(UpdateOperation.delete_points_by_filter(self._filter(spec)))

    def _count(self, collection: str, spec: _Spec) -> int:
        from qdrant_edge import CountRequest

        with self.lease():
            shard = self._shard(collection)
            if shard is None:
                return 0
            return shard.count(CountRequest(filter=self._filter(spec), exact=True))

    def _facet(self, collection: str, key: str, spec: _Spec, limit: int) -> dict[str, int]:
        from qdrant_edge import FacetRequest

        with self.lease():
            shard = self._shard(collection)
            if shard is None:
                return {}
            response = shard.facet(
                FacetRequest(key=key, limit=limit, exact=True, filter=self._filter(spec))
            )
            return {str(hit.value): hit.count for hit in response.hits}

    def _query(self, collection, spec, dense, sparse, limit) -> list[Hit]:
        from qdrant_edge import Query, QueryRequest, SparseVector

        if dense is not None:
            query = Query.Nearest(list(dense), using=DENSE)
        else:
            query = Query.Nearest(SparseVector(sparse.indices, sparse.values), using=SPARSE)
        request = QueryRequest(
            limit=limit, query=query, filter=self._filter(spec), with_payload=True
        )
        with self.lease():
            shard = self._shard(collection)
            if shard is None:
                return []
            points = shard.query(request)
        return [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in points]

    def optimize(self) -> None:
        """Build the HNSW and payload indexes of grown segments (slow: run it off-hours)."""
        with self.lease():
            for collection in COLLECTIONS:
                shard = self._shard(collection)
                if shard is not None:
                    shard.optimize()


# --------------------------------------------------------------------------- server


class ServerStore(VectorStore):
    """A Qdrant server (or qdrant-client's in-memory engine) through qdrant-client."""

    backend = "server"

    def __init__(self, client, prefix: str = ""):
        self.client = client
        self.prefix = prefix
        self._ready: set[str] = set()
        self._lock = threading.Lock()

    def _name(self, collection: str) -> str:
        return self.prefix + collection

    def _exists(self, collection: str) -> bool:
        if collection in self._ready:
            return True
        if self.client.collection_exists(self._name(collection)):
            self._ready.add(collection)
            return True
        return False

    def _ensure(self, collection: str, dim: int) -> None:
        from qdrant_client import models

        with self._lock:
            name = self._name(collection)
            if not self._exists(collection):
                self.client.create_collection(
                    name,
                    vectors_config={
                        DENSE: models.VectorParams(size=dim, distance=models.Distance.COSINE)
                    },
                    sparse_vectors_config={
                        SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)
                    },
                )
                for key in KEYWORD_FIELDS:
                    schema = (
                        models.KeywordIndexParams(
                            type=models.KeywordIndexType.KEYWORD, is_tenant=True
                        )
                        if key == "tenant_id"
                        else models.PayloadSchemaType.KEYWORD
                    )
                    self._index(name, key, schema)
                for key in DATETIME_FIELDS:
                    self._index(name, key, models.PayloadSchemaType.DATETIME)
                self._ready.add(collection)
            params = self.client.get_collection(name).config.params.vectors
            size = params[DENSE].size if isinstance(params, dict) else params.size
            if size != dim:
                raise IndexMismatch(
                    f"collection {name!r} holds {size}-d vectors, the embedding model makes "
                    f"{dim}-d ones: drop the collection and run the reindex job"
                )

    def _index(self, name: str, key: str, schema) -> None:
        import warnings

        with warnings.catch_warnings():  # the in-memory engine warns that it ignores them
            warnings.simplefilter("ignore")
            self.client.create_payload_index(name, key, field_schema=schema, wait=True)

    @staticmethod
    def _filter(spec: _Spec):
        from qdrant_client import models

        def convert(c: _Cond):
            if c.ids:
                return models.HasIdCondition(has_id=list(c.ids))
            if c.value is not None:
                return models.FieldCondition(key=c.key, match=models.MatchValue(value=c.value))
            return models.FieldCondition(key=c.key, range=models.DatetimeRange(gte=c.gte, lt=c.lt))

        if not spec.must and not spec.must_not:
            return None
        return models.Filter(
            must=[convert(c) for c in spec.must] or None,
            must_not=[convert(c) for c in spec.must_not] or None,
        )

    def upsert(self, collection: str, points: Sequence[IndexPoint]) -> None:
        if not points:
            return
        from qdrant_client import models

        self._ensure(collection, len(points[0].dense))
        batch = []
        for p in points:
            vector: dict[str, Any] = {DENSE: list(p.dense)}
            if p.sparse:
                vector[SPARSE] = models.SparseVector(
                    indices=p.sparse.indices, values=p.sparse.values
                )
            batch.append(models.PointStruct(id=p.id, vector=vector, payload=p.payload))
        for start in range(0, len(batch), 256):
            self.client.upsert(self._name(collection), batch[start : start + 256], wait=True)

    def _delete(self, collection: str, spec: _Spec) -> None:
        from qdrant_client import models

        if not self._exists(collection):
            return
        self.client.delete(
            self._name(collection),
            points_selector=models.FilterSelector(filter=self._filter(spec)),
            wait=True,
        )

    def _count(self, collection: str, spec: _Spec) -> int:
        if not self._exists(collection):
            return 0
        return self.client.count(
            self._name(collection), count_filter=self._filter(spec), exact=True
        ).count

    def _facet(self, collection: str, key: str, spec: _Spec, limit: int) -> dict[str, int]:
        if not self._exists(collection):
            return {}
        response = self.client.facet(
            self._name(collection), key, facet_filter=self._filter(spec), limit=limit, exact=True
        )
        return {str(hit.value): hit.count for hit in response.hits}

    def _query(self, collection, spec, dense, sparse, limit) -> list[Hit]:
        from qdrant_client import models

        if not self._exists(collection):
            return []
        if dense is not None:
            query, using = list(dense), DENSE
        else:
            query, using = models.SparseVector(indices=sparse.indices, values=sparse.values), SPARSE
        response = self.client.query_points(
            self._name(collection),
            query=query,
            using=using,
            query_filter=self._filter(spec),
            limit=limit,
            with_payload=True,
        )
        return [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in response.points]


# --------------------------------------------------------------------------- factory


@lru_cache(maxsize=8)
def _edge_store(root: str, lock_timeout_s: float) -> EdgeStore:
    return EdgeStore(Path(root), lock_timeout_s)


@lru_cache(maxsize=8)
def _server_store(host: str, port: int, api_key: str | None, prefix: str) -> ServerStore:
    from qdrant_client import QdrantClient

    return ServerStore(QdrantClient(host=host, port=port, api_key=api_key, timeout=30), prefix)


def open_store(settings: Settings | None = None) -> VectorStore:
    """The configured store, one per process (and directory, or server)."""
    s = settings or get_settings()
    if s.qdrant_host:
        return _server_store(s.qdrant_host, s.qdrant_port, s.qdrant_api_key, s.qdrant_prefix)
    return _edge_store(str(Path(s.qdrant_path).resolve()), s.qdrant_lock_timeout_s)


# --------------------------------------------------------------------------- indexing


@dataclass(frozen=True)
class TranscriptInfo:
    """What every point of a recording carries about it."""

    id: str
    tenant_id: str
    title: str
    project_id: str | None = None
    language: str | None = None
    created_at: datetime | None = None

    def payload(self, fingerprint: str) -> dict[str, Any]:
        created = (self.created_at or datetime.now(UTC)).astimezone(UTC)
        return {
            "tenant_id": self.tenant_id,
            "project_id": self.project_id,
            "transcript_id": self.id,
            "title": self.title,
            "language": self.language,
            "created_at": created.isoformat(),
            MODEL_FIELD: fingerprint,
        }


@dataclass(frozen=True)
class SegmentText:
    idx: int
    start: float
    end: float
    text: str
    speaker: str | None = None


def _neighbourhood(segments: Sequence[SegmentText], i: int) -> str:
    """Segment i with the one before and the one after: what its context vector reads."""
    return " ".join(s.text for s in segments[max(0, i - 1) : i + 2])


def segment_points(
    embedder,
    keywords: KeywordEncoder,
    info: TranscriptInfo,
    segments: Sequence[SegmentText],
    in_context: bool = True,
) -> list[IndexPoint]:
    """One point per non-empty segment. Its dense vector mixes the segment with its
    neighbourhood (`Embedder.embed_passages_in_context`); its keywords are its own."""
    segments = [s for s in segments if s.text.strip()]
    texts = [s.text for s in segments]
    if in_context:
        contexts = [_neighbourhood(segments, i) for i in range(len(segments))]
        vectors = embedder.embed_passages_in_context(texts, contexts)
    else:
        vectors = embedder.embed_passages(texts)
    base = info.payload(embedder.fingerprint)
    return [
        IndexPoint(
            id=segment_point_id(info.id, seg.idx),
            dense=vec.tolist(),
            sparse=keywords.document(seg.text, info.language, SEGMENTS),
            payload={
                **base,
                "segment_idx": seg.idx,
                "speaker": seg.speaker,
                "start": round(float(seg.start), 3),
                "end": round(float(seg.end), 3),
                "text": seg.text,
            },
        )
        for seg, vec in zip(segments, vectors, strict=True)
    ]


def transcript_point(
    embedder,
    keywords: KeywordEncoder,
    info: TranscriptInfo,
    segments: Sequence[SegmentText],
    head_words: int = 150,
) -> IndexPoint:
    words = " ".join(s.text for s in segments).split()
    head = " ".join(words[:head_words])
    speakers = sorted({s.speaker for s in segments if s.speaker})
    text = f"{info.title}. {head}"
    return IndexPoint(
        id=transcript_point_id(info.id),
        dense=embedder.embed_passages([text])[0].tolist(),
        sparse=keywords.document(text, info.language, TRANSCRIPTS),
        payload={
            **info.payload(embedder.fingerprint),
            "head": head,
            "speakers": speakers,
            "segments": len(segments),
            "date": (info.created_at or datetime.now(UTC)).date().isoformat(),
        },
    )


def chunk_paragraphs(text: str, target_words: int = 200) -> list[str]:
    """Paragraphs (blank-line separated) packed into chunks of about `target_words`; a
    paragraph longer than twice that is cut at word boundaries."""
    chunks: list[str] = []
    current: list[str] = []
    for para in (p.strip() for p in text.replace("\r\n", "\n").split("\n\n")):
        words = para.split()
        if not words:
            continue
        while len(words) > 2 * target_words:
            if current:
                chunks.append(" ".join(current))
                current = []
            chunks.append(" ".join(words[:target_words]))
            words = words[target_words:]
        if current and len(current) + len(words) > target_words:
            chunks.append(" ".join(current))
            current = []
        current.extend(words)
    if current:
        chunks.append(" ".join(current))
    return chunks


def document_points(
    embedder,
    keywords: KeywordEncoder,
    info: TranscriptInfo,
    document_id: str,
    filename: str,
    chunks: Sequence[str],
) -> list[IndexPoint]:
    vectors = embedder.embed_passages(list(chunks))
    base = info.payload(embedder.fingerprint)
    return [
        IndexPoint(
            id=document_point_id(document_id, i),
            dense=vec.tolist(),
            sparse=keywords.document(chunk, info.language, DOCUMENTS),
            payload={
                **base,
                "document_id": str(document_id),
                "filename": filename,
                "chunk": i,
                "text": chunk,
            },
        )
        for i, (chunk, vec) in enumerate(zip(chunks, vectors, strict=True))
    ]


@lru_cache(maxsize=1)
def get_keywords() -> KeywordEncoder:
    return KeywordEncoder()


def search(
    store: VectorStore,
    embedder,
    query: str,
    flt: SearchFilter,
    *,
    mode: Mode = "hybrid",
    limit: int = 10,
    collection: str = SEGMENTS,
    rrf_k: int = 5,
    dense_weight: float = 2.0,
    keywords: KeywordEncoder | None = None,
) -> list[Hit]:
    """Embed the query (only the sides the mode uses) and search `collection`."""
    dense = embedder.embed_query(query).tolist() if mode != "keyword" else None
    sparse = (keywords or get_keywords()).query(query, flt.language) if mode != "dense" else None
    return store.search(
        collection,
        flt,
        dense=dense,
        sparse=sparse,
        mode=mode,
        limit=limit,
        rrf_k=rrf_k,
        dense_weight=dense_weight,
    )
