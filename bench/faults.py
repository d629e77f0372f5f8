"""Faults, one at a time, on a real stack started here: what the user sees, whether an
upload is lost, processed twice or half-written, and how long until things work again.

    .venv/bin/python -m bench.faults [--only api,daemon,worker,gpu,redis,postgres] [--out NAME]

The stack is the one the end-to-end tests run (gpu_service, API, Dagster code server and
daemon, with their own databases and streams, dropped at the end; LLM stages off, so a
run lasts seconds), on loopback; `redis` and `postgres` restart this machine's servers.
Each scenario uploads 10 s espeak-ng clips and then:

- `api`: SIGKILL of the API while an upload's body is arriving; the API is started again.
- `daemon`: SIGKILL of the Dagster daemon while a recording is processing; started again.
- `worker`: SIGKILL of the run's worker process (spawned by the code server) mid-run.
- `gpu`: SIGKILL of gpu_service while the recording is being transcribed; started again
  on its port.
- `redis`: Redis shut down with its append-only file on, while a recording is processing,
  and started again (scripts/services.sh); uploads meanwhile.
- `postgres`: PostgreSQL restarted during a burst of ten uploads.

Recovery is from the fault to the first request that works again (API, uploads) and to the
recording's final status. "Runs" counts the successful pipeline runs of each recording
(exactly one is right). The LLM's faults (down, garbage) are tests/e2e/test_llm_faults.py.
Writes bench/results/faults.{json,md}.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
from dagster import DagsterRunStatus
from sqlalchemy import func, select

from bench.common import write_report
from st_resources.clients.storage import store_from_settings
from st_resources.db.migrate import upgrade
from st_resources.db.models import Transcript
from st_resources.db.session import get_engine, session_scope
from st_resources.db.tenants import create_tenant
from tests.conftest import drop_database, recreate_database
from tests.e2e.conftest import Stack, start_stack
from tests.speech import synthesize
from tests.stack import BIN, Process, start_api, start_gpu_service, wait_http

TERMINAL = {"completed", "completed_degraded", "failed"}
UPLOAD = "/api/transcripts/create-with-rag"


class Bench:
    def __init__(self, stack: Stack, gpu: Process, gpu_url: str, clip: Path):
        self.stack, self.gpu, self.gpu_url, self.clip = stack, gpu, gpu_url, clip
        with session_scope() as session:
            tenant, self.token = create_tenant(session, f"faults-{uuid.uuid4().hex[:6]}")
            self.tenant_id = tenant.id

    @property
    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    def upload(self, timeout: float = 30) -> httpx.Response:
        return httpx.post(
            self.stack.api_url + UPLOAD,
            headers=self.headers,
            files={"audio_file": ("clip.wav", self.clip.read_bytes(), "audio/wav")},
            data={"language": "en", "title": "fault"},
            timeout=timeout,
        )

    def status(self, tid: str) -> str:
        with session_scope() as session:
            return session.get(Transcript, uuid.UUID(tid)).status

    def wait_status(self, tid: str, wanted: set[str], timeout: float = 300) -> float:
        """Seconds until the recording's status is one of `wanted` (inf on timeout)."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            try:
                if self.status(tid) in wanted:
                    return time.monotonic() - started
            except Exception:  # noqa: BLE001 - the database may be restarting
                pass
            time.sleep(0.2)
        return float("inf")

    def until_ok(self, call, timeout: float = 120) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            try:
                if call():
                    return time.monotonic() - started
            except Exception:  # noqa: BLE001 - still down
                pass
            time.sleep(0.2)
        return float("inf")

    def successful_runs(self, tids: list[str]) -> dict[str, int]:
        runs, _ = self.stack.pipeline_runs()
        done = Counter(
            run.tags.get("dagster/partition")
            for run in runs
            if run.status == DagsterRunStatus.SUCCESS
        )
        return {tid: done[tid] for tid in tids}

    def rows_and_objects(self) -> tuple[int, int]:
        with session_scope() as session:
            rows = session.scalar(
                select(func.count())
                .select_from(Transcript)
                .where(Transcript.tenant_id == self.tenant_id)
            )
        objects = store_from_settings().list(f"tenants/{self.tenant_id}/")
        return rows or 0, len(objects)

    def processing(self) -> str:
        """An upload, once its run is processing."""
        tid = self.upload().json()["id"]
        self.wait_status(tid, {"processing"}, timeout=120)
        return tid

    def outcome(self, tids: list[str], started: float) -> dict:
        finals = {}
        for tid in tids:
            self.wait_status(tid, TERMINAL)
            finals[tid] = self.status(tid)
        return {
            "final": dict(Counter(finals.values())),
            "runs": sorted(set(self.successful_runs(tids).values())),
            "to_final_s": round(time.monotonic() - started, 1),
        }


def api_killed_mid_upload(b: Bench) -> dict:
    before = b.rows_and_objects()
    errors: list[str] = []

    def slow_body():
        yield (
            b'--b\r\nContent-Disposition: form-data; name="audio_file"; filename="a.wav"\r\n'
            b"Content-Type: audio/wav\r\n\r\n" + b.clip.read_bytes()[:44]
        )
        for _ in range(200):
            time.sleep(0.05)
            yield b"\x00" * 32_000

    def send():
        try:
            httpx.post(
                b.stack.api_url + UPLOAD,
                headers={**b.headers, "Content-Type": "multipart/form-data; boundary=b"},
                content=slow_body(),
                timeout=60,
            )
        except httpx.HTTPError as exc:
            errors.append(type(exc).__name__)

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(1.5)
    b.stack.api.kill()
    killed = time.monotonic()
    sender.join()
    b.stack.api, b.stack.api_url = start_api(b.stack.env, b.stack.log_dir)
    back = time.monotonic() - killed
    after = b.rows_and_objects()
    tid = b.upload().json()["id"]
    return {
        "fault": "API SIGKILL mid-upload",
        "user_sees": f"the upload fails ({', '.join(errors) or 'no error'}); it must be sent again",
        "half_written": after != before,
        "recovery_s": round(back, 1),
        **b.outcome([tid], time.monotonic()),
    }


def daemon_killed_mid_run(b: Bench) -> dict:
    tid = b.processing()
    b.stack.daemon.kill()
    killed = time.monotonic()
    queued = b.upload().json()["id"]  # arrives while the daemon is down
    time.sleep(2)
    b.stack.restart_daemon()
    return {
        "fault": "Dagster daemon SIGKILL mid-run",
        "user_sees": "nothing: the running recording goes on; one uploaded meanwhile starts "
        "when the daemon is back",
        "half_written": False,
        "recovery_s": round(b.wait_status(queued, {"processing", *TERMINAL}), 1),
        **b.outcome([tid, queued], killed),
    }


def worker_killed_mid_run(b: Bench) -> dict:
    tid = b.processing()
    # The code server starts each run in a process of its own (multiprocessing, spawned),
    # in its process group.
    group = str(os.getpgid(b.stack.code_servers[0].proc.pid))  # the recordings location
    found: list[str] = []
    deadline = time.monotonic() + 15
    while not found and time.monotonic() < deadline:
        found = subprocess.run(
            ["pgrep", "-g", group, "-f", "spawn_main"], capture_output=True, text=True
        ).stdout.split()
    for pid in found:
        os.kill(int(pid), signal.SIGKILL)
    killed = time.monotonic()
    return {
        "fault": f"run worker SIGKILL mid-run ({len(found)} process)",
        "user_sees": "the recording goes on after run monitoring notices and Dagster's run "
        "retry starts it again",
        "half_written": False,
        "recovery_s": None,
        **b.outcome([tid], killed),
    }


def gpu_killed_mid_request(b: Bench) -> dict:
    tid = b.processing()
    b.gpu.kill()
    killed = time.monotonic()
    port = b.gpu_url.rsplit(":", 1)[1]
    b.gpu = Process(
        "gpu_service",
        [str(BIN / "python"), "-m", "gpu_service", "--port", port],
        dict(os.environ),
        b.stack.log_dir,
    )
    wait_http(b.gpu_url + "/ready", timeout=240, proc=b.gpu.proc)
    return {
        "fault": "gpu_service SIGKILL mid-request",
        "user_sees": "the stage retries (REMOTE_RETRY) and the recording completes, later",
        "half_written": False,
        "recovery_s": round(time.monotonic() - killed, 1),
        **b.outcome([tid], killed),
    }


def redis_restarted(b: Bench) -> dict:
    subprocess.run(["redis-cli", "CONFIG", "SET", "appendonly", "yes"], check=True)
    b.until_ok(
        lambda: (
            "aof_rewrite_in_progress:0"
            in subprocess.run(
                ["redis-cli", "INFO", "persistence"], capture_output=True, text=True
            ).stdout
        )
    )
    tid = b.processing()
    length = _xlen(b.stack.env["WORKFLOW_STREAM"])
    subprocess.run(["redis-cli", "SHUTDOWN"], check=False)
    down = time.monotonic()
    before = b.rows_and_objects()
    during = b.upload(timeout=30)
    left = b.rows_and_objects() != before
    subprocess.run(["scripts/services.sh"], check=True, capture_output=True)
    kept = _xlen(b.stack.env["WORKFLOW_STREAM"])
    b.until_ok(lambda: b.upload().status_code == 202)
    return {
        "fault": "Redis restart (append-only file on)",
        "user_sees": f"an upload meanwhile: {during.status_code} "
        f"({during.json().get('detail', '')[:70]}); stream entries kept {kept}/{length}",
        "half_written": during.status_code != 202 and left,
        "recovery_s": round(time.monotonic() - down, 1),
        **b.outcome([tid], down),
    }


def _xlen(stream: str) -> int:
    db = os.environ["REDIS_URL"].rsplit("/", 1)[-1] or "0"
    out = subprocess.run(
        ["redis-cli", "-n", db, "XLEN", stream], capture_output=True, text=True
    ).stdout
    return int(out.strip() or 0)


def postgres_restarted(b: Bench) -> dict:
    results: list[int | str] = []

    def one() -> None:
        try:
            resp = b.upload(timeout=60)
            results.append(resp.status_code)
            if resp.status_code == 202:
                accepted.append(resp.json()["id"])
        except httpx.HTTPError as exc:
            results.append(type(exc).__name__)

    accepted: list[str] = []
    rows_before, _ = b.rows_and_objects()
    threads = [threading.Thread(target=one) for _ in range(10)]
    for i, t in enumerate(threads):
        t.start()
        if i == 4:
            cluster = sorted(os.listdir("/etc/postgresql"))[0]
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"],
                check=True,
            )
            restarted = time.monotonic()
    for t in threads:
        t.join()
    b.until_ok(lambda: b.upload().status_code == 202)
    recovered = round(time.monotonic() - restarted, 1)
    rows_after, _ = b.rows_and_objects()
    return {
        "fault": "PostgreSQL restart during 10 uploads",
        "user_sees": f"answers {dict(Counter(map(str, results)))}",
        # Every accepted upload has its row, and no refused one left a row behind (the
        # one upload made to check recovery adds one).
        "half_written": rows_after - rows_before != len(accepted) + 1,
        "recovery_s": recovered,
        **b.outcome(accepted, restarted),
    }


SCENARIOS = {
    "api": api_killed_mid_upload,
    "daemon": daemon_killed_mid_run,
    "worker": worker_killed_mid_run,
    "gpu": gpu_killed_mid_request,
    "redis": redis_restarted,
    "postgres": postgres_restarted,
}


def markdown(report: dict) -> str:
    lines = [
        "# Faults on a real stack (loopback, 2 cores)",
        "",
        f"{report['generated_at']} · LLM stages off · 10 s espeak-ng clips",
        "",
        "| fault | what the user sees | half-written | successful runs per recording | "
        "final status | recovery (s) | fault → final (s) |",
        "|---|---|---|---|---|---:|---:|",
    ]
    for r in report["scenarios"]:
        half = "**yes**" if r["half_written"] else "no"
        recovery = "—" if r["recovery_s"] is None else r["recovery_s"]
        lines.append(
            f"| {r['fault']} | {r['user_sees']} | {half} | {r['runs']} | {r['final']} "
            f"| {recovery} | {r['to_final_s']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SCENARIOS))
    parser.add_argument("--out", default="faults")
    args = parser.parse_args()
    # tests.conftest (through tests.e2e.conftest) named this run's databases and streams.
    recreate_database(os.environ["DATABASE_URL"])
    upgrade(os.environ["DATABASE_URL"])
    logs = Path(tempfile.mkdtemp(prefix="faults-"))
    gpu, gpu_url = start_gpu_service(dict(os.environ), logs)
    stack = start_stack("faults", gpu_url, logs, CLEANUP_LLM="false", NAMING_LLM="false")
    clip = synthesize(["Good morning, this is the weekly status update."], logs / "clip.wav")
    bench = Bench(stack, gpu, gpu_url, clip)
    try:
        rows = []
        for name in args.only.split(","):
            rows.append(SCENARIOS[name](bench))
            print(rows[-1], flush=True)
    finally:
        stack.stop()
        bench.gpu.stop()
        get_engine().dispose()
        for url in (os.environ["DATABASE_URL"], stack.env["DAGSTER_DATABASE_URL"]):
            drop_database(url)
    write_report(args.out, {"logs": str(logs), "scenarios": rows}, markdown)


if __name__ == "__main__":
    main()
