"""create_app(): routers, lifespan (clients held on app.state), error handlers."""

import logging
from contextlib import asynccontextmanager

import redis
import redis.asyncio as aioredis
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.routes import ai, events, health, transcripts, voiceprints
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.llm import llm_from_settings
from st_resources.clients.storage import store_from_settings
from st_resources.search import open_store
from st_resources.settings import get_settings

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    app.state.store = store_from_settings(settings)
    app.state.redis = redis.Redis.from_url(settings.redis_url, decode_responses=True)
    # XREAD BLOCK in the SSE relay waits longer than the client's default read timeout.
    app.state.aredis = aioredis.Redis.from_url(
        settings.redis_url, decode_responses=True, socket_timeout=60
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


class BodyLimit:
    """Refuse a request whose declared body exceeds the upload limit before reading it."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            length = dict(scope["headers"]).get(b"content-length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                mb = self.max_bytes // (1024 * 1024)
                response = JSONResponse(
                    {"detail": f"request body is over the {mb} MB upload limit"}, status_code=413
                )
                return await response(scope, receive, send)
        return await self.app(scope, receive, send)


def create_app() -> FastAPI:
    settings = get_settings()
    app = FastAPI(title="Smart Transcription API", version="0.1.0", lifespan=lifespan)
    app.include_router(health.router)
    app.include_router(transcripts.router)
    app.include_router(events.router)
    app.include_router(ai.router)
    app.include_router(voiceprints.router)
    # Room for the multipart framing and the context documents beside the audio.
    limit = settings.max_upload_bytes + settings.max_context_files * settings.max_context_file_bytes
    app.add_middleware(BodyLimit, max_bytes=limit)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    return app


app = create_app()
