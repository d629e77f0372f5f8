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
    """200 once every engine is loaded and warm; 503 while loading, and again if one died."""
    state = request.app.state
    slots: list[EngineSlot] = [state.asr, state.diarizer, state.embedder, state.llm]
    if dead := [slot for slot in slots if slot.status == "dead"]:
        return JSONResponse({"status": "dead", "error": dead[0].error}, status_code=503)
    if any(slot.status == "loading" for slot in slots):
        return JSONResponse({"status": "loading"}, status_code=503)
    asr, diarizer, embedder, llm = (slot.engine for slot in slots)
    models = {
        "asr": {"id": asr.name, "device": asr.device, "compute_type": asr.compute_type},
        "diarization": {"id": diarizer.name, **diarizer.model},
        "embedding": {"id": embedder.name, "dim": embedder.dim},
        "llm": llm.info,
    }
    return JSONResponse({"status": "ready", "models": models})
