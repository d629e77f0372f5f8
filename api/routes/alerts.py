"""GET /api/alerts: the caller's tenant's alerts (runs of its recordings that failed for
good), newest first. Operators see every tenant's with `st alerts`."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CurrentTenant, SessionDep
from api.schemas import ERROR_RESPONSES, AlertOut
from st_resources import alerts

router = APIRouter(prefix="/api/alerts", tags=["alerts"], responses=ERROR_RESPONSES)


@router.get("")
def list_alerts(
    tenant: CurrentTenant,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[AlertOut]:
    return [AlertOut.model_validate(a) for a in alerts.recent(session, tenant.id, limit)]
