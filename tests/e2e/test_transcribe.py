"""Upload → Redis stream → sensor → assets → gpu_service → PostgreSQL → API, for real."""

import re

import jiwer
import pytest

from tests.e2e.conftest import follow_events, get_transcript, upload
from tests.speech import ENGLISH_MEETING, FRENCH_MEETING, synthesize

pytestmark = pytest.mark.e2e

STAGES = ["audio", "asr", "segments", "pipeline"]


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def wer(reference: list[str], segments: list[dict]) -> float:
    hypothesis = " ".join(seg["text"] for seg in segments)
    return jiwer.wer(normalise(" ".join(reference)), normalise(hypothesis))


@pytest.mark.parametrize(
    ("language", "voice", "sentences", "max_wer"),
    [("fr", "fr", FRENCH_MEETING, 0.50), ("en", "en-us", ENGLISH_MEETING, 0.20)],
)
def test_upload_is_transcribed_end_to_end(
    local_stack, tenant, speech_dir, language, voice, sentences, max_wer
):
    _, token = tenant
    clip = synthesize(sentences, speech_dir / f"meeting-{language}.wav", voice=voice)
    accepted = upload(local_stack.api_url, token, clip, language, f"Meeting {language}")
    assert accepted["status"] == "queued"

    events = follow_events(local_stack.api_url, token, accepted["events_url"])
    final_type, final, _ = events[-1]
    assert final_type == "final" and final["status"] == "completed", events
    completed_stages = [e["stage"] for _, e, _ in events if e["status"] == "completed"]
    assert completed_stages == STAGES
    percents = [e["percent"] for _, e, _ in events]
    assert percents == sorted(percents)

    detail = get_transcript(local_stack.api_url, token, accepted["id"])
    assert detail["status"] == "completed"
    assert detail["duration_s"] >= 20
    assert detail["detected_language"] == language
    assert set(detail["timings"]) == {"audio", "asr", "segments"}
    segments = detail["segments"]
    assert [s["idx"] for s in segments] == list(range(len(segments)))
    for seg in segments:
        assert seg["words"], seg
        assert seg["start"] <= seg["words"][0]["start"] + 0.5
        assert seg["end"] >= seg["words"][-1]["end"] - 0.5
    assert wer(sentences, segments) <= max_wer


def test_events_resume_from_last_event_id(local_stack, tenant, speech_dir):
    _, token = tenant
    clip = synthesize(ENGLISH_MEETING[:2], speech_dir / "short-en.wav")
    accepted = upload(local_stack.api_url, token, clip, "en", "resume")
    events = follow_events(local_stack.api_url, token, accepted["events_url"])
    middle_id = events[2][2]
    resumed = follow_events(
        local_stack.api_url, token, accepted["events_url"] + f"?after={middle_id}"
    )
    assert [e[2] for e in resumed] == [e[2] for e in events[3:]]
