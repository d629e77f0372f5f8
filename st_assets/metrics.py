"""dbt_metrics as Dagster assets (dagster-dbt): staging views and the metric marts, built
and tested (`dbt build`) by the `metrics` job, which `metrics_sensor` starts when
recordings have finished since its last build (batched, at most every few minutes).

The dbt source `app.transcripts` is the `transcript` asset, so the UI shows the lineage
from every recording to every mart. dbt's manifest is made here (`dbt parse`) when the
project has none yet; `st dagster-home` makes it at set-up.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dagster import AssetExecutionContext, AssetKey
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from sqlalchemy.engine import make_url

from st_resources.settings import PROJECT_ROOT

DBT_DIR = PROJECT_ROOT / "dbt_metrics"
# The venv's dbt, whether or not the venv is on PATH (make run calls .venv/bin/... directly).
DBT = shutil.which("dbt") or str(Path(sys.executable).parent / "dbt")
dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)


def parse() -> None:
    """dbt's manifest (target/manifest.json), which the assets are defined from."""
    subprocess.run(
        [DBT, "parse", "--quiet", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)],
        check=True,
    )


if not dbt_project.manifest_path.exists():
    parse()


class _Translator(DagsterDbtTranslator):
    """The app's tables are what the recording assets write: `transcripts` is the
    `transcript` asset; the others keep their source key (app/<table>)."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        if dbt_resource_props["resource_type"] == "source" and dbt_resource_props["name"] == (
            "transcripts"
        ):
            return AssetKey("transcript")
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return "metrics"


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=_Translator())
def metric_marts(context: AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build`: the models, then their schema and data tests."""
    yield from dbt.cli(["build"], context=context).stream()


def dbt_resource(database_url: str) -> DbtCliResource:
    """dbt reads its connection from DBT_POSTGRES_* (dbt_metrics/profiles.yml); those not
    set default to the app's own database, so the marts are built where the app writes."""
    url = make_url(database_url)
    defaults = {
        "DBT_POSTGRES_HOST": url.host,
        "DBT_POSTGRES_PORT": url.port,
        "DBT_POSTGRES_USER": url.username,
        "DBT_ENV_SECRET_POSTGRES_PASSWORD": url.password,
        "DBT_POSTGRES_DB": url.database,
    }
    for key, value in defaults.items():
        if value is not None:
            os.environ.setdefault(key, str(value))
    return DbtCliResource(project_dir=dbt_project, dbt_executable=DBT)
