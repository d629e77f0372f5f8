"""The metrics: GET /api/metrics/daily, the tenant's daily marts, which the web app's
/app/metrics page draws."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentTenant, SessionDep
from api.schemas import ERROR_RESPONSES, DailyMetricsOut
from st_resources.db import marts

router = APIRouter(tags=["metrics"])


@router.get("/api/metrics/daily", responses=ERROR_RESPONSES)
def daily_metrics(
    tenant: CurrentTenant,
    session: SessionDep,
    days: Annotated[int, Query(ge=1, le=366)] = 30,
) -> DailyMetricsOut:
    """The caller's daily metrics (dbt marts, rebuilt when recordings finish) from `days`
    days ago to today."""
    return DailyMetricsOut.model_validate(marts.daily_for_tenant(session, tenant.id, days))
