"""The metrics dashboard in a real browser (Debian's chromium, driven by Playwright)
against the real API process, after `dbt build` made the marts: the page takes the token
and draws the tenant's charts. Its screenshot is docs/dashboard.png."""

import os
import shutil

import pytest
from dagster import DagsterInstance, materialize
from playwright.sync_api import sync_playwright

from st_assets.definitions import defs
from st_assets.metrics import metric_marts
from tests.dagster.metrics_data import seed_tenant
from tests.stack import ROOT, start_api

CHROMIUM = shutil.which("chromium")


@pytest.fixture(scope="module")
def api_url(log_dir):
    proc, url = start_api(dict(os.environ), log_dir, ready="/openapi.json")
    yield url
    proc.stop()


def test_the_dashboard_draws_the_tenants_metrics(api_url, tmp_path):
    assert CHROMIUM, "scripts/system-deps.sh installs chromium"
    _, token = seed_tenant()
    with DagsterInstance.ephemeral() as instance:
        built = materialize(
            [metric_marts], resources={"dbt": defs.resources["dbt"]}, instance=instance
        )
    assert built.success
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(api_url + "/dashboard")
        page.fill("#token", "st_wrong")
        page.click("button")
        page.wait_for_function("document.getElementById('status').textContent.length > 0")
        assert "invalid bearer token" in page.inner_text("#status")
        page.fill("#token", token)
        page.click("button")
        page.wait_for_selector("#chat .main-svg", timeout=30_000)
        assert page.inner_text("#status") == "1 day with finished recordings"
        for chart in ("recordings", "naming", "speed", "chat"):
            assert page.locator(f"#{chart} .main-svg").count() >= 1
        assert "Speaker naming" in page.inner_text("#naming")
        shot = tmp_path / "dashboard.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert shot.stat().st_size > 10_000
    if os.environ.get("ST_UPDATE_SCREENSHOTS"):
        shutil.copy(shot, ROOT / "docs" / "dashboard.png")
