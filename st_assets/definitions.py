"""The one Definitions of the code location: assets, jobs, schedule, sensors, resources."""

from dagster import Definitions

from st_assets.jobs import (
    metrics_build,
    recording_assets,
    recording_pipeline,
    rediarize,
    reindex,
    reindex_on_model_change,
)
from st_assets.metrics import dbt_resource, metric_marts
from st_resources.dagster import resources_from
from st_resources.settings import get_settings
from st_sensors.metrics import metrics_sensor
from st_sensors.workflow import workflow_sensors

settings = get_settings()
defs = Definitions(
    assets=[*recording_assets, metric_marts],
    jobs=[recording_pipeline, rediarize, reindex, metrics_build],
    schedules=[reindex_on_model_change],
    sensors=[*workflow_sensors(recording_pipeline, reindex), metrics_sensor(metrics_build)],
    resources={**resources_from(settings), "dbt": dbt_resource(settings.database_url)},
)
