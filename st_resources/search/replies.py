"""A question asked in a meeting stands for the reply that follows it.

Asked "how long is the wait for a plot?", the embedder ranks the same question asked in
the meeting ("How long is the wait right now, roughly?") above the reply that answers it
("About two years, uh, a bit less"), which shares neither words nor form with the query.
So a hit that only asks is replaced by the reply: the next segment of its meeting (the
first of the next two said by someone else, else the next one), when the search filter
admits it, at the question's rank and score, with the question in its payload (`in_reply_to`)
so the reply reads in context. A hit that asks after stating something keeps its place and
brings the reply right after it. A reply already ranked higher is not repeated.

It helps most on meetings that ask and answer, and changes nothing on those with few
questions (docs/MEASUREMENTS.md#search-quality).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from st_resources.search.model import SEGMENTS, Hit, SearchFilter, segment_point_id
from st_resources.search.store import VectorStore

LOOK_AHEAD = 2  # segments after a question searched for its reply


def asks(text: str) -> bool:
    """The text ends with a question."""
    return text.rstrip().endswith("?")


def only_asks(text: str) -> bool:
    """Every sentence of the text is a question: it states nothing of its own."""
    parts = [p for p in re.split(r"(?<=[.!?…])\s+", text.strip()) if p]
    return bool(parts) and all(p.rstrip().endswith("?") for p in parts)


def answer_questions(store: VectorStore, flt: SearchFilter, hits: Sequence[Hit]) -> list[Hit]:
    """`hits` (of the segments collection) with each question's reply, as the module says."""
    following: dict[str, list[str]] = {}
    for hit in hits:
        idx = hit.payload.get("segment_idx")
        if idx is not None and asks(hit.payload.get("text", "")):
            tid = hit.payload["transcript_id"]
            following[hit.id] = [
                segment_point_id(tid, idx + step) for step in range(1, LOOK_AHEAD + 1)
            ]
    if not following:
        return list(hits)
    # Every filter but the speaker's is the same for a question and its reply; that one is
    # applied to the reply chosen, so that a filtered search keeps the question instead.
    wanted = [pid for ids in following.values() for pid in ids]
    found = {h.id: h for h in store.fetch(SEGMENTS, replace(flt, speaker=None), wanted)}
    out: list[Hit] = []
    seen: set[str] = set()

    def add(hit: Hit) -> None:
        if hit.id not in seen:
            seen.add(hit.id)
            out.append(hit)

    for hit in hits:
        candidates = [found[pid] for pid in following.get(hit.id, ()) if pid in found]
        reply = _reply(hit, candidates)
        if reply is None or flt.speaker not in (None, reply.payload.get("speaker")):
            add(hit)
            continue
        if not only_asks(hit.payload.get("text", "")):
            add(hit)
        add(Hit(reply.id, hit.score, {**reply.payload, "in_reply_to": _question(hit)}))
    return out


def _reply(question: Hit, candidates: Sequence[Hit]) -> Hit | None:
    """The first candidate said by someone else, else the first one."""
    asker = question.payload.get("speaker")
    others = [c for c in candidates if asker is None or c.payload.get("speaker") != asker]
    pool = others or candidates
    return pool[0] if pool else None


def _question(hit: Hit) -> dict:
    p = hit.payload
    return {
        "segment_idx": p.get("segment_idx"),
        "speaker": p.get("speaker"),
        "start": p.get("start"),
        "end": p.get("end"),
        "text": p.get("text", ""),
    }
