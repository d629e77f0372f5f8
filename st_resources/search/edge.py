"""The embedded backend: qdrant-edge shards under QDRANT_PATH, handed over between processes.

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
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from st_resources.search.model import (
    COLLECTIONS,
    DATETIME_FIELDS,
    DENSE,
    KEYWORD_FIELDS,
    SPARSE,
    Hit,
    IndexMismatch,
    IndexPoint,
    SparseVec,
    StoreBusy,
    _Cond,
    _Spec,
)
from st_resources.search.store import VectorStore


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


class _FairGate:
    """At most `slots` searches at once, let in in the order they came. Without it, eight
    threads searching on two cores fight over the GIL between qdrant-edge's calls and some
    wait far longer than others, which widens the tail (bench/search_latency.py; figures
    in docs/MEASUREMENTS.md#search-speed)."""

    def __init__(self, slots: int):
        self._slots, self._active = slots, 0
        self._queue: deque[object] = deque()
        self._cond = threading.Condition()

    @contextmanager
    def __call__(self) -> Iterator[None]:
        ticket = object()
        with self._cond:
            self._queue.append(ticket)
            while self._queue[0] is not ticket or self._active >= self._slots:
                self._cond.wait()
            self._queue.popleft()
            self._active += 1
            self._cond.notify_all()  # the next in line may take a free slot too
        try:
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()


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
        # One thread opens a shard at a time: a second `load` of a shard this process
        # already opened would wait for its own write-ahead log until the lock timeout.
        self._opening = threading.Lock()
        self._cond = threading.Condition()
        self._active = 0
        self._watcher: threading.Thread | None = None
        self.handovers = 0  # times this process took the store (for tests and metrics)
        self._gate = _FairGate(len(os.sched_getaffinity(0)))  # a search uses one core

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

    def search(self, *args: Any, **kwargs: Any) -> list[Hit]:
        """The interface's search, a core each at most, first come first served."""
        with self._gate():
            return super().search(*args, **kwargs)

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
        with self._opening:
            shard = self._shards.get(collection)
            return shard if shard is not None else self._open(collection, dim)

    def _open(self, collection: str, dim: int | None):
        from qdrant_edge import EdgeShard

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
                if "WouldBlock" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    # Another process kept it (a run indexing): busy, not broken.
                    raise StoreBusy(f"{collection}: its write-ahead log is held elsewhere") from exc
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

    def _set_payload(self, collection: str, spec: _Spec, payload: dict[str, Any]) -> None:
        from qdrant_edge import UpdateOperation

        with self.lease():
            shard = self._shard(collection)
            if shard is None:
                return
            shard.update(UpdateOperation.set_payload_by_filter(self._filter(spec), payload))

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

    def _scroll(self, collection: str, spec: _Spec, limit: int) -> list[Hit]:
        from qdrant_edge import ScrollRequest

        request = ScrollRequest(limit=limit, filter=self._filter(spec), with_payload=True)
        with self.lease():
            shard = self._shard(collection)
            if shard is None:
                return []
            records, _ = shard.scroll(request)
        return [Hit(str(r.id), 0.0, dict(r.payload or {})) for r in records]

    def _payloads(self, collection: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        with self.lease():
            shard = self._shard(collection)
            if shard is None:
                return {}
            records = shard.retrieve(list(ids), with_payload=True, with_vector=False)
        return {str(r.id): dict(r.payload or {}) for r in records}

    def _query(self, collection, spec, sides, limit, with_payload) -> list[list[Hit]]:
        from qdrant_edge import Query, QueryBatchRequest, QueryRequest, SparseVector

        flt = self._filter(spec)
        requests = [
            QueryRequest(
                limit=limit,
                query=Query.Nearest(SparseVector(side.indices, side.values), using=SPARSE)
                if isinstance(side, SparseVec)
                else Query.Nearest(list(side), using=DENSE),
                filter=flt,
                with_payload=with_payload,
            )
            for side in sides
        ]
        with self.lease():
            shard = self._shard(collection)
            if shard is None:
                return [[] for _ in sides]
            results = shard.query_batch(QueryBatchRequest(requests))
        return [
            [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in points]
            for points in results
        ]

    def optimize(self) -> None:
        """Build the HNSW and payload indexes of grown segments (slow: run it off-hours)."""
        with self.lease():
            for collection in COLLECTIONS:
                shard = self._shard(collection)
                if shard is not None:
                    shard.optimize()
