"""The wire models of gpu_service's routes: the routes answer with them, and the project's
client (st_resources/clients/gpu.py) reads its answers with the same ones, so the two cannot
drift. Pydantic only: importing this pulls in no engine.

The transcription response is OpenAI's `verbose_json`, plus our `words` on each segment;
the chat request is OpenAI's, with what llama.cpp and vLLM both serve.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field


class Word(BaseModel):
    word: str
    start: float
    end: float
    probability: float | None = None


class Segment(BaseModel):
    id: int
    seek: int = 0
    start: float
    end: float
    text: str
    tokens: list[int] = []
    temperature: float | None = None
    avg_logprob: float | None = None
    compression_ratio: float | None = None
    no_speech_prob: float | None = None
    words: list[Word] = []


class Transcription(BaseModel):
    """`POST /v1/audio/transcriptions`, response_format=verbose_json. The top-level `words`
    are sent only when `timestamp_granularities[]` asks for "word"."""

    task: Literal["transcribe"] = "transcribe"
    language: str
    duration: float
    text: str
    segments: list[Segment]
    words: list[Word] | None = None


class SpeakerTurn(BaseModel):
    start: float
    end: float
    speaker: str
    # True on the stretch where another speaker talks too; a turn is split at those edges.
    overlap: bool = False


class Diarization(BaseModel):
    """`POST /v1/audio/diarize`."""

    duration: float
    num_speakers: int
    speakers: list[str]
    turns: list[SpeakerTurn]
    model: dict[str, str] = {}
    # How many of the caller's `known_voices` were of this embedder and so were used.
    known_voices_used: int = 0


class KnownVoices(BaseModel):
    """`known_voices` of `POST /v1/audio/diarize`: the tenant's enrolled voices, unit
    vectors of the named embedding model (the diarizer uses them only if it is its own)."""

    model: str
    vectors: list[list[float]] = Field(max_length=200)


class SpanEmbedding(BaseModel):
    start: float
    end: float
    embedding: list[float] | None  # unit length; None when the span is too short or silent


class SpeakerEmbeddings(BaseModel):
    """`POST /v1/audio/embeddings`: one embedding per requested span, in order."""

    model: str
    dim: int
    embeddings: list[SpanEmbedding]


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool"]
    content: str | None = None
    name: str | None = None


class ChatRequest(BaseModel):
    """`POST /v1/chat/completions`."""

    # OpenAI clients always send a model name; the loaded model answers whatever it says.
    model: str | None = None
    messages: Annotated[list[ChatMessage], Field(min_length=1)]
    max_tokens: Annotated[int | None, Field(ge=1)] = None
    temperature: Annotated[float | None, Field(ge=0, le=2)] = None
    stream: bool = False
    response_format: dict[str, Any] | None = None
    logprobs: bool = False
    top_logprobs: Annotated[int | None, Field(ge=0, le=20)] = None
