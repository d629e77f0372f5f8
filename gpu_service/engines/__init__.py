"""Inference engines, free of HTTP: loaded once by the app's lifespan, shared by routes."""

from gpu_service.engines.whisper import (
    AudioDecodeError,
    EngineDeadError,
    TranscriptionResult,
    UnsupportedLanguageError,
    WhisperEngine,
)

__all__ = [
    "AudioDecodeError",
    "EngineDeadError",
    "TranscriptionResult",
    "UnsupportedLanguageError",
    "WhisperEngine",
]
