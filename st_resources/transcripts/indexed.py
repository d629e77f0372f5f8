"""What the search index holds of a recording (the segments as a reader sees them), and
its in-place updates after a person's correction.

The indexing stage (st_assets.index) and the corrections build the points from the same
`reader_segments`, so a correction shows in search and chat at once the way the next
re-index will write it.
"""

from __future__ import annotations

from st_resources import search as qdrant
from st_resources.db.models import Transcript


def transcript_info(row: Transcript) -> qdrant.TranscriptInfo:
    return qdrant.TranscriptInfo(
        id=str(row.id),
        tenant_id=str(row.tenant_id),
        project_id=row.project_id,
        title=row.title,
        language=row.spoken_language,
        created_at=row.created_at,
    )


def shown_speakers(row: Transcript) -> dict[int, str | None]:
    """Per segment index, the speaker a reader sees (and the search index holds): the
    speaker's name when known, else its label."""
    names = {sp.label: sp.name for sp in row.speakers if sp.name}
    return {s.idx: names.get(s.speaker, s.speaker) for s in row.segments}


def reader_segments(row: Transcript) -> list[qdrant.SegmentText]:
    """The segments with something said, as a reader sees them: the cleaned (or a
    person's) text when kept, and the shown speaker."""
    shown = shown_speakers(row)
    return [
        qdrant.SegmentText(idx=s.idx, start=s.start_s, end=s.end_s, text=text, speaker=shown[s.idx])
        for s in row.segments
        if (text := s.clean_text or s.text).strip()
    ]


def show_speakers(
    vectors: qdrant.VectorStore, row: Transcript, before: dict[int, str | None]
) -> None:
    """Give the points of the segments whose shown speaker is no longer `before`'s their
    new one (and the recording's point its speakers): only payloads change."""
    rows = reader_segments(row)
    spoken = sorted({s.speaker for s in rows if s.speaker})
    changed = [s for s in rows if before.get(s.idx) != s.speaker]
    with vectors.lease():
        for segment in changed:
            vectors.set_segment_speaker(str(row.id), segment.idx, segment.speaker, spoken)


def reembed_segment(vectors: qdrant.VectorStore, embedder, row: Transcript, idx: int) -> None:
    """Segment `idx`'s text changed: embed its point again (in its neighbourhood, as
    indexing does) and the recording's point, whose head may hold it. The neighbours'
    vectors, which read a little of it, wait for the re-index."""
    info, rows = transcript_info(row), reader_segments(row)
    at = next(i for i, s in enumerate(rows) if s.idx == idx)
    keywords = qdrant.get_keywords()
    point = qdrant.segment_point_id(info.id, idx)
    points = qdrant.segment_points(embedder, keywords, info, rows[max(0, at - 1) : at + 2])
    summary = qdrant.transcript_point(embedder, keywords, info, rows)
    with vectors.lease():
        vectors.upsert(qdrant.SEGMENTS, [p for p in points if p.id == point])
        vectors.upsert(qdrant.TRANSCRIPTS, [summary])
