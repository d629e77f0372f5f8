"""The web app (web/, built by `make setup` into web/dist) in a real browser — Debian's
chromium driven by Playwright — against a real API process serving it under /app/, on
the real PostgreSQL, Redis, object store, search index and embedding model: signing in
with a token (kept in an http-only cookie), the meetings list, an upload and its live
pipeline stages (events published to Redis by the pipeline's own function, resumed after
a reload), a transcript's player and text in step, its speakers and their rename, raw
and clean text, search with a speaker filter opening the moment of a hit and with the
meeting and date filters, the chat's
cited answer and its feedback, and a two-hour meeting rendered in a virtualised list.
The transcript page's screenshot is docs/web-transcript.png."""

import os
import re
import shutil
import time
import uuid
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.clients.streams import PipelineEvent, get_redis, publish
from st_resources.db.models import Feedback, Transcript
from st_resources.db.session import session_scope
from st_resources.transcripts import store as transcripts
from tests.api.meetings import new_tenant
from tests.stack import ROOT, start_api
from tests.tones import tone_wav
from tests.web.app import add_transcript, audio_time, sign_in, wait_for_audio

TITLE = "Orion budget review"
# (label, start, end, [(word, start, end)], clean text)
SEGMENTS = [
    (
        "SPEAKER_00",
        0.5,
        4.0,
        [
            ("um", 0.5, 0.8),
            ("so", 0.9, 1.1),
            ("the", 1.2, 1.35),
            ("budget", 1.4, 1.9),
            ("is", 2.0, 2.1),
            ("is", 2.2, 2.3),
            ("approved", 2.4, 3.2),
        ],
        "So the budget is approved.",
    ),
    (
        "SPEAKER_01",
        5.0,
        9.0,
        [
            ("we", 5.0, 5.2),
            ("hire", 5.3, 5.6),
            ("two", 5.7, 5.9),
            ("data", 6.0, 6.3),
            ("engineers", 6.4, 7.1),
            ("in", 7.2, 7.3),
            ("Lyon", 7.4, 8.0),
        ],
        "We hire two data engineers in Lyon.",
    ),
    (
        "SPEAKER_02",
        10.0,
        15.0,
        [
            ("the", 10.0, 10.2),
            ("cluster", 10.3, 10.9),
            ("migration", 11.0, 11.7),
            ("is", 11.8, 11.9),
            ("planned", 12.0, 12.5),
            ("for", 12.6, 12.8),
            ("June", 12.9, 13.6),
        ],
        "The cluster migration is planned for June.",
    ),
    (
        "SPEAKER_00",
        16.0,
        19.0,
        [("thanks", 16.0, 16.6), ("everyone", 16.7, 17.5)],
        "Thanks, everyone.",
    ),
]
# label: (name, source, confidence, evidence) — one decided, one suggested, one conflicted.
SPEAKERS = {
    "SPEAKER_00": ("Nora Lind", "voiceprint", 0.93, {"similarity": 0.91}),
    "SPEAKER_01": (
        None,
        "unknown",
        0.0,
        {"suggested": {"voiceprint": "Paul Meyer", "hinted": {"name": "Paul", "source": "rules"}}},
    ),
    "SPEAKER_02": (
        "Ada Brook",
        "rag",
        0.42,
        {"conflict": {"voiceprint": "Zoe Marsh", "why": "the meeting names her Ada Brook"}},
    ),
}


def index(tenant_id: str, tid: str, title: str, day: datetime | None = None) -> None:
    """Index the meeting as the pipeline's indexing stage does: the speaker's name where
    known, the clean text, the upload time."""
    info = q.TranscriptInfo(tid, tenant_id, title, None, "en", day or datetime.now(UTC))
    rows = [
        q.SegmentText(idx=i, start=start, end=end, text=clean, speaker=SPEAKERS[label][0] or label)
        for i, (label, start, end, _, clean) in enumerate(SEGMENTS)
    ]
    embedder, keywords, store = get_embedder(), q.get_keywords(), q.open_store()
    store.replace_transcript(q.SEGMENTS, tid, q.segment_points(embedder, keywords, info, rows))
    store.upsert(q.TRANSCRIPTS, [q.transcript_point(embedder, keywords, info, rows)])


@pytest.fixture(scope="module")
def meeting():
    """A tenant with one indexed meeting, and another tenant's meeting it must not see."""
    tenant_id, token = new_tenant("web")
    tid = add_transcript(tenant_id, TITLE, SEGMENTS, SPEAKERS, 30.0)
    index(tenant_id, tid, TITLE)
    other_id, _ = new_tenant("web-other")
    add_transcript(other_id, "Other team's secret", SEGMENTS[:1], SPEAKERS, 5.0)
    return tenant_id, token, tid


def test_sign_in_keeps_the_token_out_of_scripts_and_urls(browser, api_url, meeting):
    _, token, tid = meeting
    page = browser.new_context().new_page()
    page.goto(api_url + "/")
    assert page.url == api_url + "/app/"
    page.fill("#token", "st_not-a-token")
    page.click("button[type=submit]")
    expect(page.get_by_role("alert")).to_have_text("This token is unknown, revoked or expired.")

    page.fill("#token", token)
    page.click("button[type=submit]")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.locator("table.meetings tbody tr")).to_have_count(1)  # not the other tenant's
    expect(page.locator("table.meetings")).to_contain_text("completed")
    cookie = next(c for c in page.context.cookies() if c["name"] == "st_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/api"
    assert page.evaluate("document.cookie") == ""
    assert token not in page.evaluate(
        "JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"
    )
    assert token not in page.url

    # A client-side route loads straight from the server (SPA fallback), signed in.
    page.goto(f"{api_url}/app/transcripts/{tid}")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("#token")).to_be_visible()
    page.reload()
    expect(page.locator("#token")).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == "st_session"]


def test_the_transcript_plays_in_step_with_its_text(browser, api_url, meeting, tmp_path):
    _, token, tid = meeting
    page = sign_in(browser, api_url, token)
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    wait_for_audio(page)  # the audio came through the cookie, with ranges
    assert page.eval_on_selector("audio", "a => a.duration") == pytest.approx(30.0, abs=0.1)

    # Speakers: name or label, source, confidence, status; conflicted and suggested shown.
    speakers = page.locator("ul.speakers > li")
    expect(speakers).to_have_count(3)
    nora, unnamed, ada = (speakers.nth(i) for i in range(3))
    expect(nora.locator(".speaker-name")).to_have_text("Nora Lind")
    expect(nora).to_contain_text("voiceprint · 93 % sure")
    expect(nora.locator(".badge")).to_have_text("decided")
    expect(unnamed.locator(".speaker-name")).to_have_text("SPEAKER_01")
    expect(unnamed.locator(".badge")).to_have_text("suggested")
    expect(unnamed).to_contain_text("sounds like Paul Meyer")
    expect(unnamed).to_contain_text("perhaps Paul (hinted at in the meeting")  # kept beside it
    expect(ada.locator(".badge")).to_have_text("conflicted")
    expect(ada).to_contain_text("the voice matched Zoe Marsh, but the meeting names her Ada Brook")

    # Clean text first; raw shows each word.
    text = page.locator(".transcript-scroll")
    expect(text).to_contain_text("So the budget is approved.")
    expect(text.locator(".word")).to_have_count(0)
    expect(page.locator(".exports a", has_text="SRT")).to_have_attribute(
        "href", f"/api/transcripts/{tid}/export?format=srt&text=clean"
    )
    page.get_by_label("Raw (word by word)").check()
    expect(text).to_contain_text("um so the budget is is approved")
    expect(text).not_to_contain_text("So the budget is approved.")
    expect(page.locator(".exports a", has_text="SRT")).to_have_attribute(
        "href", f"/api/transcripts/{tid}/export?format=srt&text=raw"
    )
    expect(text.locator(".segment-speaker").first).to_have_text("Nora Lind")

    # Click a word: the player goes to its start, and it is the highlighted word.
    word = text.locator(".word", has_text="migration")
    word.click()
    assert audio_time(page) == pytest.approx(11.0, abs=0.01)
    expect(word).to_have_class("word current")
    expect(text.locator(".word.current")).to_have_count(1)

    # Keys: → and ← skip 5 s; space plays, then pauses, and the highlight follows.
    page.keyboard.press("ArrowRight")
    assert audio_time(page) == pytest.approx(16.0, abs=0.01)
    expect(text.locator(".word.current")).to_have_text("thanks")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert audio_time(page) == pytest.approx(6.0, abs=0.01)
    expect(text.locator(".word.current")).to_have_text("data")
    page.keyboard.press(" ")
    page.wait_for_function("document.querySelector('audio').currentTime > 7.45", timeout=10_000)
    page.keyboard.press(" ")
    assert page.eval_on_selector("audio", "a => a.paused")
    now = audio_time(page)
    expected = "Lyon" if now < 8.25 else None  # 0.25 s of grace after a word's end
    if expected:
        expect(text.locator(".word.current")).to_have_text(expected)
    else:
        expect(text.locator(".word.current")).to_have_count(0)
    expect(text.locator(".segment.active")).to_contain_text("engineers")

    shot = tmp_path / "web-transcript.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("ST_UPDATE_SCREENSHOTS"):
        shutil.copy(shot, ROOT / "docs" / "web-transcript.png")

    # Rename the unnamed speaker: the list and the text show the new name, and the API
    # kept it (a manual name).
    unnamed.get_by_role("button", name="Rename").click()
    unnamed.get_by_role("textbox", name="New name").fill("Paul Meyer")
    unnamed.get_by_role("button", name="Save").click()
    expect(unnamed.locator(".speaker-name")).to_have_text("Paul Meyer")
    expect(unnamed.locator(".badge")).to_have_text("decided")
    expect(unnamed).to_contain_text("manual")
    expect(text.locator(".segment-speaker", has_text="Paul Meyer")).to_have_count(1)
    with session_scope() as session:
        row = transcripts.get_for_tenant(
            session, uuid.UUID(meeting[0]), uuid.UUID(tid), with_segments=True
        )
        named = {s.label: (s.name, s.identity_source) for s in row.speakers}
    assert named["SPEAKER_01"] == ("Paul Meyer", "manual")


def test_search_filters_by_speaker_and_opens_the_moment(browser, api_url, meeting):
    _, token, tid = meeting
    page = sign_in(browser, api_url, token)
    page.get_by_role("link", name="Search").click()
    page.get_by_label("Words or a question").fill("thanks everyone")
    page.get_by_label("Said by").fill("Nora Lind")
    page.get_by_role("button", name="Search").click()
    hits = page.locator("ol.hits > li")
    expect(hits.first).to_be_visible()
    for i in range(hits.count()):
        expect(hits.nth(i)).to_contain_text("Nora Lind")
    expect(page.locator("ol.hits")).not_to_contain_text("engineers")  # SPEAKER_01's
    first = hits.first.get_by_role("link")
    expect(first).to_have_text(f"{TITLE} · 0:16")
    first.click()
    assert page.url == f"{api_url}/app/transcripts/{tid}?t=16"
    wait_for_audio(page)
    page.wait_for_function("document.querySelector('audio').currentTime === 16")
    expect(page.locator(".segment.active")).to_contain_text("Thanks, everyone.")


def test_search_filters_by_meeting_and_date_as_they_change(browser, api_url):
    """The meeting and date filters: a change reruns the search shown, and only the hits
    of that meeting or of those days come back."""
    tenant_id, token = new_tenant("web-filters")
    days = {
        "Orion budget review": datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        "Atlas budget review": datetime(2026, 4, 14, 9, 0, tzinfo=UTC),
    }
    tids = {}
    for title, day in days.items():
        tid = tids[title] = add_transcript(tenant_id, title, SEGMENTS, SPEAKERS, 30.0)
        with session_scope() as session:
            transcripts.update_fields(session, uuid.UUID(tid), created_at=day)
        index(tenant_id, tid, title, day)
    page = sign_in(browser, api_url, token)
    page.get_by_role("link", name="Search").click()
    page.get_by_label("Words or a question").fill("is the budget approved")
    page.get_by_role("button", name="Search").click()
    hits = page.locator("ol.hits > li > a")
    orion, atlas = hits.filter(has_text="Orion"), hits.filter(has_text="Atlas")
    expect(orion).not_to_have_count(0)
    expect(atlas).not_to_have_count(0)

    page.get_by_label("Meeting", exact=True).select_option(tids["Atlas budget review"])
    expect(orion).to_have_count(0)
    expect(atlas).not_to_have_count(0)
    page.get_by_label("Meeting", exact=True).select_option("")
    expect(orion).not_to_have_count(0)

    page.get_by_label("Uploaded to").fill("2026-03-31")
    expect(atlas).to_have_count(0)
    expect(orion).not_to_have_count(0)
    page.get_by_label("Uploaded to").fill("")
    page.get_by_label("Uploaded from").fill("2026-04-14")
    expect(orion).to_have_count(0)
    expect(atlas).not_to_have_count(0)
    page.get_by_label("Uploaded from").fill("2026-04-15")
    expect(page.get_by_text("No passage matches.")).to_be_visible()


def test_chat_streams_a_cited_answer_and_takes_feedback(browser, api_url, meeting):
    _, token, tid = meeting
    page = sign_in(browser, api_url, token)
    page.get_by_role("link", name="Chat").click()
    page.get_by_label("Question", exact=True).fill("When is the cluster migration planned?")
    page.get_by_role("button", name="Ask").click()
    answer = page.locator(".answer[data-message]")
    expect(answer).to_be_visible(timeout=60_000)
    # The LLM is down: the best passage is quoted, cited, at a halved reliability.
    expect(answer).to_contain_text("June")
    expect(answer.locator(".badge")).to_contain_text("reliability")
    citation = answer.locator("ol.citations a").first
    expect(citation).to_have_text(f"{TITLE} · 0:10")
    assert citation.get_attribute("href") == f"/app/transcripts/{tid}?t=10"

    answer.get_by_role("button", name="good answer").click()
    expect(answer).to_contain_text("Thanks for the feedback")
    message_id = uuid.UUID(answer.get_attribute("data-message"))
    with session_scope() as session:
        ratings = session.scalars(
            select(Feedback.rating).where(Feedback.message_id == message_id)
        ).all()
    assert ratings == [1.0]

    citation.click()
    wait_for_audio(page)
    page.wait_for_function("document.querySelector('audio').currentTime === 10")


def test_an_upload_shows_its_progress_and_its_stages_live(browser, api_url, tmp_path):
    tenant_id, token = new_tenant("web-upload")
    wav = tmp_path / "standup.wav"
    wav.write_bytes(tone_wav(3.0))
    agenda = tmp_path / "agenda.txt"
    agenda.write_text("Stand-up. Attendees: Nora Lind, Paul Meyer.")
    page = sign_in(browser, api_url, token)
    form = page.get_by_role("form", name="upload a recording")
    form.get_by_label("Recording").set_input_files(str(wav))
    form.get_by_label("Context documents").set_input_files(str(agenda))
    form.get_by_label("Title").fill("Stand-up")
    form.get_by_label("Language").select_option("fr")
    form.get_by_label("Number of speakers").fill("2")
    form.get_by_role("button", name="Upload").click()

    card = page.get_by_role("article", name="progress of Stand-up")
    expect(card).to_contain_text("Queued")
    tid = card.get_attribute("data-transcript")
    expect(page.locator("table.meetings")).to_contain_text("Stand-up")
    with session_scope() as session:
        row = session.get(Transcript, uuid.UUID(tid))
        stored = (row.tenant_id, row.language, row.min_speakers, row.max_speakers)
        documents = [d.filename for d in row.documents]
    assert stored == (uuid.UUID(tenant_id), "fr", 2, 2)
    assert documents == ["agenda.txt"]

    r = get_redis()
    publish(r, PipelineEvent(transcript_id=tid, stage="audio", status="completed", percent=100))
    publish(r, PipelineEvent(transcript_id=tid, stage="asr", status="started", percent=20))
    expect(card.locator("[data-stage=asr] .stage-status")).to_have_text("started")
    expect(card.locator("[data-stage=audio] .stage-status")).to_have_text("completed")

    # A reload: the stages seen come back, and the stream resumes after the last one.
    streams: list[str] = []
    page.on("request", lambda req: streams.append(req.url) if "/events" in req.url else None)
    page.reload()
    card = page.get_by_role("article", name="progress of Stand-up")
    expect(card.locator("[data-stage=asr] .stage-status")).to_have_text("started")
    publish(r, PipelineEvent(transcript_id=tid, stage="asr", status="completed", percent=40))
    expect(card.locator("[data-stage=asr] .stage-status")).to_have_text("completed")
    assert any("after=" in url for url in streams), streams
    # An event's percent is the whole run's: a finished stage's bar is full, the run's
    # own bar says how far the run is.
    expect(card.locator("[data-stage=asr] progress")).to_have_attribute("value", "100")
    expect(card.locator("progress.overall")).to_have_attribute("value", "40")
    publish(r, PipelineEvent(transcript_id=tid, stage="pipeline", status="completed", percent=100))
    expect(card.locator("header .badge")).to_have_text("completed")
    expect(card.get_by_role("link", name="Open the transcript")).to_be_visible()


def test_a_two_hour_meeting_renders_only_the_rows_in_view(browser, api_url):
    tenant_id, token = new_tenant("web-long")
    long = [
        (
            f"SPEAKER_0{i % 3}",
            3.6 * i,
            3.6 * i + 3.4,
            [(f"w{i}x{j}", 3.6 * i + 0.3 * j, 3.6 * i + 0.3 * j + 0.25) for j in range(11)],
            f"Segment number {i} of the long meeting.",
        )
        for i in range(2000)
    ]  # 2 h, 22,000 words
    tid = add_transcript(tenant_id, "Two-hour meeting", long, SPEAKERS, 7200.0, audio_s=5.0)
    page = sign_in(browser, api_url, token)
    started = time.monotonic()
    page.goto(f"{api_url}/app/transcripts/{tid}")
    expect(page.locator(".transcript-scroll")).to_contain_text("Segment number 0 of the")
    print(f"two-hour transcript shown {time.monotonic() - started:.2f} s after navigation")
    assert page.locator(".segment").count() < 60
    page.get_by_label("Raw (word by word)").check()
    assert page.locator(".word").count() < 60 * 11
    page.eval_on_selector(".transcript-scroll", "el => el.scrollTop = el.scrollHeight")
    expect(page.locator(".transcript-scroll")).to_contain_text("w1999x10")
    assert page.locator(".segment").count() < 60


@pytest.fixture(scope="module")
def api_with_llm(built, log_dir, gpu_url):
    """A second API process whose LLM is a real gpu_service's (packaged model)."""
    env = dict(os.environ, LLM_API_URL=gpu_url + "/v1")
    proc, url = start_api(env, log_dir, ready="/openapi.json")
    yield url
    proc.stop()


def test_chat_shows_the_answer_as_its_tokens_arrive(browser, api_with_llm, meeting):
    _, token, tid = meeting
    page = sign_in(browser, api_with_llm, token)
    page.get_by_role("link", name="Chat").click()
    page.get_by_label("Question", exact=True).fill("When is the cluster migration planned?")
    page.get_by_role("button", name="Ask").click()
    # Streamed text, before the final event replaces it with the checked answer.
    page.wait_for_function(
        """() => {
            const el = document.querySelector('.answer.streaming');
            return el && !/^(Searching|Reading)/.test(el.textContent) && el.textContent.length > 0;
        }""",
        timeout=120_000,
    )
    answer = page.locator(".answer[data-message]")
    expect(answer).to_be_visible(timeout=180_000)
    expect(answer).to_contain_text("June")
    # Which segment the model cites is its choice; each citation opens this meeting.
    expect(answer.locator("ol.citations a").first).to_have_attribute(
        "href", re.compile(rf"^/app/transcripts/{tid}\?t=\d+(\.\d+)?$")
    )
    expect(answer.locator(".badge")).to_contain_text("reliability")


def test_a_recording_is_deleted_from_its_page_after_a_question(browser, api_url):
    tenant_id, token = new_tenant("web-delete")
    tid = add_transcript(tenant_id, "Meeting to forget", SEGMENTS, SPEAKERS, 30.0)
    index(tenant_id, tid, "Meeting to forget")
    page = sign_in(browser, api_url, token)

    def found() -> list[str]:
        answer = page.request.post(f"{api_url}/api/ai/search", data={"query": "budget approved"})
        assert answer.ok, answer.text()
        return [hit["transcript_id"] for hit in answer.json()["hits"]]

    assert tid in found()
    page.goto(f"{api_url}/app/transcripts/{tid}")
    page.get_by_role("button", name="Delete this recording").click()
    group = page.get_by_role("group", name="Delete this recording")
    expect(group).to_contain_text("go for good")
    group.get_by_role("button", name="Cancel").click()  # asked first: nothing went
    with session_scope() as session:
        assert session.get(Transcript, uuid.UUID(tid)) is not None

    page.get_by_role("button", name="Delete this recording").click()
    page.get_by_role("group", name="Delete this recording").get_by_role(
        "button", name="Delete"
    ).click()
    expect(page).to_have_url(f"{api_url}/app/")
    expect(page.get_by_role("link", name="Meeting to forget")).to_have_count(0)
    with session_scope() as session:
        assert session.get(Transcript, uuid.UUID(tid)) is None
    assert tid not in found()


def test_speech_that_was_not_transcribed_is_shown_and_can_be_played(browser, api_url):
    """Diarization heard someone where ASR wrote nothing: the page says so where it was
    said, by whom, and a click plays it."""
    tenant_id, token = new_tenant("web-inaudible")
    segments = [
        SEGMENTS[0],
        ("SPEAKER_01", 5.0, 8.5, [], None),  # no words: speech not transcribed
        SEGMENTS[2],
    ]
    tid = add_transcript(tenant_id, "Quiet corner", segments, SPEAKERS, 30.0)
    page = sign_in(browser, api_url, token)
    page.goto(f"{api_url}/app/transcripts/{tid}")
    wait_for_audio(page)
    row = page.locator(".segment").nth(1)
    expect(row.locator(".segment-text")).to_have_text(re.compile(r"^\[inaudible\]"))
    row.locator(".segment-text").click()
    assert abs(audio_time(page) - 5.0) < 0.3
