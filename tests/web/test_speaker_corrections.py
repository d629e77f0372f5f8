"""Correcting who spoke, on the transcript page in chromium against a real API process:
a suggested voice confirmed (the speaker takes its name) or dismissed, a wrong name
undone (the voice that gave it keeps this one as a voice that is not its person), and a
segment moved to another speaker (the text, the talk times, the database and the search
index all follow)."""

import uuid
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.db.models import Segment, TranscriptSpeaker
from st_resources.db.session import session_scope
from st_resources.naming import voiceprints as library
from tests.api.meetings import new_tenant
from tests.web.app import ORION, UNNAMED, VOICE_MODEL, add_transcript, give_voices, sign_in, voice

TITLE = "Orion budget review"


@pytest.fixture
def meeting():
    """Orion's three speakers: Nora Lind named by her voiceprint, SPEAKER_01 sounding like
    the suggested Paul Meyer, SPEAKER_02 like the suggested Zoe Marsh; each voice learnt
    from an earlier meeting."""
    tenant_id, token = new_tenant("corrections")
    labels = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"]
    earlier = add_transcript(tenant_id, "Earlier sync", ORION, dict.fromkeys(labels, UNNAMED), 20.0)
    seeds = {"SPEAKER_00": 30, "SPEAKER_01": 31, "SPEAKER_02": 32}
    give_voices(earlier, seeds)
    with session_scope() as session:
        tid = uuid.UUID(tenant_id)
        made = {
            name: library.enrol(
                session,
                tid,
                name,
                voice(seeds[label]),
                VOICE_MODEL,
                20.0,
                uuid.UUID(earlier),
                label,
                status=status,
            )
            for name, label, status in [
                ("Nora Lind", "SPEAKER_00", "confirmed"),
                ("Paul Meyer", "SPEAKER_01", "suggested"),
                ("Zoe Marsh", "SPEAKER_02", "suggested"),
            ]
        }
        ids = {name: str(vp.id) for name, vp in made.items()}

    def suggested(name: str) -> dict:
        return {"suggested": {"voiceprint": name, "voiceprint_id": ids[name], "similarity": 0.8}}

    speakers = {
        "SPEAKER_00": ("Nora Lind", "voiceprint", 0.9, {"similarity": 0.9}),
        "SPEAKER_01": (None, "unknown", 0.0, suggested("Paul Meyer")),
        "SPEAKER_02": (None, "unknown", 0.0, suggested("Zoe Marsh")),
    }
    orion = add_transcript(tenant_id, TITLE, ORION, speakers, 20.0)
    give_voices(orion, seeds)
    with session_scope() as session:
        nora = session.scalar(
            select(TranscriptSpeaker).where(
                TranscriptSpeaker.transcript_id == uuid.UUID(orion),
                TranscriptSpeaker.label == "SPEAKER_00",
            )
        )
        nora.voiceprint_id = uuid.UUID(ids["Nora Lind"])
    return tenant_id, token, orion, earlier, ids


def open_transcript(browser, api_url, token) -> Page:
    page = sign_in(browser, api_url, token)
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    return page


def speaker_row(tid: str, label: str) -> TranscriptSpeaker:
    with session_scope() as session:
        row = session.scalar(
            select(TranscriptSpeaker).where(
                TranscriptSpeaker.transcript_id == uuid.UUID(tid), TranscriptSpeaker.label == label
            )
        )
        session.expunge(row)
        return row


def samples_of(tenant_id: str, name: str) -> tuple[str, list[tuple[str, str, bool]]]:
    """The voice's status and its samples: (transcript id, label, rejected)."""
    with session_scope() as session:
        vp = library.find_by_name(session, uuid.UUID(tenant_id), name)
        return vp.status, sorted(
            (str(s.transcript_id), s.speaker_label, s.rejected) for s in vp.samples
        )


def test_a_suggested_voice_is_confirmed_or_dismissed(browser, api_url, meeting):
    tenant_id, token, orion, earlier, ids = meeting
    page = open_transcript(browser, api_url, token)
    speakers = page.locator("ul.speakers > li")
    paul, zoe = speakers.nth(1), speakers.nth(2)
    expect(paul.locator(".badge")).to_have_text("suggested")
    expect(speakers.nth(0).get_by_role("button", name="Confirm")).to_have_count(0)

    paul.get_by_role("button", name="Confirm: Paul Meyer").click()
    expect(paul.locator(".speaker-name")).to_have_text("Paul Meyer")
    expect(paul.locator(".badge")).to_have_text("decided")
    expect(paul).to_contain_text("manual")
    expect(page.locator(".segment-speaker", has_text="Paul Meyer")).to_have_count(1)
    # The voice names people now, this speaker and the one it was learnt from.
    status, samples = samples_of(tenant_id, "Paul Meyer")
    assert status == "confirmed"
    assert samples == sorted([(earlier, "SPEAKER_01", False), (orion, "SPEAKER_01", False)])
    named = speaker_row(orion, "SPEAKER_01")
    assert (named.name, named.identity_source, str(named.voiceprint_id)) == (
        "Paul Meyer",
        "manual",
        ids["Paul Meyer"],
    )
    assert speaker_row(earlier, "SPEAKER_01").name == "Paul Meyer"

    zoe.get_by_role("button", name="Dismiss").click()
    expect(zoe.locator(".badge")).to_have_text("unknown")
    expect(zoe).to_contain_text("not Zoe Marsh (undone by hand)")
    expect(zoe.get_by_role("button", name="Confirm: Zoe Marsh")).to_have_count(0)
    # Zoe Marsh stays suggested, and knows this voice is not hers.
    status, samples = samples_of(tenant_id, "Zoe Marsh")
    assert status == "suggested"
    assert samples == sorted([(earlier, "SPEAKER_02", False), (orion, "SPEAKER_02", True)])
    assert "suggested" not in speaker_row(orion, "SPEAKER_02").identity_evidence

    page.reload()
    expect(page.locator("ul.speakers > li").nth(2).locator(".badge")).to_have_text("unknown")


def test_a_name_read_from_the_meeting_is_a_suggestion_until_confirmed(browser, api_url, meeting):
    tenant_id, token, *_ = meeting

    def proposal(name: str, source: str) -> dict:
        return {"suggested": {"name": name, "source": source, "confidence": 0.6}}

    speakers = {
        "SPEAKER_00": UNNAMED,
        "SPEAKER_01": (None, "unknown", 0.0, proposal("Ines Duval", "llm")),
        "SPEAKER_02": (None, "unknown", 0.0, proposal("Marc Roy", "rules")),
    }
    follow_up = add_transcript(tenant_id, "Orion follow-up", ORION, speakers, 20.0)
    give_voices(follow_up, {"SPEAKER_01": 40})
    page = sign_in(browser, api_url, token)
    page.get_by_role("link", name="Orion follow-up").click()
    ines = page.locator("ul.speakers > li").nth(1)
    expect(ines.locator(".speaker-name")).to_have_text("SPEAKER_01")  # no name shown
    expect(ines.locator(".badge")).to_have_text("suggested")
    expect(ines).to_contain_text("perhaps Ines Duval (read from the meeting by the LLM")

    ines.get_by_role("button", name="Confirm: Ines Duval").click()
    expect(ines.locator(".speaker-name")).to_have_text("Ines Duval")
    expect(ines.locator(".badge")).to_have_text("decided")
    named = speaker_row(follow_up, "SPEAKER_01")
    assert (named.name, named.identity_source) == ("Ines Duval", "manual")
    assert samples_of(tenant_id, "Ines Duval") == (
        "confirmed",
        [(follow_up, "SPEAKER_01", False)],
    )

    marc = page.locator("ul.speakers > li").nth(2)
    expect(marc).to_contain_text("perhaps Marc Roy (hinted at in the meeting, in no document")
    marc.get_by_role("button", name="Dismiss").click()
    expect(marc.locator(".badge")).to_have_text("unknown")
    expect(marc).to_contain_text("not Marc Roy (undone by hand)")
    assert speaker_row(follow_up, "SPEAKER_02").identity_evidence == {
        "unnamed": {"was": "Marc Roy", "by": "user"}
    }


def test_a_wrong_name_is_undone(browser, api_url, meeting):
    tenant_id, token, orion, earlier, _ = meeting
    page = open_transcript(browser, api_url, token)
    nora = page.locator("ul.speakers > li").first
    expect(nora.locator(".speaker-name")).to_have_text("Nora Lind")
    nora.get_by_role("button", name="Undo name").click()
    expect(nora.locator(".speaker-name")).to_have_text("SPEAKER_00")
    expect(nora.locator(".badge")).to_have_text("unknown")
    expect(nora).to_contain_text("not Nora Lind (undone by hand)")
    expect(nora.get_by_role("button", name="Undo name")).to_have_count(0)
    expect(page.locator(".segment-speaker").first).to_have_text("SPEAKER_00")
    assert speaker_row(orion, "SPEAKER_00").name is None
    # Nora Lind's voice is unchanged, and holds this one as a voice that is not hers.
    assert samples_of(tenant_id, "Nora Lind") == (
        "confirmed",
        sorted([(earlier, "SPEAKER_00", False), (orion, "SPEAKER_00", True)]),
    )


def index(tenant_id: str, tid: str) -> None:
    """Index the recording as the indexing stage does (the names a reader sees)."""
    info = q.TranscriptInfo(tid, tenant_id, TITLE, None, "en", datetime.now(UTC))
    shown = {"SPEAKER_00": "Nora Lind"}
    rows = [
        q.SegmentText(idx=i, start=s, end=e, text=clean, speaker=shown.get(label, label))
        for i, (label, s, e, _, clean) in enumerate(ORION)
    ]
    embedder, keywords, store = get_embedder(), q.get_keywords(), q.open_store()
    store.replace_transcript(q.SEGMENTS, tid, q.segment_points(embedder, keywords, info, rows))
    store.upsert(q.TRANSCRIPTS, [q.transcript_point(embedder, keywords, info, rows)])
    store.release()  # the API process takes the embedded store next


def test_a_segment_moves_to_another_speaker(browser, api_url, meeting):
    tenant_id, token, orion, _, _ = meeting
    index(tenant_id, orion)
    page = open_transcript(browser, api_url, token)
    speakers = page.locator("ul.speakers > li")
    expect(speakers.nth(0)).to_contain_text("spoke 0:05")
    row = page.locator('.segment[data-idx="1"]')
    expect(row.locator(".segment-speaker")).to_have_text("SPEAKER_01")

    row.get_by_role("button", name="change speaker of the segment at 0:05").click()
    picker = row.get_by_label("new speaker of the segment at 0:05")
    expect(picker.locator("option")).to_have_text(
        ["said by…", "Nora Lind (SPEAKER_00)", "SPEAKER_02"]
    )
    picker.select_option(label="Nora Lind (SPEAKER_00)")
    expect(row.locator(".segment-speaker")).to_have_text("Nora Lind")
    expect(picker).to_have_count(0)
    # Its 4 s went from SPEAKER_01's talk time to Nora's.
    expect(speakers.nth(0)).to_contain_text("spoke 0:09")
    expect(speakers.nth(1)).to_contain_text("spoke 0:01")

    with session_scope() as session:
        segment = session.scalar(
            select(Segment).where(Segment.transcript_id == uuid.UUID(orion), Segment.idx == 1)
        )
        moved = (segment.speaker, {w["speaker"] for w in segment.words})
    assert moved == ("SPEAKER_00", {"SPEAKER_00"})
    store = q.open_store()
    with store.lease():
        point = q.segment_point_id(orion, 1)
        assert store._payloads(q.SEGMENTS, [point])[point]["speaker"] == "Nora Lind"
    store.release()

    # Search sees it at once: said by Nora Lind.
    page.get_by_role("link", name="Search").click()
    page.get_by_label("Words or a question").fill("hire two engineers")
    page.get_by_label("Said by").fill("Nora Lind")
    page.get_by_role("button", name="Search").click()
    hit = page.locator("ol.hits > li").first
    expect(hit).to_contain_text("We hire two engineers.")
    expect(hit).to_contain_text("Nora Lind")


def segment_row(tid: str, idx: int) -> Segment:
    with session_scope() as session:
        row = session.scalar(
            select(Segment).where(Segment.transcript_id == uuid.UUID(tid), Segment.idx == idx)
        )
        session.expunge(row)
        return row


def point_of(tid: str, idx: int) -> dict:
    store = q.open_store()
    with store.lease():
        point = q.segment_point_id(tid, idx)
        found = store._payloads(q.SEGMENTS, [point])[point]
    store.release()
    return found


def test_a_segments_text_is_corrected(browser, api_url, meeting):
    tenant_id, token, orion, _, _ = meeting
    index(tenant_id, orion)
    page = open_transcript(browser, api_url, token)
    row = page.locator('.segment[data-idx="1"]')
    expect(row.locator(".segment-text")).to_have_text("We hire two engineers.")

    # From the keyboard: the button opens the editor, Escape leaves it unchanged.
    row.get_by_role("button", name="edit text of the segment at 0:05").focus()
    page.keyboard.press("Enter")
    editor = row.get_by_role("textbox", name="text of the segment at 0:05")
    expect(editor).to_have_value("We hire two engineers.")
    expect(editor).to_be_focused()
    editor.fill("We are hiring nobody.")
    page.keyboard.press("Escape")
    expect(editor).to_have_count(0)
    expect(row.locator(".segment-text")).to_have_text("We hire two engineers.")

    row.get_by_role("button", name="edit text of the segment at 0:05").click()
    editor.fill("   ")
    expect(row.get_by_role("button", name="Save text")).to_be_disabled()
    editor.fill("We hire two data engineers in Lyon.")
    row.get_by_role("button", name="Save text").click()
    expect(editor).to_have_count(0)
    expect(row.locator(".segment-text")).to_have_text("We hire two data engineers in Lyon.")
    expect(row.locator(".badge")).to_have_text("edited")

    saved = segment_row(orion, 1)
    assert (saved.text, saved.clean_text) == (
        "we hire two data engineers",
        "We hire two data engineers in Lyon.",
    )
    assert saved.edited_at is not None
    assert point_of(orion, 1)["text"] == "We hire two data engineers in Lyon."

    # The raw text is still there, word by word.
    page.get_by_label("Raw (word by word)").check()
    expect(row.locator(".word")).to_have_text(["we", "hire", "two", "data", "engineers"])


def test_a_speaker_is_merged_into_another(browser, api_url, meeting):
    tenant_id, token, orion, _, _ = meeting
    index(tenant_id, orion)
    page = open_transcript(browser, api_url, token)
    speakers = page.locator("ul.speakers > li")
    expect(speakers).to_have_count(3)
    paul = speakers.nth(1)

    paul.get_by_role("button", name="merge SPEAKER_01 into another speaker").click()
    paul.get_by_label("merge SPEAKER_01 into").select_option(label="Nora Lind (SPEAKER_00)")
    paul.get_by_role("button", name="Merge").click()
    expect(paul).to_contain_text("All of SPEAKER_01's words go to Nora Lind")
    # Asked first: nothing is merged yet.
    assert segment_row(orion, 1).speaker == "SPEAKER_01"
    paul.get_by_role("group", name="Merge").get_by_role("button", name="Merge").click()

    expect(speakers).to_have_count(2)
    expect(page.locator('.segment[data-idx="1"] .segment-speaker')).to_have_text("Nora Lind")
    expect(speakers.nth(0)).to_contain_text("spoke 0:10")
    with session_scope() as session:
        labels = session.scalars(
            select(TranscriptSpeaker.label).where(
                TranscriptSpeaker.transcript_id == uuid.UUID(orion)
            )
        ).all()
    assert sorted(labels) == ["SPEAKER_00", "SPEAKER_02"]
    assert segment_row(orion, 1).speaker == "SPEAKER_00"
    assert point_of(orion, 1)["speaker"] == "Nora Lind"


def test_the_first_words_of_a_segment_move_to_another_speaker(browser, api_url, meeting):
    tenant_id, token, orion, _, _ = meeting
    page = open_transcript(browser, api_url, token)
    page.get_by_label("Raw (word by word)").check()
    row = page.locator('.segment[data-idx="1"]')
    row.locator(".word", has_text="two").click()
    row.get_by_role("button", name="move words from “two” in the segment at 0:05").click()
    form = row.get_by_role("form", name="move words of the segment at 0:05")
    expect(form.get_by_label("from the word")).to_have_value("2")
    form.get_by_label("to which end").select_option("start")
    form.get_by_label("said by").select_option(label="Nora Lind (SPEAKER_00)")
    form.get_by_role("button", name="Move words").click()

    expect(page.locator(".segment")).to_have_count(4)
    expect(row.locator(".segment-speaker")).to_have_text("Nora Lind")
    expect(row.locator(".word")).to_have_text(["we", "hire", "two"])
    after = page.locator('.segment[data-idx="2"]')
    expect(after.locator(".segment-speaker")).to_have_text("SPEAKER_01")
    expect(after.locator(".word")).to_have_text(["data", "engineers"])
    assert [(segment_row(orion, i).speaker, segment_row(orion, i).text) for i in (1, 2, 3)] == [
        ("SPEAKER_00", "we hire two"),
        ("SPEAKER_01", "data engineers"),
        ("SPEAKER_02", "the migration is in June"),
    ]
