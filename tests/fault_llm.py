"""A fault-injecting OpenAI-compatible LLM endpoint, served in a thread for a test: it
answers whatever the test sets, so the fallbacks around bad LLM output can be exercised."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI, Request

from tests.stack import free_port


def completion(content: str) -> dict:
    message = {"role": "assistant", "content": content}
    return {
        "id": "chatcmpl-fault",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


@contextmanager
def fault_llm(answer: Callable[[dict], str]) -> Iterator[tuple[FastAPI, str]]:
    """Serve `/v1/chat/completions` answering `answer(request body)`; yields the app
    (`app.state.hits` counts calls) and the base URL to give an LlmClient."""
    app = FastAPI()
    app.state.hits = 0

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> dict:
        app.state.hits += 1
        return completion(answer(await request.json()))

    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "fault endpoint did not start"
        time.sleep(0.05)
    try:
        yield app, f"http://127.0.0.1:{server.config.port}/v1"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
