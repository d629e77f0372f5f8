"""ASGI middleware of the API: the body limit, counted as bytes arrive, and the token
check (bearer header or session cookie) before any body is read; and the answer when the
database is down."""

import logging

from fastapi import HTTPException
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool

from api.deps import token_of
from st_resources.db.session import session_scope
from st_resources.db.tenants import tenant_for_token

log = logging.getLogger(__name__)


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


# Signing in is the one write that carries its token in the body (a small JSON one).
SIGN_IN_PATH = "/api/session"


class TokenBeforeBody:
    """A write to /api/ with no valid token (bearer header, else session cookie) is
    refused before its body is read: FastAPI reads (and spools) a form body before it
    resolves the route's dependencies, so a stranger's upload would otherwise cost a
    whole body's transfer and disk."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] not in ("POST", "PUT", "PATCH")
            or not scope["path"].startswith("/api/")
            or scope["path"] == SIGN_IN_PATH
        ):
            return await self.app(scope, receive, send)
        try:
            known = await run_in_threadpool(_known_token, dict(scope["headers"]))
        except OperationalError as exc:  # outside the routes: their handler cannot see it
            return await database_down(exc)(scope, receive, send)
        if not known:
            response = JSONResponse(
                {"detail": "missing or invalid bearer token"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)


def database_down(exc: OperationalError) -> JSONResponse:
    """Connection refused or dropped (a restart): the transaction was rolled back."""
    log.warning("database unavailable: %s", exc)
    return JSONResponse(
        {"detail": "the database is unavailable; nothing was changed, retry in a moment"},
        status_code=503,
        headers={"Retry-After": "2"},
    )


def _known_token(headers: dict[bytes, bytes]) -> bool:
    authorization = headers.get(b"authorization")
    token = token_of(
        authorization.decode("latin-1") if authorization is not None else None,
        headers.get(b"cookie", b"").decode("latin-1"),
    )
    if not token:
        return False
    with session_scope() as session:
        return tenant_for_token(session, token) is not None
