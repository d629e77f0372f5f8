"""A Qdrant server through qdrant-client (QDRANT_HOST; docker-compose, production)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from st_resources.search.model import (
    DATETIME_FIELDS,
    DENSE,
    KEYWORD_FIELDS,
    SPARSE,
    Hit,
    IndexMismatch,
    IndexPoint,
    SparseVec,
    _Cond,
    _Spec,
)
from st_resources.search.store import VectorStore


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

    def _set_payload(self, collection: str, spec: _Spec, payload: dict[str, Any]) -> None:
        from qdrant_client import models

        if not self._exists(collection):
            return
        self.client.set_payload(
            self._name(collection),
            payload,
            points=models.FilterSelector(filter=self._filter(spec)),
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

    def _scroll(self, collection: str, spec: _Spec, limit: int) -> list[Hit]:
        if not self._exists(collection):
            return []
        records, _ = self.client.scroll(
            self._name(collection), scroll_filter=self._filter(spec), limit=limit
        )
        return [Hit(str(r.id), 0.0, dict(r.payload or {})) for r in records]

    def _payloads(self, collection: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not ids or not self._exists(collection):
            return {}
        records = self.client.retrieve(self._name(collection), ids=list(ids), with_payload=True)
        return {str(r.id): dict(r.payload or {}) for r in records}

    def _query(self, collection, spec, sides, limit, with_payload) -> list[list[Hit]]:
        from qdrant_client import models

        if not self._exists(collection):
            return [[] for _ in sides]
        flt = self._filter(spec)
        requests = [
            models.QueryRequest(
                query=models.SparseVector(indices=side.indices, values=side.values)
                if isinstance(side, SparseVec)
                else list(side),
                using=SPARSE if isinstance(side, SparseVec) else DENSE,
                filter=flt,
                limit=limit,
                with_payload=with_payload,
            )
            for side in sides
        ]
        responses = self.client.query_batch_points(self._name(collection), requests=requests)
        return [
            [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in response.points]
            for response in responses
        ]
