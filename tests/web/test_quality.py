"""The web app's quality bar, page by page (sign-in, meetings and upload, a transcript,
search, chat, voiceprints) in chromium against a real API process: axe-core (web/'s own
devDependency, injected into the page) finds no violation of impact serious or critical;
at a desktop (1280×800) and a phone (390×844) width the document does not scroll
sideways and the page's main controls are on screen and can be clicked. The desktop
screenshots of the pages no other test draws are docs/web-<page>.png
(ST_UPDATE_SCREENSHOTS=1 rewrites them)."""

import json
import os
import shutil
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.db.session import session_scope
from st_resources.naming import voiceprints as library
from tests.api.meetings import new_tenant
from tests.stack import ROOT
from tests.web.app import ORION, VOICE_MODEL, add_transcript, give_voices, voice

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
TITLE = "Orion budget review"
# One speaker of each status the page colours: decided, suggested, conflicted.
SPEAKERS = {
    "SPEAKER_00": ("Nora Lind", "voiceprint", 0.93, {"similarity": 0.91}),
    "SPEAKER_01": (None, "unknown", 0.0, {"suggested": {"voiceprint": "Paul Meyer"}}),
    "SPEAKER_02": (
        "Ada Brook",
        "rag",
        0.42,
        {"conflict": {"voiceprint": "Zoe Marsh", "why": "the meeting names her Ada Brook"}},
    ),
}


@pytest.fixture(scope="module")
def workspace() -> tuple[str, str]:
    """A tenant with one indexed meeting and a confirmed and a suggested voice: every page
    has something of each kind to show. Returns (token, transcript id)."""
    assert AXE.is_file(), f"{AXE} is missing: make web installs web/'s devDependencies"
    tenant_id, token = new_tenant("quality")
    tid = add_transcript(tenant_id, TITLE, ORION, SPEAKERS, 20.0)
    info = q.TranscriptInfo(tid, tenant_id, TITLE, None, "en", datetime.now(UTC))
    rows = [
        q.SegmentText(i, start, end, clean, SPEAKERS[label][0] or label)
        for i, (label, start, end, _, clean) in enumerate(ORION)
    ]
    embedder, store = get_embedder(), q.open_store()
    store.replace_transcript(
        q.SEGMENTS, tid, q.segment_points(embedder, q.get_keywords(), info, rows)
    )
    give_voices(tid, {"SPEAKER_00": 10, "SPEAKER_01": 11})
    with session_scope() as session:
        for name, label, seed, status in [
            ("Nora Lind", "SPEAKER_00", 10, "confirmed"),
            ("Paul Meyer", "SPEAKER_01", 11, "suggested"),
        ]:
            library.enrol(
                session,
                uuid.UUID(tenant_id),
                name,
                voice(seed),
                VOICE_MODEL,
                20.0,
                uuid.UUID(tid),
                label,
                status=status,
            )
    return token, tid


def nav(page: Page) -> list[Locator]:
    links = page.get_by_role("navigation", name="main").get_by_role("link")
    return [links.nth(i) for i in range(links.count())] + [
        page.get_by_role("button", name="Sign out")
    ]


def sign_in_page(page: Page, url: str, tid: str) -> list[Locator]:
    page.goto(url + "/app/")
    page.get_by_label("Access token").fill("st_example")  # the button is enabled
    return [page.get_by_label("Access token"), page.get_by_role("button", name="Sign in")]


def meetings_page(page: Page, url: str, tid: str) -> list[Locator]:
    page.goto(url + "/app/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    form = page.get_by_role("form", name="upload a recording")
    return [
        page.get_by_role("link", name=TITLE),
        form.get_by_label("Recording"),
        form.get_by_label("Language"),
        form.get_by_role("button", name="Upload"),
        *nav(page),
    ]


def transcript_page(page: Page, url: str, tid: str) -> list[Locator]:
    page.goto(f"{url}/app/transcripts/{tid}")
    expect(page.locator(".transcript-scroll")).to_contain_text("So the budget is approved.")
    page.wait_for_function("document.querySelector('audio')?.readyState >= 1", timeout=15_000)
    speakers = page.locator("ul.speakers > li")
    return [
        page.locator("audio"),
        speakers.nth(0).get_by_role("button", name="Rename"),
        page.get_by_label("Raw (word by word)"),
        page.locator(".exports a", has_text="SRT"),
        page.locator(".segment-text").first,
        *nav(page),
    ]


def search_page(page: Page, url: str, tid: str) -> list[Locator]:
    page.goto(url + "/app/search")
    form = page.get_by_role("search", name="search the meetings")
    form.get_by_label("Words or a question").fill("who hires engineers")
    form.get_by_role("button", name="Search").click()
    expect(page.locator("ol.hits > li").first).to_be_visible()
    return [
        form.get_by_label("Words or a question"),
        form.get_by_label("Said by"),
        form.get_by_label("Meeting"),
        form.get_by_label("Uploaded from"),
        form.get_by_label("Uploaded to"),
        form.get_by_role("button", name="Search"),
        page.locator("ol.hits > li").first.get_by_role("link"),
        *nav(page),
    ]


def chat_page(page: Page, url: str, tid: str) -> list[Locator]:
    page.goto(url + "/app/chat")
    question = page.get_by_label("Question", exact=True)
    question.fill("When is the migration?")
    page.get_by_role("button", name="Ask").click()
    answer = page.locator(".answer[data-message]")
    expect(answer).to_be_visible(timeout=60_000)  # the LLM is down: a quoted passage
    question.fill("And the budget?")  # the button is enabled
    return [
        question,
        page.get_by_role("button", name="Ask"),
        answer.locator("ol.citations a").first,
        answer.get_by_role("button", name="good answer"),
        *nav(page),
    ]


def voiceprints_page(page: Page, url: str, tid: str) -> list[Locator]:
    page.goto(url + "/app/voiceprints")
    nora = page.get_by_role("listitem", name="Nora Lind", exact=True)
    paul = page.get_by_role("listitem", name="Paul Meyer", exact=True)
    expect(nora.get_by_role("link").first).to_be_visible()
    return [
        page.get_by_label("Suggested", exact=True),
        nora.get_by_role("button", name="Rename"),
        nora.get_by_role("link").first,
        paul.get_by_role("button", name="Confirm Paul Meyer"),
        *nav(page),
    ]


# name: (opens the page and returns its main controls, signed in, a screenshot to write)
PAGES: dict[str, tuple[Callable[[Page, str, str], list[Locator]], bool, bool]] = {
    "sign-in": (sign_in_page, False, True),
    "meetings": (meetings_page, True, True),
    "transcript": (transcript_page, True, False),  # test_web_app.py draws it
    "search": (search_page, True, True),
    "chat": (chat_page, True, True),
    "voiceprints": (voiceprints_page, True, False),  # test_voiceprints_page.py draws it
}


def serious_violations(page: Page) -> list[dict]:
    """axe-core's violations of impact serious or critical, each with where it is."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
            }))"""
    )


# The document's width, the window's, and the elements reaching past the window (to say
# what to fix when the first is the larger).
WIDTHS = """() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
    [...document.body.querySelectorAll("*")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 8)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
]"""


def off_screen(page: Page, controls: list[Locator], width: int) -> list[str]:
    """The controls not wholly within the viewport's width once scrolled to; one that a
    click would not reach (hidden, disabled, covered, moving) fails Playwright's check."""
    bad = []
    for control in controls:
        control.scroll_into_view_if_needed()
        box = control.bounding_box()
        if not box or box["x"] < 0 or box["x"] + box["width"] > width + 0.5:
            bad.append(f"{control}: {box}")
            continue
        control.click(trial=True, timeout=5_000)
    return bad


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_each_page_is_accessible_and_fits_the_screen(
    browser: Browser, api_url, workspace, tmp_path, name, size
):
    token, tid = workspace
    open_page, signed_in, drawn_here = PAGES[name]
    width, height = VIEWPORTS[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        if signed_in:
            assert context.request.post(api_url + "/api/session", data={"token": token}).ok
        page = context.new_page()
        controls = open_page(page, api_url, tid)

        scroll, inner, wide = page.evaluate(WIDTHS)
        assert scroll <= inner, f"{name} scrolls sideways at {size}: {scroll} > {inner} px {wide}"
        assert not off_screen(page, controls, width), name

        violations = serious_violations(page)
        assert not violations, f"{name} at {size}:\n" + json.dumps(violations, indent=1)

        if size == "desktop" and drawn_here:
            page.evaluate("window.scrollTo(0, 0)")
            shot = tmp_path / f"web-{name}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            if os.environ.get("ST_UPDATE_SCREENSHOTS"):
                shutil.copy(shot, ROOT / "docs" / shot.name)
    finally:
        context.close()
