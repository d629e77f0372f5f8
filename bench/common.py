"""What every benchmark shares: where results go and how the machine is described."""

import json
import os
import platform
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def machine(loadavg_before: list[float]) -> dict:
    """The conditions of a run: other work on the 2 cores skews every figure."""
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "loadavg_before": loadavg_before,
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
    }


def write_report(name: str, report: dict, render: Callable[[dict], str]) -> None:
    """Stamp `report` with the time, write bench/results/NAME.json (everything) and
    NAME.md (`render(report)`, the table), and print the table."""
    report = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), **report}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    table = render(report)
    (RESULTS / f"{name}.md").write_text(table)
    print(table)
