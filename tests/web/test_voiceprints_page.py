"""The voiceprint library page (/app/voiceprints) in chromium against a real API process:
the tenant's voices (not another tenant's), confirmed and suggested, with their samples
and the recordings each was heard in (opening where that speaker first talks); rename,
merge, delete, confirm and the removal of one wrong sample, each checked in what the
API's database then holds. Its screenshot is docs/web-voiceprints.png."""

import os
import shutil
import uuid

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlalchemy import select

from st_resources.db.models import TranscriptSpeaker, Voiceprint
from st_resources.db.session import session_scope
from st_resources.naming import voiceprints as library
from tests.api.meetings import new_tenant
from tests.stack import ROOT
from tests.web.app import (
    ORION,
    UNNAMED,
    VOICE_MODEL,
    add_transcript,
    give_voices,
    sign_in,
    voice,
    wait_for_audio,
    words,
)

ATLAS = [
    ("SPEAKER_01", 2.0, 6.0, words(2.0, "welcome to the kick-off"), "Welcome to the kick-off."),
    (
        "SPEAKER_00",
        7.0,
        11.0,
        words(7.0, "the warehouse opens in May"),
        "The warehouse opens in May.",
    ),
]


def enrol(session, tenant_id, name, tid, label, seed, status="confirmed") -> Voiceprint:
    """What auto-save leaves: a voice learnt from that recording's speaker, who it names."""
    vp = library.enrol(
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
    if status == "confirmed":
        speaker = session.scalar(
            select(TranscriptSpeaker).where(
                TranscriptSpeaker.transcript_id == uuid.UUID(tid), TranscriptSpeaker.label == label
            )
        )
        speaker.name, speaker.identity_source, speaker.voiceprint_id = name, "rag", vp.id
    return vp


@pytest.fixture
def voices():
    """A tenant with two recordings and four voices — Nora Lind (heard in both), Nora L.
    (the same person enrolled twice), Paul Meyer (suggested), Zoe Marsh — and another
    tenant's voice that must never show."""
    tenant_id, token = new_tenant("voices")
    orion = add_transcript(
        tenant_id,
        "Orion budget review",
        ORION,
        dict.fromkeys(["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"], UNNAMED),
        20.0,
    )
    atlas = add_transcript(
        tenant_id,
        "Atlas kick-off",
        ATLAS,
        dict.fromkeys(["SPEAKER_00", "SPEAKER_01"], UNNAMED),
        15.0,
    )
    give_voices(orion, {"SPEAKER_00": 10, "SPEAKER_01": 13, "SPEAKER_02": 14})
    give_voices(atlas, {"SPEAKER_00": 11, "SPEAKER_01": 12})
    other_id, _ = new_tenant("voices-other")
    secret = add_transcript(other_id, "Secret", ORION[:1], {"SPEAKER_00": UNNAMED}, 5.0)
    with session_scope() as session:
        nora_id = enrol(session, tenant_id, "Nora Lind", orion, "SPEAKER_00", 10).id
    # A later transaction: samples are listed in the order learnt (`now()` is the
    # transaction's start, so two samples of one transaction tie).
    with session_scope() as session:
        nora = session.get(Voiceprint, nora_id)
        library.add_sample(nora, voice(11), 20.0, uuid.UUID(atlas), "SPEAKER_00")
        enrol(session, tenant_id, "Nora L.", atlas, "SPEAKER_01", 12)
        enrol(session, tenant_id, "Paul Meyer", orion, "SPEAKER_01", 13, status="suggested")
        enrol(session, tenant_id, "Zoe Marsh", orion, "SPEAKER_02", 14)
        enrol(session, other_id, "Secret Person", secret, "SPEAKER_00", 20)
    return tenant_id, token, orion, atlas


def open_library(browser, api_url, token) -> Page:
    page = sign_in(browser, api_url, token)
    page.get_by_role("link", name="Voiceprints").click()
    expect(page.get_by_role("heading", name="Voiceprints")).to_be_visible()
    return page


def card(page: Page, name: str) -> Locator:
    return page.get_by_role("listitem", name=name, exact=True)


def stored(tenant_id: str) -> dict[str, tuple[str, int]]:
    """name: (status, sample count), as the API's database holds them."""
    with session_scope() as session:
        return {
            v.name: (v.status, v.sample_count)
            for v in library.list_for_tenant(session, uuid.UUID(tenant_id))
        }


def speaker_name(tid: str, label: str) -> str | None:
    with session_scope() as session:
        return session.scalar(
            select(TranscriptSpeaker.name).where(
                TranscriptSpeaker.transcript_id == uuid.UUID(tid), TranscriptSpeaker.label == label
            )
        )


def test_the_library_lists_the_tenants_voices_and_where_each_was_heard(
    browser, api_url, voices, tmp_path
):
    _, token, orion, atlas = voices
    page = open_library(browser, api_url, token)
    cards = page.locator("ul.voices > li")
    expect(cards).to_have_count(4)
    expect(page.locator(".voice-name")).to_have_text(
        ["Nora L.", "Nora Lind", "Paul Meyer", "Zoe Marsh"]
    )
    expect(page.locator("ul.voices")).not_to_contain_text("Secret Person")

    nora = card(page, "Nora Lind")
    expect(nora.locator(".badge")).to_have_text("confirmed")
    expect(nora).to_contain_text("2 samples")
    heard = nora.locator("ul.heard a")
    expect(heard).to_have_text(["Orion budget review · 0:00", "Atlas kick-off · 0:07"])
    expect(heard.first).to_have_attribute("href", f"/app/transcripts/{orion}?t=0.5")
    expect(heard.nth(1)).to_have_attribute("href", f"/app/transcripts/{atlas}?t=7")
    expect(page.locator("p.remove-note")).to_have_text(
        "Remove takes a wrong recording out of a voice: the voice is recomputed without it, "
        "and keeps it as a voice that is not that person."
    )
    paul = card(page, "Paul Meyer")
    expect(paul.locator(".badge")).to_have_text("suggested")
    expect(paul.get_by_role("button", name="Confirm Paul Meyer")).to_be_visible()
    expect(nora.get_by_role("button", name="Confirm Nora Lind")).to_have_count(0)

    # ?status=suggested and ?status=confirmed, as the API filters them.
    page.get_by_label("Suggested", exact=True).check()
    expect(page.locator(".voice-name")).to_have_text(["Paul Meyer"])
    page.get_by_label("Confirmed", exact=True).check()
    expect(page.locator(".voice-name")).to_have_text(["Nora L.", "Nora Lind", "Zoe Marsh"])
    page.get_by_label("All", exact=True).check()
    expect(cards).to_have_count(4)

    shot = tmp_path / "web-voiceprints.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("ST_UPDATE_SCREENSHOTS"):
        shutil.copy(shot, ROOT / "docs" / "web-voiceprints.png")

    # A recording opens where that voice first talks.
    card(page, "Paul Meyer").get_by_role("link", name="Orion budget review · 0:05").click()
    expect(page.get_by_role("heading", name="Orion budget review")).to_be_visible()
    wait_for_audio(page)
    page.wait_for_function("document.querySelector('audio').currentTime === 5")
    expect(page.locator(".segment.active")).to_contain_text("We hire two engineers.")


def test_rename_and_merge(browser, api_url, voices):
    tenant_id, token, _, atlas = voices
    page = open_library(browser, api_url, token)

    short = card(page, "Nora L.")
    short.get_by_role("button", name="Rename").click()
    form = short.get_by_role("form", name="rename Nora L.")
    form.get_by_label("New name").fill("nora lind")
    form.get_by_role("button", name="Save").click()
    expect(short.get_by_role("alert")).to_contain_text("already called 'Nora Lind'; merge them")
    form.get_by_label("New name").fill("Nora Lindqvist")
    form.get_by_role("button", name="Save").click()
    expect(card(page, "Nora Lindqvist")).to_be_visible()
    expect(card(page, "Nora L.")).to_have_count(0)
    assert "Nora Lindqvist" in stored(tenant_id) and "Nora L." not in stored(tenant_id)
    assert speaker_name(atlas, "SPEAKER_01") == "Nora Lindqvist"

    # Merge: chosen, asked about, cancelled (nothing changes), then done.
    nora = card(page, "Nora Lind")
    nora.get_by_role("button", name="Merge…").click()
    nora.get_by_label("The same person as Nora Lind").select_option(
        label="Nora Lindqvist (confirmed)"
    )
    nora.get_by_role("button", name="Merge Nora Lindqvist into Nora Lind").click()
    asked = nora.get_by_role("group", name="Merge Nora Lindqvist into Nora Lind")
    expect(asked).to_contain_text("Nora Lindqvist is deleted")
    asked.get_by_role("button", name="Cancel").click()
    expect(page.locator("ul.voices > li")).to_have_count(4)
    assert len(stored(tenant_id)) == 4
    nora.get_by_role("button", name="Merge Nora Lindqvist into Nora Lind").click()
    asked.get_by_role("button", name="Yes, merge").click()
    expect(page.locator("ul.voices > li")).to_have_count(3)
    expect(nora).to_contain_text("3 samples")
    expect(nora.locator("ul.heard a")).to_have_count(3)
    assert stored(tenant_id) == {
        "Nora Lind": ("confirmed", 3),
        "Paul Meyer": ("suggested", 1),
        "Zoe Marsh": ("confirmed", 1),
    }
    assert speaker_name(atlas, "SPEAKER_01") == "Nora Lind"


def test_delete_confirm_and_remove_a_wrong_sample(browser, api_url, voices):
    tenant_id, token, orion, atlas = voices
    page = open_library(browser, api_url, token)

    # Delete asks first; cancelled, the voice stays.
    zoe = card(page, "Zoe Marsh")
    zoe.get_by_role("button", name="Delete").click()
    asked = zoe.get_by_role("group", name="Delete")
    expect(asked).to_contain_text("Delete Zoe Marsh?")
    asked.get_by_role("button", name="Cancel").click()
    assert "Zoe Marsh" in stored(tenant_id)
    zoe.get_by_role("button", name="Delete").click()
    asked.get_by_role("button", name="Yes, delete").click()
    expect(card(page, "Zoe Marsh")).to_have_count(0)
    assert "Zoe Marsh" not in stored(tenant_id)
    assert speaker_name(orion, "SPEAKER_02") == "Zoe Marsh"  # the name stays, unlinked

    # Confirm a suggested voice: it names the speaker it was learnt from.
    paul = card(page, "Paul Meyer")
    paul.get_by_role("button", name="Confirm Paul Meyer").click()
    expect(paul.locator(".badge")).to_have_text("confirmed")
    expect(paul.get_by_role("button", name="Confirm Paul Meyer")).to_have_count(0)
    assert stored(tenant_id)["Paul Meyer"] == ("confirmed", 1)
    assert speaker_name(orion, "SPEAKER_01") == "Paul Meyer"

    # Remove one wrong recording: the voice keeps the other, and that one as a voice
    # that is not Nora Lind.
    nora = card(page, "Nora Lind")
    nora.locator("ul.heard > li", has_text="Atlas kick-off").get_by_role(
        "button", name="Remove"
    ).click()
    expect(nora).to_contain_text("1 sample ·")
    expect(nora.locator("ul.heard:not(.rejected) a")).to_have_text(["Orion budget review · 0:00"])
    expect(nora.locator("details summary")).to_have_text("1 voice known not to be Nora Lind")
    assert stored(tenant_id)["Nora Lind"] == ("confirmed", 1)
    with session_scope() as session:
        vp = library.find_by_name(session, uuid.UUID(tenant_id), "Nora Lind")
        rejected = [(str(s.transcript_id), s.speaker_label) for s in vp.samples if s.rejected]
    assert rejected == [(atlas, "SPEAKER_00")]

    # Its last recording is asked about: the voice goes with it.
    nora.get_by_role("button", name="Remove").click()
    nora.get_by_role("group", name="Remove").get_by_role("button", name="Remove it").click()
    expect(card(page, "Nora Lind")).to_have_count(0)
    assert "Nora Lind" not in stored(tenant_id)
