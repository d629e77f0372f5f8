"""The store interface (`VectorStore`) and weighted reciprocal rank fusion."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from st_resources.search.model import (
    COLLECTIONS,
    DENSE_WEIGHT,
    MODEL_FIELD,
    RRF_K,
    SEGMENTS,
    TRANSCRIPTS,
    Hit,
    IndexPoint,
    Mode,
    SearchFilter,
    SparseVec,
    _Cond,
    _search_spec,
    _Spec,
    segment_point_id,
    transcript_point_id,
)


class VectorStore(ABC):
    backend: str

    @abstractmethod
    def upsert(self, collection: str, points: Sequence[IndexPoint]) -> None: ...

    @abstractmethod
    def _delete(self, collection: str, spec: _Spec) -> None: ...

    @abstractmethod
    def _count(self, collection: str, spec: _Spec) -> int: ...

    @abstractmethod
    def _set_payload(self, collection: str, spec: _Spec, payload: dict[str, Any]) -> None:
        """Set these payload fields on the points matching `spec` (none: nothing done)."""

    @abstractmethod
    def _facet(self, collection: str, key: str, spec: _Spec, limit: int) -> dict[str, int]: ...

    @abstractmethod
    def _scroll(self, collection: str, spec: _Spec, limit: int) -> list[Hit]:
        """Points matching `spec` (score 0), in no particular order."""

    @abstractmethod
    def _payloads(self, collection: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The payloads of points found by a search just before (no filter of its own)."""

    @abstractmethod
    def _query(
        self,
        collection: str,
        spec: _Spec,
        sides: Sequence[Sequence[float] | SparseVec],
        limit: int,
        with_payload: bool,
    ) -> list[list[Hit]]:
        """Each side's best points, one request for all: the nearest to a dense vector,
        or the best BM25 matches of a sparse one."""

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

    def set_segment_speaker(
        self, transcript_id: str, segment_idx: int, speaker: str | None, speakers: list[str]
    ) -> None:
        """A segment now said by `speaker` (as a reader sees it): its point's speaker, and
        the recording's point's list of `speakers`. Vectors do not hold the speaker, so
        this is all a re-index would change; a point not indexed (yet) is left alone."""
        tid = str(transcript_id)
        with self.lease():
            self._set_payload(
                SEGMENTS,
                _Spec(
                    must=[
                        _Cond("transcript_id", tid),
                        _Cond(ids=(segment_point_id(tid, segment_idx),)),
                    ]
                ),
                {"speaker": speaker},
            )
            self._set_payload(
                TRANSCRIPTS,
                _Spec(must=[_Cond("transcript_id", tid), _Cond(ids=(transcript_point_id(tid),))]),
                {"speakers": sorted(speakers)},
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

    def fetch(self, collection: str, flt: SearchFilter, ids: Sequence[str]) -> list[Hit]:
        """The points among `ids` that a search with `flt` may see."""
        if not ids:
            return []
        spec = _search_spec(flt)
        spec.must.append(_Cond(ids=tuple(ids)))
        return self._scroll(collection, spec, len(ids))

    def search(
        self,
        collection: str,
        flt: SearchFilter,
        *,
        dense: Sequence[float] | None,
        sparse: SparseVec | None,
        mode: Mode = "hybrid",
        limit: int = 10,
        rrf_k: int = RRF_K,
        dense_weight: float = DENSE_WEIGHT,
    ) -> list[Hit]:
        """Dense, keyword, or both fused by reciprocal rank fusion: a point scores
        dense_weight / (rrf_k + dense rank) + 1 / (rrf_k + keyword rank), ranks from 1,
        over the top `4 x limit` (at least 50) of each side. Fusing here rather than in
        the engine keeps both backends identical and leaves room for re-ranking. The sides
        come without payloads, fetched after by id for the fused top `limit` only (those ids
        passed the tenant filter): building a hundred payloads in Python cost more than both
        searches (bench/search_latency.py)."""
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
            side = dense if dense is not None else sparse
            return self._query(collection, spec, [side], limit, True)[0]
        candidates = max(4 * limit, 50)
        with self.lease():
            dense_side, sparse_side = self._query(
                collection, spec, [dense, sparse], candidates, False
            )
            best = rrf([(dense_weight, dense_side), (1.0, sparse_side)], rrf_k)[:limit]
            payloads = self._payloads(collection, [h.id for h in best])
        return [Hit(h.id, h.score, payloads[h.id]) for h in best if h.id in payloads]


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
