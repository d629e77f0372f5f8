"""Collections, point ids, points, hits and search filters: what both backends share."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

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
# Weighted RRF: dense_weight / (RRF_K + dense rank) + 1 / (RRF_K + keyword rank). Chosen
# over eval/retrieval.py's sets (k 5/10/30 x weight 1/2/3/5): held-out queries paraphrase,
# so the dense side leads and the keyword side reorders close dense ranks, as a tie-break
# (docs/MEASUREMENTS.md#search-quality).
RRF_K = 5
DENSE_WEIGHT = 3.0

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
