"""`python -m gpu_service.llm_worker --uds PATH`: the llama.cpp engine alone in a process.

gpu_service starts it, forwards chat completions to it and restarts it when it dies
(gpu_service/engines/llm_process.py): a native crash in llama.cpp ends this process only.
It serves gpu_service's own `/v1/chat/completions` route on a Unix socket, `/health`, and
`/ready`: 503 while the model loads and runs its one-token self-test, `dead` with the
reason if that failed, 200 with the model's description once it passed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from gpu_service.engines.llm import LlamaEngine
from gpu_service.errors import add_error_handlers
from gpu_service.routes import chat
from gpu_service.slots import EngineSlot, load_into
from st_resources.model_files import resolve_llm_model
from st_resources.settings import Settings, get_settings


def load(slot: EngineSlot, settings: Settings) -> None:
    """A Python-level failure is reported in `slot`; a native one ends the process (the
    supervisor reads its exit signal)."""
    load_into(
        slot,
        "LLM",
        lambda: LlamaEngine(
            resolve_llm_model(settings.llm_model),
            n_ctx=settings.llm_n_ctx,
            cpu_threads=settings.llm_cpu_threads,
            extra_buffer_types=settings.llm_extra_buffer_types,
        ),
    )


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.llm = EngineSlot()
    loading = asyncio.ensure_future(asyncio.to_thread(load, app.state.llm, app.state.settings))
    yield
    await loading


def build_worker_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="gpu_service LLM worker", lifespan=lifespan)
    app.state.settings = settings
    app.state.llm_usage = chat.Usage()
    app.include_router(chat.router, prefix="/v1")
    add_error_handlers(app)

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/ready")
    async def ready(request: Request) -> JSONResponse:
        slot: EngineSlot = request.app.state.llm
        body = {"status": slot.status, "error": slot.error}
        if slot.status != "ready":
            return JSONResponse(body, status_code=503)
        return JSONResponse({**body, "model": slot.engine.info})

    return app


def exit_with_parent(parent_pid: int) -> None:
    """A worker whose gpu_service is gone (even SIGKILLed) has no one to serve: exit."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m gpu_service.llm_worker", description=__doc__)
    parser.add_argument("--uds", required=True, help="Unix socket to serve on")
    parser.add_argument("--parent-pid", type=int, required=True)
    args = parser.parse_args()
    exit_with_parent(args.parent_pid)
    app = build_worker_app(get_settings())
    uvicorn.run(app, uds=args.uds, log_level="warning")


if __name__ == "__main__":
    main()
