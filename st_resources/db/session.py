"""Engine and session factory, built lazily from Settings (never at import time)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from st_resources.settings import get_settings

# Connections per process. The API holds at most API_SESSIONS of them in request sessions
# (api/deps.py), which leaves the rest to short uses outside them (the token check before
# a body is read, streaming responses' own sessions, /health): those never wait behind a
# burst of requests.
POOL_SIZE, MAX_OVERFLOW = 5, 10
API_SESSIONS = 10


@lru_cache
def engine_for(url: str) -> Engine:
    return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW)


def get_engine() -> Engine:
    return engine_for(get_settings().database_url)


@lru_cache
def _factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(engine_for(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    session = _factory(url or get_settings().database_url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
