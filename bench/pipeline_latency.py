"""Upload → run started, readable and completed, through the running stack (`make run`).

    .venv/bin/python -m bench.pipeline_latency [--url http://127.0.0.1:8001] [--runs 3]

Uploads a 60 s espeak-ng clip `--runs` times, one after another, and follows each
transcript's SSE stream: "run started" is the first stage event (the run's first asset
began), "readable" the `readable` stage's completion (status `transcribed`), "completed"
the final event. The time to the run's start is split by the run's own Dagster events
(read from DAGSTER_HOME, var/dagster_home by default): the sensor's run request, its
entry in the queue, the queue's launch, the run worker's start (its process has loaded
the code), the first step.
Medians; writes bench/results/pipeline_latency.*.
"""

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from dagster import DagsterEventType, DagsterInstance, RunsFilter
from httpx_sse import connect_sse

from bench.asr_rtf import make_clip, seconds
from bench.common import machine, write_report

READABLE = ("readable", "completed")
STEPS = {
    "run_requested_s": None,  # the run's creation: the sensor read the upload's event
    "enqueued_s": DagsterEventType.RUN_ENQUEUED,
    "launched_s": DagsterEventType.RUN_STARTING,  # the queue took it: a worker is starting
    "worker_started_s": DagsterEventType.RUN_START,
    "first_step_s": DagsterEventType.STEP_START,
}


def dagster_steps(instance: DagsterInstance, tid: str, uploaded_at: float) -> dict[str, float]:
    """Seconds from the upload to each step of the transcript's first run."""
    runs = instance.get_runs(RunsFilter(tags={"dagster/partition": tid}))
    run = min(runs, key=lambda r: instance.get_run_record_by_id(r.run_id).create_timestamp)
    record = instance.get_run_record_by_id(run.run_id)
    out = {"run_requested_s": record.create_timestamp.timestamp() - uploaded_at}
    for entry in instance.all_logs(run.run_id):
        kind = entry.dagster_event.event_type if entry.dagster_event else None
        for key, wanted in STEPS.items():
            if wanted is not None and kind == wanted and key not in out:
                out[key] = entry.timestamp - uploaded_at
    return {key: round(value, 2) for key, value in out.items()}


def one_upload(client: httpx.Client, clip: Path, instance: DagsterInstance) -> dict[str, float]:
    uploaded_at = time.time()
    started = time.monotonic()
    with clip.open("rb") as fh:
        resp = client.post(
            "/api/transcripts/create-with-rag",
            files={"audio_file": (clip.name, fh, "audio/wav")},
            data={"language": "en", "title": "latency bench"},
        )
    resp.raise_for_status()
    accepted = time.monotonic() - started
    first = readable = final = None
    with connect_sse(client, "GET", resp.json()["events_url"]) as source:
        for sse in source.iter_sse():
            if sse.event == "progress":
                data = json.loads(sse.data)
                first = first or time.monotonic() - started
                if (data["stage"], data["status"]) == READABLE:
                    readable = time.monotonic() - started
            if sse.event == "final":
                final = time.monotonic() - started
                status = json.loads(sse.data)["status"]
                break
    return {
        "accepted_s": accepted,
        "run_started_s": first,
        "readable_s": readable,
        "completed_s": final,
        "status": status,
        **dagster_steps(instance, resp.json()["id"], uploaded_at),
    }


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
        home = os.environ.get("DAGSTER_HOME", str(Path("var/dagster_home").resolve()))
        instance = DagsterInstance.from_config(home)
        with httpx.Client(base_url=args.url, headers=headers, timeout=600) as client:
            runs = [one_upload(client, clip, instance) for _ in range(args.runs)]
        instance.dispose()
    summary = {
        key: round(statistics.median(r[key] for r in runs), 2)
        for key in ("accepted_s", *STEPS, "run_started_s", "readable_s", "completed_s")
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
    steps = ["accepted_s", *STEPS, "run_started_s", "readable_s", "completed_s"]
    return (
        "# Upload → transcript latency (running stack)\n\n"
        f"{report['generated_at']} · {report['audio_s']:.0f} s English espeak clip · median of "
        f"{len(report['runs'])} · load average before {report['machine']['loadavg_before']}\n\n"
        "Seconds from the upload's start: accepted (202), the sensor's run request, queued, "
        "launched by the queue, run worker started, first step, first stage event seen on "
        "SSE, readable, completed.\n\n"
        f"| {' | '.join(s.removesuffix('_s') for s in steps)} | end-to-end RTF |\n"
        f"|{'---|' * (len(steps) + 1)}\n"
        f"| {' | '.join(str(median[s]) for s in steps)} | {report['realtime_factor']} |\n"
    )


if __name__ == "__main__":
    main()
