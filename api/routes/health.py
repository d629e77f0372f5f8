"""GET /health: every dependency the API needs, by name; 503 names the failing ones.

Unauthenticated, so it says which component is down and the kind of error, never the
error's text (connection strings carry hosts and user names): that goes to the log.
"""

import asyncio
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from st_resources.clients.gpu import client_from_settings
from st_resources.db.session import get_engine

router = APIRouter(tags=["health"])
log = logging.getLogger(__name__)


def _postgres() -> None:
    with get_engine().connect() as conn:
        conn.execute(text("SELECT 1"))


def _gpu_service() -> None:
    if not client_from_settings().ready():
        raise RuntimeError("gpu_service is not ready")


async def _check(name: str, fn) -> str:
    try:
        await asyncio.wait_for(asyncio.to_thread(fn), timeout=5)
        return "ok"
    except Exception as exc:  # noqa: BLE001 - any failure marks the component down
        log.warning("health: %s is down: %r", name, exc)
        return f"down: {exc.__class__.__name__}"


@router.get("/health")
async def health(request: Request) -> JSONResponse:
    state = request.app.state
    names = ("postgres", "redis", "gpu_service", "object_store")
    checks = (_postgres, state.redis.ping, _gpu_service, state.store.ping)
    answers = await asyncio.gather(*(_check(n, f) for n, f in zip(names, checks, strict=True)))
    results = dict(zip(names, answers, strict=True))
    failing = [name for name, result in results.items() if result != "ok"]
    return JSONResponse(
        {"status": "degraded" if failing else "ok", "failing": failing, "components": results},
        status_code=503 if failing else 200,
    )
