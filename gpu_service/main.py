"""App factory: routers, OpenAI-shaped errors, and a lifespan that owns the engines.

Models load in worker threads after start-up, so the port opens at once: /health is
green from the first second. Each engine passes a self-test (one tiny real inference)
before it serves; one that fails is `dead` with its reason and the others carry on. The
LLM runs in its own supervised process (engines/llm_process.py), so a native crash there
leaves ASR and diarization serving. /ready reports every engine (routes/health.py).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from gpu_service.deps import require_key
from gpu_service.engines.diarize import (
    Diarizer,
    PyannotePipelineDiarizer,
    SegmentationDiarizer,
    VoiceMatch,
)
from gpu_service.engines.llm import OpenAIProxyEngine
from gpu_service.engines.llm_process import LlmProcess
from gpu_service.engines.speaker import Embedder, load_embedder
from gpu_service.engines.whisper import SAMPLE_RATE, WhisperEngine
from gpu_service.errors import add_error_handlers
from gpu_service.metrics import engine_gauges
from gpu_service.routes import chat, health, openai, speakers
from gpu_service.slots import EngineSlot, load_into
from st_resources.metrics import instrument
from st_resources.model_files import resolve_whisper_model
from st_resources.settings import Settings, get_settings


def load_asr(slot: EngineSlot, settings: Settings, lock: threading.Lock) -> None:
    load_into(
        slot,
        "ASR",
        lambda: WhisperEngine(
            resolve_whisper_model(settings.whisper_model),
            device=settings.whisper_device,
            compute_type=settings.whisper_compute_type,
            cpu_threads=settings.whisper_cpu_threads,
            lock=lock,
            batch_size=settings.whisper_batch_size,
        ),
    )


def load_speakers(
    embedder: EngineSlot, diarizer: EngineSlot, settings: Settings, lock: threading.Lock
) -> None:
    """The embedder, then the diarizer that uses it (dead too if the embedder is)."""
    load_into(
        embedder,
        "speaker embedding",
        lambda: load_embedder(
            settings.speaker_model,
            settings.diarization_cpu_threads,
            settings.speaker_embedding_min_s,
            lock,
            device=settings.speaker_device,
        ),
    )
    if embedder.load_error:
        diarizer.load_error = embedder.load_error
        return
    load_into(diarizer, "diarization", lambda: build_diarizer(settings, embedder.engine, lock))


def build_diarizer(settings: Settings, embedder: Embedder, lock: threading.Lock) -> Diarizer:
    if settings.diarization_backend == "pyannote-pipeline":
        return PyannotePipelineDiarizer(
            settings.pyannote_pipeline,
            settings.hf_token,
            lock,
            min_gap_s=settings.diarization_min_gap_s,
            min_turn_s=settings.diarization_min_turn_s,
        )
    return SegmentationDiarizer(
        embedder,
        lock,
        cpu_threads=settings.diarization_cpu_threads,
        step_s=settings.diarization_step_s,
        max_speakers=settings.diarization_max_speakers,
        cluster_min_s=settings.diarization_cluster_min_s,
        piece_s=settings.diarization_piece_s,
        min_gap_s=settings.diarization_min_gap_s,
        min_turn_s=settings.diarization_min_turn_s,
        voice_match=VoiceMatch(
            settings.voiceprint_match_threshold,
            settings.voiceprint_snorm_threshold,
            settings.voiceprint_margin,
        ),
    )


def openai_proxy(settings: Settings) -> OpenAIProxyEngine:
    if settings.llm_backend != "openai":
        raise ValueError(f"unknown LLM_BACKEND {settings.llm_backend!r}: llama-cpp or openai")
    if not settings.llm_base_url:
        raise ValueError("LLM_BACKEND=openai needs LLM_BASE_URL")
    return OpenAIProxyEngine(
        settings.llm_base_url, settings.llm_model, settings.openai_api_key, settings.llm_timeout_s
    )


def load_llm(slot: EngineSlot, settings: Settings, lock: threading.Lock) -> None:
    """LLM_BACKEND=llama-cpp: start the supervised LLM worker (its state is the slot's from
    then on); openai: check the server answers. A failure marks the LLM dead, no more."""
    if settings.llm_backend == "llama-cpp":
        engine = LlmProcess(settings, lock)
        engine.start()
        slot.engine = engine
        return
    load_into(slot, "LLM", lambda: openai_proxy(settings))


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.settings = app.state.settings or get_settings()
    app.state.asr = EngineSlot()
    app.state.embedder = EngineSlot()
    app.state.diarizer = EngineSlot()
    app.state.llm = EngineSlot()
    # One lock for every engine: a transcription and a diarization never share the cores,
    # whichever callers send them (each engine already uses all the threads it is given).
    compute = threading.Lock()

    async def load_all() -> None:
        await asyncio.gather(
            asyncio.to_thread(load_asr, app.state.asr, app.state.settings, compute),
            asyncio.to_thread(
                load_speakers, app.state.embedder, app.state.diarizer, app.state.settings, compute
            ),
        )
        # After the others: loading 1.1 GB beside them would only slow all three.
        await asyncio.to_thread(load_llm, app.state.llm, app.state.settings, compute)

    loading = asyncio.ensure_future(load_all())
    yield
    await loading  # a thread cannot be cancelled; let it finish before the process exits
    if isinstance(app.state.llm.engine, LlmProcess):
        await asyncio.to_thread(app.state.llm.engine.stop)


def build_app(settings: Settings | None = None) -> FastAPI:
    """`settings` defaults to the environment's, read at start-up rather than import."""
    limits = settings or get_settings()
    # The largest body: an upload as the API accepts it, or the 16-bit 16 kHz WAV the
    # pipeline sends of the longest recording allowed.
    wav_bytes = int(limits.max_audio_minutes * 60 * SAMPLE_RATE * 2) + 2**20
    app = FastAPI(
        title="gpu_service",
        lifespan=lifespan,
        max_body_size=max(limits.max_upload_bytes, wav_bytes),
    )
    app.state.settings = settings
    app.state.llm_usage = chat.Usage()
    app.include_router(health.router)
    keyed = [Depends(require_key)]
    app.include_router(openai.router, prefix="/v1", dependencies=keyed)
    app.include_router(speakers.router, prefix="/v1", dependencies=keyed)
    app.include_router(chat.router, prefix="/v1", dependencies=keyed)
    instrument(app, engine_gauges(app))
    add_error_handlers(app)
    return app


app = build_app()
