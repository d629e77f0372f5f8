"""AI engine: search, cited chat (SSE) and feedback over the caller's meetings.

The store, the embedding model and the LLM client are built by the lifespan and reached
through api/deps.py. The tenant filter comes from the bearer token, never from
the request body. Ranking, prompts and the reliability score live in st_resources.chat.engine
and st_resources.chat.store; these routes only wire them to HTTP.
"""

import json
import logging
import time
import uuid
from collections.abc import Iterator

from fastapi import APIRouter, HTTPException, status
from sse_starlette import EventSourceResponse, ServerSentEvent

from api.deps import (
    CurrentTenant,
    DetachedTenant,
    EmbedderDep,
    LlmDep,
    RedisDep,
    SessionDep,
    SettingsDep,
    VectorStoreDep,
)
from api.limits import Slots, within_rate
from api.schemas import (
    ERROR_RESPONSES,
    ChatCitationOut,
    ChatFinalEvent,
    ChatRequest,
    ChatRetrievalEvent,
    ChatSnippet,
    FeedbackOut,
    FeedbackRequest,
    SearchFilters,
    SearchHit,
    SearchRequest,
    SearchResponse,
)
from st_resources import search as qdrant
from st_resources.chat import store as chat_store
from st_resources.chat.engine import Answer, ChatEngine, Snippet
from st_resources.db.session import session_scope

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/ai", tags=["ai"], responses=ERROR_RESPONSES)

# Extra search candidates fetched so that feedback can promote one from just below the cut.
FEEDBACK_CANDIDATES = 10
SLOT_REFRESH_S = 10  # well within api.limits.STALE_S


def _filter(tenant_id: uuid.UUID, f: SearchFilters) -> qdrant.SearchFilter:
    return qdrant.SearchFilter(
        tenant_id=str(tenant_id),
        project_id=f.project_id,
        transcript_id=str(f.transcript_id) if f.transcript_id else None,
        speaker=f.speaker,
        language=f.language,
        date_from=f.date_from,
        date_to=f.date_to,
    )


def _busy(exc: qdrant.StoreBusy) -> HTTPException:
    log.warning("search index busy: %s", exc)
    return HTTPException(
        status.HTTP_503_SERVICE_UNAVAILABLE,
        detail="the search index is busy; retry in a moment",
        headers={"Retry-After": "2"},
    )


@router.post("/search")
def search(
    body: SearchRequest,
    tenant: CurrentTenant,
    session: SessionDep,
    store: VectorStoreDep,
    embedder: EmbedderDep,
    settings: SettingsDep,
) -> SearchResponse:
    try:
        hits = qdrant.search(
            store,
            embedder,
            body.query,
            _filter(tenant.id, body.filters),
            mode=body.mode,
            limit=min(body.limit + FEEDBACK_CANDIDATES, 50),
            rrf_k=settings.search_rrf_k,
            dense_weight=settings.search_dense_weight,
        )
    except qdrant.StoreBusy as exc:
        raise _busy(exc) from exc
    hits = chat_store.rerank(session, tenant.id, hits)[: body.limit]
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
                in_reply_to=h.payload.get("in_reply_to"),
            )
            for h in hits
        ],
    )


def _final(
    answer: Answer, conversation_id: uuid.UUID, message_id: uuid.UUID, history: int
) -> ChatFinalEvent:
    return ChatFinalEvent(
        conversation_id=conversation_id,
        message_id=message_id,
        answer=answer.text,
        found=answer.found,
        reliability=answer.reliability,
        reliability_basis=answer.basis,
        citations=[
            ChatCitationOut(
                n=c.n,
                transcript_id=c.transcript_id,
                title=c.title,
                speaker=c.speaker,
                start=c.start,
                end=c.end,
                segment_idx=c.segment_idx,
            )
            for c in answer.citations
        ],
        invalid_citations=answer.invalid_citations,
        degraded=answer.degraded,
        history_messages=history,
    )


@router.post(
    "/chat",
    response_class=EventSourceResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "SSE stream"}},
)
def chat(
    body: ChatRequest,
    tenant: DetachedTenant,
    store: VectorStoreDep,
    embedder: EmbedderDep,
    llm: LlmDep,
    settings: SettingsDep,
    r: RedisDep,
) -> EventSourceResponse:
    """Events: `retrieval` (the snippets, before any LLM call), `token`s as the model
    writes, then `final` (answer, citations, reliability, found, message id); `error`
    if the turn fails midway.

    Each tenant has `chats_per_tenant` answers in flight and `chats_per_minute` turns: an
    answer holds a worker thread while the LLM writes, and the pool is shared."""
    tenant_id = tenant.id
    if not within_rate(r, "chat", tenant_id, settings.chats_per_minute):
        raise _too_many(f"at most {settings.chats_per_minute} chat turns a minute")
    slot = Slots(r, "chat", tenant_id, settings.chats_per_tenant)
    if not slot.acquire():
        raise _too_many(f"at most {settings.chats_per_tenant} chat answers at once")
    try:
        engine = ChatEngine(
            store,
            embedder,
            llm,
            rrf_k=settings.search_rrf_k,
            dense_weight=settings.search_dense_weight,
        )
        with session_scope() as session:
            history: list[tuple[str, str]] = []
            if body.conversation_id is not None:
                found = chat_store.history(session, tenant_id, body.conversation_id)
                if found is None:
                    raise HTTPException(status.HTTP_404_NOT_FOUND, detail="conversation not found")
                history = found
            try:
                snippets = engine.retrieve(
                    body.message,
                    _filter(tenant_id, body.filters),
                    history,
                    body.limit,
                    rerank=lambda hits: chat_store.rerank(session, tenant_id, hits),
                )
            except qdrant.StoreBusy as exc:
                raise _busy(exc) from exc
            conversation_id = chat_store.add_question(
                session, tenant_id, body.conversation_id, body.message
            )
    except BaseException:
        slot.release()
        raise
    retrieval = ChatRetrievalEvent(
        conversation_id=conversation_id,
        snippets=[ChatSnippet(**vars(s)) for s in snippets],
    )
    turn = _stream(engine, body.message, snippets, history, tenant_id, conversation_id, retrieval)
    return EventSourceResponse(_holding(slot, turn), ping=15)


def _too_many(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        detail=f"{detail}; retry shortly",
        headers={"Retry-After": "5"},
    )


def _holding(slot: Slots, events: Iterator[ServerSentEvent]) -> Iterator[ServerSentEvent]:
    """The turn's events, its slot refreshed while the LLM writes and given back at the end
    (or when the client leaves)."""
    refreshed = time.monotonic()
    try:
        for event in events:
            if time.monotonic() - refreshed > SLOT_REFRESH_S:
                slot.refresh()
                refreshed = time.monotonic()
            yield event
    finally:
        slot.release()


def _stream(
    engine: ChatEngine,
    question: str,
    snippets: list[Snippet],
    history: list[tuple[str, str]],
    tenant_id: uuid.UUID,
    conversation_id: uuid.UUID,
    retrieval: ChatRetrievalEvent,
) -> Iterator[ServerSentEvent]:
    yield ServerSentEvent(event="retrieval", data=retrieval.model_dump_json())
    try:
        for kind, data in engine.respond(question, snippets, history):
            if kind == "token":
                yield ServerSentEvent(event="token", data=json.dumps({"text": data}))
                continue
            with session_scope() as session:
                message_id = chat_store.save_answer(
                    session, tenant_id, conversation_id, data, snippets
                ).id
            final = _final(data, conversation_id, message_id, len(history))
            yield ServerSentEvent(event="final", data=final.model_dump_json())
    except Exception:
        log.exception("chat turn failed in conversation %s", conversation_id)
        yield ServerSentEvent(event="error", data=json.dumps({"detail": "internal error"}))


@router.post("/feedback", status_code=status.HTTP_201_CREATED)
def feedback(body: FeedbackRequest, tenant: CurrentTenant, session: SessionDep) -> FeedbackOut:
    row = chat_store.add_feedback(
        session,
        tenant.id,
        body.value,
        message_id=body.message_id,
        transcript_id=body.transcript_id,
        segment_idx=body.segment_idx,
        score=body.score,
        comment=body.comment,
    )
    if row is None:
        what = "answer" if body.message_id is not None else "segment"
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"{what} not found")
    return FeedbackOut(
        id=row.id,
        target="answer" if row.message_id else "search_hit",
        value=row.rating,
        created_at=row.created_at,
    )
