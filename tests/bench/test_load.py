"""bench.load's bookkeeping: the server's time is read from the answer's header."""

import time

import httpx

from bench.load import Recorder


def test_the_servers_time_is_kept_beside_the_clients():
    rec = Recorder()
    for ms in ("12.5", "40.0"):
        resp = httpx.Response(200, headers={"server-timing": f"app;dur={ms}"})
        rec.answered("GET /x", time.monotonic() - 0.1, resp)
    rec.answered("GET /x", time.monotonic(), httpx.Response(503))
    summary = rec.summary()["GET /x"]
    assert summary["n"] == 3 and summary["errors"] == {"503": 1}
    assert summary["server_p50_ms"] == 12.5 and summary["server_p95_ms"] == 40.0
    assert summary["p50_ms"] >= 100
