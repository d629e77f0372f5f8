"""Upload validation and the all-or-nothing write of a new recording.

Everything is checked before anything is written. Then objects are stored, the row is
committed, and `transcript.uploaded` is appended; if any of these fails, what was already
written is removed, so a refused or failed upload leaves no row, file or partition.
"""

import hashlib
import logging
import uuid
from dataclasses import dataclass
from pathlib import PurePath

from fastapi import HTTPException, UploadFile, status
from sqlalchemy.orm import Session

from st_resources import transcripts
from st_resources.audio import NotAudioError, probe
from st_resources.db.models import ContextDocument, Tenant, Transcript
from st_resources.languages import normalise_language
from st_resources.settings import Settings
from st_resources.storage import ObjectStore, recording_prefix
from st_resources.streams import TranscriptUploaded

log = logging.getLogger(__name__)

CONTEXT_TYPES = {".txt", ".md", ".pdf", ".docx"}


@dataclass
class ValidUpload:
    audio: UploadFile
    title: str
    language: str | None
    documents: list[UploadFile]
    speaker_bounds: tuple[int | None, int | None]


def _size(file: UploadFile) -> int:
    if file.size is not None:
        return file.size
    file.file.seek(0, 2)
    size = file.file.tell()
    file.file.seek(0)
    return size


def _safe_name(filename: str | None, default: str) -> str:
    name = PurePath(filename or default).name.strip() or default
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in name)[:200]


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

    size = _size(audio_file)
    if size == 0:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail="audio_file is empty")
    if size > settings.max_upload_bytes:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"audio_file is {size} bytes; the limit is {settings.max_upload_mb} MB",
        )
    try:
        probe(audio_file.file)
    except NotAudioError as exc:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            detail=f"audio_file {audio_file.filename!r} is not a supported audio file: {exc}",
        ) from exc
    finally:
        audio_file.file.seek(0)

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
        doc_size = _size(doc)
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
    return ValidUpload(audio_file, clean_title[:500], lang, documents, speaker_bounds)


def _sha256(file: UploadFile) -> str:
    digest = hashlib.sha256()
    file.file.seek(0)
    for chunk in iter(lambda: file.file.read(1 << 20), b""):
        digest.update(chunk)
    file.file.seek(0)
    return digest.hexdigest()


def _put(store: ObjectStore, key: str, file: UploadFile) -> None:
    file.file.seek(0)
    store.put_bytes(key, file.file.read())


def store_recording(
    session: Session, store: ObjectStore, tenant: Tenant, upload: ValidUpload
) -> Transcript:
    """Store the files and commit the row; undo both if either fails."""
    tid = uuid.uuid4()
    prefix = recording_prefix(str(tenant.id), str(tid))
    audio_key = prefix + "original/" + _safe_name(upload.audio.filename, "audio")
    try:
        _put(store, audio_key, upload.audio)
        row = Transcript(
            id=tid,
            tenant_id=tenant.id,
            title=upload.title,
            language=upload.language,
            status="queued",
            audio_key=audio_key,
            audio_filename=_safe_name(upload.audio.filename, "audio"),
            audio_bytes=_size(upload.audio),
            min_speakers=upload.speaker_bounds[0],
            max_speakers=upload.speaker_bounds[1],
            timings={},
        )
        session.add(row)
        docs = []
        for i, doc in enumerate(upload.documents):
            key = f"{prefix}context/{i:02d}_{_safe_name(doc.filename, 'document')}"
            _put(store, key, doc)
            docs.append(
                ContextDocument(
                    transcript_id=tid,
                    tenant_id=tenant.id,
                    filename=_safe_name(doc.filename, "document"),
                    content_type=doc.content_type,
                    object_key=key,
                    size_bytes=_size(doc),
                    sha256=_sha256(doc),
                )
            )
        transcripts.add_documents(session, docs)
        session.commit()
    except Exception:
        session.rollback()
        store.delete_prefix(prefix)
        raise
    return row


def discard_recording(session: Session, store: ObjectStore, row: Transcript) -> None:
    """Undo `store_recording` when the upload event could not be queued."""
    store.delete_prefix(recording_prefix(str(row.tenant_id), str(row.id)))
    session.delete(row)
    session.commit()


def upload_event(row: Transcript) -> TranscriptUploaded:
    return TranscriptUploaded(transcript_id=str(row.id), tenant_id=str(row.tenant_id))
