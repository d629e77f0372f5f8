"""Alerts without Prometheus: a row to list (GET /api/alerts, `st alerts`) and an `alert`
event on the workflow stream, written when a pipeline run fails for good."""

from __future__ import annotations

import uuid

import redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from st_resources.clients.streams import AlertRaised, append_workflow
from st_resources.db.models import Alert


def raise_alert(
    session: Session,
    r: redis.Redis,
    kind: str,
    message: str,
    *,
    tenant_id: uuid.UUID | None = None,
    transcript_id: uuid.UUID | None = None,
    run_id: str | None = None,
) -> Alert:
    """Commit the row, then tell the stream (a stream that is down loses only the event)."""
    alert = Alert(
        tenant_id=tenant_id,
        transcript_id=transcript_id,
        kind=kind,
        message=message[:2000],
        run_id=run_id,
    )
    session.add(alert)
    session.commit()
    event = AlertRaised(
        kind=kind,
        message=alert.message,
        tenant_id=str(tenant_id) if tenant_id else None,
        transcript_id=str(transcript_id) if transcript_id else None,
    )
    try:
        append_workflow(r, event)
    except redis.RedisError:
        pass
    return alert


def recent(session: Session, tenant_id: uuid.UUID | None, limit: int = 50) -> list[Alert]:
    """Newest first; a tenant's own, or every alert when `tenant_id` is None (operators)."""
    query = select(Alert).order_by(Alert.created_at.desc()).limit(limit)
    if tenant_id is not None:
        query = query.where(Alert.tenant_id == tenant_id)
    return list(session.scalars(query))
