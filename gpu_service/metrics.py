"""gpu_service's scrape-time gauges: each engine's state (loading, ready, dead...)."""

from collections.abc import Iterable

from fastapi import FastAPI
from prometheus_client.core import GaugeMetricFamily

from gpu_service.slots import EngineSlot
from st_resources.metrics import gauge

ENGINES = ("asr", "embedder", "diarizer", "llm")


def engine_gauges(app: FastAPI):
    def collect() -> Iterable[GaugeMetricFamily]:
        ready = gauge("st_engine_ready", "1 while an engine serves requests", ["engine"])
        for name in ENGINES:
            slot: EngineSlot | None = getattr(app.state, name, None)
            ready.add_metric([name], float(slot is not None and slot.status == "ready"))
        yield ready

    return collect
