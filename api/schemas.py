"""Request and response models of the API."""

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator, model_validator


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


class SpeakerOut(BaseModel):
    label: str
    talk_time_s: float
    segment_count: int
    has_voice_embedding: bool


class TranscriptSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    status: str
    error: str | None
    language: str | None
    detected_language: str | None
    duration_s: float | None
    min_speakers: int | None
    max_speakers: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class TranscriptDetail(TranscriptSummary):
    timings: dict[str, Any]
    speakers: list[SpeakerOut]
    segments: list[SegmentOut]
    documents: list[DocumentOut]

    @classmethod
    def from_row(cls, row) -> "TranscriptDetail":
        counts: dict[str, int] = {}
        for seg in row.segments:
            if seg.speaker:
                counts[seg.speaker] = counts.get(seg.speaker, 0) + 1
        speakers = [
            SpeakerOut(
                label=sp.label,
                talk_time_s=sp.talk_time_s,
                segment_count=counts.get(sp.label, 0),
                has_voice_embedding=sp.embedding is not None,
            )
            for sp in row.speakers
        ]
        summary = TranscriptSummary.model_validate(row).model_dump()
        return cls(
            **summary,
            timings=row.timings,
            speakers=speakers,
            segments=[SegmentOut.model_validate(s) for s in row.segments],
            documents=[DocumentOut.model_validate(d) for d in row.documents],
        )


class TranscriptPage(BaseModel):
    items: list[TranscriptSummary]
    total: int
    limit: int
    offset: int


class SearchFilters(BaseModel):
    """Optional narrowing of a search; the caller's tenant is always applied on top."""

    model_config = ConfigDict(extra="forbid")

    project_id: str | None = Field(None, max_length=200)
    transcript_id: uuid.UUID | None = None
    speaker: str | None = Field(None, max_length=200)
    language: str | None = Field(None, min_length=2, max_length=16)
    date_from: date | None = Field(None, description="recordings uploaded on or after")
    date_to: date | None = Field(None, description="recordings uploaded on or before")

    @field_validator("language")
    @classmethod
    def _lower(cls, value: str | None) -> str | None:
        return value.strip().lower() if value else value

    @model_validator(mode="after")
    def _range(self) -> "SearchFilters":
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        return self


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=1000)
    limit: int = Field(10, ge=1, le=50)
    filters: SearchFilters = Field(default_factory=SearchFilters)
    mode: Literal["hybrid", "dense", "keyword"] = "hybrid"

    @field_validator("query")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("query is blank")
        return value.strip()


class SearchHit(BaseModel):
    transcript_id: uuid.UUID
    title: str
    speaker: str | None
    start: float
    end: float
    text: str
    score: float
    segment_idx: int | None = None
    language: str | None = None


class SearchResponse(BaseModel):
    query: str
    mode: str
    embedding_model: str
    hits: list[SearchHit]
