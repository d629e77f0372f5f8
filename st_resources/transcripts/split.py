"""The words at one end of a segment said by another speaker: the segment splits at a word
boundary and those words become a segment of their own.

Segments are numbered 0..n-1 in time order, and more than the segments rows know them by
that number (search points, chat citations, ratings of search hits), so the new segment
takes its place in the numbering: every later segment's number, and the citations and
ratings that point at it, move up by one, in the caller's transaction. The index's
points, keyed by number too, are rebuilt by a re-index of the recording.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any, Literal

from sqlalchemy import update
from sqlalchemy.orm import Session

from st_resources.db.models import ChatCitation, Feedback, Segment, Transcript
from st_resources.text import plain
from st_resources.transcripts.edits import (
    add_talk_time,
    lock_editable,
    move_segment,
    segment_at,
    speakers_of,
)

End = Literal["start", "end"]


def split_segment(
    session: Session, row: Transcript, idx: int, word: int, to: End, label: str
) -> list[Segment]:
    """Give the words of segment `idx` from word `word` to its `to` end (that word
    included) to speaker `label`, as a new segment before (`start`) or after (`end`) the
    rest; returns the segments the words are in now, in order. Words, raw and clean text,
    times and talk times follow; all the words: the segment moves whole. LookupError for
    an unknown segment or speaker, ValueError for a word the segment does not have."""
    lock_editable(session, row, "its speakers can be corrected")
    segment = segment_at(session, row, idx)
    speakers = speakers_of(session, row, label)
    words = segment.words
    if not 0 <= word < len(words):
        raise ValueError(
            f"segment {idx} has {len(words)} words with times, no word {word}"
            + ("" if words else ": it can only change speaker whole")
        )
    cut = word + 1 if to == "start" else word
    if cut in (0, len(words)):
        return [move_segment(session, row, idx, label)]
    if segment.speaker == label:
        return [segment]
    head, tail = words[:cut], words[cut:]
    clean = split_text(words, cut, segment.clean_text)
    pieces = [
        _piece(head, segment.start_s, head[-1]["end"], clean[0]),
        _piece(tail, tail[0]["start"], segment.end_s, clean[1]),
    ]
    moved, stays = (0, 1) if to == "start" else (1, 0)
    lost = _lasts(pieces[stays]) - (segment.end_s - segment.start_s)
    add_talk_time(speakers.get(segment.speaker) if segment.speaker else None, lost)
    add_talk_time(speakers[label], _lasts(pieces[moved]))
    pieces[moved]["words"] = [{**w, "speaker": label} for w in pieces[moved]["words"]]
    pieces[moved]["speaker"] = label
    pieces[stays]["speaker"] = segment.speaker
    for piece in pieces:
        piece.update(confidence=segment.confidence, edited_at=segment.edited_at)
    session.delete(segment)
    session.flush()
    _make_room(session, row, idx + 1)
    new = [Segment(transcript_id=row.id, idx=idx + i, **piece) for i, piece in enumerate(pieces)]
    session.add_all(new)
    session.flush()
    session.expire(row, ["segments"])
    return new


def _piece(words: list[dict[str, Any]], start: float, end: float, clean: str | None) -> dict:
    return dict(words=words, start_s=start, end_s=end, text=said(words), clean_text=clean)


def _lasts(piece: dict) -> float:
    return max(0.0, piece["end_s"] - piece["start_s"])


def _make_room(session: Session, row: Transcript, idx: int) -> None:
    """Number `idx` is free: segments from there, and what points at them, move up one.
    Two steps through negative numbers, because the (transcript, idx) key is checked row
    by row: shifting in place would collide with the next row's number."""
    table = Segment.__table__
    mine = table.c.transcript_id == row.id
    session.execute(update(table).where(mine, table.c.idx >= idx).values(idx=-table.c.idx - 2))
    session.execute(update(table).where(mine, table.c.idx < 0).values(idx=-table.c.idx - 1))
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Segment) and obj.transcript_id == row.id:
            session.expire(obj)
    for model in (ChatCitation, Feedback):
        session.execute(
            update(model)
            .where(model.transcript_id == row.id, model.segment_idx >= idx)
            .values(segment_idx=model.segment_idx + 1)
            .execution_options(synchronize_session=False)
        )


def said(words: list[dict[str, Any]]) -> str:
    """The text of words as ASR gives them (Whisper's start with their space)."""
    return "".join(w["word"] if w["word"][:1].isspace() else " " + w["word"] for w in words).strip()


def _key(token: str) -> str:
    return re.sub(r"\W+", "", plain(token))


def split_text(
    words: list[dict[str, Any]], cut: int, clean: str | None
) -> tuple[str | None, str | None]:
    """The clean text cut where the raw words are cut (before word `cut`): the clean words
    matched to raw words (case, accents and punctuation aside) say where; unmatched clean
    words at the cut go with the second part. A part left with no clean word takes its
    raw words' text; without clean text, neither part has one."""
    if clean is None:
        return None, None
    tokens = clean.split()
    matcher = SequenceMatcher(
        None, [_key(w["word"]) for w in words], [_key(t) for t in tokens], autojunk=False
    )
    blocks = matcher.get_matching_blocks()
    at = max((b + min(size, cut - a) for a, b, size in blocks if size and a < cut), default=0)
    first, second = " ".join(tokens[:at]), " ".join(tokens[at:])
    return first or said(words[:cut]), second or said(words[cut:])
