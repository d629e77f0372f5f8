"""gpu_service's key: its /v1 routes take GPU_SERVICE_API_KEY as a bearer token, its
clients send it, and it refuses to listen beyond loopback without one (real processes)."""

import os
import subprocess

import httpx
import pytest

from st_resources.clients.gpu import GpuClient, GpuServiceError
from tests.speech import synthesize
from tests.stack import BIN, free_port, start_gpu_service

KEY = "test-gpu-key"


@pytest.fixture(scope="module")
def keyed_url(log_dir):
    proc, url = start_gpu_service(dict(os.environ, GPU_SERVICE_API_KEY=KEY), log_dir)
    yield url
    proc.stop()


def test_v1_routes_need_the_key_and_its_clients_send_it(keyed_url, speech_dir):
    wav = synthesize(["Good morning, everyone."], speech_dir / "key.wav")
    assert httpx.get(keyed_url + "/ready", timeout=10).status_code == 200  # no key needed
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        resp = httpx.get(keyed_url + "/v1/models", headers=headers, timeout=10)
        assert resp.status_code == 401, resp.text
    with pytest.raises(GpuServiceError, match="401"):
        GpuClient(keyed_url, retries=1).diarize(wav)
    result = GpuClient(keyed_url, retries=1, api_key=KEY).diarize(wav)
    assert result.num_speakers == 1


def test_it_refuses_to_listen_beyond_loopback_without_a_key():
    env = {k: v for k, v in os.environ.items() if k != "GPU_SERVICE_API_KEY"}
    args = [str(BIN / "python"), "-m", "gpu_service", "--host", "0.0.0.0"]
    done = subprocess.run(
        [*args, "--port", str(free_port())], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "needs GPU_SERVICE_API_KEY" in done.stderr
