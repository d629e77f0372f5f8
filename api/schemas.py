"""Request and response models of the API."""

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("it is blank")
    return value.strip()


# Text a user typed: stripped, refused (422) when nothing but spaces.
Typed = Annotated[str, AfterValidator(_not_blank)]


class ErrorOut(BaseModel):
    """Every error: a sentence for the user, or FastAPI's list of invalid fields (422)."""

    detail: str | list[dict[str, Any]]


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


# The errors any authenticated route may answer, documented once for the OpenAPI schema.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _error("malformed request body"),
    401: _error("missing, invalid, revoked or expired bearer token"),
    404: _error("not found in the caller's tenant"),
    413: _error("request body over the limit"),
    415: _error("unsupported file type"),
    422: _error("invalid input"),
    429: _error("a per-tenant limit was reached; retry after Retry-After seconds"),
    503: _error("a dependency (queue, search index, LLM) is unavailable; retry later"),
}


class SessionIn(BaseModel):
    """Sign in the web app with a tenant's token (`st create-tenant` prints one)."""

    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=1, max_length=200)


class AlertOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    message: str
    transcript_id: uuid.UUID | None
    run_id: str | None
    created_at: datetime


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
    clean_text: str | None = Field(
        default=None, description="LLM-cleaned text; null where cleanup was off or rejected"
    )
    edited_at: datetime | None = Field(
        default=None,
        description="when a person wrote `clean_text` (null: never); the raw `text` stays ASR's",
    )
    speaker: str | None = Field(description="diarization label, e.g. SPEAKER_00")
    speaker_name: str | None = None
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
    name: str | None
    source: Literal["voiceprint", "rag", "llm", "manual", "unknown"]
    confidence: float
    status: Literal["decided", "conflicted", "suggested", "unknown"] = Field(
        description="decided: the sources agree or only one spoke; conflicted: they "
        "disagreed (`evidence.conflict`, or `evidence.merged` when two people introduce "
        "themselves in one speaker's turns), named from the meeting or left unknown; "
        "suggested: unnamed, but the voice matches a suggested voiceprint, or the LLM or "
        "the rules (a weak hint, such as one sentence of someone else's: an address, "
        "thanks, listed or not) read a name from the meeting (`evidence.suggested`), "
        "that a person may confirm"
    )
    evidence: dict[str, Any]
    voiceprint_id: uuid.UUID | None
    talk_time_s: float
    segment_count: int
    has_voice_embedding: bool

    @classmethod
    def from_row(cls, sp, segment_count: int) -> "SpeakerOut":
        evidence = sp.identity_evidence or {}
        conflicted = "conflict" in evidence or "merged" in evidence
        return cls(
            label=sp.label,
            name=sp.name,
            status="conflicted"
            if conflicted
            else "decided"
            if sp.name
            else "suggested"
            if "suggested" in evidence
            else "unknown",
            source=sp.identity_source,
            confidence=sp.identity_confidence,
            evidence=sp.identity_evidence,
            voiceprint_id=sp.voiceprint_id,
            talk_time_s=sp.talk_time_s,
            segment_count=segment_count,
            has_voice_embedding=sp.embedding is not None,
        )


class SpeakerNameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    enrol: bool = Field(
        default=True, description="also enrol the voice in the tenant's voiceprint library"
    )


class VoiceprintOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    sample_count: int
    speech_seconds: float
    embedding_model: str
    source_transcripts: list[str]
    status: Literal["confirmed", "suggested"] = Field(
        description="confirmed: names speakers; suggested: learnt from weaker evidence, "
        "only proposed (`POST /api/voiceprints/{id}/confirm` makes it confirmed)"
    )
    created_at: datetime
    updated_at: datetime


class VoiceprintSampleOut(BaseModel):
    """One recording's speaker a voiceprint learnt from; a rejected one is kept as a
    voice that is not this person."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    transcript_id: uuid.UUID | None
    speaker_label: str | None
    speech_seconds: float
    weight: int
    origin: Literal["auto", "manual", "legacy", "conflict", "co_speaker"]
    confirmed: bool
    rejected: bool
    created_at: datetime
    transcript_title: str | None = Field(
        default=None, description="the recording's title (null: deleted, or no recording)"
    )
    first_spoken_s: float | None = Field(
        default=None, description="when this speaker first talks in the recording, in seconds"
    )


class SegmentSpeakerIn(BaseModel):
    """Who said a segment: another speaker of the same recording."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1, max_length=64, description="diarization label")


class SegmentTextIn(BaseModel):
    """What a segment says, as a person corrects it (its clean text; the raw text stays)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=20_000)


class SpeakerMergeIn(BaseModel):
    """The speaker of the same recording that a speaker is, and is merged into."""

    model_config = ConfigDict(extra="forbid")

    into: str = Field(min_length=1, max_length=64, description="diarization label kept")


class SegmentSplitIn(BaseModel):
    """The words of a segment from one word to one end, said by another speaker."""

    model_config = ConfigDict(extra="forbid")

    word: int = Field(ge=0, le=100_000, description="the first (or last) word moved, from 0")
    to: Literal["start", "end"] = Field(
        description="start: that word and those before it move; end: it and those after"
    )
    label: str = Field(min_length=1, max_length=64, description="diarization label")


class VoiceprintCreate(BaseModel):
    """Enrol the voice of one speaker of one of the caller's transcripts."""

    model_config = ConfigDict(extra="forbid")

    transcript_id: uuid.UUID
    speaker: str = Field(min_length=1, max_length=64, description="diarization label")
    name: str = Field(min_length=1, max_length=200)


class VoiceprintRename(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)


class VoiceprintMerge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    other_id: uuid.UUID = Field(description="the voiceprint folded into this one, then deleted")


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
    degradations: dict[str, str]
    speakers: list[SpeakerOut]
    segments: list[SegmentOut]
    documents: list[DocumentOut]

    @classmethod
    def from_row(cls, row) -> "TranscriptDetail":
        counts: dict[str, int] = {}
        for seg in row.segments:
            if seg.speaker:
                counts[seg.speaker] = counts.get(seg.speaker, 0) + 1
        speakers = [SpeakerOut.from_row(sp, counts.get(sp.label, 0)) for sp in row.speakers]
        names = {sp.label: sp.name for sp in row.speakers}
        summary = TranscriptSummary.model_validate(row).model_dump()
        return cls(
            **summary,
            timings=row.timings,
            degradations=row.degradations,
            speakers=speakers,
            segments=[
                SegmentOut.model_validate(s).model_copy(
                    update={"speaker_name": names.get(s.speaker)}
                )
                for s in row.segments
            ],
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

    query: Typed = Field(min_length=1, max_length=1000)
    limit: int = Field(10, ge=1, le=50)
    filters: SearchFilters = Field(default_factory=SearchFilters)
    mode: Literal["hybrid", "dense", "keyword"] = "hybrid"


class RepliedQuestion(BaseModel):
    """The question asked in the meeting that a hit replies to: the search found the
    question, and gives the reply in its place."""

    segment_idx: int | None
    speaker: str | None
    start: float | None
    end: float | None
    text: str


class SegmentRef(BaseModel):
    """Where a piece of a meeting was said, and its text: what search hits and chat
    snippets both point at."""

    transcript_id: uuid.UUID
    title: str
    speaker: str | None
    start: float
    end: float
    text: str


class SearchHit(SegmentRef):
    score: float
    segment_idx: int | None = None
    language: str | None = None
    in_reply_to: RepliedQuestion | None = None


class SearchResponse(BaseModel):
    query: str
    mode: str
    embedding_model: str
    hits: list[SearchHit]


class ChatRequest(BaseModel):
    """One chat turn; `filters` narrow the retrieval like a search's."""

    model_config = ConfigDict(extra="forbid")

    message: Typed = Field(min_length=1, max_length=2000)
    conversation_id: uuid.UUID | None = None
    filters: SearchFilters = Field(default_factory=SearchFilters)
    limit: int = Field(5, ge=1, le=10, description="at most this many snippets")


class ChatSnippet(SegmentRef):
    n: int
    segment_idx: int | None
    score: float
    relevance: float
    in_reply_to: RepliedQuestion | None = None


class ChatRetrievalEvent(BaseModel):
    conversation_id: uuid.UUID
    snippets: list[ChatSnippet]


class ChatCitationOut(BaseModel):
    n: int
    transcript_id: uuid.UUID
    title: str
    speaker: str | None
    start: float
    end: float
    segment_idx: int | None


class ChatFinalEvent(BaseModel):
    conversation_id: uuid.UUID
    message_id: uuid.UUID
    answer: str
    found: bool = Field(description="false: the meetings do not answer (or not reliably)")
    reliability: float = Field(ge=0, le=1)
    reliability_basis: Literal["judge", "overlap"] | None = Field(
        None,
        description="judge: the model's P(yes) that the citations state the answer; overlap: "
        "the answer's word and meaning overlap with them (server without log-probabilities)",
    )
    citations: list[ChatCitationOut]
    invalid_citations: list[int] = Field(description="[n] markers naming no chosen snippet")
    degraded: str | None = None
    history_messages: int = Field(description="earlier messages given to the model")


class FeedbackRequest(BaseModel):
    """A rating of an answer (`message_id`) or of a search hit (`transcript_id` +
    `segment_idx`): thumbs (`rating`) or a 1-5 `score`."""

    model_config = ConfigDict(extra="forbid")

    message_id: uuid.UUID | None = None
    transcript_id: uuid.UUID | None = None
    segment_idx: int | None = Field(None, ge=0)
    rating: Literal["up", "down"] | None = None
    score: int | None = Field(None, ge=1, le=5)
    comment: str | None = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _one_target_one_value(self) -> "FeedbackRequest":
        if (self.message_id is None) == (self.transcript_id is None):
            raise ValueError("give either message_id or transcript_id + segment_idx")
        if self.transcript_id is not None and self.segment_idx is None:
            raise ValueError("a search hit needs segment_idx")
        if self.message_id is not None and self.segment_idx is not None:
            raise ValueError("segment_idx goes with transcript_id, not message_id")
        if (self.rating is None) == (self.score is None):
            raise ValueError("give either rating (up/down) or score (1-5)")
        return self

    @property
    def value(self) -> float:
        """In [-1, 1]: up/down = ±1, scores 1..5 = -1, -0.5, 0, 0.5, 1."""
        if self.rating is not None:
            return 1.0 if self.rating == "up" else -1.0
        return (self.score - 3) / 2


class FeedbackOut(BaseModel):
    id: uuid.UUID
    target: Literal["answer", "search_hit"]
    value: float
    created_at: datetime


class DailyRecordingMetrics(BaseModel):
    """One UTC day of the tenant's finished recordings (the dbt mart
    `daily_tenant_metrics`); a rate is null when nothing that day could give it."""

    metric_date: date
    recordings_finished: int = Field(description="completed, degraded or failed that day")
    recordings_failed: int
    recordings_with_llm_fallback: int = 0
    error_rate: float = Field(description="failed / finished")
    audio_hours: float = Field(description="hours of audio of the recordings not failed")
    processing_s_per_audio_hour: float | None = Field(
        None, description="upload-to-finish seconds per hour of audio (target < 1500)"
    )
    rag_overhead_s_per_audio_hour: float | None = Field(
        None, description="naming stages' seconds (rules and LLM) per hour of audio"
    )
    voiceprint_match_rate: float | None = Field(
        None, description="speakers named by a voiceprint / speakers with a voice"
    )
    rag_enrichment_rate: float | None = Field(
        None, description="speakers named from documents, in recordings that had documents"
    )
    named_rate: float | None = Field(None, description="speakers named, any source")
    voiceprint_names_reviewed: int = 0
    mean_pooling_accuracy: float | None = Field(
        None, description="of the voiceprints' names a person reviewed, the share kept"
    )
    names_reviewed: int = 0
    auto_naming_accuracy: float | None = Field(
        None, description="of every automatic name a person reviewed, the share kept"
    )
    mean_speakers: float | None = None


class DailyChatMetrics(BaseModel):
    """One UTC day of the tenant's chat answers (the dbt mart `daily_chat_metrics`)."""

    metric_date: date
    answers: int
    found_rate: float = Field(description="share of answers the meetings held")
    mean_reliability: float | None = None
    answers_degraded: int = Field(0, description="answers given without the LLM")
    ratings: int = 0
    mean_rating: float | None = Field(None, description="in [-1, 1]: down -1, up +1")


class DailyMetricsOut(BaseModel):
    """The tenant's daily metrics, oldest day first; both lists are empty until the
    marts are first built (after the first recording finishes)."""

    recordings: list[DailyRecordingMetrics]
    chat: list[DailyChatMetrics]
