"""GET /health is unauthenticated: it names what is down, never the error's text."""

import redis
from fastapi.testclient import TestClient

from api.main import create_app


def test_a_down_component_is_named_without_its_connection_details():
    with TestClient(create_app()) as client:
        client.app.state.redis = redis.Redis(
            host="127.0.0.1", port=1, username="secret-user", socket_connect_timeout=0.2
        )
        resp = client.get("/health")
    body = resp.json()
    assert resp.status_code == 503 and "redis" in body["failing"]
    assert body["components"]["redis"].startswith("down: ")
    assert "127.0.0.1" not in resp.text and "secret-user" not in resp.text
    assert ":1" not in body["components"]["redis"]


def test_a_database_that_is_down_is_a_503_not_a_500(tenant):
    """PostgreSQL restarting under a burst of uploads answered 500s (bench.faults)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from api.deps import get_session

    _, token = tenant
    dead = create_engine("postgresql+psycopg://postgres@127.0.0.1:1/none")

    def session_to_nowhere():
        with Session(dead) as session:
            yield session

    app = create_app()
    app.dependency_overrides[get_session] = session_to_nowhere
    with TestClient(app) as client:
        resp = client.get("/api/transcripts", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 503 and resp.headers["retry-after"]
    assert "database is unavailable" in resp.json()["detail"]


def test_a_database_down_at_the_token_check_is_a_503(monkeypatch):
    """The token check before a body is read runs outside the routes, where their error
    handlers cannot see it: a PostgreSQL restart there answered 500s."""
    from sqlalchemy.exc import OperationalError

    import api.middleware

    def refused(headers):
        raise OperationalError("select", {}, Exception("the database system is shutting down"))

    monkeypatch.setattr(api.middleware, "_known_token", refused)
    with TestClient(create_app()) as client:
        resp = client.post("/api/ai/search", headers={"Authorization": "Bearer x"}, json={})
    assert resp.status_code == 503 and "database is unavailable" in resp.json()["detail"]
