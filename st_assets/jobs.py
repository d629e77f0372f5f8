"""The jobs over the recording assets, and the schedule that re-embeds stale recordings.

All three run in-process: one process per run, not per step (SPEC §8: upload to done in
2.7 s instead of 10-17 s).
"""

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    ScheduleEvaluationContext,
    define_asset_job,
    in_process_executor,
    schedule,
)

from st_assets import asr, cleanup, finalize, index, ingest, naming, readable, speakers
from st_assets.partitions import recordings

recording_assets = [
    ingest.audio,
    asr.asr_segments,
    speakers.speaker_turns,
    asr.segments,
    speakers.speaker_embeddings,
    naming.speaker_identities,
    readable.readable_transcript,
    naming.llm_identities,
    naming.update_voiceprints,
    cleanup.clean_transcript,
    index.segment_index,
    index.document_index,
    finalize.transcript,
]

# Started per upload by st_sensors.workflow.
recording_pipeline = define_asset_job(
    "recording_pipeline",
    selection=AssetSelection.assets(*recording_assets),
    partitions_def=recordings,
    executor_def=in_process_executor,
)

# After a diarization setting changes: `dagster job backfill -j rediarize --all` re-runs
# speaker_turns and everything downstream for every recording, reusing the ASR output.
rediarize = define_asset_job(
    "rediarize",
    selection=AssetSelection.assets(speakers.speaker_turns).downstream()
    & AssetSelection.assets(*recording_assets),
    partitions_def=recordings,
    executor_def=in_process_executor,
)

# Re-embed recordings into the search index: after EMBEDDING_MODEL changes (the schedule
# below), after speakers are renamed (st_sensors.workflow), or by hand with
# `dagster job backfill -j reindex --all`.
reindex = define_asset_job(
    "reindex",
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
    return index.reindex_requests(context.instance, reindex.name)
