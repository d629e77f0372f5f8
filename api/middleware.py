"""ASGI middleware of the API: the body limit, counted as bytes arrive, with a deadline
on each part of it; the token check (bearer header or session cookie) before any body is
read; the answer when the database is down; and the server's own time in every answer."""

import asyncio
import logging
import time

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


class BodyStalled(HTTPException):
    """Raised from `receive` when a body's next bytes do not come in time."""

    def __init__(self, idle_s: float):
        super().__init__(408, f"the request body stalled: no data for {idle_s:g} s; send it again")


class BodyLimit:
    """Refuse a request body over `max_bytes`: at once when its Content-Length says so,
    else as soon as the bytes received pass it (a chunked body declares nothing). And
    give up on a body whose next bytes take over `idle_s` to come (408): a slow-loris
    client would otherwise hold an upload's spooled file and its tenant's upload slot for
    as long as it trickles."""

    def __init__(self, app, max_bytes: int, idle_s: float):
        self.app, self.max_bytes, self.idle_s = app, max_bytes, idle_s

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_large = BodyTooLarge(self.max_bytes)
        headers = dict(scope["headers"])
        length = headers.get(b"content-length", b"")
        if length and (not length.isdigit() or int(length) > self.max_bytes):
            return await _refusal(too_large)(scope, receive, send)
        # A request without a body (a GET, an event stream) has nothing to stall: its
        # `receive` only ever waits for the client to leave. Timed, every progress stream
        # was cut after `idle_s`: Starlette's disconnect check takes the empty body message
        # without this wrapper seeing it.
        bodiless = length in (b"", b"0") and b"transfer-encoding" not in headers
        received, done, started = 0, bodiless, False

        async def counted():
            nonlocal received, done
            if done:  # the body is read: what comes next is the client leaving
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.idle_s)
            except TimeoutError:
                raise BodyStalled(self.idle_s) from None
            received += len(message.get("body", b""))
            done = message["type"] != "http.request" or not message.get("more_body", False)
            if received > self.max_bytes:
                raise too_large
            return message

        async def watched(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except (BodyTooLarge, BodyStalled) as error:
            if started:
                raise
            await _refusal(error)(scope, receive, send)


class ServerTiming:
    """`Server-Timing: app;dur=<ms>` on every answer: the time from the request reaching
    the app to its answer starting. A load test on the same machine as the server (or a
    slow network) adds its own delay to what the client measures; this is the server's
    share alone."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()

        async def timed(message):
            if message["type"] == "http.response.start":
                ms = (time.perf_counter() - started) * 1000
                headers = [*message.get("headers", ()), (b"server-timing", b"app;dur=%.1f" % ms)]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, timed)


def _refusal(error: HTTPException) -> JSONResponse:
    return JSONResponse({"detail": error.detail}, status_code=error.status_code)


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
