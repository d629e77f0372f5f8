"""The web app's quality bar, page by page (sign-in, meetings and upload, a transcript,
search, chat, voiceprints, metrics) in chromium against a real API process, in English
and in French (a browser whose language is French gets the French interface): axe-core
(web/'s own devDependency, injected into the page) finds no violation of impact serious
or critical; at a desktop (1280×800) and a phone (390×844) width the document does not
scroll sideways and the page's main controls, found by their label in that language, are
on screen and can be clicked. The English desktop screenshots of the pages no other test
draws are docs/web-<page>.png (ST_UPDATE_SCREENSHOTS=1 rewrites them)."""

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
# The browser's language (what the app defaults to) and the labels the pages show in it.
LOCALES = {"en": "en-US", "fr": "fr-FR"}
WORDS = {
    "en": {
        "token": "Access token",
        "sign in": "Sign in",
        "nav": "main",
        "sign out": "Sign out",
        "language": "Interface language",
        "upload form": "upload a recording",
        "recording": "Recording",
        "recording language": "Language",
        "upload": "Upload",
        "rename": "Rename",
        "raw": "Raw (word by word)",
        "search form": "search the meetings",
        "query": "Words or a question",
        "said by": "Said by",
        "meeting": "Meeting",
        "from": "Uploaded from",
        "to": "Uploaded to",
        "search": "Search",
        "question": "Question",
        "ask": "Ask",
        "good answer": "good answer",
        "suggested": "Suggested",
        "confirm": "Confirm Paul Meyer",
        "7 days": "7 days",
        "90 days": "90 days",
        "every day": "Every day",
    },
    "fr": {
        "token": "Jeton d'accès",
        "sign in": "Se connecter",
        "nav": "principale",
        "sign out": "Se déconnecter",
        "language": "Langue de l'interface",
        "upload form": "envoyer un enregistrement",
        "recording": "Enregistrement",
        "recording language": "Langue",
        "upload": "Envoyer",
        "rename": "Renommer",
        "raw": "Brut (mot à mot)",
        "search form": "chercher dans les réunions",
        "query": "Des mots ou une question",
        "said by": "Dit par",
        "meeting": "Réunion",
        "from": "Envoyé à partir du",
        "to": "Envoyé jusqu'au",
        "search": "Chercher",
        "question": "Question",
        "ask": "Demander",
        "good answer": "bonne réponse",
        "suggested": "Suggérées",
        "confirm": "Confirmer Paul Meyer",
        "7 days": "7 jours",
        "90 days": "90 jours",
        "every day": "Tous les jours",
    },
}
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


Words = dict[str, str]


def nav(page: Page, w: Words) -> list[Locator]:
    links = page.get_by_role("navigation", name=w["nav"], exact=True).get_by_role("link")
    return [links.nth(i) for i in range(links.count())] + [
        page.get_by_label(w["language"]),
        page.get_by_role("button", name=w["sign out"]),
    ]


def sign_in_page(page: Page, url: str, tid: str, w: Words) -> list[Locator]:
    page.goto(url + "/app/")
    page.get_by_label(w["token"]).fill("st_example")  # the button is enabled
    return [
        page.get_by_label(w["token"]),
        page.get_by_role("button", name=w["sign in"]),
        page.get_by_label(w["language"]),
    ]


def meetings_page(page: Page, url: str, tid: str, w: Words) -> list[Locator]:
    page.goto(url + "/app/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    form = page.get_by_role("form", name=w["upload form"])
    return [
        page.get_by_role("link", name=TITLE),
        form.get_by_label(w["recording"]),
        form.get_by_label(w["recording language"]),
        form.get_by_role("button", name=w["upload"]),
        *nav(page, w),
    ]


def transcript_page(page: Page, url: str, tid: str, w: Words) -> list[Locator]:
    page.goto(f"{url}/app/transcripts/{tid}")
    expect(page.locator(".transcript-scroll")).to_contain_text("So the budget is approved.")
    page.wait_for_function("document.querySelector('audio')?.readyState >= 1", timeout=15_000)
    speakers = page.locator("ul.speakers > li")
    return [
        page.locator("audio"),
        speakers.nth(0).get_by_role("button", name=w["rename"]),
        page.get_by_label(w["raw"]),
        page.locator(".exports a", has_text="SRT"),
        page.locator(".segment-text").first,
        *nav(page, w),
    ]


def search_page(page: Page, url: str, tid: str, w: Words) -> list[Locator]:
    page.goto(url + "/app/search")
    form = page.get_by_role("search", name=w["search form"])
    form.get_by_label(w["query"]).fill("who hires engineers")
    form.get_by_role("button", name=w["search"]).click()
    expect(page.locator("ol.hits > li").first).to_be_visible()
    return [
        form.get_by_label(w["query"]),
        form.get_by_label(w["said by"]),
        form.get_by_label(w["meeting"]),
        form.get_by_label(w["from"]),
        form.get_by_label(w["to"]),
        form.get_by_role("button", name=w["search"]),
        page.locator("ol.hits > li").first.get_by_role("link"),
        *nav(page, w),
    ]


def chat_page(page: Page, url: str, tid: str, w: Words) -> list[Locator]:
    page.goto(url + "/app/chat")
    question = page.get_by_label(w["question"], exact=True)
    question.fill("When is the migration?")
    page.get_by_role("button", name=w["ask"]).click()
    answer = page.locator(".answer[data-message]")
    expect(answer).to_be_visible(timeout=60_000)  # the LLM is down: a quoted passage
    question.fill("And the budget?")  # the button is enabled
    return [
        question,
        page.get_by_role("button", name=w["ask"]),
        answer.locator("ol.citations a").first,
        answer.get_by_role("button", name=w["good answer"]),
        *nav(page, w),
    ]


def voiceprints_page(page: Page, url: str, tid: str, w: Words) -> list[Locator]:
    page.goto(url + "/app/voiceprints")
    nora = page.get_by_role("listitem", name="Nora Lind", exact=True)
    paul = page.get_by_role("listitem", name="Paul Meyer", exact=True)
    expect(nora.get_by_role("link").first).to_be_visible()
    return [
        page.get_by_label(w["suggested"], exact=True),
        nora.get_by_role("button", name=w["rename"]),
        nora.get_by_role("link").first,
        paul.get_by_role("button", name=w["confirm"]),
        *nav(page, w),
    ]


def metrics_page(page: Page, url: str, tid: str, w: Words) -> list[Locator]:
    """Signed in as the tenant of the `metrics_tenant` fixture, whose marts are built."""
    page.goto(url + "/app/metrics")
    expect(page.locator("[data-chart] canvas")).to_have_count(5)
    return [
        page.get_by_label(w["7 days"]),
        page.get_by_label(w["90 days"]),
        page.locator("[data-chart=chat] summary", has_text=w["every day"]),
        *nav(page, w),
    ]


# name: (opens the page and returns its main controls, signed in, a screenshot to write)
PAGES: dict[str, tuple[Callable[[Page, str, str, Words], list[Locator]], bool, bool]] = {
    "sign-in": (sign_in_page, False, True),
    "meetings": (meetings_page, True, True),
    "transcript": (transcript_page, True, False),  # test_web_app.py draws it
    "search": (search_page, True, True),
    "chat": (chat_page, True, True),
    "voiceprints": (voiceprints_page, True, False),  # test_voiceprints_page.py draws it
    "metrics": (metrics_page, True, True),
}
# The pages shown to another tenant than the workspace's: the fixture that gives it.
TENANT_FIXTURE = {"metrics": "metrics_tenant"}


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


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_each_page_is_accessible_and_fits_the_screen(
    request, browser: Browser, api_url, workspace, tmp_path, name, size, lang
):
    token, tid = workspace
    if name in TENANT_FIXTURE:
        token = request.getfixturevalue(TENANT_FIXTURE[name])[1]
    open_page, signed_in, drawn_here = PAGES[name]
    width, height = VIEWPORTS[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale=LOCALES[lang])
    try:
        if signed_in:
            assert context.request.post(api_url + "/api/session", data={"token": token}).ok
        page = context.new_page()
        controls = open_page(page, api_url, tid, WORDS[lang])
        assert page.evaluate("document.documentElement.lang") == lang

        scroll, inner, wide = page.evaluate(WIDTHS)
        assert scroll <= inner, (
            f"{name} scrolls sideways at {size} in {lang}: {scroll} > {inner} px {wide}"
        )
        assert not off_screen(page, controls, width), f"{name} in {lang}"

        violations = serious_violations(page)
        assert not violations, f"{name} at {size} in {lang}:\n" + json.dumps(
            violations, indent=1, ensure_ascii=False
        )

        if size == "desktop" and lang == "en" and drawn_here:
            page.evaluate("window.scrollTo(0, 0)")
            shot = tmp_path / f"web-{name}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            if os.environ.get("ST_UPDATE_SCREENSHOTS"):
                shutil.copy(shot, ROOT / "docs" / shot.name)
    finally:
        context.close()
