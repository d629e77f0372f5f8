"""Annotated dependencies: the session, the caller's tenant, the object store, Redis.

Authentication and tenant scoping live here once; a route that takes `CurrentTenant`
cannot forget to check the token.
"""

from collections.abc import Iterator
from typing import Annotated

import redis
import redis.asyncio as aioredis
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from st_resources.db.models import Tenant
from st_resources.db.session import session_scope
from st_resources.settings import Settings, get_settings
from st_resources.storage import ObjectStore
from st_resources.tenants import tenant_for_token


def get_session() -> Iterator[Session]:
    with session_scope() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

_bearer = HTTPBearer(auto_error=False)


def current_tenant(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Tenant:
    unauthorized = HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        detail="missing or invalid bearer token",
        headers={"WWW-Authenticate": "Bearer"},
    )
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorized
    tenant = tenant_for_token(session, credentials.credentials)
    if tenant is None:
        raise unauthorized
    return tenant


CurrentTenant = Annotated[Tenant, Depends(current_tenant)]


def get_store(request: Request) -> ObjectStore:
    return request.app.state.store


def get_redis(request: Request) -> redis.Redis:
    return request.app.state.redis


def get_async_redis(request: Request) -> aioredis.Redis:
    return request.app.state.aredis


StoreDep = Annotated[ObjectStore, Depends(get_store)]
RedisDep = Annotated[redis.Redis, Depends(get_redis)]
AsyncRedisDep = Annotated[aioredis.Redis, Depends(get_async_redis)]
