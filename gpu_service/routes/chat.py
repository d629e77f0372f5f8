"""OpenAI-compatible `POST /v1/chat/completions`, served by the LLM engine (engines/llm.py).

Non-streaming answers a `chat.completion` object with `usage`; `stream: true` answers
`text/event-stream` lines `data: {chat.completion.chunk}` ending with `data: [DONE]`.
`response_format` (json_object, json_schema) is enforced by the engine; `logprobs` and
`top_logprobs` (non-streaming) add OpenAI's `choices[0].logprobs.content`. Errors use
OpenAI's body (errors.py); a request without messages is a 400.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from gpu_service.engines.llm import LlamaEngine, OpenAIProxyEngine, grammar_format
from gpu_service.engines.llm_process import LlmProcess
from gpu_service.protocol import ChatRequest
from gpu_service.slots import ready_engine

router = APIRouter(tags=["chat"])


LlmEngine = LlamaEngine | OpenAIProxyEngine | LlmProcess


def get_llm(request: Request) -> LlmEngine:
    return ready_engine(request, "llm", "LLM")


LlmDep = Annotated[LlmEngine, Depends(get_llm)]


class Usage:
    """Tokens generated and seconds spent generating, since start: what /metrics turns
    into tokens per second."""

    def __init__(self) -> None:
        self.generated, self.seconds = 0, 0.0

    def add(self, tokens: int, started: float) -> None:
        self.generated += tokens
        self.seconds += time.monotonic() - started


def _sse(chunks: Iterator[dict[str, Any]], usage: Usage) -> Iterator[str]:
    started, tokens = time.monotonic(), 0
    try:
        for chunk in chunks:
            tokens += any(c.get("delta", {}).get("content") for c in chunk.get("choices", []))
            yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
    except Exception as exc:  # headers are gone: report in-band, as OpenAI servers do
        error = {"message": f"{type(exc).__name__}: {exc}", "type": "server_error"}
        yield f"data: {json.dumps({'error': error})}\n\n"
    finally:
        usage.add(tokens, started)
    yield "data: [DONE]\n\n"


@router.post("/chat/completions", response_model=None)
async def create_chat_completion(
    llm: LlmDep, body: ChatRequest, request: Request
) -> JSONResponse | StreamingResponse:
    grammar_format(body.response_format)  # a bad format is a 400 before any streaming
    context = request.app.state.settings.llm_n_ctx
    if body.max_tokens is not None and body.max_tokens > context:
        raise HTTPException(400, f"max_tokens {body.max_tokens} is over the context of {context}")
    messages = [m.model_dump(exclude_none=True) for m in body.messages]
    args = (messages, body.max_tokens, body.temperature, body.response_format)
    if body.stream:
        if body.logprobs:
            raise HTTPException(400, "logprobs are not served on streamed completions")
        # A sync iterator: Starlette pulls it in the thread pool, off the event loop.
        stream = _sse(llm.stream(*args), request.app.state.llm_usage)
        return StreamingResponse(stream, media_type="text/event-stream")
    started = time.monotonic()
    completion = await run_in_threadpool(
        llm.chat, *args, logprobs=body.logprobs, top_logprobs=body.top_logprobs
    )
    generated = (completion.get("usage") or {}).get("completion_tokens", 0)
    request.app.state.llm_usage.add(generated, started)
    return JSONResponse(completion)
