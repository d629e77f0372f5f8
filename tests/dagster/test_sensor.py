"""The upload sensor against real Redis: partitions, run keys and a stream-id cursor."""

import threading
import uuid

from dagster import (
    DagsterRun,
    DagsterRunStatus,
    DeleteDynamicPartitionsRequest,
    SensorResult,
    build_run_status_sensor_context,
    build_sensor_context,
    instance_for_test,
    job,
    op,
)
from dagster._core.remote_origin import (
    RegisteredCodeLocationOrigin,
    RemoteJobOrigin,
    RemoteRepositoryOrigin,
)
from sqlalchemy import select

from st_assets.definitions import defs
from st_resources.clients.storage import recording_prefix
from st_resources.clients.streams import (
    AlertRaised,
    SpeakersRenamed,
    TranscriptDeleted,
    TranscriptUploaded,
    append_workflow,
    get_redis,
    read_workflow,
)
from st_resources.db.models import Alert
from st_resources.db.session import session_scope
from st_resources.settings import get_settings
from st_resources.transcripts import store as transcripts

workflow_events_sensor = defs.resolve_sensor_def("workflow_events_sensor")
speaker_names_sensor = defs.resolve_sensor_def("speaker_names_sensor")
deleted_recordings_sensor = defs.resolve_sensor_def("deleted_recordings_sensor")
lost_uploads_sensor = defs.resolve_sensor_def("lost_uploads_sensor")
mark_failed_runs = defs.resolve_sensor_def("mark_failed_runs")
STREAMS = defs.resources["streams"]
DB = defs.resources["db"]
OBJECTS = defs.resources["object_store"]


def evaluate(instance, cursor):
    context = build_sensor_context(instance=instance, cursor=cursor, resources={"streams": STREAMS})
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
    # The tenant tag is what the run queue's per-tenant limit counts (fair share).
    assert [req.tags["tenant_id"] for req in result.run_requests] == ["x"] * 3
    # No length declared: the time limit of the longest recording accepted.
    longest = str(get_settings().run_time_limit_s(None))
    assert [req.tags["dagster/max_runtime"] for req in result.run_requests] == [longest] * 3
    assert list(result.dynamic_partitions_requests[0].partition_keys) == ids
    assert result.cursor == stream_ids[-1]

    idle = evaluate(instance, result.cursor)
    assert idle.skip_reason is not None and not idle.run_requests
    assert idle.cursor == result.cursor

    # A tick that died before committing re-reads the same events with the same run keys,
    # which Dagster refuses to launch twice.
    replay = evaluate(instance, start)
    assert [req.run_key for req in replay.run_requests] == ids

    # An upload that comes while an evaluation waits (its long poll) is answered by it.
    late = str(uuid.uuid4())
    timer = threading.Timer(
        0.5, append_workflow, (r, TranscriptUploaded(transcript_id=late, tenant_id="x"))
    )
    timer.start()
    waited = evaluate(instance, result.cursor)
    timer.join()
    assert [req.run_key for req in waited.run_requests] == [late]


def test_queued_recordings_whose_upload_event_was_lost_are_run_once(instance, recording):
    """Redis restarted without its stream: the rows stay queued with no run. The
    reconciliation sensor finds them in the database; a recording that has a run, or was
    uploaded a moment ago, is left alone."""
    from datetime import timedelta

    from dagster._core.test_utils import create_run_for_test

    from st_resources.db.models import Transcript

    lost, running, fresh = (recording(b"not decoded here") for _ in range(3))
    with session_scope() as session:
        for tid in (lost, running):
            row = session.get(Transcript, tid)
            row.created_at = row.created_at - timedelta(minutes=10)
    create_run_for_test(instance, tags={"dagster/partition": str(running)})
    context = build_sensor_context(instance=instance, resources={"db": DB})
    result = lost_uploads_sensor(context)
    mine = {str(lost), str(running), str(fresh)}
    requests = [q for q in result.run_requests if q.partition_key in mine]
    assert [(q.partition_key, q.run_key) for q in requests] == [(str(lost), f"{lost}:recovered")]
    assert requests[0].tags["tenant_id"]
    assert str(lost) in result.dynamic_partitions_requests[0].partition_keys


def test_partitions_already_known_are_not_added_again(instance):
    r = get_redis()
    start = r.xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})
    tid = str(uuid.uuid4())
    instance.add_dynamic_partitions("recordings", [tid])
    append_workflow(r, TranscriptUploaded(transcript_id=tid, tenant_id="x", duration_s=600.0))
    result = evaluate(instance, start)
    assert result.dynamic_partitions_requests == []
    assert [req.run_key for req in result.run_requests] == [tid]
    # The declared length sizes the run's time limit.
    limit = str(get_settings().run_time_limit_s(600.0))
    assert result.run_requests[0].tags["dagster/max_runtime"] == limit


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
    context = build_sensor_context(instance=instance, cursor=start, resources={"streams": STREAMS})
    result = speaker_names_sensor(context)
    assert [(q.partition_key, q.run_key) for q in result.run_requests] == [(tid, f"{tid}:{last}")]


@op
def worker_dies():
    raise RuntimeError("run worker lost")


@job
def dies_job():
    worker_dies()


def failure_context(instance, tid: uuid.UUID, will_retry: str | None):
    result = dies_job.execute_in_process(
        instance=instance, raise_on_error=False, tags={"dagster/partition": str(tid)}
    )
    if will_retry is not None:
        instance.add_run_tags(result.dagster_run.run_id, {"dagster/will_retry": will_retry})
    return build_run_status_sensor_context(
        sensor_name="mark_failed_runs",
        dagster_event=result.get_run_failure_event(),
        dagster_instance=instance,
        dagster_run=result.dagster_run,
        resources={"db": DB, "streams": STREAMS},
    ).for_run_failure()


def status_of(tid: uuid.UUID) -> tuple[str, str | None]:
    with session_scope() as session:
        row = transcripts.get(session, tid)
        return row.status, row.error


def test_failed_run_marks_its_transcript_failed_with_the_reason(instance, recording):
    tid = recording(b"RIFF")
    start = get_redis().xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})
    mark_failed_runs(failure_context(instance, tid, will_retry="false"))
    status, error = status_of(tid)
    assert status == "failed"
    assert error.startswith("run failed:")
    # And an operator hears of it: a row, and an `alert` event.
    with session_scope() as session:
        (alert,) = session.scalars(select(Alert).where(Alert.transcript_id == tid)).all()
        assert alert.kind == "run_failed" and alert.tenant_id is not None
    _, events = read_workflow(get_redis(), start, AlertRaised)
    assert [e.transcript_id for _, e in events] == [str(tid)]


def test_failed_run_that_dagster_will_retry_leaves_its_transcript_alone(instance, recording):
    tid = recording(b"RIFF")
    mark_failed_runs(failure_context(instance, tid, will_retry="true"))
    assert status_of(tid) == ("queued", None)
    with session_scope() as session:
        assert session.scalars(select(Alert).where(Alert.transcript_id == tid)).all() == []


# Where a queued run says it comes from (Dagster requires one; nothing is launched here).
QUEUED_FROM = RemoteJobOrigin(
    RemoteRepositoryOrigin(RegisteredCodeLocationOrigin("st"), "__repository__"),
    "recording_pipeline",
)


def test_a_deleted_recording_loses_its_partition_and_its_queued_run():
    overrides = {
        "run_coordinator": {
            "module": "dagster.core.run_coordinator",
            "class": "QueuedRunCoordinator",
        }
    }
    with instance_for_test(overrides=overrides) as instance:
        r = get_redis()
        start = r.xadd(get_settings().workflow_stream, {"type": "marker", "data": "{}"})
        gone, kept = str(uuid.uuid4()), str(uuid.uuid4())
        instance.add_dynamic_partitions("recordings", [gone, kept])
        runs = {
            key: instance.add_run(
                DagsterRun(
                    job_name="recording_pipeline",
                    run_id=str(uuid.uuid4()),
                    status=DagsterRunStatus.QUEUED,
                    tags={"dagster/partition": key},
                    remote_job_origin=QUEUED_FROM,
                )
            ).run_id
            for key in (gone, kept)
        }
        append_workflow(r, TranscriptDeleted(transcript_id=gone, tenant_id="x"))
        append_workflow(r, TranscriptDeleted(transcript_id=str(uuid.uuid4()), tenant_id="x"))
        # Written by a run between the deletion and its cancellation.
        objects = OBJECTS.store()
        late = [recording_prefix("x", gone) + "audio16k.wav", f"frames/segments/{gone}.parquet"]
        for key in [*late, f"frames/segments/{kept}.parquet"]:
            objects.put_bytes(key, b"late")

        context = build_sensor_context(
            instance=instance,
            cursor=start,
            resources={"streams": STREAMS, "object_store": OBJECTS},
        )
        result = deleted_recordings_sensor(context)
        (request,) = result.dynamic_partitions_requests
        assert isinstance(request, DeleteDynamicPartitionsRequest)
        assert list(request.partition_keys) == [gone]  # unknown ids are ignored
        assert instance.get_run_by_id(runs[gone]).status == DagsterRunStatus.CANCELED
        assert instance.get_run_by_id(runs[kept]).status == DagsterRunStatus.QUEUED
        assert not any(objects.exists(key) for key in late)
        assert objects.exists(f"frames/segments/{kept}.parquet")
