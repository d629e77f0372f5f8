"""Server-Sent Events: one transcript's `pipeline:events`, resumable with Last-Event-ID."""

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from sse_starlette import EventSourceResponse, ServerSentEvent

from api.deps import AsyncRedisDep, OwnedTranscript
from st_resources.clients.streams import TERMINAL_STAGE, PipelineEvent, aread_progress
from st_resources.db.models import TERMINAL_STATUSES

router = APIRouter(prefix="/api/transcripts", tags=["events"])
BLOCK_MS = 5_000


@router.get("/{transcript_id}/events")
async def transcript_events(
    row: OwnedTranscript,
    request: Request,
    r: AsyncRedisDep,
    last_event_id: Annotated[str | None, Header()] = None,
    after: Annotated[str | None, Query(description="resume after this event id")] = None,
) -> EventSourceResponse:
    tid = row.id
    # Kept for the case where the stream has expired from Redis but the outcome is known.
    known_final = row.status in TERMINAL_STATUSES
    final_from_db = PipelineEvent(
        transcript_id=str(tid),
        stage=TERMINAL_STAGE,
        status=row.status if known_final else "failed",
        percent=100,
        error=row.error,
    )
    cursor = last_event_id or after or "0-0"

    async def stream():
        nonlocal cursor
        seen_any = cursor != "0-0"
        while not await request.is_disconnected():
            events = await aread_progress(r, str(tid), cursor, block_ms=BLOCK_MS)
            for event_id, event in events:
                cursor, seen_any = event_id, True
                yield ServerSentEvent(
                    data=event.model_dump_json(),
                    id=event_id,
                    event="final" if event.is_final else "progress",
                )
                if event.is_final:
                    return
            if not events and not seen_any and known_final:
                yield ServerSentEvent(data=final_from_db.model_dump_json(), event="final")
                return

    return EventSourceResponse(stream(), ping=15)
