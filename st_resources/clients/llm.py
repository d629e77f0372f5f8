"""The one OpenAI-compatible LLM client of the project (SPEC §4 "LLM").

Every LLM call (cleanup, speaker naming, chat answers) goes through `LlmClient`: base URL
LLM_API_URL (default `{MEETNOO_API_URL}/v1`, gpu_service's endpoint), key OPENAI_API_KEY,
so vLLM or a hosted OpenAI-compatible service works the same. Timeouts, retries with
backoff on transient errors (unreachable, 5xx, a body that is not JSON) and the circuit
breaker of st_resources.clients.gpu (one per base URL) around each attempt.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pybreaker
from httpx_sse import EventSource, SSEError
from pydantic import BaseModel, ValidationError
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from st_resources.clients.gpu import GpuServiceError, GpuServiceUnavailable, breaker_for
from st_resources.settings import Settings, get_settings

Model = TypeVar("Model", bound=BaseModel)


class LlmRequestError(GpuServiceError):
    """The LLM server refused the request (4xx): retrying cannot help."""


class LlmUnavailable(GpuServiceUnavailable):
    """The LLM server is unreachable, failing (5xx), garbled, or its circuit is open."""


class LlmOutputError(ValueError):
    """The model answered, but not with what was asked (invalid JSON, schema mismatch)."""

    def __init__(self, message: str, raw: str):
        super().__init__(message)
        self.raw = raw


class LlmClient:
    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        model: str = "default",
        timeout_s: float = 300.0,
        retries: int = 3,
        backoff_s: float = 1.0,
    ):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = httpx.Timeout(timeout_s, connect=5.0)
        self.retries = retries
        self.backoff_s = backoff_s
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.breaker = breaker_for(self.base_url)

    # -- transport ------------------------------------------------------------------

    def _with_retries(self, fn, *args):
        @retry(
            retry=retry_if_exception_type(LlmUnavailable),
            stop=stop_after_attempt(self.retries),
            wait=wait_exponential_jitter(initial=self.backoff_s, max=20 * self.backoff_s),
            reraise=True,
        )
        def attempt():
            try:
                return self.breaker.call(fn, *args)
            except pybreaker.CircuitBreakerError as exc:
                raise LlmUnavailable(f"LLM circuit open for {self.base_url}: {exc}") from exc

        return attempt()

    def _check(self, resp: httpx.Response) -> None:
        if resp.status_code < 400:
            return
        message = error_message(resp.text)
        if resp.status_code >= 500:
            raise LlmUnavailable(f"LLM server error {resp.status_code}: {message[:300]}")
        raise LlmRequestError(f"LLM refused ({resp.status_code}): {message[:300]}")

    def _post_once(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            resp = httpx.post(
                self.base_url + "/chat/completions",
                json=body,
                headers=self.headers,
                timeout=self.timeout,
            )
        except httpx.TransportError as exc:
            raise LlmUnavailable(f"LLM unreachable at {self.base_url}: {exc}") from exc
        self._check(resp)
        try:
            data = resp.json()
            data["choices"][0]["message"].get("content")
            return data
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise LlmUnavailable(
                f"LLM answered a malformed completion ({type(exc).__name__}): {resp.text[:300]!r}"
            ) from exc

    def _body(self, messages: list[dict[str, Any]], opts: dict[str, Any]) -> dict[str, Any]:
        return {"model": self.model, "messages": [_inert(m) for m in messages], **opts}

    # -- API ------------------------------------------------------------------------

    def completion(self, messages: list[dict[str, Any]], **opts: Any) -> dict[str, Any]:
        """The whole `chat.completion` object (usage included)."""
        return self._with_retries(self._post_once, self._body(messages, {**opts, "stream": False}))

    def chat(self, messages: list[dict[str, Any]], **opts: Any) -> str:
        """The assistant's text. `opts`: max_tokens, temperature, response_format, …"""
        content = self.completion(messages, **opts)["choices"][0]["message"].get("content")
        return content or ""

    def chat_json(self, messages: list[dict[str, Any]], schema: type[Model], **opts: Any) -> Model:
        """An answer constrained to `schema`'s JSON schema, validated by pydantic."""
        response_format = {
            "type": "json_schema",
            "json_schema": {"name": schema.__name__, "schema": schema.model_json_schema()},
        }
        opts.setdefault("temperature", 0.0)
        raw = self.chat(messages, response_format=response_format, **opts)
        try:
            return schema.model_validate_json(raw)
        except ValidationError as exc:
            kind = "invalid JSON" if _not_json(raw) else f"JSON not matching {schema.__name__}"
            raise LlmOutputError(f"LLM answered {kind}: {raw[:200]!r}", raw) from exc

    def yes_probability(self, messages: list[dict[str, Any]]) -> float | None:
        """P(yes) / (P(yes) + P(no)) for the first token of a greedy reply to a yes/no
        question, from OpenAI's `top_logprobs`; None when the server sends no log
        probabilities or neither word is among its 20 likeliest tokens."""
        completion = self.completion(
            messages, max_tokens=1, temperature=0.0, logprobs=True, top_logprobs=20
        )
        try:
            top = completion["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
        except (KeyError, IndexError, TypeError):
            return None
        mass = {"yes": 0.0, "no": 0.0, "oui": 0.0, "non": 0.0}
        for item in top:
            word = str(item.get("token", "")).strip().lower()
            if word in mass:
                mass[word] += math.exp(float(item["logprob"]))
        yes, no = mass["yes"] + mass["oui"], mass["no"] + mass["non"]
        return yes / (yes + no) if yes + no > 0 else None

    def _open_stream(self, body: dict[str, Any]) -> tuple[httpx.Client, httpx.Response]:
        client = httpx.Client(timeout=self.timeout, headers=self.headers)
        try:
            request = client.build_request("POST", self.base_url + "/chat/completions", json=body)
            resp = client.send(request, stream=True)
        except httpx.TransportError as exc:
            client.close()
            raise LlmUnavailable(f"LLM unreachable at {self.base_url}: {exc}") from exc
        if resp.status_code >= 400:
            resp.read()
            client.close()
            self._check(resp)
        return client, resp

    def stream(self, messages: list[dict[str, Any]], **opts: Any) -> Iterator[str]:
        """Text deltas as the model writes them; retried only until the stream opens."""
        client, resp = self._with_retries(
            self._open_stream, self._body(messages, {**opts, "stream": True})
        )
        try:
            for data in sse_data(resp):
                try:
                    chunk = json.loads(data)
                except ValueError as exc:
                    raise LlmUnavailable(
                        f"LLM stream sent a malformed chunk: {data[:200]!r}"
                    ) from exc
                if "error" in chunk:
                    raise LlmUnavailable(f"LLM stream failed: {chunk['error']}")
                for choice in chunk.get("choices", []):
                    if delta := (choice.get("delta") or {}).get("content"):
                        yield delta
        except (httpx.TransportError, SSEError) as exc:
            raise LlmUnavailable(f"LLM stream broke: {exc}") from exc
        finally:
            resp.close()
            client.close()


# Chat-template control tokens: ChatML's <|im_start|> / <|im_end|> (Qwen), Llama 3's
# <|eot_id|>, Mistral's [INST] and <s>. Servers render the template, then tokenize the
# whole prompt with special tokens parsed (llama-cpp-python: `special=True`), so such text
# in a meeting or a context document would end the user's turn and open a forged one (a
# "system" message of the document's own).
_CONTROL_TOKENS = re.compile(r"<\|[^<>|\s]{1,40}\|>|</?s>|\[/?INST\]")


def _inert(message: dict[str, Any]) -> dict[str, Any]:
    """The message with any control token in its text made a blank."""
    content = message.get("content")
    if not isinstance(content, str) or not _CONTROL_TOKENS.search(content):
        return message
    return {**message, "content": _CONTROL_TOKENS.sub(" ", content)}


def error_message(body: str) -> str:
    """The message of an OpenAI error body (what a person can read), else the body."""
    try:
        return str(json.loads(body)["error"]["message"])
    except (ValueError, KeyError, TypeError):
        return body


def sse_data(resp: httpx.Response) -> Iterator[str]:
    """The `data` of each event of an OpenAI-style stream, until its `[DONE]`."""
    for event in EventSource(resp).iter_sse():
        if event.data == "[DONE]":
            return
        yield event.data


def _not_json(raw: str) -> bool:
    try:
        json.loads(raw)
    except ValueError:
        return True
    return False


def llm_endpoint(s: Settings) -> tuple[str, str, str | None]:
    """The OpenAI base URL (gpu_service's /v1 unless LLM_API_URL says otherwise), the
    model name it serves (a GGUF file is served under its stem) and the key it takes
    (gpu_service's own, else OPENAI_API_KEY)."""
    if s.llm_api_url:
        base, key = s.llm_api_url, s.openai_api_key
    else:
        base, key = f"{s.meetnoo_api_url.rstrip('/')}/v1", s.gpu_service_api_key
    model = Path(s.llm_model).stem if s.llm_model.endswith(".gguf") else s.llm_model
    return base, model, key


def llm_from_settings() -> LlmClient:
    s = get_settings()
    base, model, key = llm_endpoint(s)
    return LlmClient(base, key, model, timeout_s=s.llm_timeout_s, retries=s.llm_retries)
