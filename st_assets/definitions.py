"""The one Definitions of the code location: assets, job, sensors, resources."""

from dagster import AssetSelection, Definitions, define_asset_job, in_process_executor

from st_assets import asr, finalize, ingest
from st_assets.partitions import recordings
from st_resources.dagster import (
    DatabaseResource,
    GpuServiceResource,
    ObjectStoreResource,
    ParquetObjectStoreIOManager,
    StreamsResource,
)
from st_sensors.workflow import PIPELINE_JOB, mark_failed_runs, workflow_events_sensor

recording_assets = [ingest.audio, asr.asr_segments, asr.segments, finalize.transcript]

# In-process: one process per run, not per step (SPEC §8: 2.7 s vs 10-17 s upload→done).
recording_pipeline = define_asset_job(
    PIPELINE_JOB,
    selection=AssetSelection.assets(*recording_assets),
    partitions_def=recordings,
    executor_def=in_process_executor,
)

object_store = ObjectStoreResource()

defs = Definitions(
    assets=recording_assets,
    jobs=[recording_pipeline],
    sensors=[workflow_events_sensor, mark_failed_runs],
    resources={
        "db": DatabaseResource(),
        "streams": StreamsResource(),
        "object_store": object_store,
        "gpu": GpuServiceResource(),
        "frames_io_manager": ParquetObjectStoreIOManager(object_store=object_store),
    },
)
