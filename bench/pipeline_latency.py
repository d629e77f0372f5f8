"""Upload → run started and upload → completed, through the running stack (`make run`).

    .venv/bin/python -m bench.pipeline_latency [--url http://127.0.0.1:8001] [--runs 3]

Uploads a 60 s espeak-ng clip `--runs` times, one after another, and follows each
transcript's SSE stream: "run started" is the first stage event (the run's first asset
began), "completed" the final event. Medians; writes bench/results/pipeline_latency.*.
"""

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from httpx_sse import connect_sse

from bench.asr_rtf import make_clip, seconds
from bench.common import machine, write_report


def one_upload(client: httpx.Client, clip: Path) -> dict[str, float]:
    started = time.monotonic()
    with clip.open("rb") as fh:
        resp = client.post(
            "/api/transcripts/create-with-rag",
            files={"audio_file": (clip.name, fh, "audio/wav")},
            data={"language": "en", "title": "latency bench"},
        )
    resp.raise_for_status()
    accepted = time.monotonic() - started
    first = final = None
    with connect_sse(client, "GET", resp.json()["events_url"]) as source:
        for sse in source.iter_sse():
            if sse.event == "progress" and first is None:
                first = time.monotonic() - started
            if sse.event == "final":
                final = time.monotonic() - started
                status = json.loads(sse.data)["status"]
                break
    return {"accepted_s": accepted, "run_started_s": first, "completed_s": final, "status": status}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=os.environ.get("API_URL", "http://127.0.0.1:8001"))
    parser.add_argument("--token", default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    token = args.token or Path("var/demo_token").read_text().strip()
    with tempfile.TemporaryDirectory() as tmp:
        clip = make_clip("en", Path(tmp))
        audio_s = seconds(clip)
        headers = {"Authorization": f"Bearer {token}"}
        loadavg_before = [round(x, 2) for x in os.getloadavg()]
        with httpx.Client(base_url=args.url, headers=headers, timeout=600) as client:
            runs = [one_upload(client, clip) for _ in range(args.runs)]
    summary = {
        key: round(statistics.median(r[key] for r in runs), 2)
        for key in ("accepted_s", "run_started_s", "completed_s")
    }
    report = {
        "machine": machine(loadavg_before),
        "audio_s": audio_s,
        "runs": runs,
        "median": summary,
        "realtime_factor": round(audio_s / summary["completed_s"], 2),
    }
    write_report("pipeline_latency", report, markdown)


def markdown(report: dict) -> str:
    median = report["median"]
    return (
        "# Upload → transcript latency (running stack)\n\n"
        f"{report['generated_at']} · {report['audio_s']:.0f} s English espeak clip · median of "
        f"{len(report['runs'])} · load average before {report['machine']['loadavg_before']}\n\n"
        "| upload accepted (s) | run started (s) | completed (s) | end-to-end RTF |\n"
        "|---|---|---|---|\n"
        f"| {median['accepted_s']} | {median['run_started_s']} | {median['completed_s']} "
        f"| {report['realtime_factor']} |\n"
    )


if __name__ == "__main__":
    main()
