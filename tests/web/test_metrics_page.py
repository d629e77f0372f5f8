"""The metrics page (/app/metrics) in chromium against the real API process, after `dbt
build` made the marts of a tenant whose recordings and chat answers are known row by row
(tests/dagster/metrics_data.py: three recordings finished yesterday, one failed; two
chat answers): signed in through the cookie, each chart is drawn on its canvas, its
latest-day table says the seeded figures, the period selector asks for 7/30/90 days and
survives a reload, and another tenant sees only the empty state."""

import re

from playwright.sync_api import Page, expect

from tests.api.meetings import new_tenant
from tests.dagster.metrics_data import FINISHED
from tests.web.app import sign_in

CHARTS = {
    "recordings": "Recordings per day",
    "audio": "Hours of audio per day",
    "naming": "Speaker naming",
    "speed": "Seconds of processing per hour of audio",
    "chat": "Chat answers",
}
# What the latest-day tables say of the seeded day (en: Intl's percent, no space).
LATEST = {
    "recordings": {
        "completed": "2",
        "failed": "1",
        "error_rate": "33%",
        "recordings_with_llm_fallback": "1",
    },
    "audio": {"audio_hours": "0.25 h"},
    "naming": {
        "voiceprint_match_rate": "60%",  # 3 of 5 voices, two of them reviewed since
        "rag_enrichment_rate": "33%",  # the recording with documents
        "named_rate": "57%",  # 4 of 7
        "mean_pooling_accuracy": "50%",
        "auto_naming_accuracy": "33%",
    },
    "speed": {
        "processing_s_per_audio_hour": "360 s",  # 90 s for 900 s of audio
        "rag_overhead_s_per_audio_hour": "24 s",
    },
    "chat": {
        "answers": "2",
        "found_rate": "50%",
        "mean_reliability": "45%",
        "mean_rating": "+1",
    },
}
# The canvas's painted pixels (Chart.js draws axes, grid, bars, lines and legend).
PAINTED = """(canvas) => {
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
}"""


def latest_values(page: Page, chart: str) -> dict[str, str]:
    rows = page.locator(f"[data-chart={chart}] table.latest tbody tr")
    return {
        rows.nth(i).get_attribute("data-measure"): rows.nth(i).locator("td").inner_text()
        for i in range(rows.count())
    }


def test_the_metrics_page_draws_the_tenants_marts(browser, api_url, metrics_tenant):
    _, token = metrics_tenant
    page = sign_in(browser, api_url, token)
    metrics = page.get_by_role("navigation", name="main").get_by_role("link", name="Metrics")
    expect(metrics).to_have_attribute("href", "/app/metrics")
    with page.expect_response(lambda r: "/api/metrics/daily?days=30" in r.url) as answer:
        metrics.click()
    assert answer.value.ok
    expect(page.get_by_role("heading", name="Metrics", level=1)).to_be_visible()
    expect(metrics).to_have_attribute("aria-current", "page")

    day = f"{FINISHED:%b} {FINISHED.day}, {FINISHED.year}"  # Intl's medium date, in UTC
    for chart, title in CHARTS.items():
        card = page.get_by_role("article", name=title)
        expect(card).to_have_attribute("data-chart", chart)
        canvas = card.get_by_role("img", name=f"{title}: chart")
        expect(canvas).to_be_visible()
        assert canvas.evaluate(PAINTED) > 2_000, f"{chart}: nothing drawn on the canvas"
        expect(card.get_by_role("table", name=f"Latest day, {day}")).to_be_visible()
        assert latest_values(page, chart) == LATEST[chart], chart
    # Every day's table: the one seeded day.
    recordings = page.get_by_role("article", name=CHARTS["recordings"])
    recordings.locator("summary").click()
    expect(recordings.locator("table.every-day tbody tr")).to_have_count(1)
    expect(recordings.locator("table.every-day tbody tr")).to_contain_text(day)
    assert not page.get_by_text("No finished recording yet").count()

    # The period: 7 days, asked of the API, kept in the URL across a reload.
    with page.expect_response(lambda r: "/api/metrics/daily?days=7" in r.url):
        page.get_by_label("7 days").check()
    expect(page).to_have_url(re.compile(r"/app/metrics\?days=7$"))
    page.reload()
    expect(page.get_by_label("7 days")).to_be_checked()
    expect(page.locator("[data-chart] canvas")).to_have_count(len(CHARTS))
    with page.expect_response(lambda r: "/api/metrics/daily?days=90" in r.url):
        page.get_by_label("90 days").check()
    assert latest_values(page, "naming") == LATEST["naming"]
    page.context.close()


def test_another_tenant_sees_none_of_it(browser, api_url, metrics_tenant):
    _, token = new_tenant("metrics-other")
    page = sign_in(browser, api_url, token)
    page.goto(api_url + "/app/metrics?days=90")
    status = page.get_by_role("status")
    expect(status.get_by_role("heading", name="No finished recording yet")).to_be_visible()
    expect(status).to_contain_text("the last 90 days")
    expect(page.locator("canvas")).to_have_count(0)
    expect(page.locator("table")).to_have_count(0)
    answer = page.context.request.get(api_url + "/api/metrics/daily?days=90")
    assert answer.json() == {"recordings": [], "chat": []}
    page.context.close()
