"""Naming every speaker through the real pipeline (gpu_service, PostgreSQL, Dagster):
names from a PDF agenda, a DOCX attendee list and the transcript; the same voices named by
voiceprint in the next meeting; and the LLM down → completed_degraded, nothing lost."""

import hashlib
import io
import uuid

import pytest
from dagster import DagsterInstance, materialize

from st_assets.jobs import recording_assets
from st_resources.clients.storage import recording_prefix, store_from_settings
from st_resources.db.models import ContextDocument
from st_resources.db.session import session_scope
from st_resources.naming import voiceprints as library
from st_resources.settings import get_settings
from st_resources.transcripts import store as transcripts
from st_resources.transcripts.cleanup import needs_llm
from tests.speech import synthesize_dialogue

pytestmark = pytest.mark.e2e

# espeak voices whose names whisper-base hears (it garbles "Claire Fontaine" or "Nadia").
MARIE, PAUL, SOPHIE = "fr+steph", "fr+m1", "fr+iven3"
MEETING_ONE = [
    (MARIE, "Bonjour à tous. Je suis Marie Dupont."),
    (MARIE, "Paul, tu peux nous présenter les chiffres du trimestre ?"),
    (PAUL, "Oui bien sûr, les ventes ont progressé de douze pour cent depuis janvier."),
    (PAUL, "Les dépenses de marketing restent stables et le budget est tenu."),
    (SOPHIE, "J'ajoute que le recrutement de deux ingénieurs est prévu au printemps."),
    (MARIE, "Merci Sophie, c'est noté pour le prochain comité de direction."),
    (PAUL, "Je prépare le rapport détaillé pour la semaine prochaine."),
    (SOPHIE, "Parfait, j'enverrai les fiches de poste demain matin à toute l'équipe."),
]
# No name is said: only the voices can tell who speaks.
MEETING_TWO = [
    (PAUL, "Le chiffre d'affaires du mois dernier dépasse nettement nos prévisions."),
    (MARIE, "Très bien, il faudra le présenter au conseil d'administration."),
    (PAUL, "Je m'en occupe et je vous envoie la présentation jeudi après-midi."),
    (MARIE, "Nous ferons le point lundi prochain pendant la réunion d'équipe."),
]


def pdf_agenda() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in [
        "Réunion budgétaire - ordre du jour",
        "Animation : Marie Dupont",
        "1. Chiffres du trimestre (Paul Girard)",
        "2. Recrutements du printemps",
    ]:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def docx_attendees() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Liste des participants")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Nom", "Fonction"
    for name, role in [
        ("Marie Dupont", "directrice"),
        ("Paul Girard", "finances"),
        ("Sophie Benali", "ressources humaines"),
    ]:
        row = table.add_row()
        row.cells[0].text, row.cells[1].text = name, role
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def attach(tid: uuid.UUID, tenant_id: uuid.UUID, filename: str, data: bytes) -> None:
    key = recording_prefix(str(tenant_id), str(tid)) + f"context/{filename}"
    store_from_settings().put_bytes(key, data)
    with session_scope() as session:
        session.add(
            ContextDocument(
                transcript_id=tid,
                tenant_id=tenant_id,
                filename=filename,
                object_key=key,
                size_bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )


def run_pipeline(tid: uuid.UUID, resources: dict) -> None:
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions("recordings", [str(tid)])
        result = materialize(
            recording_assets, partition_key=str(tid), instance=instance, resources=resources
        )
        assert result.success


def speakers_by_voice(tid: uuid.UUID, reference) -> dict[str, tuple]:
    """Reference voice → (name, source, confidence) of the diarized speaker who talks most
    during that voice's turns."""
    with session_scope() as session:
        row = transcripts.get(session, tid)
        ids = {s.label: (s.name, s.identity_source, s.identity_confidence) for s in row.speakers}
        segs = [(s.start_s, s.end_s, s.speaker) for s in row.segments]
    out = {}
    for voice in {v for _, _, v in reference}:
        talk: dict[str, float] = {}
        for start, end, label in segs:
            for rs, re_, rv in reference:
                if rv == voice and label:
                    talk[label] = talk.get(label, 0.0) + max(0.0, min(end, re_) - max(start, rs))
        out[voice] = ids[max(talk, key=talk.get)]
    return out


def suggested(speaker, first_name: str) -> bool:
    """Whether the rules suggested this person for the speaker, to be confirmed."""
    proposal = (speaker.identity_evidence or {}).get("suggested") or {}
    return (proposal.get("name") or "").startswith(first_name)


def heard(tid: uuid.UUID) -> str:
    """What ASR and diarization made of the meeting, for assertion messages."""
    with session_scope() as session:
        row = transcripts.get(session, tid)
        return "\n".join(f"{s.speaker}: {s.text}" for s in row.segments)


def test_context_documents_then_voiceprints_name_the_speakers(
    gpu_url, pipeline_resources, tenant, recording, speech_dir
):
    # Rules and voices only: the LLM has its own tests (tests/gpu_service).
    resources = pipeline_resources(meetnoo_api_url=gpu_url, naming_llm=False, cleanup_llm=False)
    tenant_id, _ = tenant
    ref_one = synthesize_dialogue(MEETING_ONE, speech_dir / "naming-one.wav")
    first = recording((speech_dir / "naming-one.wav").read_bytes(), language="fr")
    attach(first, tenant_id, "agenda.pdf", pdf_agenda())
    attach(first, tenant_id, "participants.docx", docx_attendees())
    run_pipeline(first, resources)

    named = speakers_by_voice(first, ref_one)
    assert {v: n[:2] for v, n in named.items()} == {
        MARIE: ("Marie Dupont", "rag"),
        PAUL: (None, "unknown"),
        SOPHIE: ("Sophie Benali", "rag"),
    }, heard(first)
    # Marie introduced herself; Sophie was thanked and is the list's last name left. Paul
    # was only asked one question (and is listed): a suggestion, since one sentence of
    # someone else's names whoever the diarizer put after it. Auto-save enrols only
    # names the speaker gave: Sophie's voice is a suggested voiceprint.
    with session_scope() as session:
        status = {v.name: v.status for v in library.list_for_tenant(session, tenant_id)}
        assert status == {"Marie Dupont": "confirmed", "Sophie Benali": "suggested"}
        # ... so a user confirms Paul (PUT /api/transcripts/{id}/speakers/{label}).
        paul = next(s for s in transcripts.get(session, first).speakers if suggested(s, "Paul"))
        library.name_speaker(session, tenant_id, paul, "Paul Girard", enrol_voice=True)

    ref_two = synthesize_dialogue(MEETING_TWO, speech_dir / "naming-two.wav")
    second = recording((speech_dir / "naming-two.wav").read_bytes(), language="fr")
    run_pipeline(second, resources)
    named = speakers_by_voice(second, ref_two)
    assert {v: n[:2] for v, n in named.items()} == {
        MARIE: ("Marie Dupont", "voiceprint"),
        PAUL: ("Paul Girard", "voiceprint"),
    }, heard(second)
    assert all(n[2] >= get_settings().voiceprint_match_threshold for n in named.values())


def test_llm_down_completes_degraded_with_rule_names_and_raw_text(
    gpu_url, pipeline_resources, tenant, recording, speech_dir
):
    resources = pipeline_resources(
        meetnoo_api_url=gpu_url,
        llm_api_url="http://127.0.0.1:9/v1",  # nothing listens there
        llm_retries=1,
    )
    # Whisper keeps spoken fillers that are words ("bon", "en fait", "quoi"): this segment
    # needs the LLM, whatever the others look like.
    script = [*MEETING_ONE[:4], (PAUL, "Bon, en fait, le budget est tenu, quoi.")]
    reference = synthesize_dialogue(script, speech_dir / "naming-degraded.wav")
    tid = recording((speech_dir / "naming-degraded.wav").read_bytes(), language="fr")
    run_pipeline(tid, resources)

    with session_scope() as session:
        row = transcripts.get(session, tid)
        assert row.status == "completed_degraded"
        assert "LLM" in row.error and row.segments and all(s.text for s in row.segments)
        # Segments with something to clean kept their raw text; the others never needed
        # the LLM (their clean text is the raw one), and cleanup is degraded iff any did.
        # Naming is degraded only when it had a speaker to ask the LLM about.
        segments = sorted(row.segments, key=lambda s: s.idx)
        needed = needs_llm([s.text for s in segments], "fr")
        needing = [s for s, need in zip(segments, needed, strict=True) if need]
        assert ("cleanup" in row.degradations) == bool(needing)
        assert set(row.degradations) <= {"naming", "cleanup"} and row.degradations
        assert all("LLM" in reason for reason in row.degradations.values())
        assert all(s.clean_text is None for s in needing)
        assert all(s.clean_text == s.text for s in row.segments if s not in needing)
    named = speakers_by_voice(tid, reference)
    name, source, _ = named[MARIE]  # no documents here to spell the name ASR heard
    assert source == "rag" and name.startswith("Marie"), heard(tid)


def test_voice_matches_the_meeting_contradicts_give_way(
    gpu_url, pipeline_resources, tenant, recording, speech_dir
):
    """Issue #17's three conflicts, each in its own meeting after Marie's and Paul's
    voices are enrolled: a voice match against the speaker's own introduction, a
    voiceprint person missing from the meeting's attendee list, and a person claimed by
    another speaker. The meeting's evidence wins or the speaker stays unknown, the
    conflict is in the evidence, and no voiceprint learns from a conflicted speaker."""
    resources = pipeline_resources(meetnoo_api_url=gpu_url, naming_llm=False, cleanup_llm=False)
    tenant_id, _ = tenant
    synthesize_dialogue(MEETING_ONE, speech_dir / "conflict-one.wav")
    first = recording((speech_dir / "conflict-one.wav").read_bytes(), language="fr")
    attach(first, tenant_id, "participants.docx", docx_attendees())
    run_pipeline(first, resources)
    with session_scope() as session:
        for s in transcripts.get(session, first).speakers:
            if suggested(s, "Paul"):
                library.name_speaker(session, tenant_id, s, "Paul Girard", enrol_voice=True)
        counts = {v.name: v.sample_count for v in library.list_for_tenant(session, tenant_id)}
    assert counts["Marie Dupont"] == counts["Paul Girard"] == 1, heard(first)
    neutral = [
        (PAUL, "Le chiffre d'affaires du mois dernier dépasse nettement nos prévisions."),
        (PAUL, "Je vous envoie la présentation jeudi après-midi avec les annexes."),
    ]

    taught: dict[str, uuid.UUID] = {}

    def meeting(name, lines, document=None):
        reference = synthesize_dialogue(lines, speech_dir / f"{name}.wav")
        tid = recording((speech_dir / f"{name}.wav").read_bytes(), language="fr")
        if document:
            attach(tid, tenant_id, "participants.txt", document.encode())
        run_pipeline(tid, resources)
        with session_scope() as session:
            evidence = {s.name or s.label: s.identity_evidence for s in
                        transcripts.get(session, tid).speakers}  # fmt: skip
        taught[name] = tid
        return speakers_by_voice(tid, reference), evidence, heard(tid)

    # 1. Marie's voice says she is Sophie Benali.
    said = [(MARIE, "Bonjour à tous, je suis Sophie Benali."), *neutral,
            (MARIE, "Très bien, nous ferons le point lundi prochain en réunion.")]  # fmt: skip
    named, evidence, text = meeting("conflict-said", said)
    name, source, _ = named[MARIE]  # as ASR heard it ("Sophie Bernané")
    assert name.startswith("Sophie") and source == "rag", text
    assert evidence[name]["conflict"]["voiceprint"] == "Marie Dupont"
    assert named[PAUL][:2] == ("Paul Girard", "voiceprint"), text

    # 2. An attendee list without Paul.
    listed = [
        (MARIE, "Très bien, il faudra le présenter au conseil d'administration."),
        *neutral,
        (MARIE, "Nous ferons le point lundi prochain pendant la réunion."),
    ]
    roster = "Participants : Marie Dupont, Luc Moreau, Anne Petit"
    named, evidence, text = meeting("conflict-list", listed, roster)
    assert named[MARIE][:2] == ("Marie Dupont", "voiceprint"), text
    assert named[PAUL][0] != "Paul Girard", text
    conflicts = [e["conflict"] for e in evidence.values() if "conflict" in e]
    assert [c["voiceprint"] for c in conflicts] == ["Paul Girard"]
    assert "attendee list" in conflicts[0]["why"]

    # 3. Sophie says she is Marie Dupont while Marie's voice is there too.
    claimed = [
        (MARIE, "Le chiffre d'affaires du mois dernier dépasse nettement nos prévisions."),
        (SOPHIE, "Bonjour à tous. Je suis Marie Dupont."),
        (MARIE, "Je vous envoie la présentation jeudi après-midi avec les annexes."),
        (SOPHIE, "Parfait, j'enverrai les fiches de poste demain matin."),
    ]
    named, evidence, text = meeting("conflict-claimed", claimed)
    assert named[MARIE][0] != "Marie Dupont", text
    conflicts = [e["conflict"] for e in evidence.values() if "conflict" in e]
    by_voice = {c["voiceprint"]: c for c in conflicts}
    assert "is said to be Marie" in by_voice.pop("Marie Dupont")["why"], text
    # Sophie's own voice, a suggested "Sophie Benali" since the first meeting, against the
    # name she claims: a conflict too.
    assert all("suggested" in c["why"] for c in by_voice.values()), text

    with session_scope() as session:
        learnt = {
            v.name: set(v.source_transcripts) for v in library.list_for_tenant(session, tenant_id)
        }
    # No voiceprint learnt from a speaker whose match the meeting contradicted.
    assert (
        not {str(taught["conflict-said"]), str(taught["conflict-claimed"])} & learnt["Marie Dupont"]
    )
    assert str(taught["conflict-list"]) not in learnt["Paul Girard"]
