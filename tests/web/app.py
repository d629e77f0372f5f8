"""Helpers of the browser tests: recordings as the pipeline leaves them, voices for their
speakers, signing in, the player's state."""

import shutil
import uuid

import numpy as np
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from st_resources.db.models import TranscriptSpeaker
from st_resources.db.session import session_scope
from tests.api.meetings import stored_recording
from tests.tones import tone_wav

CHROMIUM = shutil.which("chromium")
VOICE_MODEL = "resemblyzer-test"


def add_transcript(
    tenant_id: str, title: str, segments, speakers, seconds: float, audio_s: float | None = None
) -> str:
    """A recording as the pipeline leaves it (a real WAV; segments with word times,
    speakers with their identities; clean text), through the pipeline's own store calls.
    `segments`: (label, start, end, [(word, start, end)], clean text); `speakers`: label:
    (name, source, confidence, evidence)."""
    return stored_recording(
        tenant_id,
        title,
        tone_wav(audio_s or seconds),
        [
            dict(
                idx=i,
                start_s=start,
                end_s=end,
                text=" ".join(w for w, _, _ in words),
                speaker=label,
                words=[
                    {"word": w, "start": s, "end": e, "probability": 0.9, "speaker": label}
                    for w, s, e in words
                ],
            )
            for i, (label, start, end, words, _) in enumerate(segments)
        ],
        [
            dict(
                label=label,
                talk_time_s=5.0,
                turns=2,
                name=name,
                identity_source=source,
                identity_confidence=confidence,
                identity_evidence=evidence,
            )
            for label, (name, source, confidence, evidence) in speakers.items()
        ],
        {i: seg[4] for i, seg in enumerate(segments)},
        status="completed",
        duration_s=seconds,
    )


def voice(seed: int) -> list[float]:
    """A unit voice embedding of its own (seeds far apart are different people)."""
    v = np.random.default_rng(seed).normal(size=256)
    return (v / np.linalg.norm(v)).tolist()


def give_voices(tid: str, seeds: dict[str, int]) -> None:
    """Each labelled speaker's voice embedding, as the speaker_embeddings stage leaves it."""
    with session_scope() as session:
        for sp in session.scalars(
            select(TranscriptSpeaker).where(TranscriptSpeaker.transcript_id == uuid.UUID(tid))
        ):
            if sp.label in seeds:
                sp.embedding = voice(seeds[sp.label])
                sp.embedding_seconds = 20.0
                sp.embedding_model = VOICE_MODEL


def sign_in(browser: Browser, url: str, token: str) -> Page:
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(url + "/")
    page.fill("#token", token)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Meetings")).to_be_visible()
    return page


def audio_time(page: Page) -> float:
    return page.eval_on_selector("audio", "a => a.currentTime")


def wait_for_audio(page: Page) -> None:
    page.wait_for_function("document.querySelector('audio')?.readyState >= 1", timeout=15_000)


def words(start: float, text: str) -> list[tuple[str, float, float]]:
    """The words of `text`, said one every 0.4 s from `start`."""
    return [(w, start + 0.4 * i, start + 0.4 * i + 0.3) for i, w in enumerate(text.split())]


# A short meeting: (label, start, end, words, clean text).
ORION = [
    ("SPEAKER_00", 0.5, 4.0, words(0.5, "so the budget is approved"), "So the budget is approved."),
    ("SPEAKER_01", 5.0, 9.0, words(5.0, "we hire two data engineers"), "We hire two engineers."),
    (
        "SPEAKER_02",
        10.0,
        14.0,
        words(10.0, "the migration is in June"),
        "The migration is in June.",
    ),
]
UNNAMED = (None, "unknown", 0.0, {})
