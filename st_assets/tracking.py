"""Stage bookkeeping shared by every asset: progress events, timings and failures.

A stage publishes `started` then `completed` to `pipeline:events` and records its
duration on the transcript. Progress is the weighted share of the stages done so far in
this run, so it only grows whatever order the executor picks for independent stages.

On an error a stage decides whether this is the end: permanent errors (undecodable
audio, a request gpu_service refused) and the last retry mark the transcript `failed`
with the reason, delete partial output and send the final event; earlier attempts of
transient errors only announce `retrying`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from dagster import AssetExecutionContext, Failure

from st_resources import recordings
from st_resources.audio import NotAudioError
from st_resources.clients.gpu import GpuServiceError
from st_resources.clients.storage import ObjectNotFound
from st_resources.clients.streams import PipelineEvent, Stage
from st_resources.dagster import DatabaseResource, StreamsResource
from st_resources.transcripts import store as transcripts

PERMANENT_ERRORS = (NotAudioError, GpuServiceError, ObjectNotFound, LookupError)
# Rough share of the work of each stage (CPU time on a typical meeting), for progress.
STAGE_WEIGHTS = {
    Stage.AUDIO: 5,
    Stage.ASR: 55,
    Stage.DIARIZATION: 15,
    Stage.SEGMENTS: 5,
    Stage.SPEAKER_EMBEDDINGS: 15,
    Stage.NAMING: 1,
    Stage.LLM_NAMING: 3,
    Stage.VOICEPRINTS: 1,
    Stage.CLEANUP: 30,
    Stage.INDEXING: 3,
    Stage.DOCUMENT_INDEXING: 1,
}


def progress(timings: dict[str, float]) -> float:
    done = sum(STAGE_WEIGHTS.get(stage, 0) for stage in timings)
    return round(100 * done / sum(STAGE_WEIGHTS.values()), 1)


def transcript_id(context: AssetExecutionContext) -> uuid.UUID:
    return uuid.UUID(context.partition_key)


@contextmanager
def gone_is_final(name: str) -> Iterator[None]:
    """A recording deleted, or being deleted, ends its run: a retry would find the same."""
    try:
        yield
    except LookupError as exc:
        raise Failure(description=f"{name}: {exc}", allow_retries=False) from exc


@contextmanager
def stage(
    context: AssetExecutionContext,
    db: DatabaseResource,
    streams: StreamsResource,
    name: Stage,
    max_retries: int = 0,
) -> Iterator[None]:
    tid = transcript_id(context)
    with gone_is_final(name), db.session() as session:
        before = progress(transcripts.mark_running(session, tid))
    streams.publish(
        PipelineEvent(transcript_id=str(tid), stage=name, status="started", percent=before)
    )
    started = time.monotonic()
    try:
        yield
    except Exception as exc:
        reason = f"{name}: {exc}"
        permanent = isinstance(exc, PERMANENT_ERRORS)
        if permanent or context.retry_number >= max_retries:
            with db.session() as session:
                recordings.fail(session, streams.client(), tid, name, reason)
            if permanent:
                raise Failure(description=reason, allow_retries=False) from exc
        else:
            streams.publish(
                PipelineEvent(
                    transcript_id=str(tid),
                    stage=name,
                    status="retrying",
                    percent=before,
                    error=reason,
                    detail={"attempt": context.retry_number + 1},
                )
            )
        raise
    elapsed = time.monotonic() - started
    with db.session() as session:
        after = progress(transcripts.record_timing(session, tid, name, elapsed))
    streams.publish(
        PipelineEvent(
            transcript_id=str(tid),
            stage=name,
            status="completed",
            percent=after,
            detail={"seconds": round(elapsed, 3)},
        )
    )
