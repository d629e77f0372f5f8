"""The packaged LLM (SPEC §7) through gpu_service's real `/v1/chat/completions`.

Qwen2.5-Coder-1.5B Q4_K_M generates ~31 tok/s on 2 threads: every request here asks for
few tokens, so the module stays well under a minute once the engines are loaded.
"""

import json
import os
import time

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from gpu_service.main import build_app
from st_resources.model_files import DEFAULT_LLM_GGUF, LLM_GGUF_SIZE, ensure_llm_gguf


def wait_ready(client: TestClient, timeout: float = 240.0) -> dict:
    deadline = time.monotonic() + timeout
    while (body := client.get("/ready").json())["status"] != "ready":
        assert body["status"] != "dead", body
        assert time.monotonic() < deadline, f"/ready still {body} after {timeout} s"
        time.sleep(0.5)
    return body


@pytest.fixture(scope="module")
def client():
    with TestClient(build_app()) as c:
        wait_ready(c)
        yield c


class Speaker(BaseModel):
    speaker: str
    name: str


QUESTION = [
    {"role": "system", "content": "Answer in JSON."},
    {
        "role": "user",
        "content": "Transcript:\nSPEAKER_00: Bonjour, je suis Marie Dupont.\n"
        "Who is SPEAKER_00? Give the speaker label and their name.",
    },
]


def test_ready_and_models_list_the_llm(client):
    ready = wait_ready(client)
    assert ready["models"]["llm"]["id"] == DEFAULT_LLM_GGUF.stem
    # The default: llama.cpp's extra buffer types (AMX repack) off, in its own process.
    llm = ready["engines"]["llm"]
    assert llm["state"] == "ready" and llm["model"]["extra_buffer_types"] is False
    assert llm["process"]["pid"] not in (None, os.getpid())


def test_default_settings_generate_text(client):
    """A build, or a CPU path, that loads but cannot generate fails here."""
    resp = client.post(
        "/v1/chat/completions",
        json={"messages": QUESTION, "max_tokens": 12, "temperature": 0},
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["usage"]["completion_tokens"] >= 3
    assert len(body["choices"][0]["message"]["content"].strip()) >= 3
    ids = [m["id"] for m in client.get("/v1/models").json()["data"]]
    assert DEFAULT_LLM_GGUF.stem in ids


def test_json_schema_answer_validates(client):
    response_format = {
        "type": "json_schema",
        "json_schema": {"name": "Speaker", "schema": Speaker.model_json_schema()},
    }
    resp = client.post(
        "/v1/chat/completions",
        json={
            "model": "any",
            "messages": QUESTION,
            "max_tokens": 40,
            "temperature": 0,
            "response_format": response_format,
        },
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["object"] == "chat.completion"
    assert body["usage"]["completion_tokens"] > 0
    answer = Speaker.model_validate_json(body["choices"][0]["message"]["content"])
    assert "marie" in answer.name.lower()


def test_streaming_yields_chunks_then_done(client):
    body = {
        "messages": [{"role": "user", "content": "Say hello."}],
        "max_tokens": 8,
        "stream": True,
    }
    with client.stream("POST", "/v1/chat/completions", json=body) as resp:
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in resp.iter_lines() if line.startswith("data: ")]
    assert lines[-1] == "data: [DONE]"
    chunks = [json.loads(line[6:]) for line in lines[:-1]]
    assert len(chunks) >= 2
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks)
    assert text.strip()


def yes_no(question: str) -> dict:
    return {
        "messages": [
            {"role": "system", "content": "Reply yes or no."},
            {"role": "user", "content": question},
        ],
        "max_tokens": 2,
        "temperature": 0,
        "logprobs": True,
        "top_logprobs": 5,
    }


def test_logprobs_follow_openai_and_the_greedy_choice(client):
    resp = client.post("/v1/chat/completions", json=yes_no("Is Paris in France?"))
    assert resp.status_code == 200, resp.text
    choice = resp.json()["choices"][0]
    content = choice["logprobs"]["content"]
    assert len(content) == resp.json()["usage"]["completion_tokens"] >= 1
    assert "".join(t["token"] for t in content) == choice["message"]["content"]
    for t in content:
        top = t["top_logprobs"]
        assert len(top) == 5
        assert [x["logprob"] for x in top] == sorted((x["logprob"] for x in top), reverse=True)
        assert top[0]["token"] == t["token"] and top[0]["logprob"] == t["logprob"] <= 0.0
        assert bytes(t["bytes"]).decode() == t["token"]
    assert content[0]["token"].strip().lower() == "yes"


def test_logprobs_tell_a_true_from_a_false_statement(client):
    def p_yes(question: str) -> float:
        top = client.post("/v1/chat/completions", json=yes_no(question)).json()
        mass = {"yes": 0.0, "no": 0.0}
        for t in top["choices"][0]["logprobs"]["content"][0]["top_logprobs"]:
            word = t["token"].strip().lower()
            if word in mass:
                mass[word] += 2.718281828 ** t["logprob"]
        return mass["yes"] / (mass["yes"] + mass["no"])

    true = p_yes("Meeting notes: 'The budget is 40,000 euros.' Do the notes give the budget?")
    false = p_yes("Meeting notes: 'The budget is 40,000 euros.' Do the notes give the deadline?")
    assert true > 0.5 > false


@pytest.mark.parametrize(
    "extra",
    [
        {"temperature": 0.7},
        {"response_format": {"type": "json_object"}},
        {"stream": True},
        {"logprobs": False},  # top_logprobs alone
    ],
)
def test_logprobs_the_backend_cannot_serve_are_400(client, extra):
    resp = client.post("/v1/chat/completions", json={**yes_no("Is it?"), **extra})
    assert resp.status_code == 400, resp.text
    assert "logprobs" in resp.json()["error"]["message"]


@pytest.mark.parametrize(
    "body, param",
    [
        ({"model": "x"}, "messages"),
        ({"messages": []}, "messages"),
        (
            {"messages": [{"role": "user", "content": "hi"}], "response_format": {"type": "xml"}},
            None,
        ),
    ],
)
def test_bad_requests_are_400_with_openai_error(client, body, param):
    resp = client.post("/v1/chat/completions", json=body)
    assert resp.status_code == 400, resp.text
    error = resp.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param


def test_ensure_llm_gguf_is_idempotent(client):
    """The lifespan assembled it; a second call checks the marker, never re-hashes or writes."""
    before = DEFAULT_LLM_GGUF.stat()
    started = time.monotonic()
    assert ensure_llm_gguf(DEFAULT_LLM_GGUF) == DEFAULT_LLM_GGUF
    assert time.monotonic() - started < 0.5
    after = DEFAULT_LLM_GGUF.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        LLM_GGUF_SIZE,
    )


def test_max_tokens_over_the_context_is_a_400(client):
    """One caller could otherwise hold the single LLM for as long as it liked."""
    resp = client.post(
        "/v1/chat/completions",
        json={"messages": QUESTION, "max_tokens": 10**6, "temperature": 0},
    )
    assert resp.status_code == 400 and "over the context" in resp.text
