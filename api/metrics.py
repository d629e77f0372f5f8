"""The API's scrape-time gauges: recordings by status (the queue) and how long the oldest
has waited for a run (the pipeline's lag), the upload stream's length, whether the
circuit to gpu_service / the LLM is open, and the local object store's free disk."""

import shutil
from collections.abc import Iterable
from datetime import UTC, datetime

import redis
from fastapi import FastAPI
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from st_resources.clients.gpu import breaker_for
from st_resources.db.models import Transcript
from st_resources.db.session import session_scope
from st_resources.metrics import gauge
from st_resources.settings import get_settings

STATUSES = ("queued", "processing", "transcribed", "completed", "completed_degraded", "failed")


def api_gauges(app: FastAPI):
    def collect() -> Iterable[GaugeMetricFamily]:
        settings = get_settings()
        recordings = gauge("st_recordings", "Recordings by status", ["status"])
        try:
            with session_scope() as session:
                counts = dict(
                    session.execute(
                        select(Transcript.status, func.count()).group_by(Transcript.status)
                    ).all()
                )
                oldest = session.scalar(
                    select(func.min(Transcript.created_at)).where(Transcript.status == "queued")
                )
            for status in STATUSES:
                recordings.add_metric([status], counts.get(status, 0))
            yield recordings
            waiting = gauge("st_oldest_queued_seconds", "Age of the oldest recording not started")
            age = (datetime.now(UTC) - oldest).total_seconds() if oldest else 0.0
            waiting.add_metric([], age)
            yield waiting
        except SQLAlchemyError:
            pass  # the database is down: /health says so; no made-up zeros here
        try:
            length = app.state.redis.xlen(settings.workflow_stream)
            stream = gauge("st_workflow_stream_entries", "Entries in the workflow stream")
            stream.add_metric([], length)
            yield stream
        except redis.RedisError:
            pass
        breakers = gauge("st_circuit_open", "1 while the circuit to a service is open", ["service"])
        for name, url in (
            ("gpu_service", settings.meetnoo_api_url),
            ("llm", app.state.llm.base_url),
        ):
            breakers.add_metric([name], float(breaker_for(url.rstrip("/")).current_state == "open"))
        yield breakers
        if not settings.aws_s3_bucket and settings.storage_dir.exists():
            usage = shutil.disk_usage(settings.storage_dir)
            free = gauge("st_object_store_free_ratio", "Free share of the object store's disk")
            free.add_metric([], usage.free / usage.total)
            yield free

    return collect
