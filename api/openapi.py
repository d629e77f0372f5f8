"""The API's OpenAPI schema, with the models of its Server-Sent Events' payloads added
to its components (a route documents only `text/event-stream`), so that the web app's
generated client types those too.

`python -m api.openapi web/openapi.json` writes it for the web app's build;
tests/api/test_openapi_current.py fails when the committed file is out of date.
"""

import json
import sys
from pathlib import Path

from fastapi import FastAPI
from pydantic.json_schema import models_json_schema

from api.schemas import ChatFinalEvent, ChatRetrievalEvent
from st_resources.clients.streams import PipelineEvent

# GET /api/transcripts/{id}/events sends PipelineEvent; POST /api/ai/chat sends the
# chat events (`token` is {"text": ...}).
EVENT_MODELS = (PipelineEvent, ChatRetrievalEvent, ChatFinalEvent)


def install(app: FastAPI) -> None:
    """Make app.openapi() (and /openapi.json) include the event models."""

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = FastAPI.openapi(app)
            _, defs = models_json_schema(
                [(model, "serialization") for model in EVENT_MODELS],
                ref_template="#/components/schemas/{model}",
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for name, definition in defs["$defs"].items():
                components.setdefault(name, definition)
        return app.openapi_schema

    app.openapi = openapi


def render(app: FastAPI) -> str:
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> None:
    from api.main import create_app

    if len(argv) != 1:
        sys.exit("usage: python -m api.openapi PATH (e.g. web/openapi.json)")
    Path(argv[0]).write_text(render(create_app()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
