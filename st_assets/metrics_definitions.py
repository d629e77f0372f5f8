"""The metrics code location: the dbt marts (st_assets.metrics), the job that builds them
and the sensor that starts it when recordings have finished. Their source, the
`transcript` asset, lives in the recordings location (st_assets.definitions); the UI draws
the lineage across the two."""

from dagster import AssetSelection, Definitions, define_asset_job

from st_assets.metrics import dbt_resource, metric_marts
from st_resources.dagster import DatabaseResource
from st_resources.settings import get_settings
from st_sensors.metrics import metrics_sensor

# dbt build of the metric marts; st_sensors.metrics starts it when recordings finished.
metrics_build = define_asset_job("metrics", selection=AssetSelection.assets(metric_marts))

settings = get_settings()
defs = Definitions(
    assets=[metric_marts],
    jobs=[metrics_build],
    sensors=[metrics_sensor(metrics_build)],
    resources={
        "db": DatabaseResource(url=settings.database_url),
        "dbt": dbt_resource(settings.database_url),
    },
)
