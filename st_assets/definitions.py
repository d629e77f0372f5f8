"""The one Definitions of the code location: assets, job, sensors, resources."""

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    Definitions,
    ScheduleEvaluationContext,
    define_asset_job,
    in_process_executor,
    schedule,
)

from st_assets import asr, cleanup, finalize, index, ingest, naming, speakers
from st_assets.partitions import recordings
from st_resources.dagster import (
    DatabaseResource,
    GpuServiceResource,
    LlmResource,
    ObjectStoreResource,
    ParquetObjectStoreIOManager,
    SearchIndexResource,
    StreamsResource,
)
from st_sensors.workflow import (
    PIPELINE_JOB,
    deleted_recordings_sensor,
    mark_failed_runs,
    speaker_names_sensor,
    workflow_events_sensor,
)

recording_assets = [
    ingest.audio,
    asr.asr_segments,
    speakers.speaker_turns,
    asr.segments,
    speakers.speaker_embeddings,
    naming.speaker_identities,
    naming.update_voiceprints,
    cleanup.clean_transcript,
    index.segment_index,
    index.document_index,
    finalize.transcript,
]

# In-process: one process per run, not per step (SPEC §8: 2.7 s vs 10-17 s upload→done).
recording_pipeline = define_asset_job(
    PIPELINE_JOB,
    selection=AssetSelection.assets(*recording_assets),
    partitions_def=recordings,
    executor_def=in_process_executor,
)

# After a diarization setting changes: `dagster job backfill -j rediarize --all` re-runs
# speaker_turns and everything downstream for every recording, reusing the ASR output.
rediarize = define_asset_job(
    "rediarize",
    selection=AssetSelection.assets(speakers.speaker_turns).downstream(),
    partitions_def=recordings,
    executor_def=in_process_executor,
)

# Re-embed recordings into the search index (e.g. after EMBEDDING_MODEL changes); the
# schedule below backfills it, or by hand: `dagster job backfill -j reindex --all`.
reindex = define_asset_job(
    index.REINDEX_JOB,
    selection=AssetSelection.assets(index.segment_index, index.document_index),
    partitions_def=recordings,
    executor_def=in_process_executor,
)


@schedule(
    job=reindex,
    cron_schedule="*/30 * * * *",
    default_status=DefaultScheduleStatus.RUNNING,
)
def reindex_on_model_change(context: ScheduleEvaluationContext):
    """A reindex run per recording whose points another embedding model made."""
    return index.reindex_requests(context.instance)


object_store = ObjectStoreResource()

defs = Definitions(
    assets=recording_assets,
    jobs=[recording_pipeline, rediarize, reindex],
    schedules=[reindex_on_model_change],
    sensors=[
        workflow_events_sensor,
        speaker_names_sensor,
        deleted_recordings_sensor,
        mark_failed_runs,
    ],
    resources={
        "db": DatabaseResource(),
        "streams": StreamsResource(),
        "object_store": object_store,
        "gpu": GpuServiceResource(),
        "llm": LlmResource(),
        "search_index": SearchIndexResource(),
        "frames_io_manager": ParquetObjectStoreIOManager(object_store=object_store),
    },
)
