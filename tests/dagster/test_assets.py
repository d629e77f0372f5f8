"""Pipeline failure handling, materialised in-process on real PostgreSQL, Redis and storage."""

import pytest
from dagster import DagsterEventType, materialize

from st_assets.asr import name_hints
from st_assets.definitions import defs
from st_assets.ingest import audio
from st_resources.clients.streams import get_redis, read_progress
from st_resources.dagster import ObjectStoreResource
from st_resources.db.models import ContextDocument, Segment
from st_resources.db.session import session_scope
from st_resources.transcripts import store as transcripts


def materialize_audio(instance, tid):
    """Run only the `audio` asset of the recording's partition, keeping its failure."""
    instance.add_dynamic_partitions("recordings", [str(tid)])
    return materialize(
        [audio],
        partition_key=str(tid),
        instance=instance,
        resources=defs.resources,
        raise_on_error=False,
    )


def test_audio_that_fails_to_decode_ends_failed_with_a_reason_and_no_segments(instance, recording):
    tid = recording(b"RIFF\x24\x00\x00\x00WAVEjunk" + bytes(range(256)) * 8)
    with session_scope() as session:  # a stale row from an earlier run must not survive
        session.add(Segment(transcript_id=tid, idx=0, start_s=0, end_s=1, text="old", words=[]))
    result = materialize_audio(instance, tid)

    assert not result.success
    with session_scope() as session:
        row = transcripts.get(session, tid)
        assert row.status == "failed"
        assert "could not decode audio" in row.error or "not a readable audio" in row.error
        assert row.segments == []
    events = [e for _, e in read_progress(get_redis(), str(tid))]
    assert events[-1].is_final and events[-1].status == "failed"
    assert events[-1].error == row.error
    assert [(e.stage, e.status) for e in events] == [
        ("audio", "started"),
        ("audio", "failed"),
        ("pipeline", "failed"),
    ]
    # A permanent error is not retried.
    retries = [r for r in instance.get_runs() if r.parent_run_id]
    assert retries == []


def test_audio_longer_than_the_limit_is_refused_while_decoding_and_not_retried(
    instance, recording, speech_dir, pipeline_resources
):
    """A container can declare a short duration and decode to hours: the decoder counts
    what it decodes and stops at the limit, instead of filling memory (on each retry)."""
    from tests.speech import synthesize

    wav = synthesize(["One two three four five six seven eight nine ten."], speech_dir / "n.wav")
    tid = recording(wav.read_bytes())
    instance.add_dynamic_partitions("recordings", [str(tid)])
    resources = pipeline_resources(max_audio_minutes=1 / 60)  # one second
    result = materialize(
        [audio],
        partition_key=str(tid),
        instance=instance,
        resources=resources,
        raise_on_error=False,
    )
    assert not result.success
    with session_scope() as session:
        row = transcripts.get(session, tid)
        assert row.status == "failed"
        assert row.error == "audio: the audio is longer than the 0.0166667-minute limit"
    assert [r for r in instance.get_runs() if r.parent_run_id] == []


@pytest.mark.parametrize("language", ["en", None])
def test_missing_audio_object_fails_cleanly(instance, recording, language):
    from st_resources.clients.storage import store_from_settings

    tid = recording(b"placeholder", language=language)
    with session_scope() as session:
        store_from_settings().delete_prefix(transcripts.get(session, tid).audio_key)
    result = materialize_audio(instance, tid)
    assert not result.success
    with session_scope() as session:
        assert transcripts.get(session, tid).status == "failed"


def test_asr_hints_are_the_people_the_context_documents_name(tmp_path):
    store = ObjectStoreResource(local_dir=str(tmp_path))
    store.store().put_bytes("hints/agenda.md", b"# Budget\n\nAttendees: Marie Dupont, Hugo Moreau")
    store.store().put_bytes("hints/slides.pptx", b"unreadable type: skipped")
    documents = [
        ContextDocument(filename="agenda.md", object_key="hints/agenda.md"),
        ContextDocument(filename="slides.pptx", object_key="hints/slides.pptx"),
    ]
    assert name_hints(store, documents) == ["Marie Dupont", "Hugo Moreau"]
    assert name_hints(store, documents[1:]) == []


@pytest.mark.parametrize(
    ("before", "after"), [("processing", "failed"), ("transcribed", "completed_degraded")]
)
def test_a_failed_enrichment_keeps_the_readable_transcript(recording, before, after):
    """A stage that fails before the transcript is readable fails the recording and drops
    partial output; one that fails after (LLM naming, cleanup, indexing) leaves what the
    user can already read, ends `completed_degraded` and says why."""
    from st_resources import recordings
    from st_resources.clients.streams import Stage

    tid = recording(b"not decoded here")
    with session_scope() as session:
        session.add(Segment(transcript_id=tid, idx=0, start_s=0, end_s=1, text="kept", words=[]))
        transcripts.get(session, tid).status = before
    with session_scope() as session:
        recordings.fail(session, get_redis(), tid, Stage.CLEANUP, "cleanup: boom")
    with session_scope() as session:
        row = transcripts.get(session, tid)
        assert (row.status, row.error) == (after, "cleanup: boom")
        assert [s.text for s in row.segments] == ([] if after == "failed" else ["kept"])
        if after == "completed_degraded":
            assert row.degradations == {"cleanup": "cleanup: boom"}
    events = [e for _, e in read_progress(get_redis(), str(tid))]
    assert [(e.stage, e.status) for e in events[-2:]] == [
        ("cleanup", "failed"),
        ("pipeline", after),
    ]


def test_a_run_stops_at_a_recording_being_deleted_and_leaves_its_status(instance, recording):
    tid = recording(b"not decoded here")
    with session_scope() as session:
        transcripts.get(session, tid).status = "deleting"
    result = materialize_audio(instance, tid)
    assert not result.success
    # It stops at once: a retry (10, 20, 40 s later) would find the same.
    retried = [e for e in result.all_events if e.event_type == DagsterEventType.STEP_UP_FOR_RETRY]
    assert retried == []
    with session_scope() as session:
        assert transcripts.get(session, tid).status == "deleting"
