"""The evaluation harness end to end: a short generated meeting through the real pipeline
(in-process Dagster, real gpu_service), scored and written as JSON and Markdown."""

import json
import math
import uuid

import pytest

from eval import devset
from eval.harness import evaluate
from st_resources.settings import get_settings

pytestmark = pytest.mark.e2e

MEETING = "en03_product_launch"


def test_harness_scores_a_generated_meeting(gpu_url, tmp_path, monkeypatch):
    monkeypatch.setenv("MEETNOO_API_URL", gpu_url)
    get_settings.cache_clear()
    data, results = tmp_path / "data", tmp_path / "results"
    devset.generate(data, seed=0, only=[MEETING], max_turns=6, log=lambda _: None)
    (data / "devset.json").unlink()  # not a recording: the harness must not need it
    logged: list[str] = []
    try:
        report = evaluate(
            data,
            results,
            run_name="e2e",
            tenant=f"eval-{uuid.uuid4().hex[:8]}",
            log=logged.append,
        )
    finally:
        get_settings.cache_clear()

    (entry,) = report["recordings"]
    assert entry["status"] == "completed", entry.get("error")
    assert math.isfinite(entry["wer"]["wer"]) and entry["wer"]["ref_words"] > 20
    assert math.isfinite(entry["asr_only_wer"]["wer"])
    assert entry["wer"]["wer"] < 0.5  # English espeak: Whisper base gets most words
    assert entry["duration_s"] > 10 and entry["rtf"]["pipeline"] > 0
    assert entry["speakers"]["ref"] == 2
    if entry["diarization"] is not None:  # once speaker_turns is in the pipeline
        assert 0.0 <= entry["diarization"]["der"] <= 1.0
        assert entry["speakers"]["hyp"] >= 1

    saved = json.loads((results / "e2e.json").read_text())
    assert saved["recordings"][0]["name"] == MEETING
    assert saved["totals"]["all"]["wer"]["wer"] == pytest.approx(entry["wer"]["wer"])
    markdown = (results / "e2e.md").read_text()
    assert MEETING in markdown and "| recording |" in markdown and "total all" in markdown
