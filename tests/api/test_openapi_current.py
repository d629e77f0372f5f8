"""web/openapi.json, which the web app's typed client is generated from, is the app's
schema: a route or model changed without regenerating it fails here."""

import json

from api.main import create_app
from api.openapi import render
from tests.stack import ROOT

COMMITTED = ROOT / "web" / "openapi.json"


def test_web_openapi_json_is_the_apps_schema():
    current = render(create_app())
    assert COMMITTED.is_file(), "run: .venv/bin/python -m api.openapi web/openapi.json"
    assert json.loads(COMMITTED.read_text()) == json.loads(current), (
        "web/openapi.json is out of date: run .venv/bin/python -m api.openapi web/openapi.json"
    )
    assert COMMITTED.read_text() == current  # and written as the script writes it


def test_the_sse_payloads_are_in_the_schema():
    schemas = create_app().openapi()["components"]["schemas"]
    for name in ("PipelineEvent", "ChatRetrievalEvent", "ChatFinalEvent", "ChatSnippet"):
        assert name in schemas, name
    assert set(schemas["PipelineEvent"]["properties"]) >= {"stage", "status", "percent"}
    assert schemas["ChatFinalEvent"]["properties"]["citations"]["items"] == {
        "$ref": "#/components/schemas/ChatCitationOut"
    }
