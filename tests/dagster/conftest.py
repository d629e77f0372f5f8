import uuid

import pytest
from dagster import DagsterInstance

from st_resources.db.models import Transcript
from st_resources.db.session import session_scope
from st_resources.storage import recording_prefix, store_from_settings


@pytest.fixture
def instance():
    with DagsterInstance.ephemeral() as inst:
        yield inst


@pytest.fixture
def recording(tenant):
    """Make a queued transcript row whose audio object holds `data`; returns its id."""

    def make(data: bytes, language: str | None = "en") -> uuid.UUID:
        tenant_id, _ = tenant
        tid = uuid.uuid4()
        key = recording_prefix(str(tenant_id), str(tid)) + "original/audio.wav"
        store_from_settings().put_bytes(key, data)
        with session_scope() as session:
            session.add(
                Transcript(
                    id=tid,
                    tenant_id=tenant_id,
                    title="t",
                    language=language,
                    status="queued",
                    audio_key=key,
                    audio_filename="audio.wav",
                    audio_bytes=len(data),
                    timings={},
                )
            )
        return tid

    return make
