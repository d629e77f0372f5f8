"""What every benchmark shares: where results go and how the machine is described."""

import json
import os
import platform
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from tests.stack import start_gpu_service

RESULTS = Path(__file__).resolve().parent / "results"


def machine(loadavg_before: list[float]) -> dict:
    """The conditions of a run: other work on the 2 cores skews every figure."""
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "loadavg_before": loadavg_before,
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
    }


def write_report(
    name: str, report: dict, render: Callable[[dict], str], results: Path = RESULTS
) -> None:
    """Stamp `report` with the time, write RESULTS/NAME.json (everything; bench/results
    unless `results` says another folder, e.g. eval/results) and NAME.md
    (`render(report)`, the table), and print the table."""
    report = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), **report}
    results.mkdir(parents=True, exist_ok=True)
    (results / f"{name}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    table = render(report)
    (results / f"{name}.md").write_text(table)
    print(table)


def rss_mb(pid: int) -> dict[str, float]:
    """Current (VmRSS) and peak (VmHWM) resident memory of the service process."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return {
        key: int(fields[name].split()[0]) / 1024
        for key, name in (("rss_mb", "VmRSS"), ("peak_rss_mb", "VmHWM"))
    }


def children(pid: int) -> list[int]:
    """The process's child pids, from /proc (every thread's list)."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out


def command(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()


def against_gpu_service(
    url: str | None, workdir: Path, work: Callable[[str], Any]
) -> tuple[dict, dict | None, list[float], Any]:
    """Run `work(url)` against gpu_service, started here (in `workdir`) unless `url` is given.

    Returns /ready's models, the service's RSS after load and after the work (only for a
    service started here), the load average before the work, and what `work` returned.
    """
    service = None
    if url is None:
        service, url = start_gpu_service(dict(os.environ), workdir)
    try:
        models = httpx.get(url + "/ready", timeout=10).json()["models"]
        memory = {"after_load": rss_mb(service.proc.pid)} if service else None
        loadavg_before = [round(x, 2) for x in os.getloadavg()]
        result = work(url)
        if memory is not None:
            memory["after_runs"] = rss_mb(service.proc.pid)
    finally:
        if service:
            service.stop()
    return models, memory, loadavg_before, result
