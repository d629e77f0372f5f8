"""The voiceprint library over HTTP: enrol from a speaker, name, rename, merge, delete,
where each voice was heard, a wrong name or suggestion undone, always within the
caller's tenant."""

import json
import uuid

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.main import create_app
from st_resources.clients.streams import get_redis
from st_resources.db.models import Segment, TranscriptSpeaker, Voiceprint
from st_resources.db.session import session_scope
from st_resources.naming import voiceprints as library
from st_resources.settings import get_settings

MODEL = "resemblyzer-test"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


def unit(seed: int) -> list[float]:
    v = np.random.default_rng(seed).normal(size=256)
    return (v / np.linalg.norm(v)).tolist()


@pytest.fixture
def meeting(tenant, recording):
    """A transcript with two embedded speakers and one too brief to embed."""
    tid = recording(b"not decoded here")
    with session_scope() as session:
        for i, label in enumerate(["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"]):
            session.add(
                TranscriptSpeaker(
                    transcript_id=tid,
                    label=label,
                    talk_time_s=30.0,
                    turns=3,
                    embedding=None if i == 2 else unit(i),
                    embedding_seconds=0.0 if i == 2 else 25.0,
                    embedding_model=None if i == 2 else MODEL,
                )
            )
            session.add(
                Segment(transcript_id=tid, idx=i, start_s=i, end_s=i + 1, text="x", speaker=label)
            )
    return tid


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def _last_reindex() -> str | None:
    """The recording the newest workflow event asks to re-index, if it is one."""
    ((_, fields),) = get_redis().xrevrange(get_settings().workflow_stream, count=1)
    if fields["type"] != "transcript.speakers_renamed":
        return None
    return json.loads(fields["data"])["transcript_id"]


def test_enrol_rename_merge_delete(client, tenant, meeting):
    _, token = tenant
    resp = client.post(
        "/api/voiceprints",
        headers=auth(token),
        json={"transcript_id": str(meeting), "speaker": "SPEAKER_00", "name": " Marie  Dupont "},
    )
    assert resp.status_code == 201, resp.text
    marie = resp.json()
    assert marie["name"] == "Marie Dupont" and marie["sample_count"] == 1
    assert marie["source_transcripts"] == [str(meeting)]

    detail = client.get(f"/api/transcripts/{meeting}", headers=auth(token)).json()
    speaker = next(s for s in detail["speakers"] if s["label"] == "SPEAKER_00")
    assert (speaker["name"], speaker["source"], speaker["voiceprint_id"]) == (
        "Marie Dupont",
        "manual",
        marie["id"],
    )
    assert detail["segments"][0]["speaker_name"] == "Marie Dupont"

    # Naming the other speaker by hand enrols a second voice.
    resp = client.put(
        f"/api/transcripts/{meeting}/speakers/SPEAKER_01",
        headers=auth(token),
        json={"name": "Paul"},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["source"] == "manual"
    prints = client.get("/api/voiceprints", headers=auth(token)).json()
    assert [p["name"] for p in prints] == ["Marie Dupont", "Paul"]
    paul = prints[1]

    conflict = client.patch(
        f"/api/voiceprints/{paul['id']}", headers=auth(token), json={"name": "marie dupont"}
    )
    assert conflict.status_code == 409
    renamed = client.patch(
        f"/api/voiceprints/{paul['id']}", headers=auth(token), json={"name": "Paul Martin"}
    )
    assert renamed.status_code == 200 and renamed.json()["name"] == "Paul Martin"
    assert _last_reindex() == str(meeting)  # search must show the new name
    detail = client.get(f"/api/transcripts/{meeting}", headers=auth(token)).json()
    assert {s["label"]: s["name"] for s in detail["speakers"]}["SPEAKER_01"] == "Paul Martin"

    merged = client.post(
        f"/api/voiceprints/{marie['id']}/merge", headers=auth(token), json={"other_id": paul["id"]}
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["sample_count"] == 2
    assert _last_reindex() == str(meeting)
    assert [p["id"] for p in client.get("/api/voiceprints", headers=auth(token)).json()] == [
        marie["id"]
    ]
    detail = client.get(f"/api/transcripts/{meeting}", headers=auth(token)).json()
    assert {s["name"] for s in detail["speakers"] if s["name"]} == {"Marie Dupont"}

    assert client.delete(f"/api/voiceprints/{marie['id']}", headers=auth(token)).status_code == 204
    assert client.get("/api/voiceprints", headers=auth(token)).json() == []
    detail = client.get(f"/api/transcripts/{meeting}", headers=auth(token)).json()
    assert all(s["voiceprint_id"] is None for s in detail["speakers"])


def test_naming_a_speaker_asks_for_a_reindex(client, tenant, meeting):
    _, token = tenant
    r = get_redis()
    before = r.xrevrange(get_settings().workflow_stream, count=1)
    resp = client.put(
        f"/api/transcripts/{meeting}/speakers/SPEAKER_02",
        headers=auth(token),
        json={"name": "Zoé", "enrol": True},
    )
    assert resp.status_code == 200
    assert resp.json()["voiceprint_id"] is None  # no embedding: named, not enrolled
    last = r.xrevrange(get_settings().workflow_stream, count=1)
    assert last != before and last[0][1]["type"] == "transcript.speakers_renamed"
    assert str(meeting) in last[0][1]["data"]


def test_bad_requests_and_other_tenants(client, tenant, meeting):
    _, token = tenant
    with session_scope() as session:
        from st_resources.db.tenants import create_tenant

        _, other_token = create_tenant(session, f"other-{uuid.uuid4().hex[:8]}")
    enrol = {"transcript_id": str(meeting), "speaker": "SPEAKER_00", "name": "Marie"}
    assert client.post("/api/voiceprints", json=enrol).status_code == 401
    assert client.post("/api/voiceprints", headers=auth(other_token), json=enrol).status_code == 404
    too_brief = {**enrol, "speaker": "SPEAKER_02"}
    resp = client.post("/api/voiceprints", headers=auth(token), json=too_brief)
    assert resp.status_code == 422 and "too little" in resp.json()["detail"]
    missing = {**enrol, "speaker": "SPEAKER_09"}
    assert client.post("/api/voiceprints", headers=auth(token), json=missing).status_code == 404
    blank = client.put(
        f"/api/transcripts/{meeting}/speakers/SPEAKER_00", headers=auth(token), json={"name": ""}
    )
    assert blank.status_code == 422

    vp = client.post("/api/voiceprints", headers=auth(token), json=enrol).json()
    for method, path, body in [
        ("patch", f"/api/voiceprints/{vp['id']}", {"name": "x"}),
        ("post", f"/api/voiceprints/{vp['id']}/merge", {"other_id": vp["id"]}),
        ("delete", f"/api/voiceprints/{vp['id']}", None),
        ("put", f"/api/transcripts/{meeting}/speakers/SPEAKER_00", {"name": "x"}),
    ]:
        kwargs = {"json": body} if body is not None else {}
        resp = client.request(method, path, headers=auth(other_token), **kwargs)
        assert resp.status_code == 404, (method, path, resp.text)
    assert client.get("/api/voiceprints", headers=auth(other_token)).json() == []
    self_merge = client.post(
        f"/api/voiceprints/{vp['id']}/merge", headers=auth(token), json={"other_id": vp["id"]}
    )
    assert self_merge.status_code == 422


def test_a_voiceprint_is_the_mean_of_its_kept_samples(tenant, recording):
    tenant_id, _ = tenant
    meetings = [recording(b"x") for _ in range(4)]
    with session_scope() as session:
        a, b = np.array(unit(10)), np.array(unit(11))
        vp = library.enrol(session, tenant_id, "Ana", a.tolist(), MODEL, 10.0, meetings[0])
        for tid in meetings[1:3]:
            assert library.add_sample(vp, a.tolist(), 10.0, tid, "SPEAKER_00")
        assert library.add_sample(vp, b.tolist(), 10.0, meetings[3], "SPEAKER_01")
        expected = (3 * a + b) / np.linalg.norm(3 * a + b)
        assert np.allclose(vp.embedding, expected)
        assert vp.sample_count == 4 and vp.source_transcripts == [str(t) for t in meetings]
        # The same recording again does not count twice.
        assert not library.add_sample(vp, b.tolist(), 10.0, meetings[3], "SPEAKER_01")
        again = library.enrol(session, tenant_id, "ana", b.tolist(), MODEL, 10.0, meetings[3])
        assert again.id == vp.id and again.sample_count == 4
        with pytest.raises(ValueError, match="made with"):
            library.enrol(session, tenant_id, "Ana", a.tolist(), "other-model", 1.0, None)
        # Taking the wrong recording out gives back the voice without it, and keeps it as
        # a voice that is not Ana.
        wrong = next(s for s in vp.samples if s.transcript_id == meetings[3])
        assert library.reject_sample(session, vp, wrong)
        assert np.allclose(vp.embedding, a) and vp.sample_count == 3
        assert str(meetings[3]) not in vp.source_transcripts
        (match,) = library.similarities([vp], b.tolist(), MODEL)
        assert match.closest_negative == pytest.approx(1.0)
        # Re-running that recording does not teach the rejected voice again.
        assert not library.add_sample(vp, b.tolist(), 10.0, meetings[3], "SPEAKER_01")
        assert session.query(Voiceprint).filter_by(tenant_id=tenant_id).count() == 1


def test_correcting_a_misheard_auto_saved_name_keeps_one_voiceprint(
    client, tenant, meeting, recording
):
    tenant_id, token = tenant
    with session_scope() as session:
        speakers = {
            s.label: s
            for s in session.query(TranscriptSpeaker).filter_by(transcript_id=meeting).all()
        }
        for label, heard in (("SPEAKER_00", "Ludo Mono"), ("SPEAKER_01", "Marie")):
            sp = speakers[label]
            vp = library.enrol(
                session, tenant_id, heard, sp.embedding, MODEL, 20.0, sp.transcript_id
            )
            sp.name, sp.identity_source, sp.voiceprint_id = heard, "rag", vp.id
        # Paul Girard's voice is already known from another meeting.
        other = recording(b"x")
        library.enrol(session, tenant_id, "Paul Girard", unit(7), MODEL, 30.0, other)

    fixed = client.put(
        f"/api/transcripts/{meeting}/speakers/SPEAKER_00",
        headers=auth(token),
        json={"name": "Hugo Moreau"},
    )
    assert fixed.status_code == 200, fixed.text
    merged = client.put(
        f"/api/transcripts/{meeting}/speakers/SPEAKER_01",
        headers=auth(token),
        json={"name": "Paul Girard"},
    )
    assert merged.status_code == 200, merged.text
    prints = {p["name"]: p for p in client.get("/api/voiceprints", headers=auth(token)).json()}
    assert set(prints) == {"Hugo Moreau", "Paul Girard"}  # no "Ludo Mono", no "Marie"
    assert prints["Hugo Moreau"]["id"] == fixed.json()["voiceprint_id"]
    assert prints["Paul Girard"]["sample_count"] == 2
    assert merged.json()["voiceprint_id"] == prints["Paul Girard"]["id"]


def test_each_speaker_says_whether_its_name_was_decided_or_conflicted(client, tenant, meeting):
    _, token = tenant
    conflict = {"voiceprint": "Marie Dupont", "similarity": 0.95, "why": "said to be Chloé"}
    with session_scope() as session:
        for sp in session.scalars(
            select(TranscriptSpeaker).where(TranscriptSpeaker.transcript_id == meeting)
        ):
            if sp.label == "SPEAKER_00":
                sp.name, sp.identity_source, sp.identity_evidence = "Chloé", "rag", {}
            elif sp.label == "SPEAKER_01":
                sp.name, sp.identity_source = "Chloé Bernard", "rag"
                sp.identity_evidence = {"conflict": conflict}
    detail = client.get(f"/api/transcripts/{meeting}", headers=auth(token)).json()
    status = {s["label"]: s["status"] for s in detail["speakers"]}
    assert status == {"SPEAKER_00": "decided", "SPEAKER_01": "conflicted", "SPEAKER_02": "unknown"}


def test_a_wrong_voice_match_undone_by_hand_leaves_the_voice_clean(client, tenant, meeting):
    """SPEAKER_00 was named Marie by her voiceprint, wrongly: naming it Chloé takes that
    voice out of Marie's matches for good, and Marie's voice is unchanged."""
    tenant_id, token = tenant
    with session_scope() as session:
        sp = session.scalar(
            select(TranscriptSpeaker).where(
                TranscriptSpeaker.transcript_id == meeting, TranscriptSpeaker.label == "SPEAKER_00"
            )
        )
        marie = library.enrol(session, tenant_id, "Marie", sp.embedding, MODEL, 20.0, None)
        before = list(marie.embedding)
        sp.name, sp.identity_source, sp.voiceprint_id = "Marie", "voiceprint", marie.id
        heard = list(sp.embedding)
    resp = client.put(
        f"/api/transcripts/{meeting}/speakers/SPEAKER_00",
        headers=auth(token),
        json={"name": "Chloé"},
    )
    assert resp.status_code == 200, resp.text
    prints = {p["name"]: p for p in client.get("/api/voiceprints", headers=auth(token)).json()}
    assert set(prints) == {"Marie", "Chloé"} and prints["Marie"]["sample_count"] == 1
    samples = client.get(f"/api/voiceprints/{prints['Marie']['id']}/samples", headers=auth(token))
    rejected = [s for s in samples.json() if s["rejected"]]
    assert [(s["speaker_label"], s["transcript_id"]) for s in rejected] == [
        ("SPEAKER_00", str(meeting))
    ]
    with session_scope() as session:
        rows = library.list_for_tenant(session, tenant_id)
        assert next(v for v in rows if v.name == "Marie").embedding == before
        (best, *_) = [m for m in library.similarities(rows, heard, MODEL) if m.name == "Marie"]
        assert best.closest_negative >= best.similarity  # never matched to Marie again


def test_a_suggested_voiceprint_names_no_one_until_confirmed(client, tenant, meeting):
    tenant_id, token = tenant
    with session_scope() as session:
        sp = session.scalar(
            select(TranscriptSpeaker).where(
                TranscriptSpeaker.transcript_id == meeting, TranscriptSpeaker.label == "SPEAKER_01"
            )
        )
        vp = library.enrol(
            session,
            tenant_id,
            "Omar",
            sp.embedding,
            MODEL,
            20.0,
            meeting,
            "SPEAKER_01",
            status="suggested",
        )
        vp_id = str(vp.id)
    suggested = client.get("/api/voiceprints?status=suggested", headers=auth(token)).json()
    assert [(p["name"], p["status"]) for p in suggested] == [("Omar", "suggested")]
    assert client.get("/api/voiceprints?status=confirmed", headers=auth(token)).json() == []
    assert client.get("/api/voiceprints?status=maybe", headers=auth(token)).status_code == 422

    resp = client.post(f"/api/voiceprints/{vp_id}/confirm", headers=auth(token))
    assert resp.status_code == 200 and resp.json()["status"] == "confirmed"
    detail = client.get(f"/api/transcripts/{meeting}", headers=auth(token)).json()
    speaker = next(s for s in detail["speakers"] if s["label"] == "SPEAKER_01")
    assert (speaker["name"], speaker["source"], speaker["status"]) == ("Omar", "manual", "decided")

    (sample,) = client.get(f"/api/voiceprints/{vp_id}/samples", headers=auth(token)).json()
    assert sample["confirmed"] and sample["origin"] == "auto"
    gone = client.delete(f"/api/voiceprints/{vp_id}/samples/{sample['id']}", headers=auth(token))
    assert gone.status_code == 204  # its only sample: the voiceprint goes with it
    assert client.get("/api/voiceprints", headers=auth(token)).json() == []
    missing = client.delete(f"/api/voiceprints/{vp_id}/samples/{sample['id']}", headers=auth(token))
    assert missing.status_code == 404


def test_samples_and_confirmation_stay_within_the_tenant(client, tenant, meeting):
    tenant_id, token = tenant
    with session_scope() as session:
        from st_resources.db.tenants import create_tenant

        _, other_token = create_tenant(session, f"other-{uuid.uuid4().hex[:8]}")
        vp = library.enrol(session, tenant_id, "Iris", unit(3), MODEL, 20.0, meeting)
        vp_id, sample_id = str(vp.id), str(vp.samples[0].id)
    other = auth(other_token)
    assert client.get(f"/api/voiceprints/{vp_id}/samples", headers=other).status_code == 404
    assert client.post(f"/api/voiceprints/{vp_id}/confirm", headers=other).status_code == 404
    url = f"/api/voiceprints/{vp_id}/samples/{sample_id}"
    assert client.delete(url, headers=other).status_code == 404
    assert client.get(f"/api/voiceprints/{vp_id}/samples").status_code == 401
    assert len(client.get(f"/api/voiceprints/{vp_id}/samples", headers=auth(token)).json()) == 1


def test_samples_say_where_the_voice_is_heard(client, tenant, meeting):
    tenant_id, token = tenant
    with session_scope() as session:
        sp = session.scalar(
            select(TranscriptSpeaker).where(
                TranscriptSpeaker.transcript_id == meeting, TranscriptSpeaker.label == "SPEAKER_01"
            )
        )
        vp = library.enrol(
            session, tenant_id, "Iris", sp.embedding, MODEL, 20.0, meeting, "SPEAKER_01"
        )
        library.add_sample(vp, unit(5), 10.0, None, None, origin="legacy")
        vp_id = str(vp.id)
    samples = client.get(f"/api/voiceprints/{vp_id}/samples", headers=auth(token)).json()
    heard = {(s["transcript_id"], s["transcript_title"], s["first_spoken_s"]) for s in samples}
    assert heard == {(str(meeting), "t", 1.0), (None, None, None)}


def _speaker_row(session, tid, label) -> TranscriptSpeaker:
    return session.scalar(
        select(TranscriptSpeaker).where(
            TranscriptSpeaker.transcript_id == tid, TranscriptSpeaker.label == label
        )
    )


def test_undoing_a_name_or_a_suggestion_teaches_the_voice_nothing(
    client, tenant, meeting, recording
):
    tenant_id, token = tenant
    other = recording(b"x")
    with session_scope() as session:
        # Marie's voice is known from another meeting and named SPEAKER_01 here, wrongly;
        # Omar's, suggested, sounds like SPEAKER_00.
        marie = library.enrol(session, tenant_id, "Marie", unit(1), MODEL, 30.0, other)
        omar = library.enrol(
            session,
            tenant_id,
            "Omar",
            unit(0),
            MODEL,
            30.0,
            other,
            "SPEAKER_04",
            status="suggested",
        )
        sp = _speaker_row(session, meeting, "SPEAKER_01")
        sp.name, sp.identity_source, sp.voiceprint_id = "Marie", "voiceprint", marie.id
        sp = _speaker_row(session, meeting, "SPEAKER_00")
        sp.identity_evidence = {"suggested": {"voiceprint": "Omar", "voiceprint_id": str(omar.id)}}
        marie_id, omar_id, marie_voice = str(marie.id), str(omar.id), list(marie.embedding)
    r = get_redis()
    url = f"/api/transcripts/{meeting}/speakers/{{}}/identity"

    before = r.xrevrange(get_settings().workflow_stream, count=1)
    resp = client.delete(url.format("SPEAKER_00"), headers=auth(token))
    assert resp.status_code == 200, resp.text
    dismissed = resp.json()
    assert (dismissed["name"], dismissed["status"]) == (None, "unknown")
    assert dismissed["evidence"] == {"unnamed": {"was": "Omar", "by": "user"}}
    assert r.xrevrange(get_settings().workflow_stream, count=1) == before  # no name changed

    resp = client.delete(url.format("SPEAKER_01"), headers=auth(token))
    assert resp.status_code == 200, resp.text
    undone = resp.json()
    assert (undone["name"], undone["source"], undone["status"], undone["voiceprint_id"]) == (
        None,
        "unknown",
        "unknown",
        None,
    )
    # the voiceprint's name, judged wrong by a person: what the metrics count
    assert undone["evidence"]["review"] == {"name": "Marie", "source": "voiceprint", "kept": False}
    assert _last_reindex() == str(meeting)  # search stops showing "Marie" there
    detail = client.get(f"/api/transcripts/{meeting}", headers=auth(token)).json()
    assert detail["segments"][1]["speaker_name"] is None

    # Both voices kept theirs, and now each holds the voice it was wrong about as one
    # that is not its person.
    prints = {p["name"]: p for p in client.get("/api/voiceprints", headers=auth(token)).json()}
    assert {n: p["sample_count"] for n, p in prints.items()} == {"Marie": 1, "Omar": 1}
    for vp_id, label in ((marie_id, "SPEAKER_01"), (omar_id, "SPEAKER_00")):
        samples = client.get(f"/api/voiceprints/{vp_id}/samples", headers=auth(token)).json()
        rejected = [(s["transcript_id"], s["speaker_label"]) for s in samples if s["rejected"]]
        assert rejected == [(str(meeting), label)]
    with session_scope() as session:
        rows = library.list_for_tenant(session, tenant_id)
        assert next(v for v in rows if v.name == "Marie").embedding == marie_voice
        (match,) = [m for m in library.similarities(rows, unit(1), MODEL) if m.name == "Marie"]
        assert match.closest_negative is not None

    # A name given by hand and undone: the voice it enrolled goes with it.
    named = client.put(
        f"/api/transcripts/{meeting}/speakers/SPEAKER_00", headers=auth(token), json={"name": "Zoé"}
    )
    assert named.status_code == 200 and named.json()["voiceprint_id"]
    assert client.delete(url.format("SPEAKER_00"), headers=auth(token)).status_code == 200
    names = [p["name"] for p in client.get("/api/voiceprints", headers=auth(token)).json()]
    assert names == ["Marie", "Omar"]

    with session_scope() as session:
        from st_resources.db.tenants import create_tenant

        _, other_token = create_tenant(session, f"other-{uuid.uuid4().hex[:8]}")
    assert client.delete(url.format("SPEAKER_01"), headers=auth(other_token)).status_code == 404
    assert client.delete(url.format("SPEAKER_09"), headers=auth(token)).status_code == 404
    assert client.delete(url.format("SPEAKER_01")).status_code == 401
