"""Turn `workflow:events` into runs: `transcript.uploaded` starts a recording's pipeline,
`transcript.speakers_renamed` re-indexes it so search shows the new names, and
`transcript.deleted` stops its runs and removes its partition. A recording left `queued`
with no run (its upload event lost: Redis restarted without its data, or the API died
between the commit and the append) is found in the database and run (`lost_uploads_sensor`).

The sensors are built around the job objects they start (`workflow_sensors`), so this
package imports nothing from st_assets; st_assets.definitions wires the two together.

Why a stream-id cursor rather than a consumer group: the cursor is stored by Dagster
together with the tick's outcome, so "read" and "committed" are one thing. If the daemon
dies after reading events but before the tick commits, the cursor has not moved and the
next tick reads the same events again; the transcript id is the `run_key`, and Dagster
never launches a second run for a run_key this sensor already used, so replays are
harmless. A consumer group would need a second commit (XACK) that can disagree with
Dagster's, plus pending-entry re-claim. Events are never lost because the stream keeps
them (trimmed only far behind, by MAXLEN) until the cursor passes.
"""

import uuid

from dagster import (
    DagsterRunStatus,
    DefaultSensorStatus,
    DynamicPartitionsDefinition,
    RunFailureSensorContext,
    RunRequest,
    RunsFilter,
    SensorDefinition,
    SensorEvaluationContext,
    SensorResult,
    run_failure_sensor,
    sensor,
)

from st_resources import recordings
from st_resources.alerts import raise_alert
from st_resources.clients.streams import (
    SpeakersRenamed,
    Stage,
    TranscriptDeleted,
    TranscriptUploaded,
    read_workflow,
)
from st_resources.dagster import DatabaseResource, ObjectStoreResource, StreamsResource
from st_resources.db.models import TERMINAL_STATUSES
from st_resources.settings import get_settings
from st_resources.transcripts import store as transcripts

WILL_RETRY_TAG = "dagster/will_retry"  # set on a failed run when run_retries will rerun it
MAX_RUNTIME_TAG = "dagster/max_runtime"  # seconds; run monitoring fails a run past it
START = "0-0"
UNFINISHED = [
    DagsterRunStatus.QUEUED,
    DagsterRunStatus.NOT_STARTED,
    DagsterRunStatus.STARTING,
    DagsterRunStatus.STARTED,
]


def run_tags(transcript_id: str, tenant_id: str, audio_s: float | None) -> dict[str, str]:
    """A recording run's tags: the tenant (the queue's per-tenant limit counts it) and its
    time limit (run monitoring fails a run past it, and run retries start it again)."""
    return {
        "transcript_id": transcript_id,
        "tenant_id": tenant_id,
        MAX_RUNTIME_TAG: str(get_settings().run_time_limit_s(audio_s)),
    }


def workflow_sensors(pipeline, reindex) -> list[SensorDefinition]:
    """The sensors that start the asset job `pipeline` per upload and `reindex` per rename, remove
    deleted recordings' partitions and record runs that died; both jobs are partitioned
    by recording."""
    partitions = pipeline.partitions_def
    if not isinstance(partitions, DynamicPartitionsDefinition):
        raise TypeError(f"{pipeline.name} is not partitioned by recording")

    @sensor(
        job=pipeline,
        minimum_interval_seconds=1,
        default_status=DefaultSensorStatus.RUNNING,
    )
    def workflow_events_sensor(
        context: SensorEvaluationContext, streams: StreamsResource
    ) -> SensorResult:
        # Long poll: the daemon evaluates sensors every 5 s at best (its loop), so an
        # upload would wait 0-5 s for its run; waiting inside the evaluation for the next
        # event answers an upload that comes meanwhile at once.
        wait_ms = int(get_settings().upload_sensor_wait_s * 1000)
        cursor, events = read_workflow(
            streams.client(), context.cursor or START, TranscriptUploaded, 200, wait_ms
        )
        if not events:
            return SensorResult(skip_reason="no new uploads", cursor=cursor)
        uploads = {event.transcript_id: event for _, event in events}
        keys = list(uploads)
        new_keys = [
            k for k in keys if not context.instance.has_dynamic_partition(partitions.name, k)
        ]
        return SensorResult(
            run_requests=[
                RunRequest(
                    partition_key=k,
                    run_key=k,
                    tags=run_tags(k, uploads[k].tenant_id, uploads[k].duration_s),
                )
                for k in keys
            ],
            dynamic_partitions_requests=[partitions.build_add_request(new_keys)]
            if new_keys
            else [],
            cursor=cursor,
        )

    @sensor(
        job=pipeline,
        minimum_interval_seconds=60,
        default_status=DefaultSensorStatus.RUNNING,
    )
    def lost_uploads_sensor(context: SensorEvaluationContext, db: DatabaseResource) -> SensorResult:
        """Reconciliation: the database, not the stream, says what was uploaded. A queued
        recording with no run at all gets one; one with any run (even failed) is left to
        the sensors that own it, so nothing is processed twice."""
        after_s = get_settings().lost_uploads_after_s
        if not after_s:
            return SensorResult(skip_reason="reconciliation is off (LOST_UPLOADS_AFTER_S=0)")
        with db.session() as session:
            stale = transcripts.queued_since(session, after_s)
        lost = {
            str(tid): str(tenant)
            for tid, tenant in stale
            if not context.instance.get_runs_count(RunsFilter(tags={"dagster/partition": str(tid)}))
        }
        if not lost:
            return SensorResult(skip_reason="no lost uploads")
        new_keys = [
            k for k in lost if not context.instance.has_dynamic_partition(partitions.name, k)
        ]
        context.log.warning("re-queuing %d recording(s) whose upload event was lost", len(lost))
        return SensorResult(
            run_requests=[
                RunRequest(
                    partition_key=k,
                    run_key=f"{k}:recovered",
                    tags=run_tags(k, tenant, None),
                )
                for k, tenant in lost.items()
            ],
            dynamic_partitions_requests=[partitions.build_add_request(new_keys)]
            if new_keys
            else [],
        )

    @sensor(
        job=reindex,
        minimum_interval_seconds=1,
        default_status=DefaultSensorStatus.RUNNING,
    )
    def speaker_names_sensor(
        context: SensorEvaluationContext, streams: StreamsResource
    ) -> SensorResult:
        """One reindex run per renamed recording and batch of renames; the run key holds the
        last rename's stream id, so a later rename runs again and a replayed tick does not."""
        cursor, events = read_workflow(
            streams.client(), context.cursor or START, SpeakersRenamed, count=200
        )
        last = {event.transcript_id: entry_id for entry_id, event in events}
        known = [k for k in last if context.instance.has_dynamic_partition(partitions.name, k)]
        if not known:
            return SensorResult(skip_reason="no renamed speakers", cursor=cursor)
        return SensorResult(
            run_requests=[RunRequest(partition_key=k, run_key=f"{k}:{last[k]}") for k in known],
            cursor=cursor,
        )

    @sensor(minimum_interval_seconds=1, default_status=DefaultSensorStatus.RUNNING)
    def deleted_recordings_sensor(
        context: SensorEvaluationContext,
        streams: StreamsResource,
        object_store: ObjectStoreResource,
    ) -> SensorResult:
        """The data of a deleted recording is gone already (st_resources.recordings, which also
        cleans up after a run still indexing it); here its unfinished runs are cancelled, its
        partition is removed, so Dagster stops working on and listing it, and whatever
        objects a run wrote between the deletion and its cancellation are removed."""
        cursor, events = read_workflow(
            streams.client(), context.cursor or START, TranscriptDeleted, count=200
        )
        store = object_store.store()
        for _, event in events:
            recordings.purge_objects(store, event.tenant_id, event.transcript_id)
        keys = [
            key
            for key in dict.fromkeys(event.transcript_id for _, event in events)
            if context.instance.has_dynamic_partition(partitions.name, key)
        ]
        if not keys:
            return SensorResult(skip_reason="no deleted recordings", cursor=cursor)
        unfinished = RunsFilter(statuses=UNFINISHED, tags={"dagster/partition": keys})
        for run in context.instance.get_runs(unfinished):
            context.instance.run_coordinator.cancel_run(run.run_id)
        return SensorResult(
            dynamic_partitions_requests=[partitions.build_delete_request(keys)], cursor=cursor
        )

    @run_failure_sensor(
        monitored_jobs=None,
        monitor_all_code_locations=True,  # the metrics location's dbt builds too
        default_status=DefaultSensorStatus.RUNNING,
        minimum_interval_seconds=5,
    )
    def mark_failed_runs(
        context: RunFailureSensorContext, db: DatabaseResource, streams: StreamsResource
    ) -> None:
        """A run that failed for good (Dagster's run retries will not start it again,
        `dagster/will_retry`) raises an alert; one that died outside any stage (worker
        killed, code server lost) also fails its recording, with the reason."""
        run = context.instance.get_run_by_id(context.dagster_run.run_id) or context.dagster_run
        if run.tags.get(WILL_RETRY_TAG) == "true":
            return
        reason = context.failure_event.message or "pipeline run failed"
        key = run.tags.get("dagster/partition")
        row = None
        if key:
            with db.session() as session:
                try:
                    row = transcripts.get(session, uuid.UUID(key))
                except (LookupError, ValueError):
                    row = None
        with db.session() as session:
            raise_alert(
                session,
                streams.client(),
                "run_failed",
                f"{run.job_name} run {run.run_id[:8]} failed: {reason}",
                tenant_id=row.tenant_id if row else None,
                transcript_id=row.id if row else None,
                run_id=run.run_id,
            )
        if row is not None and row.status not in TERMINAL_STATUSES:
            with db.session() as session:
                recordings.fail(
                    session, streams.client(), row.id, Stage.RUN, f"run failed: {reason}"
                )

    return [
        workflow_events_sensor,
        lost_uploads_sensor,
        speaker_names_sensor,
        deleted_recordings_sensor,
        mark_failed_runs,
    ]
