"""GET /health: every dependency the API needs, by name; 503 names the failing ones."""

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from st_resources.clients.gpu import client_from_settings
from st_resources.db.session import get_engine

router = APIRouter(tags=["health"])


def _postgres() -> None:
    with get_engine().connect() as conn:
        conn.execute(text("SELECT 1"))


def _gpu_service() -> None:
    if not client_from_settings().ready():
        raise RuntimeError("gpu_service is not ready")


async def _check(fn) -> str:
    try:
        await asyncio.wait_for(asyncio.to_thread(fn), timeout=5)
        return "ok"
    except Exception as exc:  # noqa: BLE001 - any failure marks the component down
        return f"down: {exc.__class__.__name__}: {str(exc)[:200]}"


@router.get("/health")
async def health(request: Request) -> JSONResponse:
    state = request.app.state
    names = ("postgres", "redis", "gpu_service", "object_store")
    checks = (_postgres, state.redis.ping, _gpu_service, state.store.ping)
    results = dict(zip(names, await asyncio.gather(*(_check(f) for f in checks)), strict=True))
    failing = [name for name, result in results.items() if result != "ok"]
    return JSONResponse(
        {"status": "degraded" if failing else "ok", "failing": failing, "components": results},
        status_code=503 if failing else 200,
    )
