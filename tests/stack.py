"""Start the real processes (gpu_service, API, Dagster code server and daemon) for e2e tests."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 120.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} not ready after {timeout}s")


class Process:
    """A child process in its own session, so a kill reaches its children too."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log_dir: Path):
        self.name = name
        self.log = (log_dir / f"{name}.log").open("ab")
        self.proc = subprocess.Popen(
            args,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)
            self.proc.wait(timeout=30)

    def terminate(self) -> None:
        """Ask the process group to stop, without waiting (`stop` waits)."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)

    def stop(self, grace_s: float = 20) -> None:
        """SIGTERM, then SIGKILL once `grace_s` has passed."""
        if self.proc.poll() is None:
            self.terminate()
            try:
                self.proc.wait(timeout=max(grace_s, 0))
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


def start_gpu_service(env: dict[str, str], log_dir: Path) -> tuple[Process, str]:
    port = free_port()
    proc = Process(
        "gpu_service",
        [str(BIN / "python"), "-m", "gpu_service", "--port", str(port)],
        env,
        log_dir,
    )
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/ready", timeout=180, proc=proc.proc)
    return proc, url


def start_api(env: dict[str, str], log_dir: Path, ready: str = "/health") -> tuple[Process, str]:
    """The API under uvicorn; `ready` is the path that must answer 200 (/health needs
    gpu_service; /openapi.json needs nothing)."""
    port = free_port()
    proc = Process(
        "api",
        [str(BIN / "uvicorn"), "api.main:app", "--host", "127.0.0.1", "--port", str(port)],
        env,
        log_dir,
    )
    url = f"http://127.0.0.1:{port}"
    wait_http(url + ready, timeout=60, proc=proc.proc)
    return proc, url


def start_daemon(env: dict[str, str], log_dir: Path) -> Process:
    return Process(
        "dagster-daemon",
        [str(BIN / "dagster-daemon"), "run", "-w", str(ROOT / "workspace.yaml")],
        env,
        log_dir,
    )


# (process name, module, location name, workspace.yaml's host and port variables)
CODE_LOCATIONS = [
    ("dagster-code-server", "st_assets.definitions", "smart_transcription", "DAGSTER_CODE_SERVER"),
    (
        "dagster-metrics-server",
        "st_assets.metrics_definitions",
        "metrics",
        "DAGSTER_METRICS_SERVER",
    ),
]


def start_code_servers(env: dict[str, str], log_dir: Path) -> list[Process]:
    """Serve both code locations on free ports (written into `env` for workspace.yaml);
    wait until both are up. The recordings' server comes first."""
    servers = []
    for name, module, location, var in CODE_LOCATIONS:
        host, port = "127.0.0.1", str(free_port())
        env.update({f"{var}_HOST": host, f"{var}_PORT": port})
        command = [str(BIN / "dagster"), "code-server", "start", "-m", module]
        servers.append(
            Process(
                name, command + ["--location-name", location, "-h", host, "-p", port], env, log_dir
            )
        )
    deadline = time.monotonic() + 120
    for server, (_, _, _, var) in zip(servers, CODE_LOCATIONS, strict=True):
        host, port = env[f"{var}_HOST"], env[f"{var}_PORT"]
        check = [str(BIN / "dagster"), "api", "grpc-health-check", "-h", host, "-p", port]
        while subprocess.run(check, env=env, capture_output=True).returncode != 0:
            if server.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"dagster code server {server.name} did not start; see {log_dir}"
                )
            time.sleep(0.5)
    return servers
