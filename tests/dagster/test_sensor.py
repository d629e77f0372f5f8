"""The upload sensor against real Redis: partitions, run keys and a stream-id cursor."""

import uuid

from dagster import SensorResult, build_sensor_context

from st_resources.dagster import StreamsResource
from st_resources.settings import get_settings
from st_resources.streams import (
    SpeakersRenamed,
    TranscriptUploaded,
    append_workflow,
    get_redis,
)
from st_sensors.workflow import speaker_names_sensor, workflow_events_sensor


def evaluate(instance, cursor):
    context = build_sensor_context(
        instance=instance, cursor=cursor, resources={"streams": StreamsResource()}
    )
    return workflow_events_sensor(context)


def test_uploads_become_partitions_and_run_requests_keyed_by_transcript(instance):
    r = get_redis()
    start = r.xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})  # cursor: now
    ids = [str(uuid.uuid4()) for _ in range(3)]
    stream_ids = [
        append_workflow(r, TranscriptUploaded(transcript_id=t, tenant_id="x")) for t in ids
    ]

    result = evaluate(instance, start)
    assert isinstance(result, SensorResult)
    assert [req.run_key for req in result.run_requests] == ids
    assert [req.partition_key for req in result.run_requests] == ids
    assert list(result.dynamic_partitions_requests[0].partition_keys) == ids
    assert result.cursor == stream_ids[-1]

    idle = evaluate(instance, result.cursor)
    assert idle.skip_reason is not None and not idle.run_requests
    assert idle.cursor == result.cursor

    # A tick that died before committing re-reads the same events with the same run keys,
    # which Dagster refuses to launch twice.
    replay = evaluate(instance, start)
    assert [req.run_key for req in replay.run_requests] == ids


def test_partitions_already_known_are_not_added_again(instance):
    r = get_redis()
    start = r.xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})
    tid = str(uuid.uuid4())
    instance.add_dynamic_partitions("recordings", [tid])
    append_workflow(r, TranscriptUploaded(transcript_id=tid, tenant_id="x"))
    result = evaluate(instance, start)
    assert result.dynamic_partitions_requests == []
    assert [req.run_key for req in result.run_requests] == [tid]


def test_cursor_moves_past_other_event_types(instance):
    """A long run of renames must not hold the upload sensor in place."""
    r = get_redis()
    start = r.xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})
    for _ in range(3):
        last = append_workflow(r, SpeakersRenamed(transcript_id=str(uuid.uuid4()), tenant_id="x"))
    result = evaluate(instance, start)
    assert not result.run_requests
    assert result.cursor == last


def test_renames_request_one_reindex_per_recording(instance):
    r = get_redis()
    start = r.xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})
    tid, unknown = str(uuid.uuid4()), str(uuid.uuid4())
    instance.add_dynamic_partitions("recordings", [tid])
    append_workflow(r, TranscriptUploaded(transcript_id=tid, tenant_id="x"))
    append_workflow(r, SpeakersRenamed(transcript_id=tid, tenant_id="x"))
    last = append_workflow(r, SpeakersRenamed(transcript_id=tid, tenant_id="x"))
    append_workflow(r, SpeakersRenamed(transcript_id=unknown, tenant_id="x"))
    context = build_sensor_context(
        instance=instance, cursor=start, resources={"streams": StreamsResource()}
    )
    result = speaker_names_sensor(context)
    assert [(q.partition_key, q.run_key) for q in result.run_requests] == [(tid, f"{tid}:{last}")]
