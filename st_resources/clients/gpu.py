"""HTTP client of gpu_service: timeouts, retries with backoff on transient errors, and a
circuit breaker so a dead service fails fast instead of stalling every pipeline run. It
reads the answers with the service's own wire models (gpu_service/protocol.py)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import httpx
import pybreaker
from tenacity import (
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from gpu_service.protocol import Diarization, KnownVoices, SpeakerEmbeddings, Transcription
from st_resources.settings import get_settings


class GpuServiceError(RuntimeError):
    """The service answered and refused the request (4xx): retrying cannot help."""


class GpuServiceUnavailable(RuntimeError):
    """The service could not be reached or failed (5xx, timeout): worth retrying later."""


@lru_cache
def breaker_for(base_url: str) -> pybreaker.CircuitBreaker:
    """One breaker per service URL, shared by every client in the process."""
    return pybreaker.CircuitBreaker(
        fail_max=5, reset_timeout=30, exclude=[GpuServiceError], name=base_url
    )


class GpuClient:
    def __init__(
        self,
        base_url: str,
        timeout_s: float = 600.0,
        retries: int = 3,
        api_key: str | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.timeout = httpx.Timeout(timeout_s, connect=5.0)
        self.retries = retries
        self.breaker = breaker_for(self.base_url)

    def _post(self, path: str, **kwargs) -> httpx.Response:
        @retry(
            retry=retry_if_exception_type(GpuServiceUnavailable),
            stop=stop_after_attempt(self.retries),
            wait=wait_exponential_jitter(initial=1, max=20),
            reraise=True,
        )
        def attempt() -> httpx.Response:
            return self.breaker.call(self._post_once, path, **kwargs)

        try:
            return attempt()
        except pybreaker.CircuitBreakerError as exc:
            raise GpuServiceUnavailable(f"gpu_service circuit open: {exc}") from exc

    def _post_once(self, path: str, **kwargs) -> httpx.Response:
        try:
            resp = httpx.post(
                self.base_url + path, timeout=self.timeout, headers=self.headers, **kwargs
            )
        except httpx.TransportError as exc:
            raise GpuServiceUnavailable(f"gpu_service unreachable: {exc}") from exc
        if resp.status_code >= 500:
            raise GpuServiceUnavailable(f"gpu_service error {resp.status_code}: {resp.text[:300]}")
        if resp.status_code >= 400:
            raise GpuServiceError(f"gpu_service refused ({resp.status_code}): {resp.text[:300]}")
        return resp

    def transcribe(
        self,
        audio: Path,
        language: str | None = None,
        beam_size: int | None = None,
        prompt: str | None = None,
        hotwords: str | None = None,
    ) -> Transcription:
        data: dict[str, str] = {
            "response_format": "verbose_json",
            "timestamp_granularities[]": "word",
        }
        optional = {
            "language": language,
            "beam_size": beam_size,
            "prompt": prompt,
            "hotwords": hotwords,
        }
        data.update({key: str(value) for key, value in optional.items() if value})
        with open(audio, "rb") as fh:
            content = fh.read()
        resp = self._post(
            "/v1/audio/transcriptions",
            files={"file": (audio.name, content, "application/octet-stream")},
            data=data,
        )
        return Transcription.model_validate(resp.json())

    def diarize(
        self,
        audio: Path,
        num_speakers: int | None = None,
        min_speakers: int | None = None,
        max_speakers: int | None = None,
        known: tuple[str, list[list[float]]] | None = None,
    ) -> Diarization:
        """`known`: (embedding model, vectors) of the tenant's enrolled voices."""
        bounds = {
            "num_speakers": num_speakers,
            "min_speakers": min_speakers,
            "max_speakers": max_speakers,
        }
        data = {key: str(value) for key, value in bounds.items() if value is not None}
        if known is not None and known[1]:
            voices = KnownVoices(model=known[0], vectors=known[1])
            data["known_voices"] = voices.model_dump_json()
        resp = self._post(
            "/v1/audio/diarize",
            files={"file": (audio.name, audio.read_bytes(), "application/octet-stream")},
            data=data,
        )
        return Diarization.model_validate(resp.json())

    def speaker_embeddings(
        self, audio: Path, spans: list[tuple[float, float]]
    ) -> SpeakerEmbeddings:
        """One embedding per span, in order; pooling them is the caller's business."""
        resp = self._post(
            "/v1/audio/embeddings",
            files={"file": (audio.name, audio.read_bytes(), "application/octet-stream")},
            data={"spans": json.dumps([[start, end] for start, end in spans])},
        )
        return SpeakerEmbeddings.model_validate(resp.json())

    def ready(self) -> bool:
        try:
            return httpx.get(self.base_url + "/ready", timeout=5.0).status_code == 200
        except httpx.TransportError:
            return False


def client_from_settings() -> GpuClient:
    s = get_settings()
    return GpuClient(s.meetnoo_api_url, s.gpu_timeout_s, s.gpu_retries, s.gpu_service_api_key)
