"""The one Definitions of the code location: assets, jobs, schedule, sensors, resources."""

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
