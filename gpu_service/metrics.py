"""gpu_service's scrape-time metrics: each engine's readiness, and the LLM's generated
tokens and generation seconds (their rates' ratio is tokens per second)."""

from collections.abc import Iterable

from fastapi import FastAPI
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

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
        usage = app.state.llm_usage
        tokens = CounterMetricFamily("st_llm_generated_tokens", "Tokens the LLM generated")
        tokens.add_metric([], usage.generated)
        yield tokens
        seconds = CounterMetricFamily("st_llm_generation_seconds", "Seconds spent generating")
        seconds.add_metric([], usage.seconds)
        yield seconds

    return collect
