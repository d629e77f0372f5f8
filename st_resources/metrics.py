"""Prometheus for the HTTP services: request latency per route and requests in flight
(prometheus-fastapi-instrumentator), plus gauges a service reads at scrape time.

Each app gets its own registry, so building an app twice (tests) registers nothing twice.
`/metrics` names no tenant and no content; in compose it is only reachable inside the
backend network, or through the API's port.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from fastapi import FastAPI
from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from prometheus_fastapi_instrumentator import Instrumentator

Gauges = Callable[[], Iterable[GaugeMetricFamily]]


class _InFlight:
    """Counts the HTTP requests being served (streams included). The instrumentator's
    own in-progress gauge always goes to the global registry, so it is not used."""

    def __init__(self, app, counter: list[int]):
        self.app, self.counter = app, counter

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        self.counter[0] += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.counter[0] -= 1


class _ScrapeTime(Collector):
    def __init__(self, gauges: Gauges, in_flight: list[int]):
        self.gauges, self.in_flight = gauges, in_flight

    def collect(self) -> Iterable[GaugeMetricFamily]:
        serving = gauge("http_requests_inprogress", "HTTP requests being served")
        serving.add_metric([], self.in_flight[0])
        yield serving
        yield from self.gauges()


def instrument(app: FastAPI, gauges: Gauges = lambda: ()) -> None:
    """Latency histograms per route template and in-flight requests on `app`, exposed
    with `gauges()` at GET /metrics. Streamed responses are timed to their first byte."""
    registry, in_flight = CollectorRegistry(), [0]
    registry.register(_ScrapeTime(gauges, in_flight))
    Instrumentator(
        should_exclude_streaming_duration=True,
        excluded_handlers=["/metrics"],
        registry=registry,
    ).instrument(app).expose(app, endpoint="/metrics", include_in_schema=False)
    app.add_middleware(_InFlight, counter=in_flight)


def gauge(name: str, documentation: str, labels: list[str] | None = None) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, labels=labels or [])
