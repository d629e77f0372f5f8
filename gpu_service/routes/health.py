"""Liveness and readiness, kept apart so an orchestrator can tell "starting" from "broken".

`/ready` reports every engine: its state (loading, ready, restarting, dead), the reason
when it is not ready, and its model once it is. Its own status:

- `loading` (503) while an engine loads for the first time;
- `ready` (200) once every engine passed its self-test;
- `degraded` (200) while ASR, diarization and embeddings are ready but the LLM is not
  (its worker is restarting, or it failed): recordings are still transcribed, diarized and
  named from voiceprints and rules, and end `completed_degraded`;
- `dead` (503) when ASR, diarization or embeddings failed: no recording can be processed.

Both routes are `async def`: they answer on the event loop even while every worker
thread is queued behind a long transcription.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from gpu_service.slots import EngineSlot

router = APIRouter(tags=["health"])

CORE = ("asr", "diarization", "embedding")  # without any of these nothing can be processed


@router.get("/health")
async def health() -> dict[str, str]:
    """The process is up; says nothing about models."""
    return {"status": "ok"}


def _engine(slot: EngineSlot) -> dict[str, Any]:
    view: dict[str, Any] = {"state": slot.status, "reason": slot.error}
    if slot.status == "ready":
        view["model"] = slot.engine.info
    if process := getattr(slot.engine, "process", None):
        view["process"] = process
    return view


@router.get("/ready")
async def ready(request: Request) -> JSONResponse:
    state = request.app.state
    slots = {"asr": state.asr, "diarization": state.diarizer, "embedding": state.embedder}
    slots["llm"] = state.llm
    engines = {name: _engine(slot) for name, slot in slots.items()}
    states = {name: view["state"] for name, view in engines.items()}
    if any(states[name] in ("dead", "restarting") for name in CORE):
        status = "dead"
    elif "loading" in states.values():
        status = "loading"
    elif states["llm"] == "ready":
        status = "ready"
    else:
        status = "degraded"
    body = {
        "status": status,
        "engines": engines,
        "models": {name: view["model"] for name, view in engines.items() if "model" in view},
    }
    return JSONResponse(body, status_code=200 if status in ("ready", "degraded") else 503)
