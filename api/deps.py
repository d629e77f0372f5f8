"""Annotated dependencies: the session, the caller's tenant, the caller's transcript, and
the clients the lifespan built (object store, Redis, search index, embedder, LLM).

Authentication and tenant scoping live here once: a route that takes `CurrentTenant`
cannot forget to check the token, and one that takes `OwnedTranscript` gets a transcript
of the caller's tenant or a 404, whatever the id. The token comes in an `Authorization:
Bearer` header, or, for the web app, in the session cookie `POST /api/session` sets
(http-only, SameSite=Strict: a cross-site request does not carry it); a request with an
Authorization header is judged by that header alone.
"""

import uuid
from collections.abc import Iterator
from typing import Annotated

import redis
import redis.asyncio as aioredis
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.requests import cookie_parser

from st_resources import search as qdrant
from st_resources.clients.embeddings import Embedder
from st_resources.clients.llm import LlmClient
from st_resources.clients.storage import ObjectStore
from st_resources.db.models import Tenant, Transcript
from st_resources.db.session import API_SESSIONS, session_scope
from st_resources.db.tenants import tenant_for_token
from st_resources.settings import Settings, get_settings
from st_resources.transcripts import store as transcripts


def get_session() -> Iterator[Session]:
    with session_scope() as session:
        yield session


# Committed and closed when the route returns, before the response is sent (a streamed
# response never holds it), and at most API_SESSIONS at once: a request waiting for one
# waits without a worker thread. Held through the response and unbounded, 50 concurrent
# uploads once exhausted the pool while the sessions' teardown waited for a thread: 40
# answered 500 after the pool's 30 s timeout.
SessionDep = Annotated[
    Session, Depends(get_session, scope="function", max_concurrency=API_SESSIONS)
]
SettingsDep = Annotated[Settings, Depends(get_settings)]

SESSION_COOKIE = "st_session"

_bearer = HTTPBearer(auto_error=False)
_cookie = APIKeyCookie(
    name=SESSION_COOKIE,
    auto_error=False,
    description="the token, as POST /api/session sets it for the web app",
)


CredentialsDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
CookieDep = Annotated[str | None, Depends(_cookie)]


def token_of(authorization: str | None, cookie_header: str | None) -> str | None:
    """The token a caller sent, from its raw headers: the bearer token when there is an
    Authorization header (the cookie neither overrides it nor stands in for a malformed
    one), else the session cookie's. The one rule for the routes and the middleware."""
    if authorization is not None:
        scheme, _, token = authorization.partition(" ")
        return (token.strip() or None) if scheme.lower() == "bearer" else None
    return cookie_parser(cookie_header or "").get(SESSION_COOKIE) or None


def caller_token(request: Request, _header: CredentialsDep, _cookie: CookieDep) -> str | None:
    """`token_of` the request; the two security dependencies document both ways in the
    OpenAPI schema."""
    return token_of(request.headers.get("authorization"), request.headers.get("cookie"))


TokenDep = Annotated[str | None, Depends(caller_token)]


def authenticate(session: Session, token: str | None) -> Tenant:
    """The token's tenant, or a 401 (unknown, revoked or expired token, or none)."""
    unauthorized = HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        detail="missing or invalid bearer token",
        headers={"WWW-Authenticate": "Bearer"},
    )
    if not token:
        raise unauthorized
    tenant = tenant_for_token(session, token)
    if tenant is None:
        raise unauthorized
    return tenant


def current_tenant(session: SessionDep, token: TokenDep) -> Tenant:
    return authenticate(session, token)


def current_tenant_detached(token: TokenDep) -> Tenant:
    """The caller's tenant, read in a session of its own that is closed on return: for a
    response that streams for minutes (SSE, chat), which must not hold a pooled database
    connection meanwhile (the request's own session lives as long as the response)."""
    with session_scope() as session:
        tenant = authenticate(session, token)
        session.expunge(tenant)
        return tenant


CurrentTenant = Annotated[Tenant, Depends(current_tenant)]
DetachedTenant = Annotated[Tenant, Depends(current_tenant_detached)]


def get_store(request: Request) -> ObjectStore:
    return request.app.state.store


def get_redis(request: Request) -> redis.Redis:
    return request.app.state.redis


def get_async_redis(request: Request) -> aioredis.Redis:
    return request.app.state.aredis


StoreDep = Annotated[ObjectStore, Depends(get_store)]
RedisDep = Annotated[redis.Redis, Depends(get_redis)]
AsyncRedisDep = Annotated[aioredis.Redis, Depends(get_async_redis)]


def get_vector_store(request: Request) -> qdrant.VectorStore:
    return request.app.state.vectors


def get_embedder(request: Request) -> Embedder:
    return request.app.state.embedder


def get_llm(request: Request) -> LlmClient:
    return request.app.state.llm


VectorStoreDep = Annotated[qdrant.VectorStore, Depends(get_vector_store)]
EmbedderDep = Annotated[Embedder, Depends(get_embedder)]
LlmDep = Annotated[LlmClient, Depends(get_llm)]


def _not_found() -> HTTPException:
    # Malformed ids get the same 404 as other tenants' ids: nothing to learn from either.
    return HTTPException(status.HTTP_404_NOT_FOUND, detail="transcript not found")


def transcript_or_404(
    session: Session, tenant: Tenant, transcript_id: str | uuid.UUID, segments: bool = False
) -> Transcript:
    """The tenant's transcript with that id (from a path or a body), else a 404."""
    try:
        tid = uuid.UUID(str(transcript_id))
    except ValueError:
        raise _not_found() from None
    row = transcripts.get_for_tenant(session, tenant.id, tid, with_segments=segments)
    if row is None:
        raise _not_found()
    return row


def owned_transcript(transcript_id: str, tenant: CurrentTenant, session: SessionDep) -> Transcript:
    """The path's transcript, if the caller's tenant owns it."""
    return transcript_or_404(session, tenant, transcript_id)


def owned_transcript_with_segments(
    transcript_id: str, tenant: CurrentTenant, session: SessionDep
) -> Transcript:
    """The same, its speakers and segments loaded."""
    return transcript_or_404(session, tenant, transcript_id, segments=True)


def owned_transcript_detached(transcript_id: str, token: TokenDep) -> Transcript:
    """The same, read in a session of its own that is closed on return: for a response
    that streams for minutes (SSE), which must not hold a pooled connection meanwhile."""
    with session_scope() as session:
        row = transcript_or_404(session, authenticate(session, token), transcript_id)
        session.expunge(row)
        return row


OwnedTranscript = Annotated[Transcript, Depends(owned_transcript)]
DetachedTranscript = Annotated[Transcript, Depends(owned_transcript_detached)]
OwnedTranscriptWithSegments = Annotated[Transcript, Depends(owned_transcript_with_segments)]
