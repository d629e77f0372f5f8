"""SQLAlchemy 2 models of the app database (tenants, tokens, transcripts, segments, speakers,
voiceprints, documents)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

TERMINAL_STATUSES = frozenset({"completed", "completed_degraded", "failed"})
# A run is going: stages still to come (`transcribed`: readable, being enriched).
RUNNING_STATUSES = frozenset({"processing", "transcribed"})
# Words, speakers and names are in: the transcript can be read (and exported).
READABLE_STATUSES = frozenset({"transcribed", "completed", "completed_degraded"})


class Base(DeclarativeBase):
    pass


def _uuid_pk() -> Mapped[uuid.UUID]:
    return mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)


def _created_at() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now(), nullable=False)


class Tenant(Base):
    __tablename__ = "tenants"

    id: Mapped[uuid.UUID] = _uuid_pk()
    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    created_at: Mapped[datetime] = _created_at()


class ApiToken(Base):
    """Bearer tokens; only the SHA-256 of the token is stored. A token stops working when
    revoked or past its expiry (`st revoke-token`, `st create-tenant --expires-days`)."""

    __tablename__ = "api_tokens"

    id: Mapped[uuid.UUID] = _uuid_pk()
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=False
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False, default="default")
    created_at: Mapped[datetime] = _created_at()
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Transcript(Base):
    __tablename__ = "transcripts"
    __table_args__ = (
        CheckConstraint(
            "status IN ('queued','processing','transcribed','completed','completed_degraded',"
            "'failed','deleting')",
            name="transcripts_status_valid",
        ),
    )

    id: Mapped[uuid.UUID] = _uuid_pk()
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=False
    )
    project_id: Mapped[str | None] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    language: Mapped[str | None] = mapped_column(String(16))
    detected_language: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32), nullable=False, default="queued", index=True)
    error: Mapped[str | None] = mapped_column(Text)
    audio_key: Mapped[str] = mapped_column(String(1000), nullable=False)
    audio_filename: Mapped[str] = mapped_column(String(500), nullable=False)
    audio_bytes: Mapped[int] = mapped_column(BigInteger, nullable=False)
    audio_sha256: Mapped[str | None] = mapped_column(String(64))
    duration_s: Mapped[float | None] = mapped_column(Float)
    # Optional bounds on the number of speakers, given at upload.
    min_speakers: Mapped[int | None] = mapped_column(Integer)
    max_speakers: Mapped[int | None] = mapped_column(Integer)
    timings: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    # Stage -> why it fell back (e.g. LLM down: names from voiceprints and rules only, raw
    # text); a run that completes with any of them ends `completed_degraded`.
    degradations: Mapped[dict[str, str]] = mapped_column(JSONB, nullable=False, default=dict)
    created_at: Mapped[datetime] = _created_at()
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now(), nullable=False
    )

    segments: Mapped[list[Segment]] = relationship(
        back_populates="transcript", order_by="Segment.idx", passive_deletes=True
    )
    documents: Mapped[list[ContextDocument]] = relationship(
        back_populates="transcript", passive_deletes=True
    )
    speakers: Mapped[list[TranscriptSpeaker]] = relationship(
        back_populates="transcript", order_by="TranscriptSpeaker.label", passive_deletes=True
    )

    @property
    def spoken_language(self) -> str | None:
        """The language given at upload, else the one ASR detected."""
        return self.language or self.detected_language


class Segment(Base):
    __tablename__ = "segments"
    __table_args__ = (UniqueConstraint("transcript_id", "idx", name="segments_transcript_idx"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    transcript_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("transcripts.id", ondelete="CASCADE"), nullable=False
    )
    idx: Mapped[int] = mapped_column(Integer, nullable=False)
    start_s: Mapped[float] = mapped_column(Float, nullable=False)
    end_s: Mapped[float] = mapped_column(Float, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    # LLM-cleaned text; null where cleanup was off, failed or rejected by its guard (the raw
    # `text` above is always kept).
    clean_text: Mapped[str | None] = mapped_column(Text)
    # When a person last wrote the clean text (null: never): a re-run of the cleanup stage
    # leaves such a segment's clean text alone.
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    words: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    speaker: Mapped[str | None] = mapped_column(String(200))
    confidence: Mapped[float | None] = mapped_column(Float)

    transcript: Mapped[Transcript] = relationship(back_populates="segments")


class TranscriptSpeaker(Base):
    """One diarized speaker of a recording, with its mean-pooled voice embedding."""

    __tablename__ = "transcript_speakers"
    __table_args__ = (UniqueConstraint("transcript_id", "label", name="transcript_speakers_label"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    transcript_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("transcripts.id", ondelete="CASCADE"), nullable=False
    )
    label: Mapped[str] = mapped_column(String(64), nullable=False)
    talk_time_s: Mapped[float] = mapped_column(Float, nullable=False)
    turns: Mapped[int] = mapped_column(Integer, nullable=False)
    embedding: Mapped[list[float] | None] = mapped_column(ARRAY(Float))
    embedding_seconds: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    embedding_model: Mapped[str | None] = mapped_column(String(200))
    # Who this speaker is: the name, how it was found (voiceprint | rag | llm | manual |
    # unknown), how sure, and the evidence (matched voiceprint, quoted sentence, ...).
    name: Mapped[str | None] = mapped_column(String(200))
    identity_source: Mapped[str] = mapped_column(String(16), nullable=False, default="unknown")
    identity_confidence: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    identity_evidence: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    voiceprint_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("voiceprints.id", ondelete="SET NULL")
    )

    transcript: Mapped[Transcript] = relationship(back_populates="speakers")


class Voiceprint(Base):
    """A named voice of a tenant: running mean of its recordings' speaker embeddings."""

    __tablename__ = "voiceprints"
    __table_args__ = (UniqueConstraint("tenant_id", "name", name="voiceprints_tenant_name"),)

    id: Mapped[uuid.UUID] = _uuid_pk()
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=False
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    embedding: Mapped[list[float]] = mapped_column(ARRAY(Float), nullable=False)
    embedding_model: Mapped[str] = mapped_column(String(200), nullable=False)
    sample_count: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    speech_seconds: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    # Transcript ids (as strings) the voice was enrolled or updated from.
    source_transcripts: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    # confirmed: learnt from strong, unconflicted evidence or from a person, and names
    # speakers; suggested: learnt from weaker evidence, only proposed until confirmed.
    status: Mapped[str] = mapped_column(
        String(20), nullable=False, default="confirmed", server_default="confirmed"
    )
    created_at: Mapped[datetime] = _created_at()
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now(), nullable=False
    )

    samples: Mapped[list[VoiceprintSample]] = relationship(
        back_populates="voiceprint",
        cascade="all, delete-orphan",
        order_by="VoiceprintSample.created_at",
    )


class VoiceprintSample(Base):
    """One recording's speaker that a voiceprint learnt from, so that a wrong one can be
    taken out and the voice recomputed. A rejected sample stays as a hard negative: a
    voice known *not* to be this person, which no later speaker may match over it."""

    __tablename__ = "voiceprint_samples"

    id: Mapped[uuid.UUID] = _uuid_pk()
    voiceprint_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("voiceprints.id", ondelete="CASCADE"), index=True, nullable=False
    )
    transcript_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("transcripts.id", ondelete="SET NULL"), index=True
    )
    speaker_label: Mapped[str | None] = mapped_column(String(64))
    # The recording's language: a voice heard in another language is a harder match.
    language: Mapped[str | None] = mapped_column(String(16))
    embedding: Mapped[list[float]] = mapped_column(ARRAY(Float), nullable=False)
    speech_seconds: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    # Recordings this sample stands for (more than one only for a voiceprint made before
    # samples were kept).
    weight: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # auto (the pipeline), manual (a person named the speaker), legacy, conflict (a hard
    # negative: the meeting said outright the voice it matched is someone else) or
    # co_speaker (a hard negative: another voice of a recording the voiceprint learnt from).
    origin: Mapped[str] = mapped_column(String(20), nullable=False)
    confirmed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    rejected: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = _created_at()

    voiceprint: Mapped[Voiceprint] = relationship(back_populates="samples")


class ContextDocument(Base):
    __tablename__ = "context_documents"

    id: Mapped[uuid.UUID] = _uuid_pk()
    transcript_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("transcripts.id", ondelete="CASCADE"), index=True, nullable=False
    )
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=False
    )
    filename: Mapped[str] = mapped_column(String(500), nullable=False)
    content_type: Mapped[str | None] = mapped_column(String(200))
    object_key: Mapped[str] = mapped_column(String(1000), nullable=False)
    size_bytes: Mapped[int] = mapped_column(BigInteger, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = _created_at()

    transcript: Mapped[Transcript] = relationship(back_populates="documents")


# --------------------------------------------------------------------------- chat, feedback

CHAT_ROLES = ("user", "assistant")


class Conversation(Base):
    """A chat thread of a tenant; its messages are the history given to the LLM."""

    __tablename__ = "conversations"

    id: Mapped[uuid.UUID] = _uuid_pk()
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=False
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = _created_at()
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now(), nullable=False
    )


class ChatMessage(Base):
    """One turn: the user's question, or the assistant's answer with its reliability and
    whether the meetings held an answer at all (`found`)."""

    __tablename__ = "chat_messages"
    __table_args__ = (
        CheckConstraint("role IN ('user','assistant')", name="chat_messages_role_valid"),
    )

    id: Mapped[uuid.UUID] = _uuid_pk()
    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True, nullable=False
    )
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=False
    )
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    reliability: Mapped[float | None] = mapped_column(Float)
    found: Mapped[bool | None] = mapped_column()
    # Retrieval and timing details (snippet scores, chosen numbers, degraded, ...).
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    created_at: Mapped[datetime] = _created_at()


class ChatCitation(Base):
    """A segment an answer cites; goes with its transcript (deleting it deletes these)."""

    __tablename__ = "chat_citations"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="CASCADE"), index=True, nullable=False
    )
    transcript_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("transcripts.id", ondelete="CASCADE"), index=True, nullable=False
    )
    segment_idx: Mapped[int] = mapped_column(Integer, nullable=False)
    snippet: Mapped[int] = mapped_column(Integer, nullable=False)


class Feedback(Base):
    """A rating in [-1, 1] (thumbs = ±1, a 1-5 score maps linearly) on an answer
    (`message_id`) or on a search hit (`transcript_id` + `segment_idx`)."""

    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint(
            "(message_id IS NULL) <> (transcript_id IS NULL)", name="feedback_one_target"
        ),
        CheckConstraint(
            "transcript_id IS NULL OR segment_idx IS NOT NULL", name="feedback_hit_has_segment"
        ),
        CheckConstraint("rating >= -1 AND rating <= 1", name="feedback_rating_range"),
    )

    id: Mapped[uuid.UUID] = _uuid_pk()
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=False
    )
    message_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="CASCADE"), index=True
    )
    transcript_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("transcripts.id", ondelete="CASCADE"), index=True
    )
    segment_idx: Mapped[int | None] = mapped_column(Integer)
    rating: Mapped[float] = mapped_column(Float, nullable=False)
    score: Mapped[int | None] = mapped_column(Integer)  # the 1-5 score as given, if any
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _created_at()


class Alert(Base):
    """Something an operator should look at: a pipeline run that failed for good. Also
    appended to the workflow stream as an `alert` event, for whatever watches it."""

    __tablename__ = "alerts"

    id: Mapped[uuid.UUID] = _uuid_pk()
    tenant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True
    )
    transcript_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("transcripts.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    run_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = _created_at()
