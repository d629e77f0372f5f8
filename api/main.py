"""create_app(): routers, lifespan (clients held on app.state), error handlers."""

import logging
from contextlib import asynccontextmanager

import redis
import redis.asyncio as aioredis
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool

from api.metrics import api_gauges
from api.routes import ai, alerts, dashboard, events, health, transcripts, voiceprints
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.llm import llm_from_settings
from st_resources.clients.storage import store_from_settings
from st_resources.db.session import session_scope
from st_resources.db.tenants import tenant_for_token
from st_resources.metrics import instrument
from st_resources.search import open_store
from st_resources.settings import Settings, get_settings

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    app.state.store = store_from_settings(settings)
    app.state.redis = redis.Redis.from_url(settings.redis_url, decode_responses=True)
    # XREAD BLOCK in the SSE relay waits longer than the client's default read timeout,
    # and holds its connection meanwhile: one per open stream (the pool's default of 100
    # refused streams past it with a 500).
    app.state.aredis = aioredis.Redis.from_url(
        settings.redis_url,
        decode_responses=True,
        socket_timeout=60,
        max_connections=settings.redis_stream_connections,
    )
    # Search: the embedding model is loaded once here; the store opens its shards lazily.
    app.state.embedder = get_embedder(settings)
    app.state.vectors = open_store(settings)
    # The LLM client only holds settings: the API starts and serves search without the LLM.
    app.state.llm = llm_from_settings()
    yield
    app.state.vectors.release()
    await app.state.aredis.aclose()
    app.state.redis.close()


class BodyTooLarge(HTTPException):
    """Raised from `receive` while a route reads its body: FastAPI passes HTTP exceptions
    through its body parsing (any other error there becomes a 400)."""

    def __init__(self, max_bytes: int):
        mb = max_bytes // (1024 * 1024)
        super().__init__(413, f"request body is over the {mb} MB upload limit")


class BodyLimit:
    """Refuse a request body over `max_bytes`: at once when its Content-Length says so,
    else as soon as the bytes received pass it (a chunked body declares nothing)."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        error = BodyTooLarge(self.max_bytes)
        too_large = JSONResponse({"detail": error.detail}, status_code=413)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length and (not length.isdigit() or int(length) > self.max_bytes):
            return await too_large(scope, receive, send)
        received, started = 0, False

        async def counted():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise error
            return message

        async def watched(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if started:
                raise
            await too_large(scope, receive, send)


class TokenBeforeBody:
    """A write to /api/ with no valid bearer token is refused before its body is read:
    FastAPI reads (and spools) a form body before it resolves the route's dependencies,
    so a stranger's upload would otherwise cost a whole body's transfer and disk."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] not in ("POST", "PUT", "PATCH")
            or not scope["path"].startswith("/api/")
        ):
            return await self.app(scope, receive, send)
        try:
            known = await run_in_threadpool(_known_token, dict(scope["headers"]))
        except OperationalError as exc:  # outside the routes: their handler cannot see it
            return await _database_down(exc)(scope, receive, send)
        if not known:
            response = JSONResponse(
                {"detail": "missing or invalid bearer token"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)


def _database_down(exc: OperationalError) -> JSONResponse:
    """Connection refused or dropped (a restart): the transaction was rolled back."""
    log.warning("database unavailable: %s", exc)
    return JSONResponse(
        {"detail": "the database is unavailable; nothing was changed, retry in a moment"},
        status_code=503,
        headers={"Retry-After": "2"},
    )


def _known_token(headers: dict[bytes, bytes]) -> bool:
    scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    with session_scope() as session:
        return tenant_for_token(session, token.strip()) is not None


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="Smart Transcription API", version="0.1.0", lifespan=lifespan)
    app.include_router(health.router)
    app.include_router(transcripts.router)
    app.include_router(events.router)
    app.include_router(ai.router)
    app.include_router(voiceprints.router)
    app.include_router(alerts.router)
    app.include_router(dashboard.router)
    instrument(app, api_gauges(app))
    app.add_middleware(TokenBeforeBody)
    # Outermost: room for the multipart framing and the context documents beside the audio.
    limit = settings.max_upload_bytes + settings.max_context_files * settings.max_context_file_bytes
    app.add_middleware(BodyLimit, max_bytes=limit)

    @app.exception_handler(OperationalError)
    async def database_down(request: Request, exc: OperationalError) -> JSONResponse:
        return _database_down(exc)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    return app


app = create_app()
