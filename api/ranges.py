"""A stored object served to a browser's player: whole, or the one byte range it asks for.

A player sends `Range: bytes=…` to start, seek and resume; the bytes are streamed from the
object store (`read_range`) a chunk at a time, never read whole into memory: a recording
may last hours. Several ranges in one header (a multipart answer) are not served: the
whole object is, as RFC 9110 allows (a server MAY ignore Range); players ask for one. A
range of another unit is ignored the same way; a malformed one, or one that selects no
byte of the object, is refused (416, with the object's size).
"""

import mimetypes
import re

from fastapi import HTTPException, status
from fastapi.responses import StreamingResponse

from st_resources.clients.storage import ObjectNotFound, ObjectStore

# One range, each end at most 30 digits (int() of a huge digit string is slow, then fails).
_ONE_RANGE = re.compile(r"\s*(\d{0,30})\s*-\s*(\d{0,30})\s*")


class Unsatisfiable(ValueError):
    pass


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) byte to send, inclusive; None for the whole object. Raises
    Unsatisfiable when the range is malformed or starts past the end."""
    if header is None:
        return None
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    match = _ONE_RANGE.fullmatch(spec)
    if not match or match.groups() == ("", ""):
        raise Unsatisfiable(header)
    first, last = match.groups()
    if not first:  # "-N": the last N bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable(header)
        return max(size - suffix, 0), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if start >= size or end < start:
        raise Unsatisfiable(header)
    return start, min(end, size - 1)


def media_type(filename: str) -> str:
    """From the stored file's extension, as the player needs it to pick a decoder."""
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def object_response(
    store: ObjectStore, key: str, filename: str, range_header: str | None
) -> StreamingResponse:
    """200 with the whole object, or 206 with the range asked for; 416 for a range that
    selects nothing, 404 when the object is gone."""
    try:
        size = store.size(key)
    except ObjectNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="the audio is not stored") from None
    headers = {"Accept-Ranges": "bytes"}
    try:
        chosen = byte_range(range_header, size)
    except Unsatisfiable:
        raise HTTPException(
            status.HTTP_416_RANGE_NOT_SATISFIABLE,
            detail=f"range {range_header[:60]!r} is malformed or selects no byte of the "
            f"{size}-byte audio",
            headers={**headers, "Content-Range": f"bytes */{size}"},
        ) from None
    code = status.HTTP_200_OK
    first, last = 0, size - 1
    if chosen is not None:
        code, (first, last) = status.HTTP_206_PARTIAL_CONTENT, chosen
        headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    headers["Content-Length"] = str(last - first + 1)
    try:
        body = store.read_range(key, first, last) if size else iter(())
    except ObjectNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="the audio is not stored") from None
    return StreamingResponse(
        body, status_code=code, media_type=media_type(filename), headers=headers
    )
