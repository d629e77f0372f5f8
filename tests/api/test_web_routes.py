"""How the API serves the web app (api/routes/web.py): / leads to /app/, the built files
under /app/, index.html for the app's own routes (a reload of /app/transcripts/ID), a
404 for a missing asset, the caching of each, and a clear 503 when it was not built."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.main import create_app
from api.routes import web

INDEX = "<!doctype html><title>app</title>"
ASSET = "console.log('app');"


@pytest.fixture
def dist(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "index-abc123.js").write_text(ASSET)
    return tmp_path


def served(directory) -> TestClient:
    app = FastAPI()
    app.mount("/app", web.SinglePageApp(directory), name="web")
    return TestClient(app)


def test_the_built_files_and_the_apps_routes(dist):
    client = served(dist)
    for path in ("/app/", "/app/search", "/app/transcripts/0b7c6a9e-1111-4a3c-9d9e-0123456789ab"):
        resp = client.get(path)
        assert resp.status_code == 200, path
        assert resp.text == INDEX and resp.headers["content-type"].startswith("text/html")
        assert resp.headers["cache-control"] == "no-cache"
    asset = client.get("/app/assets/index-abc123.js")
    assert asset.status_code == 200 and asset.text == ASSET
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_a_missing_asset_is_404_not_the_page(dist):
    client = served(dist)
    for path in ("/app/assets/index-gone.js", "/app/favicon.ico"):
        assert client.get(path).status_code == 404, path
    assert client.post("/app/search").status_code == 405


def test_not_built_is_a_clear_503(tmp_path):
    resp = served(tmp_path / "dist").get("/app/")
    assert resp.status_code == 503 and "make setup" in resp.text


def test_the_root_redirects_to_the_app_and_stays_out_of_the_schema():
    client = TestClient(create_app())
    resp = client.get("/", follow_redirects=False)
    assert resp.status_code == 307 and resp.headers["location"] == "/app/"
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths and not any(p.startswith("/app") for p in paths)
