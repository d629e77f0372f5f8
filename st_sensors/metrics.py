"""Refresh the metric marts when recordings have finished since the last build: one dbt
build per batch, at most every METRICS_REFRESH_S, instead of a cron guess or one per
recording."""

from dagster import (
    DefaultSensorStatus,
    RunRequest,
    SensorDefinition,
    SensorEvaluationContext,
    SensorResult,
    sensor,
)

from st_resources.dagster import DatabaseResource
from st_resources.settings import get_settings
from st_resources.transcripts import store as transcripts


def metrics_sensor(job) -> SensorDefinition:
    @sensor(
        job=job,
        minimum_interval_seconds=max(30, get_settings().metrics_refresh_s),
        default_status=DefaultSensorStatus.RUNNING,
    )
    def metrics_refresh(context: SensorEvaluationContext, db: DatabaseResource) -> SensorResult:
        """The cursor is the newest finish time built from: a build runs once it moves."""
        if not get_settings().metrics_refresh_s:
            return SensorResult(skip_reason="metric rebuilds are off (METRICS_REFRESH_S=0)")
        with db.session() as session:
            latest = transcripts.last_finished_at(session)
        if latest is None or (context.cursor and latest.isoformat() <= context.cursor):
            return SensorResult(skip_reason="no recording finished since the last build")
        stamp = latest.isoformat()
        return SensorResult(run_requests=[RunRequest(run_key=stamp)], cursor=stamp)

    return metrics_refresh
