"""Prometheus scrapes of the real processes: the API (uvicorn) and gpu_service."""

import os

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.stack import start_api


@pytest.fixture(scope="module")
def api_url(log_dir):
    proc, url = start_api(dict(os.environ), log_dir, ready="/openapi.json")
    yield url
    proc.stop()


def scrape(url: str) -> dict[str, list]:
    text = httpx.get(url + "/metrics", timeout=10).text
    return {f.name: f.samples for f in text_string_to_metric_families(text)}


def test_the_api_exposes_latency_per_route_queue_and_circuits(api_url, tenant, recording):
    _, token = tenant
    recording(b"queued, never run")
    headers = {"Authorization": f"Bearer {token}"}
    for _ in range(3):
        assert httpx.get(api_url + "/api/transcripts", headers=headers).status_code == 200
    metrics = scrape(api_url)
    latency = [
        s
        for s in metrics["http_request_duration_seconds"]
        if s.labels.get("handler") == "/api/transcripts" and s.name.endswith("_count")
    ]
    assert latency and latency[0].value >= 3
    assert "http_requests_inprogress" in metrics
    queued = [s for s in metrics["st_recordings"] if s.labels["status"] == "queued"]
    assert queued and queued[0].value >= 1
    assert metrics["st_workflow_stream_entries"][0].value >= 0
    assert metrics["st_oldest_queued_seconds"][0].value >= 0
    assert 0 < metrics["st_object_store_free_ratio"][0].value <= 1
    circuits = {s.labels["service"]: s.value for s in metrics["st_circuit_open"]}
    assert circuits == {"gpu_service": 0.0, "llm": 0.0}


def test_gpu_service_exposes_its_engines_and_tokens(gpu_url):
    before = scrape(gpu_url)["st_llm_generated_tokens"][0].value
    body = {"messages": [{"role": "user", "content": "Say hello."}], "max_tokens": 8}
    assert httpx.post(gpu_url + "/v1/chat/completions", json=body, timeout=120).status_code == 200
    metrics = scrape(gpu_url)
    assert metrics["st_llm_generated_tokens"][0].value > before
    assert metrics["st_llm_generation_seconds"][0].value > 0
    ready = {s.labels["engine"]: s.value for s in metrics["st_engine_ready"]}
    assert ready == {"asr": 1.0, "embedder": 1.0, "diarizer": 1.0, "llm": 1.0}
    assert any(
        s.labels.get("handler") == "/ready" for s in metrics["http_request_duration_seconds"]
    )


def test_every_answer_carries_the_servers_own_time(api_url, tenant):
    """bench.load tells the server's share of a latency from the client's by this header,
    on answers and on refusals alike."""
    _, token = tenant
    answered = httpx.get(api_url + "/api/transcripts", headers={"Authorization": f"Bearer {token}"})
    refused = httpx.post(api_url + "/api/ai/search", json={"query": "x"})
    for resp in (answered, refused):
        name, duration = resp.headers["server-timing"].split(";dur=")
        assert name == "app" and 0 <= float(duration) < 10_000
    assert refused.status_code == 401
