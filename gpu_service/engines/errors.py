"""What an engine raises, each with the HTTP status it means. gpu_service/errors.py turns
any of them into an OpenAI-shaped error body, so routes map no exception by hand."""

from __future__ import annotations


class EngineError(Exception):
    status = 500


class BadInput(EngineError):
    """The caller's fault: retrying the same request cannot help."""

    status = 400


class AudioDecodeError(BadInput):
    """The input is not audio we can read."""


class UnsupportedLanguageError(BadInput):
    """The language code is not one the loaded model knows."""


class BadChatRequest(BadInput):
    """The chat request cannot be served as given."""


class EngineNotReady(EngineError):
    """The engine cannot serve now; says its state and why."""

    status = 503

    def __init__(self, engine: str, state: str, reason: str | None):
        super().__init__(f"{engine} engine is {state}" + (f": {reason}" if reason else ""))


class EngineDeadError(EngineNotReady):
    """A model call failed unexpectedly earlier; the process needs a restart."""

    def __init__(self, engine: str, reason: str):
        super().__init__(engine, "dead", reason)


class LlmUnavailableError(EngineError):
    """The LLM cannot answer now: its worker process is restarting, or the server it
    forwards to is down or failing (5xx). Worth a retry later."""

    status = 503
