"""Tenants and their bearer tokens. Tokens are random and high-entropy, so a SHA-256 of the
token is a safe at-rest form and lets a lookup use a unique index."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from st_resources.db.models import ApiToken, Tenant

TOKEN_PREFIX = "st_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, tenant: Tenant, name: str = "default") -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(tenant_id=tenant.id, token_hash=hash_token(token), name=name))
    return token


def create_tenant(session: Session, name: str) -> tuple[Tenant, str]:
    """Create (or reuse) the tenant `name` and issue it a new token."""
    tenant = session.scalar(select(Tenant).where(Tenant.name == name))
    if tenant is None:
        tenant = Tenant(name=name)
        session.add(tenant)
        session.flush()
    return tenant, issue_token(session, tenant)


def tenant_for_token(session: Session, token: str) -> Tenant | None:
    return session.scalar(
        select(Tenant)
        .join(ApiToken, ApiToken.tenant_id == Tenant.id)
        .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None))
    )
