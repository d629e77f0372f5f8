"""Tenants and their bearer tokens. Tokens are random and high-entropy, so a SHA-256 of the
token is a safe at-rest form and lets a lookup use a unique index."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from st_resources.db.models import ApiToken, Tenant

TOKEN_PREFIX = "st_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(
    session: Session, tenant: Tenant, name: str = "default", expires_days: float | None = None
) -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + timedelta(days=expires_days) if expires_days else None
    session.add(
        ApiToken(tenant_id=tenant.id, token_hash=hash_token(token), name=name, expires_at=expires)
    )
    return token


def create_tenant(
    session: Session, name: str, expires_days: float | None = None
) -> tuple[Tenant, str]:
    """Create (or reuse) the tenant `name` and issue it a new token."""
    tenant = session.scalar(select(Tenant).where(Tenant.name == name))
    if tenant is None:
        tenant = Tenant(name=name)
        session.add(tenant)
        session.flush()
    return tenant, issue_token(session, tenant, expires_days=expires_days)


def tenant_for_token(session: Session, token: str) -> Tenant | None:
    """The token's tenant, unless the token is unknown, revoked or expired."""
    return session.scalar(
        select(Tenant)
        .join(ApiToken, ApiToken.tenant_id == Tenant.id)
        .where(
            ApiToken.token_hash == hash_token(token),
            ApiToken.revoked_at.is_(None),
            or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > datetime.now(UTC)),
        )
    )


def tokens_of(session: Session, tenant_name: str) -> list[ApiToken]:
    return list(
        session.scalars(
            select(ApiToken)
            .join(Tenant, ApiToken.tenant_id == Tenant.id)
            .where(Tenant.name == tenant_name)
            .order_by(ApiToken.created_at)
        )
    )


def revoke(session: Session, token_or_id: str) -> int:
    """Revoke a token given as itself or by its id; returns how many were revoked (0 or 1)."""
    match = (
        ApiToken.token_hash == hash_token(token_or_id)
        if token_or_id.startswith(TOKEN_PREFIX)
        else ApiToken.id == _uuid_or_none(token_or_id)
    )
    done = session.execute(
        update(ApiToken)
        .where(match, ApiToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return done.rowcount


def _uuid_or_none(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
