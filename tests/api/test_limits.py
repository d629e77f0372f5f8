"""Per-tenant limits on the real app and Redis: chats answered at once, chat turns and
uploads a minute. One tenant at its limit does not limit another."""

import time
import uuid

import pytest

from api.limits import Slots
from st_resources.clients.streams import get_redis
from st_resources.settings import Settings, get_settings
from tests.api.meetings import add_meeting, auth, chat_events, make_client, new_tenant
from tests.api.test_uploads import URL as UPLOAD

CHAT = "/api/ai/chat"
QUESTION = {"message": "What is the budget?", "limit": 2}


@pytest.fixture(scope="module")
def client():
    with make_client() as c:  # no LLM: the turns end with the retrieval fallback
        yield c


def test_chats_at_once_are_capped_per_tenant(client):
    tenant_id, token = new_tenant("busy")
    _, other = new_tenant("calm")
    add_meeting(tenant_id, "Budget", [("Peter Walsh", "The budget is 40,000 euros.")])
    cap = get_settings().chats_per_tenant
    held = [Slots(get_redis(), "chat", uuid.UUID(tenant_id), cap) for _ in range(cap)]
    assert all(slot.acquire() for slot in held)  # as `cap` answers being written
    try:
        refused = client.post(CHAT, headers=auth(token), json=QUESTION)
        assert refused.status_code == 429 and f"at most {cap} chat answers" in refused.text
        assert refused.headers["retry-after"]
        assert [k for k, _ in chat_events(client, other, QUESTION)][-1] == "final"
    finally:
        held[0].release()
    assert [k for k, _ in chat_events(client, token, QUESTION)][-1] == "final"
    for slot in held[1:]:
        slot.release()
    # The turn that finished gave its slot back.
    assert get_redis().zcard(f"limits:chat:{tenant_id}") == 0


def test_uploads_a_minute_are_capped_per_tenant(client, speech_dir):
    from tests.speech import synthesize

    wav = synthesize(["Hello."], speech_dir / "rate.wav").read_bytes()
    client.app.dependency_overrides[get_settings] = lambda: Settings(uploads_per_minute=2)
    try:
        for _ in range(2):  # once more if the three fell across a minute's boundary
            minute = int(time.time() // 60)
            _, token = new_tenant("uploader")
            codes = []
            for i in range(3):
                before = get_redis().xlen(get_settings().workflow_stream)
                resp = client.post(
                    UPLOAD,
                    headers=auth(token),
                    files=[("audio_file", (f"{i}.wav", wav, "audio/wav"))],
                    data={"language": "en"},
                )
                codes.append(resp.status_code)
            if int(time.time() // 60) == minute:
                break
    finally:
        client.app.dependency_overrides.pop(get_settings)
    assert codes == [202, 202, 429]
    assert "at most 2 uploads a minute" in resp.json()["detail"]
    assert get_redis().xlen(get_settings().workflow_stream) == before  # nothing queued
