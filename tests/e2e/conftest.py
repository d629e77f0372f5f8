"""Fixtures that run the real processes (gpu_service and `log_dir` come from
tests/conftest.py, shared with the API tests): per module an API, Dagster code server and
daemon with their own Dagster database, Redis database and DAGSTER_HOME."""

import json
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from httpx_sse import connect_sse

from tests.conftest import PG, RUN_ID, recreate_database
from tests.stack import (
    BIN,
    Process,
    start_api,
    start_code_servers,
    start_daemon,
)


@dataclass
class Stack:
    api_url: str
    env: dict[str, str]
    log_dir: Path
    api: Process
    code_servers: list[Process]
    daemon: Process

    def restart_daemon(self) -> None:
        self.daemon = start_daemon(self.env, self.log_dir)

    def stop(self, grace_s: float = 15) -> None:
        """All at once, with one grace period for all: the daemon and the code servers
        each take up to their whole grace period, and one after the other they made each
        stack's teardown ~45 s."""
        processes = [self.daemon, *self.code_servers, self.api]
        for process in processes:
            process.terminate()
        deadline = time.monotonic() + grace_s
        for process in processes:
            process.stop(deadline - time.monotonic())

    def instance(self):
        from dagster import DagsterInstance

        return DagsterInstance.from_config(self.env["DAGSTER_HOME"])

    def pipeline_runs(self, wait_s: float = 60) -> tuple[list, list[str]]:
        """The recording pipeline's runs once all have finished (or after `wait_s`: a run
        ends just after its last asset), and the recordings partitions."""
        from dagster import RunsFilter

        instance = self.instance()
        try:
            deadline = time.monotonic() + wait_s
            while True:
                runs = instance.get_runs(RunsFilter(job_name="recording_pipeline"))
                if all(run.is_finished for run in runs) or time.monotonic() > deadline:
                    return runs, instance.get_dynamic_partitions("recordings")
                time.sleep(0.5)
        finally:
            instance.dispose()


def start_stack(name: str, gpu_url: str, log_dir: Path, **extra: str) -> Stack:
    """API, code server and daemon with their own Dagster database and streams; `extra`
    overrides settings. The lost-uploads reconciliation and the metric rebuilds are off:
    the app database is the test session's, and other tests' recordings stay queued on
    purpose."""
    env = dict(os.environ)
    env.update(
        DAGSTER_HOME=tempfile.mkdtemp(prefix=f"st-dagster-{name}-"),
        DAGSTER_DATABASE_URL=f"{PG}/st_test_{RUN_ID}_dagster_{name}",
        WORKFLOW_STREAM=f"t{RUN_ID}-{name}:workflow:events",
        PIPELINE_STREAM=f"t{RUN_ID}-{name}:pipeline:events",
        MEETNOO_API_URL=gpu_url,
        LOST_UPLOADS_AFTER_S="0",
        # Builds of the marts on the shared test database would race the metrics tests'.
        METRICS_REFRESH_S="0",
    )
    env.update(extra)
    recreate_database(env["DAGSTER_DATABASE_URL"])
    subprocess.run([str(BIN / "st"), "dagster-home"], env=env, check=True, capture_output=True)
    stack_logs = log_dir / name
    stack_logs.mkdir(exist_ok=True)
    code_servers = start_code_servers(env, stack_logs)
    api, api_url = start_api(env, stack_logs)
    return Stack(api_url, env, stack_logs, api, code_servers, start_daemon(env, stack_logs))


@pytest.fixture(scope="session")
def local_stack(gpu_url, log_dir):
    stack = start_stack("local", gpu_url, log_dir)
    yield stack
    stack.stop()


def upload(api_url: str, token: str, path: Path, language: str, title: str) -> dict:
    with path.open("rb") as fh:
        resp = httpx.post(
            f"{api_url}/api/transcripts/create-with-rag",
            headers={"Authorization": f"Bearer {token}"},
            files={"audio_file": (path.name, fh, "audio/wav")},
            data={"language": language, "title": title},
            timeout=60,
        )
    assert resp.status_code == 202, resp.text
    return resp.json()


def iter_events(api_url: str, token: str, events_url: str, timeout: float = 300):
    """(event type, payload, id) from the SSE stream as they come, until the final event,
    so a test can act between them."""
    started = time.monotonic()
    with httpx.Client(base_url=api_url, timeout=timeout) as client:
        headers = {"Authorization": f"Bearer {token}"}
        with connect_sse(client, "GET", events_url, headers=headers) as source:
            for sse in source.iter_sse():
                if sse.event not in ("progress", "final"):
                    continue  # keep-alive pings
                yield sse.event, json.loads(sse.data), sse.id
                if sse.event == "final" or time.monotonic() - started > timeout:
                    return


def follow_events(api_url: str, token: str, events_url: str, timeout: float = 300) -> list:
    """Read the SSE stream until the final event; returns [(event type, payload, id)]."""
    return list(iter_events(api_url, token, events_url, timeout))


def get_transcript(api_url: str, token: str, tid: str) -> dict:
    resp = httpx.get(
        f"{api_url}/api/transcripts/{tid}", headers={"Authorization": f"Bearer {token}"}
    )
    assert resp.status_code == 200, resp.text
    return resp.json()
