"""A user's whole journey in the web app, in a real browser (Debian's chromium driven by
Playwright), through the real pipeline: no progress event, transcript or index point is
made by the test. The API serves web/ (built by the Makefile's own rule) in front of the
e2e stack (gpu_service with Whisper and the packaged LLM, both Dagster code servers and
the daemon, PostgreSQL, Redis, the object store and the search index).

One meeting of two espeak-ng voices, with an agenda, goes through every step a user
takes: sign in with the tenant's token; upload it with the form and watch its stages
come in until it is completed; open the transcript, play it, and seek by clicking a
word; rename a speaker and see the name in the speaker list, the segment headers and,
once the pipeline has re-indexed it, the search hits; export SRT and DOCX with that name
and the words said; search for words that were said and land at that moment; ask the
chat about it and follow the citation to the moment it cites; and delete the recording,
which leaves neither the meetings list nor search."""

import re
import subprocess
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import docx
import pytest
import soundfile
import srt
from playwright.sync_api import Browser, Page, expect, sync_playwright

from st_resources.clients.streams import WORK_STAGES
from tests.e2e.conftest import get_transcript
from tests.speech import synthesize_dialogue
from tests.stack import ROOT
from tests.web.app import CHROMIUM, audio_time, wait_for_audio

pytestmark = pytest.mark.e2e

TITLE = "Journey budget review"
DAVID, LAURA = "en-us", "en-us+f3"  # two espeak-ng voices whisper hears well
MEETING = [
    (DAVID, "Good morning everyone, I am David Park and I chair this budget review."),
    (LAURA, "Thank you David. I am Laura Chen from the finance team."),
    (DAVID, "The marketing budget for next year is forty thousand euros."),
    (LAURA, "We will open the new office in Lisbon in September."),
    (DAVID, "Good, then the new team needs three engineers before the summer."),
    (LAURA, "I will send the hiring plan to everyone on Friday."),
]
AGENDA = """Budget review - agenda
Chair: David Park
Attendees: David Park (operations), Laura Chen (finance)
1. Marketing budget for next year
2. Hiring plan
"""
NEW_NAME = "Margaret Hughes"  # what the user renames Lisbon's speaker to
SEARCHED = "new office in Lisbon"
QUESTION = "In which city will the new office open?"
FINISHED = re.compile(r"^completed( degraded)?$")
PIPELINE_MS = 240_000  # the whole pipeline on 2 CPU cores
CHAT_MS = 180_000  # the LLM on CPU
SLOW_MS = 30_000  # a search (the embedding model on CPU), a page with the audio


@pytest.fixture(scope="module")
def browser() -> Browser:
    """web/dist built by the Makefile's own rule (a no-op when current: the stack's API
    serves it under /app/), and chromium."""
    assert CHROMIUM, "chromium is missing: scripts/system-deps.sh installs it (make test runs it)"
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", "web"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, f"building web/ failed:\n{done.stdout}\n{done.stderr}"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def plain(word: str) -> str:
    return re.sub(r"\W", "", word).lower()


def said(segments: list[dict], word: str) -> tuple[dict, dict]:
    """The first segment where `word` was heard, and that word (with its times)."""
    for seg in segments:
        for w in seg["words"]:
            if plain(w["word"]) == word:
                return seg, w
    raise AssertionError(f"nobody said {word!r}: " + " | ".join(s["text"] for s in segments))


def word_in_text(page: Page, word: str):
    """The raw view's first word span reading `word` (whisper's leading space and the
    punctuation aside)."""
    pattern = re.compile(rf"^\W*{re.escape(word)}\W*$", re.IGNORECASE)
    return page.locator(".transcript-scroll .word").filter(has_text=pattern).first


def moment(href: str) -> float:
    """The ?t= of a link to a transcript's moment."""
    return float(parse_qs(urlparse(href).query)["t"][0])


def at_moment(page: Page, base: str, tid: str, seconds: float, heard: str) -> None:
    """The transcript is open at `seconds`: the URL, the player's time and the segment
    highlighted, which says `heard`."""
    expect(page).to_have_url(re.compile(rf"^{re.escape(base)}/app/transcripts/{tid}\?t="))
    wait_for_audio(page)
    page.wait_for_function(
        "t => Math.abs(document.querySelector('audio').currentTime - t) < 0.01",
        arg=seconds,
        timeout=SLOW_MS,
    )
    expect(page.locator(".segment.active")).to_contain_text(heard, ignore_case=True)


def search(page: Page, words: str):
    """Search the meetings for `words` from the Search page; the hits' list items."""
    page.get_by_role("navigation", name="main").get_by_role("link", name="Search").click()
    page.get_by_label("Words or a question").fill(words)
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("button", name="Search", exact=True)).to_be_enabled(timeout=SLOW_MS)
    return page.locator("ol.hits > li")


def download(page: Page, name: str, folder: Path) -> Path:
    """Click the transcript page's export link `name`; the file the browser saved."""
    with page.expect_download(timeout=SLOW_MS) as info:
        page.locator(".exports").get_by_role("link", name=name, exact=True).click()
    got = info.value
    assert got.failure() is None
    path = folder / got.suggested_filename
    got.save_as(path)
    return path


def test_a_recording_from_upload_to_deletion(local_stack, tenant, speech_dir, browser, tmp_path):
    base = local_stack.api_url
    _, token = tenant
    clip = speech_dir / "journey.wav"
    synthesize_dialogue(MEETING, clip)
    seconds = soundfile.info(str(clip)).duration
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(AGENDA)
    context = browser.new_context(
        locale="en-US", viewport={"width": 1400, "height": 900}, accept_downloads=True
    )
    page = context.new_page()

    # 1. Sign in with the tenant's token, and upload the meeting with its agenda.
    page.goto(base + "/")
    page.get_by_label("Access token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Meetings")).to_be_visible()
    expect(page.get_by_text("No recording yet: upload one.")).to_be_visible()
    form = page.get_by_role("form", name="upload a recording")
    form.get_by_label("Recording").set_input_files(str(clip))
    form.get_by_label("Context documents").set_input_files(str(agenda))
    form.get_by_label("Title").fill(TITLE)
    form.get_by_label("Language").select_option("en")
    form.get_by_label("Number of speakers").fill("2")
    form.get_by_role("button", name="Upload").click()

    # 2. Its progress, live from the pipeline, stage by stage until it is finished.
    card = page.get_by_role("article", name=f"progress of {TITLE}")
    badge = card.locator("header .badge")
    expect(badge).to_have_text("in progress")
    tid = card.get_attribute("data-transcript")
    row = page.locator("table.meetings tbody tr", has_text=TITLE)
    expect(row).to_have_count(1)
    expect(card.locator("[data-stage=asr] .stage-status")).to_have_text(
        "completed", timeout=PIPELINE_MS
    )
    expect(badge).to_have_text(FINISHED, timeout=PIPELINE_MS)
    stages = card.locator("li.stage")
    expect(stages).to_have_count(len(WORK_STAGES))
    shown = {
        stages.nth(i).get_attribute("data-stage"): stages.nth(i).locator(".stage-status")
        for i in range(stages.count())
    }
    assert set(shown) == set(WORK_STAGES)
    for status in shown.values():
        expect(status).to_have_text(FINISHED)
    expect(row.locator(".badge")).to_have_text(FINISHED)  # the list was reloaded
    detail = get_transcript(base, token, tid)
    assert detail["status"] in ("completed", "completed_degraded")
    assert [d["filename"] for d in detail["documents"]] == ["agenda.txt"]
    segments = detail["segments"]
    lisbon_seg, lisbon = said(segments, "lisbon")
    _, budget = said(segments, "budget")

    # 3. The transcript: the recording plays, and a click on a word goes there.
    card.get_by_role("link", name="Open the transcript").click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    wait_for_audio(page)
    assert page.eval_on_selector("audio", "a => a.duration") == pytest.approx(seconds, abs=0.1)
    speakers = page.locator("ul.speakers > li")
    expect(speakers).to_have_count(2)
    page.get_by_label("Raw (word by word)").check()
    expect(page.locator(".segment")).to_have_count(len(segments))  # all in view
    word_in_text(page, "lisbon").click()
    assert audio_time(page) == pytest.approx(lisbon["start"], abs=0.01)
    expect(word_in_text(page, "lisbon")).to_have_class("word current")
    page.keyboard.press(" ")  # play
    page.wait_for_function(
        f"document.querySelector('audio').currentTime > {lisbon['start'] + 1.0}",
        timeout=SLOW_MS,
    )
    page.keyboard.press(" ")  # pause
    assert page.eval_on_selector("audio", "a => a.paused")
    word_in_text(page, "budget").click()  # back, by a click
    assert audio_time(page) == pytest.approx(budget["start"], abs=0.01)
    expect(word_in_text(page, "budget")).to_have_class("word current")
    expect(page.locator(".transcript-scroll .word.current")).to_have_count(1)

    # 4. Rename the speaker who spoke of Lisbon: the list and every one of their segment
    # headers say the new name, the other speaker's do not, and it is kept.
    label = lisbon_seg["speaker"]
    theirs = sum(1 for s in segments if s["speaker"] == label)
    was = next(s["name"] or s["label"] for s in detail["speakers"] if s["label"] == label)
    speaker = page.locator(f"ul.speakers > li[data-label='{label}']")
    speaker.get_by_role("button", name="Rename").click()
    speaker.get_by_role("textbox", name="New name").fill(NEW_NAME)
    speaker.get_by_role("button", name="Save").click()
    expect(speaker.locator(".speaker-name")).to_have_text(NEW_NAME)
    expect(speaker).to_contain_text("manual")
    headers = page.locator(".segment-speaker")
    expect(headers.filter(has_text=NEW_NAME)).to_have_count(theirs)
    expect(headers.filter(has_text=was)).to_have_count(0)
    expect(headers).to_have_count(len(segments))
    page.reload()
    expect(page.locator(f"ul.speakers > li[data-label='{label}'] .speaker-name")).to_have_text(
        NEW_NAME
    )
    expect(headers.filter(has_text=NEW_NAME)).to_have_count(theirs)

    # 5. SRT and DOCX exports name the speaker as renamed, with the words said.
    subtitles = list(srt.parse(download(page, "SRT", tmp_path).read_text(encoding="utf-8")))
    assert len(subtitles) == len(segments)
    renamed = [s.content for s in subtitles if s.content.startswith(f"{NEW_NAME}: ")]
    assert len(renamed) == theirs
    assert any("lisbon" in c.lower() for c in renamed), renamed
    assert any("budget" in s.content.lower() for s in subtitles)
    docx_path = download(page, "DOCX", tmp_path)
    assert docx_path.name == f"{TITLE}.docx"
    paragraphs = docx.Document(str(docx_path)).paragraphs
    assert paragraphs[0].text == TITLE
    turns = [p for p in paragraphs[1:] if p.runs and p.runs[0].bold]
    assert NEW_NAME in {p.runs[0].text for p in turns}
    assert any(p.runs[0].text == NEW_NAME and "lisbon" in p.text.lower() for p in turns)

    # 6. Search for what was said; the hit, once the pipeline has re-indexed the
    # recording, names the speaker as renamed, and opens the transcript at that moment.
    deadline = time.monotonic() + 120
    while True:
        hits = search(page, SEARCHED)
        hit = hits.filter(has_text=re.compile("lisbon", re.IGNORECASE)).first
        expect(hit).to_be_visible(timeout=SLOW_MS)
        if NEW_NAME in hit.inner_text() or time.monotonic() > deadline:
            break
        time.sleep(3)
    expect(hit).to_contain_text(NEW_NAME)
    link = hit.get_by_role("link")
    expect(link).to_contain_text(TITLE)
    at = moment(link.get_attribute("href"))
    assert at == pytest.approx(lisbon_seg["start"], abs=0.01)
    link.click()
    at_moment(page, base, tid, at, "lisbon")

    # 7. Ask the chat: a found answer that cites where Lisbon was said; the citation
    # opens that moment.
    page.get_by_role("navigation", name="main").get_by_role("link", name="Chat").click()
    page.get_by_label("Question", exact=True).fill(QUESTION)
    page.get_by_role("button", name="Ask").click()
    answer = page.locator(".answer[data-message]")
    expect(answer).to_be_visible(timeout=CHAT_MS)
    expect(answer).not_to_have_class(re.compile(r"not-found"))
    expect(answer).to_contain_text("Lisbon")
    citations = answer.locator("ol.citations > li")
    expect(citations).not_to_have_count(0)
    cited = citations.filter(has=page.locator(f"a[href*='/app/transcripts/{tid}?t=']"))
    lisbon_said = [
        c
        for c in (cited.nth(i) for i in range(cited.count()))
        if moment(c.get_by_role("link").get_attribute("href"))
        == pytest.approx(lisbon_seg["start"], abs=0.01)
    ]
    assert lisbon_said, answer.inner_text()
    expect(lisbon_said[0]).to_contain_text(NEW_NAME)
    lisbon_said[0].get_by_role("link").click()
    at_moment(page, base, tid, lisbon_seg["start"], "lisbon")

    # 8. Delete it from its page: gone from the meetings list and from search.
    page.get_by_role("button", name="Delete this recording").click()
    page.get_by_role("group", name="Delete this recording").get_by_role(
        "button", name="Delete", exact=True
    ).click()
    expect(page.get_by_role("heading", name="Meetings")).to_be_visible()
    expect(page.get_by_text("No recording yet: upload one.")).to_be_visible()
    expect(page.locator("table.meetings")).to_have_count(0)
    expect(page.locator("article.progress")).to_have_count(0)  # its upload card went too
    search(page, SEARCHED)
    expect(page.get_by_text("No passage matches.")).to_be_visible(timeout=SLOW_MS)
    context.close()
