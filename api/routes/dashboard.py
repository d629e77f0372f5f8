"""The metrics dashboard: GET /dashboard (a page that asks for the token and draws the
tenant's marts with plotly.js, served from the plotly package, so no CDN is needed) and
GET /api/metrics/daily, the data it draws."""

from pathlib import Path
from typing import Annotated, Any

import plotly
from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from api.deps import CurrentTenant, SessionDep
from api.schemas import ERROR_RESPONSES
from st_resources.db import marts

router = APIRouter(tags=["metrics"])
PAGE = Path(__file__).resolve().parent.parent / "static" / "dashboard.html"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


@router.get("/dashboard", include_in_schema=False)
def dashboard() -> FileResponse:
    return FileResponse(PAGE, media_type="text/html")


@router.get("/dashboard/plotly.min.js", include_in_schema=False)
def plotly_js() -> FileResponse:
    return FileResponse(PLOTLY_JS, media_type="text/javascript")


@router.get("/api/metrics/daily", responses=ERROR_RESPONSES)
def daily_metrics(
    tenant: CurrentTenant,
    session: SessionDep,
    days: Annotated[int, Query(ge=1, le=366)] = 30,
) -> dict[str, list[dict[str, Any]]]:
    """The caller's daily metrics (dbt marts, rebuilt when recordings finish)."""
    return marts.daily_for_tenant(session, tenant.id, days)
