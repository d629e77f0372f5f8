"""An engine as the service holds it, and the one way routes ask for it.

Kept free of engine imports, so the LLM worker process (llm_worker.py) uses it without
loading Whisper or torch.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from fastapi import Request

from gpu_service.engines.errors import EngineNotReady

# Under uvicorn.error so the lines show with uvicorn's own, without a logging config.
log = logging.getLogger("uvicorn.error")

# loading: not loaded yet; ready: passed its self-test; restarting: its process died and is
# being started again (the LLM worker); dead: failed to load, or broke, until a restart.
Status = Literal["loading", "ready", "restarting", "dead"]


@dataclass
class EngineSlot:
    """An engine as /ready sees it: absent while loading, with an error once dead; an
    engine with its own `state` (a supervised process) says it itself."""

    engine: Any = None
    load_error: str | None = None

    @property
    def error(self) -> str | None:
        return self.load_error or (self.engine.error if self.engine else None)

    @property
    def status(self) -> Status:
        if self.load_error:
            return "dead"
        if self.engine is None:
            return "loading"
        if state := getattr(self.engine, "state", None):
            return state
        return "dead" if self.engine.error else "ready"


def load_into(slot: EngineSlot, what: str, build: Callable[[], Any]) -> None:
    """Build an engine and run its self-test, then put it in `slot`; any failure marks
    the slot dead with the reason, never the process."""
    started = time.monotonic()
    try:
        engine = build()
        engine.self_test()
    except Exception as exc:
        log.exception("%s engine failed to load", what)
        slot.load_error = f"{type(exc).__name__}: {exc}"
        return
    slot.engine = engine
    log.info("%s engine %s self-tested in %.1f s", what, engine.name, time.monotonic() - started)


def ready_engine(request: Request, name: str, what: str) -> Any:
    """The engine in `app.state.<name>`, or a 503 that says its state, and why."""
    slot: EngineSlot = getattr(request.app.state, name)
    if slot.engine is None or slot.status != "ready":
        raise EngineNotReady(what, slot.status, slot.error)
    return slot.engine
