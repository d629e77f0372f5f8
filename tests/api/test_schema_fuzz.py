"""Schemathesis over the API's OpenAPI schema, on the real app, PostgreSQL, Redis and
search index (the LLM unreachable, so chats end on the fallback): whatever the input,
no server error, and every answer is one the schema documents (status, content type,
body, headers). Business rules that reject schema-valid input (an empty audio file) and
lax coercions (a number as a date) are not counted: they are not schema violations.

/health is left out: its 503 when gpu_service is down is what it is for.
"""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.meetings import DEAD_LLM, make_client, new_tenant

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
client = make_client(DEAD_LLM)
schema = schemathesis.openapi.from_asgi("/openapi.json", client.app).exclude(path="/health")
_token: list[str] = []


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_gets_a_server_error_or_an_undocumented_answer(case):
    if not _token:
        _token.append(new_tenant("fuzz")[1])
    case.call_and_validate(headers={"Authorization": f"Bearer {_token[0]}"}, checks=CHECKS)
