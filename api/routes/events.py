"""Server-Sent Events: one transcript's `pipeline:events`, resumable with Last-Event-ID.

A stream holds no database connection (the transcript is read in a session closed before
streaming starts), counts against its tenant's open-stream cap, ends after
`sse_max_stream_s` (the client resumes with Last-Event-ID), and ends at once when the
recording is finished and nothing is left after the client's cursor: a cursor at or past
the end of a finished recording's stream once kept it open forever.
"""

import re
import time
from typing import Annotated

import anyio
from fastapi import APIRouter, Header, HTTPException, Query, Request, status
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from api.deps import AsyncRedisDep, DetachedTranscript, RedisDep, SettingsDep
from api.limits import Slots
from api.schemas import ERROR_RESPONSES
from st_resources.clients.streams import (
    TERMINAL_STAGE,
    PipelineEvent,
    aread_progress,
    transcript_stream,
)
from st_resources.db.models import TERMINAL_STATUSES

router = APIRouter(prefix="/api/transcripts", tags=["events"], responses=ERROR_RESPONSES)
BLOCK_MS = 5_000
_STREAM_ID = re.compile(r"\d{1,20}-\d{1,20}")


@router.get("/{transcript_id}/events")
async def transcript_events(
    row: DetachedTranscript,
    request: Request,
    r: AsyncRedisDep,
    slots_redis: RedisDep,
    settings: SettingsDep,
    last_event_id: Annotated[str | None, Header()] = None,
    after: Annotated[str | None, Query(description="resume after this event id")] = None,
) -> EventSourceResponse:
    cursor = last_event_id or after or "0-0"
    if not _STREAM_ID.fullmatch(cursor):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"event id {cursor[:40]!r} is not a stream id like 1700000000000-0",
        )
    tid = str(row.id)
    # Past the newest event, nothing would ever be delivered: resume from the newest.
    newest = await r.xrevrange(transcript_stream(tid), count=1)
    if newest and _after(cursor, newest[0][0]):
        cursor = newest[0][0]
    final_from_db = (
        PipelineEvent(
            transcript_id=tid, stage=TERMINAL_STAGE, status=row.status, percent=100, error=row.error
        )
        if row.status in TERMINAL_STATUSES
        else None
    )
    slot = Slots(slots_redis, "sse", row.tenant_id, settings.sse_streams_per_tenant)
    if not await run_in_threadpool(slot.acquire):
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"at most {settings.sse_streams_per_tenant} progress streams may be open "
            "at once; close one first",
        )
    deadline = time.monotonic() + settings.sse_max_stream_s

    async def stream():
        nonlocal cursor
        try:
            while time.monotonic() < deadline and not await request.is_disconnected():
                events = await aread_progress(r, tid, cursor, block_ms=BLOCK_MS)
                for event_id, event in events:
                    cursor = event_id
                    yield ServerSentEvent(
                        data=event.model_dump_json(),
                        id=event_id,
                        event="final" if event.is_final else "progress",
                    )
                    if event.is_final:
                        return
                if not events and final_from_db:
                    # Finished before this stream opened and nothing after the cursor:
                    # the stored outcome, then close (the stream may have expired).
                    yield ServerSentEvent(data=final_from_db.model_dump_json(), event="final")
                    return
                await run_in_threadpool(slot.refresh)
        finally:
            # The disconnect cancels this generator: unshielded, the release is cancelled too.
            with anyio.CancelScope(shield=True):
                await run_in_threadpool(slot.release)

    return EventSourceResponse(stream(), ping=15)


def _after(a: str, b: str) -> bool:
    """Stream id a is later than b."""
    return tuple(map(int, a.split("-"))) > tuple(map(int, b.split("-")))
