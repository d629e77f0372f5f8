"""Reading the dbt metric marts (schema `metrics`, dbt_metrics/) for one tenant."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

SCHEMA = "metrics"


def daily_for_tenant(session: Session, tenant_id: uuid.UUID, days: int) -> dict[str, list]:
    """The tenant's rows of daily_tenant_metrics and daily_chat_metrics for the last
    `days` days, oldest first; empty lists before the marts are first built."""
    out: dict[str, list[dict[str, Any]]] = {}
    for key, mart in (("recordings", "daily_tenant_metrics"), ("chat", "daily_chat_metrics")):
        query = text(
            f"select * from {SCHEMA}.{mart} where tenant_id = :tenant "  # noqa: S608 - constants
            "and metric_date >= current_date - :days order by metric_date"
        )
        try:
            with session.begin_nested():
                rows = session.execute(query, {"tenant": tenant_id, "days": days}).mappings()
                out[key] = [{k: v for k, v in row.items() if k != "tenant_id"} for row in rows]
        except ProgrammingError:  # the marts do not exist yet
            out[key] = []
    return out
