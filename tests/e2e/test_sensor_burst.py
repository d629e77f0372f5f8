"""A burst of uploads gives exactly one run per transcript, even across a daemon SIGKILL."""

import signal
import time
from collections import Counter

import httpx
import pytest
from dagster import DagsterRunStatus

from tests.e2e.conftest import start_stack, upload
from tests.speech import synthesize

pytestmark = pytest.mark.e2e

TERMINAL = {"completed", "completed_degraded", "failed"}


@pytest.fixture(scope="module")
def burst_stack(gpu_url, log_dir):
    # What is tested here is the sensor and the runs; LLM cleanup of 40 clips would only
    # add minutes (it has its own tests).
    stack = start_stack("burst", gpu_url, log_dir, CLEANUP_LLM="false", NAMING_LLM="false")
    yield stack
    stack.stop()


def wait_all_terminal(api_url: str, token: str, ids: list[str], timeout: float) -> dict:
    """Each transcript's status, with its error reason when it has one (so a failure
    says why in the assertion message)."""
    deadline = time.monotonic() + timeout
    headers = {"Authorization": f"Bearer {token}"}
    statuses: dict[str, str] = {}
    while time.monotonic() < deadline:
        for tid in ids:
            if statuses.get(tid, "").split(":")[0] not in TERMINAL:
                body = httpx.get(f"{api_url}/api/transcripts/{tid}", headers=headers).json()
                statuses[tid] = ": ".join(filter(None, [body["status"], body["error"]]))
        if len(statuses) == len(ids) and all(
            s.split(":")[0] in TERMINAL for s in statuses.values()
        ):
            return statuses
        time.sleep(1)
    return statuses


def assert_one_successful_run_each(stack, ids: list[str]) -> None:
    """One successful run per partition. A run killed outside its stages may fail, but
    only as the parent of a retry that Dagster's run retries launched."""
    runs, partitions = stack.pipeline_runs()
    successes = Counter(
        run.tags.get("dagster/partition") for run in runs if run.status == DagsterRunStatus.SUCCESS
    )
    assert {k: successes[k] for k in ids} == {k: 1 for k in ids}
    unretried = [
        (run.tags.get("dagster/partition"), run.status)
        for run in runs
        if run.status != DagsterRunStatus.SUCCESS and "dagster/auto_retry_run_id" not in run.tags
    ]
    assert unretried == []
    assert set(ids) <= set(partitions)


# Four times the two run slots, so runs queue; each upload costs ~14 s of the suite on 2
# cores (a run's fixed start), so not 12 or 20 as before.
BURST = 8


def test_a_burst_of_uploads_runs_each_once(burst_stack, tenant, speech_dir):
    _, token = tenant
    clip = synthesize(["Short status update for the team."], speech_dir / "burst.wav")
    ids = [upload(burst_stack.api_url, token, clip, "en", f"burst {i}")["id"] for i in range(BURST)]
    statuses = wait_all_terminal(burst_stack.api_url, token, ids, timeout=420)
    assert statuses == {tid: "completed" for tid in ids}
    assert_one_successful_run_each(burst_stack, ids)


def test_daemon_sigkill_mid_burst_loses_and_duplicates_nothing(burst_stack, tenant, speech_dir):
    _, token = tenant
    clip = synthesize(["Another short status update."], speech_dir / "burst-kill.wav")
    half = BURST // 2
    ids = [upload(burst_stack.api_url, token, clip, "en", f"kill {i}")["id"] for i in range(half)]
    time.sleep(4)  # the sensor has read some of them and runs are in flight
    burst_stack.daemon.proc.send_signal(signal.SIGKILL)
    burst_stack.daemon.proc.wait(timeout=30)
    ids += [
        upload(burst_stack.api_url, token, clip, "en", f"kill {i}")["id"]
        for i in range(half, BURST)
    ]
    burst_stack.restart_daemon()
    statuses = wait_all_terminal(burst_stack.api_url, token, ids, timeout=480)
    assert statuses == {tid: "completed" for tid in ids}
    assert_one_successful_run_each(burst_stack, ids)
