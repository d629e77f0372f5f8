"""The recordings code location: the recording assets, their jobs and schedule, the
workflow sensors, their resources. The metric marts are another location
(st_assets.metrics_definitions): a recording's run worker loads its whole location, and
dbt was 1.4 of its 3.4 s start."""

from dagster import Definitions

from st_assets.jobs import (
    recording_assets,
    recording_pipeline,
    rediarize,
    reindex,
    reindex_on_model_change,
)
from st_resources.dagster import resources_from
from st_resources.settings import get_settings
from st_sensors.workflow import workflow_sensors

defs = Definitions(
    assets=recording_assets,
    jobs=[recording_pipeline, rediarize, reindex],
    schedules=[reindex_on_model_change],
    sensors=workflow_sensors(recording_pipeline, reindex),
    resources=resources_from(get_settings()),
)
