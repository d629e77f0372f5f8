"""The API under load, through the running stack (`make run`) while it ingests.

    .venv/bin/python -m bench.load [--url http://127.0.0.1:8001] [--uploads 50]
        [--streams 200] [--search 8] [--chat 4] [--duration 60]

1. `--uploads` concurrent uploads of a 10 s espeak-ng clip, spread over `--tenants`
   tenants made for the bench, which the pipeline then ingests.
2. While it does: `--streams` progress streams (SSE) held open, each on one of its
   tenant's uploads (at most the per-tenant cap of 20 per tenant), `--search` search
   clients and `--chat` chat clients in closed loops, and two readers (the transcript list,
   one transcript) for `--duration` seconds. A client told 429 waits its Retry-After.

Every request's latency (for a stream: until its headers; for a chat: until its `final`
event) and status are kept per route; 429s are counted as throttled, apart from errors.
For the routes that answer at once, the server's own time (its `Server-Timing` header) is
kept too: the client shares the server's two cores, and the gap between the two is the
time the answer spent waiting for the client.
Writes bench/results/load.{json,md}: count, errors by status, throttled, p50/p95/p99 per
route, and the target (reads p95 ≤ 200 ms, no errors).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import re
import statistics
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

import httpx

from bench.asr_rtf import VOICES
from bench.common import machine, write_report
from st_resources.db.session import session_scope
from st_resources.db.tenants import create_tenant
from tests.speech import repeat_to_duration, synthesize

READS = ("GET /api/transcripts", "GET /api/transcripts/{id}", "POST /api/ai/search")
QUERIES = ["budget", "who presented the plan", "deadline for the report", "servers", "hiring"]
CLIP_SECONDS = 10
SERVER_TIMING = re.compile(r"\bapp;dur=([0-9.]+)")


class Recorder:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.server: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, route: str, started: float, status: int | str) -> None:
        self.latency[route].append((time.monotonic() - started) * 1000)
        self.statuses[route][str(status)] += 1

    def answered(self, route: str, started: float, resp: httpx.Response) -> None:
        """`add`, and the server's own time from the answer's Server-Timing header."""
        self.add(route, started, resp.status_code)
        match = SERVER_TIMING.search(resp.headers.get("server-timing", ""))
        if match:
            self.server[route].append(float(match.group(1)))

    def summary(self) -> dict[str, dict]:
        out = {}
        for route, values in sorted(self.latency.items()):
            ordered = sorted(values)
            counts = self.statuses[route]
            out[route] = {
                "n": len(values),
                "errors": {s: n for s, n in counts.items() if s[0] != "2" and s != "429"},
                "throttled": counts.get("429", 0),
                **{f"p{q}_ms": round(_percentile(ordered, q), 1) for q in (50, 95, 99)},
            }
            if route in self.server:
                server = sorted(self.server[route])
                out[route] |= {
                    f"server_p{q}_ms": round(_percentile(server, q), 1) for q in (50, 95)
                }
        return out


def _percentile(ordered: list[float], q: int) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def tenants(count: int) -> list[str]:
    with session_scope() as session:
        return [create_tenant(session, f"load-{uuid.uuid4().hex[:8]}")[1] for _ in range(count)]


async def upload(client, rec: Recorder, token: str, clip: bytes, i: int) -> str | None:
    started = time.monotonic()
    try:
        resp = await client.post(
            "/api/transcripts/create-with-rag",
            headers={"Authorization": f"Bearer {token}"},
            files={"audio_file": (f"load{i}.wav", clip, "audio/wav")},
            data={"language": "en", "title": f"load {i}"},
        )
    except httpx.HTTPError as exc:
        rec.add("POST /api/transcripts/create-with-rag", started, type(exc).__name__)
        return None
    rec.answered("POST /api/transcripts/create-with-rag", started, resp)
    return resp.json()["id"] if resp.status_code == 202 else None


async def hold_stream(client, rec: Recorder, token: str, tid: str, until: float) -> None:
    started = time.monotonic()
    try:
        async with client.stream(
            "GET", f"/api/transcripts/{tid}/events", headers={"Authorization": f"Bearer {token}"}
        ) as resp:
            rec.add("GET /api/transcripts/{id}/events (headers)", started, resp.status_code)
            if resp.status_code != 200:
                return
            async for _ in resp.aiter_bytes():
                if time.monotonic() > until:
                    return
    except httpx.HTTPError as exc:
        rec.add("GET /api/transcripts/{id}/events (headers)", started, type(exc).__name__)


async def _obey(resp: httpx.Response) -> None:
    """A client told to slow down waits as long as it is told."""
    if resp.status_code in (429, 503):
        await asyncio.sleep(float(resp.headers.get("retry-after", "1")))


async def loop(until: float, call, *args) -> None:
    while time.monotonic() < until:
        await call(*args)


async def main_async(args) -> dict:
    tokens = tenants(args.tenants)
    with tempfile.TemporaryDirectory() as tmp:
        voice, sentences = VOICES["en"]
        text = repeat_to_duration(sentences, CLIP_SECONDS)
        clip = synthesize(text, Path(tmp) / "clip.wav", voice=voice)
        audio = clip.read_bytes()
    rec = Recorder()
    limits = httpx.Limits(max_connections=args.streams + 64)
    async with httpx.AsyncClient(base_url=args.url, timeout=120, limits=limits) as client:
        owner = [tokens[i % len(tokens)] for i in range(args.uploads)]
        ids = await asyncio.gather(
            *(upload(client, rec, owner[i], audio, i) for i in range(args.uploads))
        )
        mine = [(owner[i], tid) for i, tid in enumerate(ids) if tid]
        until = time.monotonic() + args.duration
        streams = [
            hold_stream(client, rec, token, tid, until)
            for _, (token, tid) in zip(range(args.streams), itertools.cycle(mine), strict=False)
        ]
        query = itertools.cycle(QUERIES)

        async def search(token: str) -> None:
            started = time.monotonic()
            resp = await client.post(
                "/api/ai/search",
                headers={"Authorization": f"Bearer {token}"},
                json={"query": next(query), "limit": 5},
            )
            rec.answered("POST /api/ai/search", started, resp)
            await _obey(resp)

        async def chat(token: str) -> None:
            started = time.monotonic()
            async with client.stream(
                "POST",
                "/api/ai/chat",
                headers={"Authorization": f"Bearer {token}"},
                json={"message": f"What was said about the {next(query)}?", "limit": 3},
            ) as resp:
                async for line in resp.aiter_lines():
                    if line.startswith("event: final") or line.startswith("event: error"):
                        break
            rec.add("POST /api/ai/chat (until final)", started, resp.status_code)
            await _obey(resp)

        async def read(token: str, tid: str) -> None:
            headers = {"Authorization": f"Bearer {token}"}
            for route, path in (
                ("GET /api/transcripts", "/api/transcripts"),
                ("GET /api/transcripts/{id}", f"/api/transcripts/{tid}"),
            ):
                started = time.monotonic()
                resp = await client.get(path, headers=headers)
                rec.answered(route, started, resp)

        workers = [loop(until, search, tokens[i % len(tokens)]) for i in range(args.search)]
        workers += [loop(until, chat, tokens[i]) for i in range(args.chat)]
        workers += [loop(until, read, token, tid) for token, tid in mine[:2]]
        loadavg = [round(x, 2) for x in os.getloadavg()]
        await asyncio.gather(*streams, *workers)
    routes = rec.summary()
    reads_p95 = max((routes[r]["p95_ms"] for r in READS if r in routes), default=float("nan"))
    return {
        "machine": machine(loadavg),
        "settings": vars(args),
        "routes": routes,
        "reads_p95_ms": reads_p95,
        "errors": sum(sum(r["errors"].values()) for r in routes.values()),
        "throttled": sum(r["throttled"] for r in routes.values()),
        "target_met": reads_p95 <= 200 and not any(r["errors"] for r in routes.values()),
        "median_ms": {r: round(statistics.median(v), 1) for r, v in rec.latency.items()},
    }


def markdown(report: dict) -> str:
    s = report["settings"]
    lines = [
        "# The API under load while the pipeline ingests (running stack)",
        "",
        f"{report['generated_at']} · {s['uploads']} concurrent uploads, then for "
        f"{s['duration']} s: {s['streams']} progress streams held open, {s['search']} search "
        f"and {s['chat']} chat clients in closed loops, 2 readers · load average at the start "
        f"{report['machine']['loadavg_before']}, after {report['machine']['loadavg_after']}",
        "",
        "| route | requests | errors | throttled (429) | p50 ms | p95 ms | p99 ms "
        "| server p50 / p95 ms |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for route, r in report["routes"].items():
        errors = ", ".join(f"{n}× {s}" for s, n in r["errors"].items()) or "0"
        server = f"{r['server_p50_ms']} / {r['server_p95_ms']}" if "server_p50_ms" in r else "—"
        lines.append(
            f"| {route} | {r['n']} | {errors} | {r['throttled']} | {r['p50_ms']} "
            f"| {r['p95_ms']} | {r['p99_ms']} | {server} |"
        )
    met = "met" if report["target_met"] else "**not met**"
    lines += [
        "",
        f"Reads p95: {report['reads_p95_ms']} ms (target ≤ 200 ms, no errors: {met}).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=os.environ.get("API_URL", "http://127.0.0.1:8001"))
    parser.add_argument("--uploads", type=int, default=50)
    parser.add_argument("--tenants", type=int, default=10)
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--search", type=int, default=8)
    parser.add_argument("--chat", type=int, default=4)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--out", default="load")
    args = parser.parse_args()
    write_report(args.out, asyncio.run(main_async(args)), markdown)


if __name__ == "__main__":
    main()
