"""Request and response models of the API."""

import uuid
from datetime import datetime
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field


class UploadAccepted(BaseModel):
    id: uuid.UUID
    status: str
    events_url: str
    transcript_url: str


class Word(BaseModel):
    word: str
    start: float
    end: float
    probability: float | None = None


class SegmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    idx: int
    start: float = Field(validation_alias=AliasChoices("start_s", "start"))
    end: float = Field(validation_alias=AliasChoices("end_s", "end"))
    text: str
    speaker: str | None
    confidence: float | None
    words: list[Word]


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    filename: str
    content_type: str | None
    size_bytes: int


class TranscriptSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    status: str
    error: str | None
    language: str | None
    detected_language: str | None
    duration_s: float | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class TranscriptDetail(TranscriptSummary):
    timings: dict[str, Any]
    segments: list[SegmentOut]
    documents: list[DocumentOut]


class TranscriptPage(BaseModel):
    items: list[TranscriptSummary]
    total: int
    limit: int
    offset: int
