"""Redis Streams: `workflow:events` (uploads, read by the Dagster sensor) and
`pipeline:events` (stage progress, relayed to clients as SSE).

Every progress event is appended twice in one MULTI: to the shared `pipeline:events`
stream that operators and other consumers read, and to `pipeline:events:{transcript_id}`,
so the SSE endpoint replays one transcript from its start (or from `Last-Event-ID`)
without scanning everybody's events.
"""

from __future__ import annotations

import time
from enum import StrEnum
from functools import lru_cache
from typing import Literal

import redis
import redis.asyncio as aioredis
from pydantic import BaseModel, Field

from st_resources.settings import get_settings

EventStatus = Literal[
    "started", "progress", "completed", "retrying", "failed", "completed_degraded"
]


class Stage(StrEnum):
    """The pipeline's stages in order: the `stage` of progress events and the keys of a
    transcript's `timings`. PIPELINE is the terminal event; RUN, a run that died outside
    its stages."""

    AUDIO = "audio"
    ASR = "asr"
    DIARIZATION = "diarization"
    SEGMENTS = "segments"
    SPEAKER_EMBEDDINGS = "speaker_embeddings"
    NAMING = "naming"
    # The transcript is readable (status `transcribed`); the stages below enrich it.
    READABLE = "readable"
    LLM_NAMING = "llm_naming"
    CLEANUP = "cleanup"
    VOICEPRINTS = "voiceprints"
    INDEXING = "indexing"
    DOCUMENT_INDEXING = "document_indexing"
    PIPELINE = "pipeline"
    RUN = "run"


WORK_STAGES = tuple(s for s in Stage if s not in (Stage.PIPELINE, Stage.RUN))
TERMINAL_STAGE = Stage.PIPELINE


class TranscriptUploaded(BaseModel):
    type: Literal["transcript.uploaded"] = "transcript.uploaded"
    transcript_id: str
    tenant_id: str
    duration_s: float | None = None  # as the file declares it: sizes the run's time limit
    ts: float = Field(default_factory=time.time)


class SpeakersRenamed(BaseModel):
    """Someone named a speaker by hand: the recording's search points need the new name."""

    type: Literal["transcript.speakers_renamed"] = "transcript.speakers_renamed"
    transcript_id: str
    tenant_id: str
    ts: float = Field(default_factory=time.time)


class TranscriptDeleted(BaseModel):
    """A recording was deleted (its data already is): its runs stop, its partition goes."""

    type: Literal["transcript.deleted"] = "transcript.deleted"
    transcript_id: str
    tenant_id: str
    ts: float = Field(default_factory=time.time)


class AlertRaised(BaseModel):
    """A run failed for good (an `alerts` row says the same), for whatever watches."""

    type: Literal["alert"] = "alert"
    kind: str
    message: str
    tenant_id: str | None = None
    transcript_id: str | None = None
    ts: float = Field(default_factory=time.time)


WorkflowEvent = TranscriptUploaded | SpeakersRenamed | TranscriptDeleted | AlertRaised


class PipelineEvent(BaseModel):
    """Progress of one stage; stage `pipeline` with a terminal status closes the stream."""

    transcript_id: str
    stage: Stage
    status: EventStatus
    percent: float = Field(ge=0, le=100)
    error: str | None = None
    detail: dict = Field(default_factory=dict)
    ts: float = Field(default_factory=time.time)

    @property
    def is_final(self) -> bool:
        return self.stage == TERMINAL_STAGE and self.status in (
            "completed",
            "completed_degraded",
            "failed",
        )


@lru_cache
def redis_for(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, decode_responses=True, health_check_interval=30)


def get_redis() -> redis.Redis:
    return redis_for(get_settings().redis_url)


def transcript_stream(transcript_id: str) -> str:
    return f"{get_settings().pipeline_stream}:{transcript_id}"


def append_workflow(r: redis.Redis, event: WorkflowEvent) -> str:
    s = get_settings()
    return r.xadd(
        s.workflow_stream,
        {"type": event.type, "data": event.model_dump_json()},
        maxlen=s.stream_maxlen,
        approximate=True,
    )


def read_workflow(
    r: redis.Redis,
    after_id: str,
    model: type[WorkflowEvent],
    count: int = 100,
    block_ms: int | None = None,
) -> tuple[str, list[tuple[str, WorkflowEvent]]]:
    """Events of `model`'s type strictly after `after_id` ("0-0" for all), oldest first,
    and the id of the last entry read whatever its type: the cursor to resume from, so a
    long run of other events cannot hold a reader in place. With `block_ms`, when nothing
    is there yet, wait that long for the next entries."""
    stream = get_settings().workflow_stream
    entries = r.xrange(stream, min=f"({after_id}", count=count)
    if not entries and block_ms:
        reply = r.xread({stream: after_id}, count=count, block=block_ms)
        entries = reply[0][1] if reply else []
    kind = model.model_fields["type"].default
    events = [
        (entry_id, model.model_validate_json(fields["data"]))
        for entry_id, fields in entries
        if fields.get("type") == kind
    ]
    return (entries[-1][0] if entries else after_id), events


def publish(r: redis.Redis, event: PipelineEvent) -> str:
    s = get_settings()
    per_transcript = transcript_stream(event.transcript_id)
    fields = {"stage": event.stage, "status": event.status, "data": event.model_dump_json()}
    pipe = r.pipeline(transaction=True)
    pipe.xadd(s.pipeline_stream, fields, maxlen=s.stream_maxlen, approximate=True)
    pipe.xadd(per_transcript, fields)
    pipe.expire(per_transcript, s.transcript_events_ttl_s)
    return pipe.execute()[1]


def _parse_progress(reply: list) -> list[tuple[str, PipelineEvent]]:
    if not reply:
        return []
    _, entries = reply[0]
    return [(eid, PipelineEvent.model_validate_json(f["data"])) for eid, f in entries]


def read_progress(
    r: redis.Redis, transcript_id: str, after_id: str = "0-0", block_ms: int | None = None
) -> list[tuple[str, PipelineEvent]]:
    """One transcript's events after `after_id`, waiting up to `block_ms` for new ones."""
    reply = r.xread({transcript_stream(transcript_id): after_id}, count=100, block=block_ms)
    return _parse_progress(reply)


async def aread_progress(
    r: aioredis.Redis, transcript_id: str, after_id: str = "0-0", block_ms: int | None = None
) -> list[tuple[str, PipelineEvent]]:
    """`read_progress` for the API's event loop (SSE), which must not block a thread."""
    reply = await r.xread({transcript_stream(transcript_id): after_id}, count=100, block=block_ms)
    return _parse_progress(reply)


def delete_progress(r: redis.Redis, transcript_id: str) -> None:
    r.delete(transcript_stream(transcript_id))
