"""The llama.cpp engine in its own process, which gpu_service starts, watches and restarts.

llama.cpp is native code: a fault there (SPEC §8: the AMX path segfaults on some Xeons)
kills the process it runs in. So it runs in the LLM worker (gpu_service/llm_worker.py)
and only that process dies: ASR and diarization keep answering, `/ready` shows the LLM as
`restarting` with the reason, requests get a 503 saying why, and the supervisor starts the
worker again after a back-off that doubles on each failure in a row (a worker that fails
its self-test at every start is retried ever more slowly, never in a tight loop).

Requests reach the worker over a Unix socket (nothing on the network can) and are
forwarded under the service's compute lock, so an LLM call still never competes with
Whisper or diarization for the cores.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Literal

import httpx

from gpu_service.engines.errors import LlmUnavailableError
from gpu_service.engines.llm import OpenAIProxyEngine
from st_resources.settings import Settings

log = logging.getLogger("uvicorn.error")

State = Literal["loading", "ready", "restarting"]
HEALTH_EVERY_S = 5.0
HEALTH_FAILURES = 3  # health checks missed in a row before a hung worker is killed


def exit_reason(code: int) -> str:
    """`subprocess` return codes in words: -11 is 'killed by SIGSEGV'."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with code {code}"


class LlmProcess:
    """Parent side of the LLM worker: the engine gpu_service's chat route sees."""

    backend = "llama-cpp"

    def __init__(self, settings: Settings, lock: threading.Lock):
        self.settings = settings
        self.name = Path(settings.llm_model).stem
        self.state: State = "loading"
        self.error: str | None = None  # why it is not ready, while it is not
        self.restarts = 0
        self.pid: int | None = None
        self.loaded_at = 0
        self.info: dict[str, Any] = {"id": self.name, "backend": self.backend}
        self._lock = lock
        self._dir = tempfile.mkdtemp(prefix="st-llm-")
        self._socket = os.path.join(self._dir, "llm.sock")
        self._http = httpx.Client(
            base_url="http://llm-worker",
            transport=httpx.HTTPTransport(uds=self._socket),
            timeout=httpx.Timeout(5.0),
        )
        self._proxy = OpenAIProxyEngine(
            "http://llm-worker/v1",
            self.name,
            timeout_s=settings.llm_timeout_s,
            transport=httpx.HTTPTransport(uds=self._socket),
        )
        self._proc: subprocess.Popen | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._supervise, name="llm-supervisor", daemon=True)

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._terminate()
        self._thread.join(timeout=30)
        self._http.close()
        shutil.rmtree(self._dir, ignore_errors=True)

    def _supervise(self) -> None:
        s = self.settings
        backoff = s.llm_restart_backoff_s
        while not self._stopping.is_set():
            try:
                ready_for, reason = self._run_once()
            except Exception as exc:  # never leave the LLM without a supervisor
                log.exception("LLM worker supervision failed")
                self._terminate()
                ready_for, reason = 0.0, f"LLM worker supervision failed: {exc!r}"
            if self._stopping.is_set():
                return
            if ready_for > s.llm_restart_backoff_max_s:
                backoff = s.llm_restart_backoff_s  # it had been well: not a failure in a row
            self.state = "restarting"
            self.restarts += 1
            self.error = f"{reason}; restart {self.restarts} in {backoff:.0f} s"
            log.error("%s", self.error)
            self._stopping.wait(backoff)
            backoff = min(2 * backoff, s.llm_restart_backoff_max_s)

    def _run_once(self) -> tuple[float, str]:
        """Start a worker, wait for its self-test, watch it until it dies. Returns how long
        it was ready and why it ended."""
        if os.path.exists(self._socket):
            os.unlink(self._socket)
        s = self.settings
        env = {  # this service's settings, which may not be the environment's
            **os.environ,
            "LLM_MODEL": s.llm_model,
            "LLM_N_CTX": str(s.llm_n_ctx),
            "LLM_CPU_THREADS": str(s.llm_cpu_threads),
            "LLM_EXTRA_BUFFER_TYPES": str(s.llm_extra_buffer_types).lower(),
        }
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "gpu_service.llm_worker", "--uds", self._socket]
            + ["--parent-pid", str(os.getpid())],
            env=env,
        )
        self.pid = self._proc.pid
        log.info("LLM worker started (pid %d)", self.pid)
        if (failure := self._await_ready()) is not None:
            self._terminate()
            return 0.0, failure
        self.info = self._ready_body()["model"]
        self.state, self.error, self.loaded_at = "ready", None, int(time.time())
        ready_at = time.monotonic()
        log.info("LLM worker ready (pid %d)", self.pid)
        reason = self._watch()
        return time.monotonic() - ready_at, reason

    def _ready_body(self) -> dict[str, Any]:
        return self._http.get("/ready").json()

    def _await_ready(self) -> str | None:
        """None once the worker's load and self-test passed, else why not."""
        deadline = time.monotonic() + self.settings.llm_start_timeout_s
        while not self._stopping.is_set():
            if (code := self._proc.poll()) is not None:
                return f"LLM worker {exit_reason(code)} during its load and self-test"
            try:
                body = self._ready_body()
            except (httpx.TransportError, ValueError):
                body = {"status": "loading"}
            if body["status"] == "ready":
                return None
            if body["status"] == "dead":
                return f"LLM self-test failed: {body.get('error')}"
            if time.monotonic() > deadline:
                return f"LLM worker not ready after {self.settings.llm_start_timeout_s:.0f} s"
            self._stopping.wait(0.2)
        return "stopping"

    def _watch(self) -> str:
        """Block until the worker exits, or stops answering its health check."""
        missed = 0
        while True:
            try:
                code = self._proc.wait(timeout=HEALTH_EVERY_S)
                return f"LLM worker {exit_reason(code)}"
            except subprocess.TimeoutExpired:
                pass
            try:
                self._http.get("/health").raise_for_status()
                missed = 0
            except httpx.HTTPError:
                missed += 1
                if missed >= HEALTH_FAILURES:
                    self._terminate()
                    return f"LLM worker missed {missed} health checks in a row and was stopped"

    def _terminate(self) -> None:
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    # -- the engine --------------------------------------------------------------------

    def _unavailable(self) -> LlmUnavailableError:
        return LlmUnavailableError(f"LLM engine is {self.state}: {self.error or 'starting'}")

    def _check(self) -> None:
        if self.state != "ready":
            raise self._unavailable()

    def _gone(self, exc: LlmUnavailableError) -> LlmUnavailableError:
        """A failure of the worker mid-request, told with the supervisor's reason once it
        has seen the exit (within a second; else the transport's own error)."""
        deadline = time.monotonic() + 1.0
        while self.state == "ready" and time.monotonic() < deadline:
            time.sleep(0.02)
        if self.state != "ready" and self.error:
            return self._unavailable()
        return exc

    def chat(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        with self._lock:
            self._check()
            try:
                return self._proxy.chat(*args, **kwargs)
            except LlmUnavailableError as exc:
                raise self._gone(exc) from exc

    def stream(self, *args: Any, **kwargs: Any):
        """Chunks from the worker; the compute lock is held until the stream ends."""
        with self._lock:
            self._check()
            try:
                yield from self._proxy.stream(*args, **kwargs)
            except LlmUnavailableError as exc:
                raise self._gone(exc) from exc

    @property
    def process(self) -> dict[str, Any]:
        """What /ready shows of the worker process."""
        return {"pid": self.pid, "restarts": self.restarts, "since": self.loaded_at or None}
