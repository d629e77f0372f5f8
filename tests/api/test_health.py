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
