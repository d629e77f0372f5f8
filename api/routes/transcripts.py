"""Upload a recording, list, read and export transcripts, play their audio (tenant-scoped)."""

import logging
from typing import Annotated

import redis
from fastapi import (
    APIRouter,
    File,
    Form,
    Header,
    HTTPException,
    Query,
    Response,
    UploadFile,
    status,
)

from api import ranges, uploads
from api.deps import (
    CurrentTenant,
    OwnedTranscript,
    OwnedTranscriptWithSegments,
    RedisDep,
    SessionDep,
    SettingsDep,
    StoreDep,
    VectorStoreDep,
)
from api.limits import within_rate
from api.schemas import (
    ERROR_RESPONSES,
    ErrorOut,
    TranscriptDetail,
    TranscriptPage,
    TranscriptSummary,
    UploadAccepted,
)
from st_resources import recordings
from st_resources import search as qdrant
from st_resources.clients.streams import TranscriptDeleted, append_workflow
from st_resources.db.models import READABLE_STATUSES
from st_resources.transcripts import export
from st_resources.transcripts import store as transcripts

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/transcripts", tags=["transcripts"], responses=ERROR_RESPONSES)


@router.post("/create-with-rag", status_code=status.HTTP_202_ACCEPTED)
def create_with_rag(
    tenant: CurrentTenant,
    session: SessionDep,
    store: StoreDep,
    r: RedisDep,
    settings: SettingsDep,
    audio_file: Annotated[UploadFile, File(description="the recording (any format FFmpeg reads)")],
    title: Annotated[str | None, Form()] = None,
    language: Annotated[str, Form(description="ISO 639-1 code, or 'auto'")] = "fr",
    min_speakers: Annotated[int | None, Form(ge=1, le=20)] = None,
    max_speakers: Annotated[int | None, Form(ge=1, le=20)] = None,
    contextual_files: Annotated[list[UploadFile] | None, File()] = None,
    contextual_files_brackets: Annotated[
        list[UploadFile] | None, File(alias="contextual_files[]")
    ] = None,
) -> UploadAccepted:
    try:
        allowed = within_rate(r, "upload", tenant.id, settings.uploads_per_minute)
    except redis.RedisError as exc:
        raise _queue_down(exc) from exc
    if not allowed:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"at most {settings.uploads_per_minute} uploads a minute; retry shortly",
            headers={"Retry-After": "30"},
        )
    documents = (contextual_files or []) + (contextual_files_brackets or [])
    upload = uploads.validate(
        settings, audio_file, title, language, documents, (min_speakers, max_speakers)
    )
    row = recordings.create(
        session,
        store,
        tenant.id,
        upload.audio,
        title=upload.title,
        language=upload.language,
        documents=upload.documents,
        speaker_bounds=upload.speaker_bounds,
    )
    try:
        append_workflow(r, recordings.uploaded_event(row, upload.duration_s))
    except redis.RedisError as exc:
        recordings.discard(session, store, row)
        raise _queue_down(exc) from exc
    base = f"/api/transcripts/{row.id}"
    return UploadAccepted(
        id=row.id, status=row.status, events_url=f"{base}/events", transcript_url=base
    )


def _queue_down(exc: redis.RedisError, what: str = "stored") -> HTTPException:
    log.error("processing queue unavailable: %s", exc)
    return HTTPException(
        status.HTTP_503_SERVICE_UNAVAILABLE,
        detail=f"the processing queue is unavailable; nothing was {what}, retry later",
    )


@router.get("")
def list_transcripts(
    tenant: CurrentTenant,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    # Bounded: PostgreSQL's OFFSET is a bigint, and a larger one was a 500.
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> TranscriptPage:
    rows, total = transcripts.list_for_tenant(session, tenant.id, limit, offset)
    return TranscriptPage(
        items=[TranscriptSummary.model_validate(r) for r in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/{transcript_id}")
def get_transcript(row: OwnedTranscriptWithSegments) -> TranscriptDetail:
    return TranscriptDetail.from_row(row)


@router.get(
    "/{transcript_id}/export",
    response_class=Response,
    responses={
        200: {
            "description": "the file, as an attachment",
            "content": {media.split(";")[0]: {} for media in export.MEDIA_TYPES.values()},
        },
        409: {"model": ErrorOut, "description": "not readable yet (or failed)"},
    },
)
def export_transcript(
    row: OwnedTranscriptWithSegments,
    fmt: Annotated[export.Format, Query(alias="format")],
    text: Annotated[
        export.TextChoice, Query(description="clean: the cleaned text where kept, else raw")
    ] = "clean",
) -> Response:
    """The transcript as subtitles (srt, vtt), text, JSON or a Word document, each cue or
    paragraph with its speaker's name (the label where unnamed)."""
    if row.status not in READABLE_STATUSES:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            detail=f"the transcript is {row.status}: it can be exported once it is readable "
            "(status transcribed, completed or completed_degraded)",
        )
    built = export.export(row, fmt, text)
    return Response(
        built.content,
        media_type=built.media_type,
        headers={"Content-Disposition": built.content_disposition},
    )


# By the stored file's extension; octet-stream where it says nothing.
_AUDIO_TYPES: dict = {"audio/*": {}, "application/octet-stream": {}}


@router.get(
    "/{transcript_id}/audio",
    response_class=Response,
    responses={
        200: {"description": "the whole recording", "content": _AUDIO_TYPES},
        206: {"description": "the range asked for", "content": _AUDIO_TYPES},
        416: {"model": ErrorOut, "description": "the range selects no byte of the audio"},
    },
)
def transcript_audio(
    row: OwnedTranscript,
    store: StoreDep,
    range_header: Annotated[
        str | None, Header(alias="range", description="one byte range: bytes=first-last")
    ] = None,
) -> Response:
    """The recording's original upload, streamed, for a browser's player (seeks with
    `Range`)."""
    return ranges.object_response(store, row.audio_key, row.audio_filename, range_header)


@router.delete("/{transcript_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_transcript(
    row: OwnedTranscript,
    tenant: CurrentTenant,
    session: SessionDep,
    store: StoreDep,
    vectors: VectorStoreDep,
    r: RedisDep,
) -> Response:
    """The recording, its objects, its index points and everything derived from it; then
    Dagster is told, to stop its runs and drop its partition."""
    tid = row.id
    try:
        recordings.delete(session, store, vectors, r, row)
    except qdrant.StoreBusy as exc:
        log.warning("could not delete %s from the search index: %s", tid, exc)
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="the search index is busy; the recording is marked deleting, retry in a "
            "moment to finish",
            headers={"Retry-After": "2"},
        ) from exc
    try:
        append_workflow(r, TranscriptDeleted(transcript_id=str(tid), tenant_id=str(tenant.id)))
    except redis.RedisError as exc:  # the data is gone; only Dagster's bookkeeping lags
        log.warning("deleted %s but could not tell the pipeline: %s", tid, exc)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
