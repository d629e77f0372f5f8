"""A tenant whose recordings and chat are known row by row, for the metric marts' tests."""

import uuid
from datetime import UTC, datetime, timedelta

from st_resources.db.models import (
    ChatMessage,
    ContextDocument,
    Conversation,
    Feedback,
    Transcript,
    TranscriptSpeaker,
)
from st_resources.db.session import session_scope
from st_resources.db.tenants import create_tenant
from st_resources.naming.voiceprints import name_speaker, unname_speaker

# Yesterday, 10:00 UTC: inside any recent window a dashboard shows.
FINISHED = (datetime.now(UTC) - timedelta(days=1)).replace(
    hour=10, minute=0, second=0, microsecond=0
)


def _recording(session, tenant_id, status, duration_s, processing_s, **fields) -> uuid.UUID:
    row = Transcript(
        tenant_id=tenant_id,
        title="metrics",
        status=status,
        audio_key="k",
        audio_filename="a.wav",
        audio_bytes=1,
        duration_s=duration_s,
        started_at=FINISHED - timedelta(seconds=processing_s),
        finished_at=FINISHED,
        **fields,
    )
    session.add(row)
    session.flush()
    return row.id


def _speaker(session, tid, label, source, voice: bool, name: str | None = None):
    row = TranscriptSpeaker(
        transcript_id=tid,
        label=label,
        talk_time_s=10,
        turns=2,
        embedding=[0.1] * 4 if voice else None,
        name=name,
        identity_source=source,
    )
    session.add(row)
    return row


def seed_tenant() -> tuple[uuid.UUID, str]:
    """(tenant id, token) of a tenant with three recordings finished on one day: one with
    a document, one failed, one whose cleanup fell back and whose names a person
    reviewed; two chat answers, one found and rated, one the LLM could not give."""
    with session_scope() as session:
        tenant, token = create_tenant(session, f"metrics-{uuid.uuid4().hex[:6]}")
        a = _recording(
            session,
            tenant.id,
            "completed",
            600,
            60,
            timings={"asr": 30, "naming": 2, "llm_naming": 4},
        )
        _speaker(session, a, "S0", "voiceprint", True, "Marie Dupont")
        _speaker(session, a, "S1", "rag", True, "Hugo Moreau")
        _speaker(session, a, "S2", "unknown", False)
        session.add(
            ContextDocument(
                transcript_id=a,
                tenant_id=tenant.id,
                filename="agenda.txt",
                object_key="k2",
                size_bytes=1,
                sha256="0" * 64,
            )
        )
        _recording(session, tenant.id, "failed", None, 5)
        c = _recording(
            session,
            tenant.id,
            "completed_degraded",
            300,
            30,
            degradations={"cleanup": "LLM unavailable"},
        )
        _speaker(session, c, "S0", "unknown", True)
        # A person reviews three of the pipeline's names: keeps a voiceprint's (a spelling
        # fix), corrects another voiceprint's, takes a document's off.
        kept = _speaker(session, c, "S1", "voiceprint", True, "Lea Roux")
        wrong = _speaker(session, c, "S2", "voiceprint", True, "Paul Martin")
        taken_off = _speaker(session, c, "S3", "rag", False, "Jean Petit")
        session.flush()
        name_speaker(session, tenant.id, kept, "Léa Roux", enrol_voice=False)
        name_speaker(session, tenant.id, wrong, "Marc Simon", enrol_voice=False)
        unname_speaker(session, tenant.id, taken_off)
        conversation = Conversation(tenant_id=tenant.id, title="q")
        session.add(conversation)
        session.flush()
        answer = ChatMessage(
            conversation_id=conversation.id,
            tenant_id=tenant.id,
            role="assistant",
            content="40,000 euros [1]",
            reliability=0.8,
            found=True,
            details={},
            created_at=FINISHED,
        )
        session.add(answer)
        session.add(
            ChatMessage(
                conversation_id=conversation.id,
                tenant_id=tenant.id,
                role="assistant",
                content="The meetings do not say.",
                reliability=0.1,
                found=False,
                details={"degraded": "selection failed: LLM unreachable"},
                created_at=FINISHED,
            )
        )
        session.flush()
        session.add(Feedback(tenant_id=tenant.id, message_id=answer.id, rating=1.0))
        return tenant.id, token
