"""Liveness and readiness, kept apart so an orchestrator can tell "starting" from "broken".

Both are `async def`: they answer on the event loop even while every worker thread is
queued behind a long transcription.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from gpu_service.deps import EngineSlot

router = APIRouter(tags=["health"])


@router.get("/health")
async def health() -> dict[str, str]:
    """The process is up; says nothing about models."""
    return {"status": "ok"}


@router.get("/ready")
async def ready(request: Request) -> JSONResponse:
    """200 once the engine is loaded and warm; 503 while loading, and again if it died."""
    slot: EngineSlot = request.app.state.asr
    if slot.status == "loading":
        return JSONResponse({"status": "loading"}, status_code=503)
    if slot.status == "dead":
        return JSONResponse({"status": "dead", "error": slot.error}, status_code=503)
    engine = slot.engine
    models = {
        "asr": {"id": engine.name, "device": engine.device, "compute_type": engine.compute_type}
    }
    return JSONResponse({"status": "ready", "models": models})
