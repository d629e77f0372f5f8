"""create_app(): routers, the web app under /app/ (api/routes/web.py), middleware
(api/middleware.py), lifespan (clients held on app.state), error handlers."""

import logging
from contextlib import asynccontextmanager

import redis
import redis.asyncio as aioredis
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from api import openapi
from api.metrics import api_gauges
from api.middleware import BodyLimit, ServerTiming, TokenBeforeBody, database_down
from api.routes import (
    ai,
    alerts,
    corrections,
    dashboard,
    events,
    health,
    session,
    transcripts,
    voiceprints,
    web,
)
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.llm import llm_from_settings
from st_resources.clients.storage import store_from_settings
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
    # Search: the embedding model is loaded once here; an embedded store's shards open
    # lazily, in a child process, so that loading them never stalls this one.
    app.state.embedder = get_embedder(settings)
    app.state.vectors = open_store(settings, isolated=True)
    # The LLM client only holds settings: the API starts and serves search without the LLM.
    app.state.llm = llm_from_settings()
    yield
    app.state.vectors.release()
    await app.state.aredis.aclose()
    app.state.redis.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="Smart Transcription API", version="0.1.0", lifespan=lifespan)
    app.include_router(health.router)
    app.include_router(transcripts.router)
    app.include_router(corrections.router)
    app.include_router(events.router)
    app.include_router(ai.router)
    app.include_router(voiceprints.router)
    app.include_router(alerts.router)
    app.include_router(dashboard.router)
    app.include_router(session.router)
    app.include_router(web.router)
    app.mount("/app", web.SinglePageApp(), name="web")
    openapi.install(app)
    instrument(app, api_gauges(app))
    app.add_middleware(TokenBeforeBody)
    # Room for the multipart framing and the context documents beside the audio.
    limit = settings.max_upload_bytes + settings.max_context_files * settings.max_context_file_bytes
    app.add_middleware(BodyLimit, max_bytes=limit, idle_s=settings.upload_idle_s)
    app.add_middleware(ServerTiming)

    @app.exception_handler(OperationalError)
    async def database_unavailable(request: Request, exc: OperationalError) -> JSONResponse:
        return database_down(exc)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    return app


app = create_app()
