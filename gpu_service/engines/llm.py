"""The LLM behind `/v1/chat/completions`, apart from HTTP.

Two engines: `LlamaEngine` loads a GGUF once with llama-cpp-python (it runs in the LLM
worker process, gpu_service/llm_worker.py, never in gpu_service itself: a native fault
there must not take ASR down); `OpenAIProxyEngine` forwards to an OpenAI-compatible server
with httpx: vLLM in docker-compose (LLM_BACKEND=openai, the production path), or the LLM
worker over its Unix socket. Both return OpenAI-shaped dicts: a `chat.completion` from
`chat`, `chat.completion.chunk` dicts from `stream`.

`response_format` follows OpenAI: `{"type": "json_object"}` or `{"type": "json_schema",
"json_schema": {"schema": {...}}}`; llama.cpp enforces either with a grammar.

`logprobs` / `top_logprobs` follow OpenAI too (`choices[0].logprobs.content`, one entry per
generated token). llama-cpp-python computes them only for a model loaded with
`logits_all`, which keeps a vocabulary-wide row per context token (2.5 GB at 4096 tokens
for Qwen's 152k vocabulary), so the llama-cpp backend reads each step's logits through a
logits processor instead. It serves them for greedy decoding without a grammar (the
chosen token is then the most likely one) and answers 400 otherwise; chat uses them for
a yes/no judgement (st_resources.clients.llm.LlmClient.yes_probability).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import numpy as np
from httpx_sse import SSEError

from gpu_service.engines.errors import BadChatRequest, EngineDeadError, LlmUnavailableError
from st_resources.clients.llm import error_message, sse_data


def grammar_format(response_format: dict[str, Any] | None) -> dict[str, Any] | None:
    """OpenAI's `response_format` in the shape llama-cpp-python turns into a grammar."""
    if not response_format:
        return None
    kind = response_format.get("type")
    if kind == "text":
        return None
    if kind == "json_object":
        schema = response_format.get("schema")
        return {"type": "json_object", **({"schema": schema} if schema else {})}
    if kind == "json_schema":
        schema = (response_format.get("json_schema") or {}).get("schema")
        if not isinstance(schema, dict):
            raise BadChatRequest("response_format.json_schema.schema must be a JSON schema")
        return {"type": "json_object", "schema": schema}
    raise BadChatRequest(
        f"unsupported response_format type {kind!r}: use text, json_object, json_schema"
    )


class _StepLogprobs:
    """A llama-cpp-python logits processor that keeps each step's `k` most likely tokens
    with their log-probabilities, and leaves the logits as they are."""

    def __init__(self, k: int):
        self.k = k
        self.steps: list[list[tuple[int, float]]] = []

    def __call__(self, _input_ids: np.ndarray, scores: np.ndarray) -> np.ndarray:
        logits = scores.astype(np.float64)
        logprobs = logits - (logits.max() + np.log(np.exp(logits - logits.max()).sum()))
        k = max(self.k, 1)
        top = np.argpartition(-logprobs, k - 1)[:k]  # O(vocabulary), not a full sort
        top = top[np.argsort(-logprobs[top])]
        self.steps.append([(int(t), float(logprobs[t])) for t in top])
        return scores


def _check_logprobs(logprobs: bool, top_logprobs: int | None, temperature, response_format):
    if top_logprobs and not logprobs:
        raise BadChatRequest("top_logprobs needs logprobs: true")
    if logprobs and ((temperature or 0.0) > 0 or grammar_format(response_format)):
        raise BadChatRequest(
            "logprobs are served for greedy decoding (temperature 0) without response_format "
            "by the llama-cpp backend"
        )


def _load_llama(model_path: str, extra_buffer_types: bool, **kwargs: Any):
    """`Llama(model_path, **kwargs)` with llama.cpp's `use_extra_bufts` set as asked.

    `Llama()` has no argument for that field: it reads llama.cpp's default model params
    while it loads, so the defaults are wrapped for the duration of the load. Off, the
    weights stay in plain CPU buffers and no CPU-specific repacked kernel (AMX, which
    segfaults on some Xeons: SPEC §8) is ever chosen.
    """
    import llama_cpp.llama_cpp as native
    from llama_cpp import Llama

    defaults = native.llama_model_default_params

    def params():
        p = defaults()
        p.use_extra_bufts = extra_buffer_types
        return p

    native.llama_model_default_params = params
    try:
        return Llama(model_path=model_path, **kwargs)
    finally:
        native.llama_model_default_params = defaults


class LlamaEngine:
    """One GGUF loaded by llama.cpp; one call at a time under `lock`."""

    def __init__(
        self,
        model_path: str,
        n_ctx: int = 4096,
        cpu_threads: int = 2,
        lock: threading.Lock | None = None,
        extra_buffer_types: bool = False,
    ):
        self.model_path = model_path
        self.name = os.path.splitext(os.path.basename(model_path))[0]
        self.backend = "llama-cpp"
        self.n_ctx = n_ctx
        self.extra_buffer_types = extra_buffer_types
        self._lock = lock or threading.Lock()
        self.error: str | None = None
        # chat_format=None: llama-cpp-python reads the GGUF's template (ChatML for Qwen2.5).
        self._llm = _load_llama(
            model_path,
            extra_buffer_types,
            n_ctx=n_ctx,
            n_threads=cpu_threads,
            n_threads_batch=cpu_threads,
            verbose=False,
        )
        self.chat_format = self._llm.chat_format
        self.loaded_at = int(time.time())

    def self_test(self) -> None:
        """One real token: a build or a CPU path that cannot generate fails here, at load,
        not on a user's first request."""
        out = self.chat([{"role": "user", "content": "Say OK."}], max_tokens=1, temperature=0.0)
        if out["usage"]["completion_tokens"] != 1:
            raise RuntimeError(f"self-test generated {out['usage']['completion_tokens']} tokens")

    def _check(self) -> None:
        if self.error:
            raise EngineDeadError("LLM", self.error)

    def _kwargs(self, messages, max_tokens, temperature, response_format) -> dict[str, Any]:
        return {
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": 0.0 if temperature is None else temperature,
            "response_format": grammar_format(response_format),
        }

    def chat(
        self,
        messages: list[dict[str, Any]],
        max_tokens: int | None = 256,
        temperature: float | None = 0.0,
        response_format: dict[str, Any] | None = None,
        logprobs: bool = False,
        top_logprobs: int | None = None,
    ) -> dict[str, Any]:
        self._check()
        _check_logprobs(logprobs, top_logprobs, temperature, response_format)
        kwargs = self._kwargs(messages, max_tokens, temperature, response_format)
        steps = _StepLogprobs(top_logprobs or 0) if logprobs else None
        if steps is not None:
            from llama_cpp import LogitsProcessorList

            kwargs["logits_processor"] = LogitsProcessorList([steps])
        with self._lock:
            try:
                out = self._llm.create_chat_completion(**kwargs)
            except (ValueError, TypeError) as exc:
                raise BadChatRequest(str(exc)) from exc
            except Exception as exc:
                self.error = f"{type(exc).__name__}: {exc}"
                raise
        out["model"] = self.name
        if steps is not None:
            generated = steps.steps[: out["usage"]["completion_tokens"]]
            out["choices"][0]["logprobs"] = {"content": self._logprob_content(generated, steps.k)}
        return out

    def _logprob_content(
        self, steps: list[list[tuple[int, float]]], k: int
    ) -> list[dict[str, Any]]:
        """OpenAI's per-token entries; greedy decoding chose each step's first token."""

        def entry(token: int, logprob: float) -> dict[str, Any]:
            piece = self._llm.detokenize([token])
            return {
                "token": piece.decode("utf-8", errors="replace"),
                "logprob": logprob,
                "bytes": list(piece),
            }

        return [
            {**entry(*step[0]), "top_logprobs": [entry(*t) for t in step[:k]]} for step in steps
        ]

    def stream(
        self,
        messages: list[dict[str, Any]],
        max_tokens: int | None = 256,
        temperature: float | None = 0.0,
        response_format: dict[str, Any] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """`chat.completion.chunk` dicts; the lock is held until the generator ends or is
        closed (a client that disconnects closes it)."""
        self._check()
        kwargs = self._kwargs(messages, max_tokens, temperature, response_format)
        with self._lock:
            try:
                chunks = self._llm.create_chat_completion(**kwargs, stream=True)
                for chunk in chunks:
                    chunk["model"] = self.name
                    yield chunk
            except (ValueError, TypeError) as exc:
                raise BadChatRequest(str(exc)) from exc

    @property
    def info(self) -> dict[str, Any]:
        return {
            "id": self.name,
            "backend": self.backend,
            "n_ctx": self.n_ctx,
            "extra_buffer_types": self.extra_buffer_types,
        }


class OpenAIProxyEngine:
    """Forwards chat completions to an OpenAI-compatible server (vLLM in production, the LLM
    worker over a Unix socket by default). Its 4xx are the caller's (BadChatRequest); a
    server that is unreachable, drops the connection or answers 5xx is LlmUnavailableError."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout_s=300.0,
        transport: httpx.BaseTransport | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.name = model
        self.backend = "openai"
        self.n_ctx = None
        self.error: str | None = None
        self.loaded_at = int(time.time())
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout_s, connect=5),
            transport=transport,
        )

    def self_test(self) -> None:
        self._http.get("/models").raise_for_status()

    def _raise_for(self, status: int, text: str) -> None:
        if status < 400:
            return
        message = error_message(text)
        if status >= 500:
            raise LlmUnavailableError(f"LLM server answered {status}: {message[:300]}")
        raise BadChatRequest(message[:500])

    def _body(self, messages, max_tokens, temperature, response_format, stream, **extra) -> dict:
        body: dict[str, Any] = {"model": self.name, "messages": messages, "stream": stream}
        body.update({k: v for k, v in extra.items() if v})
        if max_tokens is not None:
            body["max_tokens"] = max_tokens
        if temperature is not None:
            body["temperature"] = temperature
        if response_format:
            body["response_format"] = response_format
        return body

    def chat(
        self,
        messages,
        max_tokens=256,
        temperature=0.0,
        response_format=None,
        logprobs=False,
        top_logprobs=None,
    ) -> dict:
        body = self._body(
            messages,
            max_tokens,
            temperature,
            response_format,
            False,
            logprobs=logprobs,
            top_logprobs=top_logprobs,
        )
        try:
            resp = self._http.post("/chat/completions", json=body)
        except httpx.TransportError as exc:
            raise LlmUnavailableError(f"LLM server unreachable or gone: {exc!r}") from exc
        self._raise_for(resp.status_code, resp.text)
        return resp.json()

    def stream(self, messages, max_tokens=256, temperature=0.0, response_format=None):
        body = self._body(messages, max_tokens, temperature, response_format, True)
        try:
            with self._http.stream("POST", "/chat/completions", json=body) as resp:
                if resp.status_code >= 400:
                    self._raise_for(resp.status_code, resp.read().decode(errors="replace"))
                for data in sse_data(resp):
                    chunk = json.loads(data)
                    if "error" in chunk:  # the worker's in-band error, passed on as ours
                        raise LlmUnavailableError(str(chunk["error"].get("message")))
                    yield chunk
        except (httpx.TransportError, SSEError) as exc:
            raise LlmUnavailableError(f"LLM server unreachable or gone: {exc!r}") from exc

    @property
    def info(self) -> dict[str, Any]:
        return {"id": self.name, "backend": self.backend, "base_url": self.base_url}
