"""Upload validation: everything is checked before anything is written.

Then `st_resources.recordings.create` stores the objects and commits the row, and the
route appends `transcript.uploaded`; if any of these fails, what was already written is
removed, so a refused or failed upload leaves no row, file or partition.
"""

from dataclasses import dataclass
from pathlib import PurePath

from fastapi import HTTPException, UploadFile, status

from st_resources.audio import NotAudioError, probe
from st_resources.languages import normalise_language
from st_resources.recordings import NewFile
from st_resources.settings import Settings

CONTEXT_TYPES = {".txt", ".md", ".pdf", ".docx"}


@dataclass
class ValidUpload:
    audio: NewFile
    title: str
    language: str | None
    documents: list[NewFile]
    speaker_bounds: tuple[int | None, int | None]
    duration_s: float | None  # as the file declares it


def _file(upload: UploadFile) -> NewFile:
    return NewFile(upload.filename, upload.file, upload.content_type)


def validate(
    settings: Settings,
    audio_file: UploadFile,
    title: str | None,
    language: str,
    documents: list[UploadFile],
    speaker_bounds: tuple[int | None, int | None] = (None, None),
) -> ValidUpload:
    low, high = speaker_bounds
    if low is not None and high is not None and low > high:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"min_speakers ({low}) is larger than max_speakers ({high})",
        )
    try:
        lang = normalise_language(language)
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(exc)) from exc

    size = _file(audio_file).size()
    if size == 0:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail="audio_file is empty")
    if size > settings.max_upload_bytes:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"audio_file is {size} bytes; the limit is {settings.max_upload_mb} MB",
        )
    try:
        info = probe(audio_file.file)
    except NotAudioError as exc:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            detail=f"audio_file {audio_file.filename!r} is not a supported audio file: {exc}",
        ) from exc
    finally:
        audio_file.file.seek(0)
    if info.duration_s and info.duration_s > settings.max_audio_minutes * 60:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"audio_file lasts {info.duration_s / 60:.0f} minutes; the limit is "
            f"{settings.max_audio_minutes:g} minutes",
        )

    if len(documents) > settings.max_context_files:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"at most {settings.max_context_files} contextual files per upload",
        )
    for doc in documents:
        suffix = PurePath(doc.filename or "").suffix.lower()
        if suffix not in CONTEXT_TYPES:
            raise HTTPException(
                status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                detail=f"contextual file {doc.filename!r}: accepted types are "
                f"{', '.join(sorted(CONTEXT_TYPES))}",
            )
        doc_size = _file(doc).size()
        if doc_size == 0:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                detail=f"contextual file {doc.filename!r} is empty",
            )
        if doc_size > settings.max_context_file_bytes:
            raise HTTPException(
                status.HTTP_413_CONTENT_TOO_LARGE,
                detail=f"contextual file {doc.filename!r} is over "
                f"{settings.max_context_file_mb} MB",
            )
    clean_title = (title or "").strip() or PurePath(audio_file.filename or "recording").stem
    return ValidUpload(
        _file(audio_file),
        clean_title[:500],
        lang,
        [_file(d) for d in documents],
        speaker_bounds,
        info.duration_s,
    )
