"""AI engine: search across the caller's meetings (hybrid dense + keyword, RRF).

The store and the embedding model are opened by the app's lifespan and held on
`app.state`; routes reach them through the dependencies below. The tenant filter comes
from the bearer token, never from the request body.
"""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status

from api.deps import CurrentTenant, SettingsDep
from api.schemas import SearchHit, SearchRequest, SearchResponse
from st_resources import qdrant
from st_resources.embeddings import Embedder

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/ai", tags=["ai"])


def get_vector_store(request: Request) -> qdrant.VectorStore:
    return request.app.state.vectors


def get_embedder(request: Request) -> Embedder:
    return request.app.state.embedder


VectorStoreDep = Annotated[qdrant.VectorStore, Depends(get_vector_store)]
EmbedderDep = Annotated[Embedder, Depends(get_embedder)]


@router.post("/search")
def search(
    body: SearchRequest,
    tenant: CurrentTenant,
    store: VectorStoreDep,
    embedder: EmbedderDep,
    settings: SettingsDep,
) -> SearchResponse:
    f = body.filters
    flt = qdrant.SearchFilter(
        tenant_id=str(tenant.id),
        project_id=f.project_id,
        transcript_id=str(f.transcript_id) if f.transcript_id else None,
        speaker=f.speaker,
        language=f.language,
        date_from=f.date_from,
        date_to=f.date_to,
    )
    try:
        hits = qdrant.search(
            store,
            embedder,
            body.query,
            flt,
            mode=body.mode,
            limit=body.limit,
            rrf_k=settings.search_rrf_k,
            dense_weight=settings.search_dense_weight,
        )
    except qdrant.StoreBusy as exc:
        log.warning("search index busy: %s", exc)
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="the search index is busy; retry in a moment",
            headers={"Retry-After": "2"},
        ) from exc
    return SearchResponse(
        query=body.query,
        mode=body.mode,
        embedding_model=embedder.fingerprint,
        hits=[
            SearchHit(
                transcript_id=h.payload["transcript_id"],
                title=h.payload.get("title") or "",
                speaker=h.payload.get("speaker"),
                start=h.payload.get("start", 0.0),
                end=h.payload.get("end", 0.0),
                text=h.payload.get("text", ""),
                score=round(h.score, 6),
                segment_idx=h.payload.get("segment_idx"),
                language=h.payload.get("language"),
            )
            for h in hits
        ],
    )
