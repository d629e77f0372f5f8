"""`make run`'s script (scripts/run.sh), run for real: it refuses a port already taken, and
a start that fails leaves nothing behind — every process it started gone (Dagster's
included, which once ignored SIGTERM under the script) and every port free for the next
try."""

import os
import socket
import subprocess
from pathlib import Path

import pytest

from tests.stack import BIN, ROOT, free_port

pytestmark = pytest.mark.e2e

PORTS = (
    "GPU_SERVICE_PORT",
    "API_PORT",
    "DAGSTER_PORT",
    "DAGSTER_CODE_SERVER_PORT",
    "DAGSTER_METRICS_SERVER_PORT",
)


def taken(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def script_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, DAGSTER_HOME=str(tmp_path / "dagster"), ST_LOG_DIR=str(tmp_path))
    # The test session's database is shared: no reconciliation or metric rebuild there.
    env.update(LOST_UPLOADS_AFTER_S="0", METRICS_REFRESH_S="0")
    env.update({name: str(free_port()) for name in PORTS}, **extra)
    subprocess.run([str(BIN / "st"), "dagster-home"], env=env, check=True, capture_output=True)
    return env


def run_script(env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["scripts/run.sh"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def processes_with(marker: str) -> list[str]:
    """Command lines of the processes whose environment holds `marker` (every process the
    script started does)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker.encode() in (proc / "environ").read_bytes():
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            pass
    return found


def stopped_gracefully(log: Path) -> bool:
    return "Shutting down Dagster code proxy server" in log.read_text()


def test_refuses_a_port_already_taken(tmp_path):
    env = script_env(tmp_path)
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", int(env["API_PORT"])))
        holder.listen()
        result = run_script(env, timeout=30)
    assert result.returncode == 1
    assert f"port {env['API_PORT']} is already in use" in result.stderr
    assert not list(tmp_path.glob("*.log")), "nothing may start"


def test_failed_start_stops_everything_it_started(tmp_path):
    (no_model := tmp_path / "no-model").mkdir()
    env = script_env(tmp_path, WHISPER_MODEL=str(no_model))
    result = run_script(env, timeout=300)
    assert result.returncode == 1, result.stdout
    assert "gpu_service cannot serve" in result.stderr and "model.bin" in result.stderr
    servers = {"dagster-code-server", "dagster-metrics-server"}
    assert {p.stem for p in tmp_path.glob("*.log")} >= {"gpu_service", *servers}
    assert processes_with(f"DAGSTER_HOME={env['DAGSTER_HOME']}") == []
    assert not [name for name in PORTS if taken(int(env[name]))]
    # The code servers stopped on SIGTERM, as they should, not on the SIGKILL 15 s later.
    assert "stopping..." in result.stdout
    for server in servers:
        assert stopped_gracefully(tmp_path / f"{server}.log"), server
