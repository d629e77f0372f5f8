"""The GPU benchmark's command runs end to end on CPU (packaged models, half a minute), so
that it is ready the day a GPU is lent; and its GPU profile is what SPEC §7-8 names."""

import json
import subprocess
import sys
from argparse import Namespace

from bench import gpu


def test_the_gpu_profile_and_the_environment_winning_over_it(monkeypatch):
    args = Namespace(smoke=False, whisper="large-v3-turbo", llm_url="http://vllm:8000/v1",
                     llm_model="Qwen/Qwen2.5-7B-Instruct")  # fmt: skip
    monkeypatch.delenv("WHISPER_DEVICE", raising=False)
    monkeypatch.setenv("WHISPER_COMPUTE_TYPE", "int8_float16")
    env = gpu.profile(args)
    assert env["WHISPER_DEVICE"] == "cuda" and env["LLM_BACKEND"] == "openai"
    assert env["LLM_BASE_URL"] == "http://vllm:8000/v1" and env["WHISPER_MODEL"] == "large-v3-turbo"
    assert "WHISPER_COMPUTE_TYPE" not in env  # set by the caller: theirs
    assert gpu.profile(Namespace(smoke=True)) == {}


def test_the_smoke_run_goes_through_every_stage(tmp_path):
    """As a user runs it: its own process, its own gpu_service."""
    command = [sys.executable, "-m", "bench.gpu", "--smoke", "--minutes", "0.5"]
    done = subprocess.run([*command, "--out", str(tmp_path)], capture_output=True, timeout=900)
    assert done.returncode == 0, done.stdout.decode()[-3000:] + done.stderr.decode()[-3000:]
    report = json.loads((tmp_path / "gpu-smoke.json").read_text())
    (entry,) = report["recordings"]
    assert entry["status"] == "completed" and entry["duration_s"] > 20
    assert {"asr", "diarization", "readable", "cleanup", "indexing"} <= set(entry["timings_s"])
