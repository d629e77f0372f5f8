"""What a finished recording teaches the library: strong names enrol, weaker ones only
suggest, and a suggestion that the meeting then names strongly is confirmed."""

import uuid

import numpy as np
from sqlalchemy import select

from st_resources.db.models import Transcript, TranscriptSpeaker
from st_resources.db.session import session_scope
from st_resources.naming import voiceprints as library
from st_resources.naming.enrol import learn_voices
from st_resources.settings import get_settings

MODEL = "resemblyzer-test"


def unit(seed: int) -> list[float]:
    v = np.random.default_rng(seed).normal(size=256)
    return (v / np.linalg.norm(v)).tolist()


def named(tid, label, seed, name, source, confidence, evidence=None):
    return TranscriptSpeaker(
        transcript_id=tid,
        label=label,
        talk_time_s=30.0,
        turns=3,
        embedding=unit(seed),
        embedding_seconds=25.0,
        embedding_model=MODEL,
        name=name,
        identity_source=source,
        identity_confidence=confidence,
        identity_evidence=evidence or {},
    )


def learn(tid):
    with session_scope() as session:
        return learn_voices(session, session.get(Transcript, tid), get_settings())


def statuses(tenant_id) -> dict[str, tuple[str, int]]:
    with session_scope() as session:
        return {
            v.name: (v.status, v.sample_count) for v in library.list_for_tenant(session, tenant_id)
        }


def test_strong_names_enrol_weaker_ones_suggest_conflicts_teach_nothing(tenant, recording):
    tenant_id, _ = tenant
    s = get_settings()
    tid = recording(b"x")
    conflict = {"conflict": {"voiceprint": "Zoé", "why": "said to be Ana"}}
    with session_scope() as session:
        session.add_all(
            [
                named(tid, "S0", 1, "Ana", "rag", s.naming_autosave_confidence),
                named(tid, "S1", 2, "Ben", "rag", s.naming_autosave_confidence - 0.1),
                named(tid, "S2", 3, "Cleo", "llm", 0.9),
                named(tid, "S3", 4, "Dan", "rag", 0.95, conflict),
                # Strong, but the documents name others and not him: misheard, or a guest.
                named(tid, "S4", 9, "Thomas", "rag", 0.9, {"listed": False}),
                named(tid, "S5", 10, "Fay Moss", "rag", 0.9, {"listed": True}),
                # Strong, but only others called him so ("Thanks, Jamie."): the name went
                # to whoever the diarizer says spoke before the thanks.
                named(tid, "S6", 11, "Jamie Foster", "rag", 0.9, {"own_words": False}),
                named(tid, "S7", 12, "Gwen Hart", "rag", 0.9, {"own_words": True}),
            ]
        )
    learnt = learn(tid)
    assert (learnt.enrolled, learnt.suggested, learnt.updated) == (3, 4, 0)
    assert statuses(tenant_id) == {
        "Ana": ("confirmed", 1),
        "Ben": ("suggested", 1),
        "Cleo": ("suggested", 1),
        "Thomas": ("suggested", 1),
        "Fay Moss": ("confirmed", 1),
        "Jamie Foster": ("suggested", 1),
        "Gwen Hart": ("confirmed", 1),
    }
    assert learn(tid) == learnt.__class__(0, 0, 0)  # the same recording teaches once


def test_a_suggestion_the_next_meeting_names_strongly_is_confirmed(tenant, recording):
    tenant_id, _ = tenant
    s = get_settings()
    first, second = recording(b"x"), recording(b"y")
    with session_scope() as session:
        session.add(named(first, "S0", 5, "Eva", "llm", 0.7))
    learn(first)
    (eva,) = [v for v in statuses(tenant_id).items()]
    assert eva == ("Eva", ("suggested", 1))
    with session_scope() as session:
        vp = library.find_by_name(session, tenant_id, "Eva")
        suggestion = {"suggested": {"voiceprint": "Eva", "voiceprint_id": str(vp.id)}}
        session.add(named(second, "S0", 5, "Eva", "rag", s.naming_autosave_confidence, suggestion))
    assert learn(second).enrolled == 1
    assert statuses(tenant_id) == {"Eva": ("confirmed", 2)}


def test_a_voice_the_meeting_says_is_someone_else_becomes_a_hard_negative(tenant, recording):
    """Two alike voices: the first enrolled; the second's voice matched it, but she said
    her own name. She is not enrolled (a conflict), and the first voiceprint keeps her
    voice as one that is not its person, so it cannot name her later on its own."""
    tenant_id, _ = tenant
    s = get_settings()
    first, second = recording(b"x"), recording(b"y")
    with session_scope() as session:
        session.add(named(first, "S0", 6, "Rosa", "rag", s.naming_autosave_confidence))
    learn(first)
    said = {"voiceprint": "Rosa", "why": "said to be Maud", "not_them": True}
    unlisted = {"voiceprint": "Rosa", "why": "not on this meeting's attendee list"}
    with session_scope() as session:
        session.add(named(second, "S0", 7, "Maud", "rag", 0.75, {"conflict": said}))
        session.add(named(second, "S1", 8, None, "unknown", 0.0, {"conflict": unlisted}))
    learnt = learn(second)
    assert (learnt.enrolled, learnt.negatives) == (0, 1)
    assert learn(second).negatives == 0  # once per speaker
    with session_scope() as session:
        (rosa,) = library.list_for_tenant(session, tenant_id)
        negatives = [x for x in rosa.samples if x.rejected]
        assert [(x.speaker_label, x.origin) for x in negatives] == [("S0", "conflict")]
        assert rosa.sample_count == 1 and np.allclose(rosa.embedding, unit(6))  # unmoved
        maud = np.array(unit(7))
        (match,) = library.similarities([rosa], (maud + 0.01 * np.array(unit(6))).tolist(), MODEL)
    assert match.closest_negative is not None and match.closest_negative > match.similarity
    with session_scope() as session:  # a person says she is Rosa after all: that stands
        speaker = session.scalars(
            select(TranscriptSpeaker).where(
                TranscriptSpeaker.transcript_id == second, TranscriptSpeaker.label == "S0"
            )
        ).one()
        library.name_speaker(session, tenant_id, speaker, "Rosa", enrol_voice=True)
    with session_scope() as session:
        (rosa,) = library.list_for_tenant(session, tenant_id)
        assert [x.rejected for x in rosa.samples] == [False, False]
        assert rosa.sample_count == 2


def test_the_diarizer_is_given_confirmed_voices_of_one_model(tenant, recording):
    tenant_id, _ = tenant
    s = get_settings()
    tid = recording(b"x")
    with session_scope() as session:
        session.add_all(
            [
                named(tid, "S0", 9, "Ana", "rag", s.naming_autosave_confidence),
                named(tid, "S1", 10, "Ben", "rag", s.naming_autosave_confidence),
                named(tid, "S2", 11, "Cleo", "llm", 0.9),  # suggested: maybe someone else
            ]
        )
    learn(tid)
    with session_scope() as session:
        library.enrol(session, tenant_id, "Dan", unit(12), "other-model", 20.0, tid)
        session.flush()
        model, vectors = library.known_voices(session, tenant_id, most=10)
        assert model == MODEL
        assert len(vectors) == 2  # Ana and Ben: not the suggested Cleo, not Dan's model
        assert max(np.dot(v, unit(9)) for v in vectors) > 0.9999
        assert len(library.known_voices(session, tenant_id, most=1)[1]) == 1
        assert library.known_voices(session, uuid.uuid4(), most=10) is None


def test_the_voices_heard_beside_a_learnt_one_become_its_hard_negatives(tenant, recording):
    """Blind meeting set 24: a night porter enrolled from a breakfast meeting later named,
    by an alike voice (s-norm 1.86), the guest who had spoken beside him in it. The
    diarizer had told those two apart: the guest's voice is one that is not the porter."""
    tenant_id, _ = tenant
    s = get_settings()
    first = recording(b"x")
    short = named(first, "S2", 13, None, "unknown", 0.0)
    short.embedding_seconds = 3.0  # too short to be sure it is not a split of his voice
    with session_scope() as session:
        session.add_all(
            [
                named(first, "S0", 11, "Stuart Hale", "rag", s.naming_autosave_confidence),
                named(first, "S1", 12, None, "unknown", 0.0),
                short,
            ]
        )
    learnt = learn(first)
    assert (learnt.enrolled, learnt.negatives) == (1, 1)
    with session_scope() as session:
        (stuart,) = library.list_for_tenant(session, tenant_id)
        assert [(x.speaker_label, x.origin) for x in stuart.samples if x.rejected] == [
            ("S1", "co_speaker")
        ]
        assert stuart.sample_count == 1 and np.allclose(stuart.embedding, unit(11))
        # The guest again, in a later meeting, a little towards the porter's voice.
        guest = (np.array(unit(12)) + 0.3 * np.array(unit(11))).tolist()
        (match,) = library.similarities([stuart], guest, MODEL)
    assert match.closest_negative is not None and match.closest_negative > match.similarity
