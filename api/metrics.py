"""The API's scrape-time gauges: recordings by status (the queue), the upload stream's
length, and whether the circuit to gpu_service / the LLM is open."""

from collections.abc import Iterable

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
            for status in STATUSES:
                recordings.add_metric([status], counts.get(status, 0))
            yield recordings
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

    return collect
