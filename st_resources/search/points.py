"""What indexing writes: the points of a recording's segments, summary and documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from st_resources.search.keywords import KeywordEncoder
from st_resources.search.model import (
    DOCUMENTS,
    MODEL_FIELD,
    SEGMENTS,
    TRANSCRIPTS,
    IndexPoint,
    document_point_id,
    segment_point_id,
    transcript_point_id,
)


@dataclass(frozen=True)
class TranscriptInfo:
    """What every point of a recording carries about it."""

    id: str
    tenant_id: str
    title: str
    project_id: str | None = None
    language: str | None = None
    created_at: datetime | None = None

    def payload(self, fingerprint: str) -> dict[str, Any]:
        created = (self.created_at or datetime.now(UTC)).astimezone(UTC)
        return {
            "tenant_id": self.tenant_id,
            "project_id": self.project_id,
            "transcript_id": self.id,
            "title": self.title,
            "language": self.language,
            "created_at": created.isoformat(),
            MODEL_FIELD: fingerprint,
        }


@dataclass(frozen=True)
class SegmentText:
    idx: int
    start: float
    end: float
    text: str
    speaker: str | None = None


def _neighbourhood(segments: Sequence[SegmentText], i: int, title: str) -> str:
    """What segment i's context vector reads: the recording's title, then the segment with
    the one before and the one after. A reply says what it answers only with its question
    ("About two years"), and a turn says what meeting it is in only with the title ("race
    day is April 26"); what the title gained: docs/MEASUREMENTS.md#search-quality."""
    around = " ".join(s.text for s in segments[max(0, i - 1) : i + 2])
    return f"{title}. {around}" if title else around


def segment_points(
    embedder,
    keywords: KeywordEncoder,
    info: TranscriptInfo,
    segments: Sequence[SegmentText],
    in_context: bool = True,
) -> list[IndexPoint]:
    """One point per non-empty segment. Its dense vector mixes the segment with its
    neighbourhood (`Embedder.embed_passages_in_context`); its keywords are its own."""
    segments = [s for s in segments if s.text.strip()]
    texts = [s.text for s in segments]
    if in_context:
        contexts = [_neighbourhood(segments, i, info.title) for i in range(len(segments))]
        vectors = embedder.embed_passages_in_context(texts, contexts)
    else:
        vectors = embedder.embed_passages(texts)
    base = info.payload(embedder.fingerprint)
    return [
        IndexPoint(
            id=segment_point_id(info.id, seg.idx),
            dense=vec.tolist(),
            sparse=keywords.document(seg.text, info.language, SEGMENTS),
            payload={
                **base,
                "segment_idx": seg.idx,
                "speaker": seg.speaker,
                "start": round(float(seg.start), 3),
                "end": round(float(seg.end), 3),
                "text": seg.text,
            },
        )
        for seg, vec in zip(segments, vectors, strict=True)
    ]


def transcript_point(
    embedder,
    keywords: KeywordEncoder,
    info: TranscriptInfo,
    segments: Sequence[SegmentText],
    head_words: int = 150,
) -> IndexPoint:
    words = " ".join(s.text for s in segments).split()
    head = " ".join(words[:head_words])
    speakers = sorted({s.speaker for s in segments if s.speaker})
    text = f"{info.title}. {head}"
    return IndexPoint(
        id=transcript_point_id(info.id),
        dense=embedder.embed_passages([text])[0].tolist(),
        sparse=keywords.document(text, info.language, TRANSCRIPTS),
        payload={
            **info.payload(embedder.fingerprint),
            "head": head,
            "speakers": speakers,
            "segments": len(segments),
            "date": (info.created_at or datetime.now(UTC)).date().isoformat(),
        },
    )


def chunk_paragraphs(text: str, target_words: int = 200) -> list[str]:
    """Paragraphs (blank-line separated) packed into chunks of about `target_words`; a
    paragraph longer than twice that is cut at word boundaries."""
    chunks: list[str] = []
    current: list[str] = []
    for para in (p.strip() for p in text.replace("\r\n", "\n").split("\n\n")):
        words = para.split()
        if not words:
            continue
        while len(words) > 2 * target_words:
            if current:
                chunks.append(" ".join(current))
                current = []
            chunks.append(" ".join(words[:target_words]))
            words = words[target_words:]
        if current and len(current) + len(words) > target_words:
            chunks.append(" ".join(current))
            current = []
        current.extend(words)
    if current:
        chunks.append(" ".join(current))
    return chunks


def document_points(
    embedder,
    keywords: KeywordEncoder,
    info: TranscriptInfo,
    document_id: str,
    filename: str,
    chunks: Sequence[str],
) -> list[IndexPoint]:
    vectors = embedder.embed_passages(list(chunks))
    base = info.payload(embedder.fingerprint)
    return [
        IndexPoint(
            id=document_point_id(document_id, i),
            dense=vec.tolist(),
            sparse=keywords.document(chunk, info.language, DOCUMENTS),
            payload={
                **base,
                "document_id": str(document_id),
                "filename": filename,
                "chunk": i,
                "text": chunk,
            },
        )
        for i, (chunk, vec) in enumerate(zip(chunks, vectors, strict=True))
    ]
