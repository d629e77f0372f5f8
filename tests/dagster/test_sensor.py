"""The upload sensor against real Redis: partitions, run keys and a stream-id cursor."""

import uuid

from dagster import SensorResult, SkipReason, build_sensor_context

from st_resources.dagster import StreamsResource
from st_resources.settings import get_settings
from st_resources.streams import TranscriptUploaded, append_upload, get_redis
from st_sensors.workflow import workflow_events_sensor


def evaluate(instance, cursor):
    context = build_sensor_context(
        instance=instance, cursor=cursor, resources={"streams": StreamsResource()}
    )
    return workflow_events_sensor(context)


def test_uploads_become_partitions_and_run_requests_keyed_by_transcript(instance):
    r = get_redis()
    start = r.xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})  # cursor: now
    ids = [str(uuid.uuid4()) for _ in range(3)]
    stream_ids = [append_upload(r, TranscriptUploaded(transcript_id=t, tenant_id="x")) for t in ids]

    result = evaluate(instance, start)
    assert isinstance(result, SensorResult)
    assert [req.run_key for req in result.run_requests] == ids
    assert [req.partition_key for req in result.run_requests] == ids
    assert list(result.dynamic_partitions_requests[0].partition_keys) == ids
    assert result.cursor == stream_ids[-1]

    assert isinstance(evaluate(instance, result.cursor), SkipReason)

    # A tick that died before committing re-reads the same events with the same run keys,
    # which Dagster refuses to launch twice.
    replay = evaluate(instance, start)
    assert [req.run_key for req in replay.run_requests] == ids


def test_partitions_already_known_are_not_added_again(instance):
    r = get_redis()
    start = r.xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})
    tid = str(uuid.uuid4())
    instance.add_dynamic_partitions("recordings", [tid])
    append_upload(r, TranscriptUploaded(transcript_id=tid, tenant_id="x"))
    result = evaluate(instance, start)
    assert result.dynamic_partitions_requests == []
    assert [req.run_key for req in result.run_requests] == [tid]
