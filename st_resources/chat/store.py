"""PostgreSQL side of chat and feedback: conversations, messages, citations, ratings, and
the bounded ranking boost that ratings give to segments.

Every function takes the caller's tenant id; a lookup of another tenant's row finds
nothing, so the API answers 404 without telling whether the id exists.

Feedback in ranking: a segment's net rating is the sum of the ratings of it as a search
hit plus ANSWER_SHARE x the ratings of the answers citing it; its fused search score is
multiplied by 1 + FEEDBACK_BOUND x tanh(net). So one thumbs down costs ~19 %, any number
at most 25 %: enough to reorder close neighbours, never to bury a clear best match or to
lift an unrelated segment, whatever the votes.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from st_resources import search as q
from st_resources.chat.engine import HISTORY_MESSAGES, Answer, Snippet
from st_resources.db.models import (
    ChatCitation,
    ChatMessage,
    Conversation,
    Feedback,
    Segment,
    Transcript,
)

FEEDBACK_BOUND = 0.25
ANSWER_SHARE = 0.5

SegmentKey = tuple[str, int]


# --------------------------------------------------------------------------- conversations


def history(
    session: Session, tenant_id: uuid.UUID, conversation_id: uuid.UUID
) -> list[tuple[str, str]] | None:
    """The last messages of the tenant's conversation as (role, text), oldest first; None
    if the conversation is not the tenant's."""
    found = session.scalar(
        select(Conversation.id).where(
            Conversation.id == conversation_id, Conversation.tenant_id == tenant_id
        )
    )
    if found is None:
        return None
    rows = session.execute(
        select(ChatMessage.role, ChatMessage.content)
        .where(ChatMessage.conversation_id == conversation_id, ChatMessage.tenant_id == tenant_id)
        .order_by(ChatMessage.created_at.desc(), ChatMessage.role.asc())
        .limit(HISTORY_MESSAGES)
    ).all()
    return [(role, content) for role, content in reversed(rows)]


def add_question(
    session: Session, tenant_id: uuid.UUID, conversation_id: uuid.UUID | None, text: str
) -> uuid.UUID:
    """Store the user's message (in a new conversation when none is given) and commit: the
    answer is written later, from the stream, in another session."""
    if conversation_id is None:
        conversation = Conversation(tenant_id=tenant_id, title=text[:200])
        session.add(conversation)
        session.flush()
        conversation_id = conversation.id
    session.add(
        ChatMessage(conversation_id=conversation_id, tenant_id=tenant_id, role="user", content=text)
    )
    session.commit()
    return conversation_id


def save_answer(
    session: Session,
    tenant_id: uuid.UUID,
    conversation_id: uuid.UUID,
    answer: Answer,
    snippets: Sequence[Snippet],
) -> ChatMessage:
    """The assistant's message with its citations (only of transcripts still there)."""
    message = ChatMessage(
        conversation_id=conversation_id,
        tenant_id=tenant_id,
        role="assistant",
        content=answer.text,
        reliability=answer.reliability,
        found=answer.found,
        details={
            "chosen": answer.chosen,
            "invalid_citations": answer.invalid_citations,
            "degraded": answer.degraded,
            "draft": answer.draft,
            "snippets": [
                {
                    "n": s.n,
                    "transcript_id": s.transcript_id,
                    "segment_idx": s.segment_idx,
                    "score": s.score,
                    "relevance": s.relevance,
                }
                for s in snippets
            ],
        },
    )
    session.add(message)
    session.flush()
    wanted = {uuid.UUID(c.transcript_id) for c in answer.citations}
    existing = set(
        session.scalars(
            select(Transcript.id).where(
                Transcript.id.in_(wanted), Transcript.tenant_id == tenant_id
            )
        )
    )
    for c in answer.citations:
        if uuid.UUID(c.transcript_id) in existing and c.segment_idx is not None:
            session.add(
                ChatCitation(
                    message_id=message.id,
                    transcript_id=uuid.UUID(c.transcript_id),
                    segment_idx=c.segment_idx,
                    snippet=c.n,
                )
            )
    session.flush()
    return message


# --------------------------------------------------------------------------- feedback


def add_feedback(
    session: Session,
    tenant_id: uuid.UUID,
    rating: float,
    *,
    message_id: uuid.UUID | None = None,
    transcript_id: uuid.UUID | None = None,
    segment_idx: int | None = None,
    score: int | None = None,
    comment: str | None = None,
) -> Feedback | None:
    """Rate one of the tenant's answers, or one segment of its transcripts (a search hit);
    None when the target is not the tenant's or does not exist."""
    if message_id is not None:
        target = session.scalar(
            select(ChatMessage.id).where(
                ChatMessage.id == message_id,
                ChatMessage.tenant_id == tenant_id,
                ChatMessage.role == "assistant",
            )
        )
    else:
        target = session.scalar(
            select(Segment.id)
            .join(Transcript, Transcript.id == Segment.transcript_id)
            .where(
                Transcript.tenant_id == tenant_id,
                Segment.transcript_id == transcript_id,
                Segment.idx == segment_idx,
            )
        )
    if target is None:
        return None
    row = Feedback(
        tenant_id=tenant_id,
        message_id=message_id,
        transcript_id=transcript_id if message_id is None else None,
        segment_idx=segment_idx if message_id is None else None,
        rating=rating,
        score=score,
        comment=comment,
    )
    session.add(row)
    session.flush()
    return row


def feedback_weights(
    session: Session, tenant_id: uuid.UUID, keys: Sequence[SegmentKey]
) -> dict[SegmentKey, float]:
    """Net rating of each of `keys` (transcript id, segment idx) that has any."""
    tids = {uuid.UUID(t) for t, _ in keys}
    if not tids:
        return {}
    wanted = set(keys)
    net: dict[SegmentKey, float] = {}
    direct = session.execute(
        select(Feedback.transcript_id, Feedback.segment_idx, func.sum(Feedback.rating))
        .where(Feedback.tenant_id == tenant_id, Feedback.transcript_id.in_(tids))
        .group_by(Feedback.transcript_id, Feedback.segment_idx)
    )
    via_answers = session.execute(
        select(ChatCitation.transcript_id, ChatCitation.segment_idx, func.sum(Feedback.rating))
        .join(Feedback, Feedback.message_id == ChatCitation.message_id)
        .where(Feedback.tenant_id == tenant_id, ChatCitation.transcript_id.in_(tids))
        .group_by(ChatCitation.transcript_id, ChatCitation.segment_idx)
    )
    for share, rows in ((1.0, direct), (ANSWER_SHARE, via_answers)):
        for tid, idx, total in rows:
            key = (str(tid), int(idx))
            if key in wanted:
                net[key] = net.get(key, 0.0) + share * float(total)
    return net


def boost(net: float) -> float:
    return 1.0 + FEEDBACK_BOUND * math.tanh(net)


def apply_feedback(hits: Sequence[q.Hit], weights: dict[SegmentKey, float]) -> list[q.Hit]:
    """Hits rescored by their segment's feedback and sorted again (ties keep their order)."""
    rescored = []
    for hit in hits:
        key = (str(hit.payload.get("transcript_id")), hit.payload.get("segment_idx"))
        factor = boost(weights[key]) if key in weights else 1.0
        rescored.append(q.Hit(hit.id, hit.score * factor, hit.payload))
    return sorted(rescored, key=lambda h: -h.score)


def segment_keys(hits: Sequence[q.Hit]) -> list[SegmentKey]:
    return [
        (str(h.payload["transcript_id"]), int(h.payload["segment_idx"]))
        for h in hits
        if h.payload.get("transcript_id") and h.payload.get("segment_idx") is not None
    ]


def rerank(session: Session, tenant_id: uuid.UUID, hits: Sequence[q.Hit]) -> list[q.Hit]:
    return apply_feedback(hits, feedback_weights(session, tenant_id, segment_keys(hits)))
