"""What the browser tests share: web/ built by the Makefile's own rule, one API process
serving it (the LLM unreachable), Debian's chromium driven by Playwright, and a tenant
whose metric marts dbt has built."""

import os
import shutil
import subprocess

import pytest
from dagster import DagsterInstance, materialize
from playwright.sync_api import Browser, sync_playwright

from st_assets.metrics import metric_marts
from st_assets.metrics_definitions import defs as metrics_defs
from tests.api.meetings import DEAD_LLM
from tests.dagster.metrics_data import seed_tenant
from tests.stack import ROOT, start_api
from tests.web.app import CHROMIUM


def _check_tools() -> None:
    assert CHROMIUM, "chromium is missing: scripts/system-deps.sh installs it (make test runs it)"
    assert shutil.which("npm"), "npm is missing: install Node.js 20.19+ and npm to build web/"


@pytest.fixture(scope="session")
def built():
    """web/dist, built by the Makefile's own rule (a no-op when it is current)."""
    _check_tools()
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", "web"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, f"building web/ failed:\n{done.stdout}\n{done.stderr}"
    assert (ROOT / "web" / "dist" / "index.html").is_file()


@pytest.fixture(scope="session")
def api_url(built, log_dir):
    env = dict(os.environ, LLM_API_URL=DEAD_LLM, LLM_RETRIES="1")
    proc, url = start_api(env, log_dir, ready="/openapi.json")
    yield url
    proc.stop()


@pytest.fixture(scope="session")
def browser(built) -> Browser:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="session")
def metrics_tenant() -> tuple[str, str]:
    """(tenant id, token) of a tenant whose recordings and chat answers of yesterday are
    known row by row (tests/dagster/metrics_data.py), after `dbt build` made the marts
    through the Dagster assets, as the metrics job does."""
    tenant_id, token = seed_tenant()
    with DagsterInstance.ephemeral() as instance:
        built = materialize(
            [metric_marts], resources={"dbt": metrics_defs.resources["dbt"]}, instance=instance
        )
    assert built.success
    return str(tenant_id), token
