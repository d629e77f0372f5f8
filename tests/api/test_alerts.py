"""GET /api/alerts shows a tenant its own alerts only; `st alerts` shows an operator all."""

import json
import subprocess
import uuid

from fastapi.testclient import TestClient

from api.main import create_app
from st_resources.alerts import raise_alert
from st_resources.clients.streams import get_redis
from st_resources.db.session import session_scope
from tests.api.meetings import auth, new_tenant
from tests.stack import BIN


def test_each_tenant_sees_its_own_alerts_and_operators_all():
    mine, token = new_tenant("alerts")
    theirs, _ = new_tenant("alerts-other")
    with session_scope() as session:
        for tenant, text in ((mine, "mine failed"), (theirs, "theirs failed")):
            raise_alert(session, get_redis(), "run_failed", text, tenant_id=uuid.UUID(tenant))
    with TestClient(create_app()) as client:
        shown = client.get("/api/alerts", headers=auth(token))
        assert client.get("/api/alerts").status_code == 401
    assert shown.status_code == 200
    assert [(a["kind"], a["message"]) for a in shown.json()] == [("run_failed", "mine failed")]
    listed = subprocess.run([str(BIN / "st"), "alerts"], capture_output=True, text=True)
    messages = [json.loads(line)["message"] for line in listed.stdout.splitlines()]
    assert {"mine failed", "theirs failed"} <= set(messages)
