"""The upload form `st transcribe` (and `make demo`) sends, and what it prints."""

import pytest
import typer

from st_resources.cli import speaker_line, upload_form


def test_a_known_count_is_both_bounds_and_absent_bounds_are_not_sent():
    assert upload_form("en", "t", speakers=3) == {
        "language": "en",
        "title": "t",
        "min_speakers": 3,
        "max_speakers": 3,
    }
    assert upload_form("fr", "t", max_speakers=4) == {
        "language": "fr",
        "title": "t",
        "max_speakers": 4,
    }
    assert upload_form("auto", "t") == {"language": "auto", "title": "t"}


def test_a_speaker_shows_its_name_or_the_name_suggested_to_confirm():
    named = {"label": "SPEAKER_00", "name": "Marie Dupont", "source": "rag", "confidence": 0.9}
    assert speaker_line({**named, "evidence": {}}) == "SPEAKER_00: Marie Dupont (rag, 0.90)"
    unknown = {"label": "SPEAKER_01", "name": None, "source": "unknown", "confidence": 0.0}
    by_rules = {"suggested": {"name": "Paul Girard", "source": "rules", "confidence": 0.76}}
    assert speaker_line({**unknown, "evidence": by_rules}) == (
        "SPEAKER_01: unknown (unknown, 0.00), suggested: Paul Girard (to confirm)"
    )
    by_voice = {"suggested": {"voiceprint": "Sophie Benali", "similarity": 0.9}}
    assert speaker_line({**unknown, "evidence": by_voice}).endswith("Sophie Benali (to confirm)")


def test_a_count_and_bounds_together_are_refused():
    with pytest.raises(typer.BadParameter, match="not both"):
        upload_form("en", "t", speakers=2, min_speakers=1)


def test_dagster_home_limits_the_runs_of_one_tenant(tmp_path):
    """One tenant's burst of uploads leaves a run slot to the others."""
    import os
    import subprocess

    from dagster import DagsterInstance

    from tests.stack import BIN

    env = dict(os.environ, DAGSTER_HOME=str(tmp_path))
    subprocess.run(
        [str(BIN / "st"), "dagster-home", "--max-concurrent-runs", "3"],
        env=env,
        check=True,
        capture_output=True,
    )
    config = DagsterInstance.from_config(str(tmp_path)).run_coordinator.get_run_queue_config()
    assert config.max_concurrent_runs == 3
    assert config.tag_concurrency_limits == [
        {"key": "tenant_id", "value": {"applyLimitPerUniqueValue": True}, "limit": 2}
    ]


def test_tokens_expire_and_can_be_revoked_with_st():
    """`st create-tenant --expires-days`, `st list-tokens`, `st revoke-token` (real CLI,
    real database), checked by the API's own authentication."""
    import json
    import subprocess
    import uuid
    from datetime import UTC, datetime, timedelta

    from fastapi.testclient import TestClient

    from api.main import create_app
    from st_resources.db.models import ApiToken
    from st_resources.db.session import session_scope
    from st_resources.db.tenants import hash_token
    from tests.stack import BIN

    def st(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "st"), *args], capture_output=True, text=True)

    name = f"cli-{uuid.uuid4().hex[:8]}"
    kept = json.loads(st("create-tenant", name).stdout)["token"]
    brief = json.loads(st("create-tenant", name, "--expires-days", "1").stdout)["token"]
    listed = [json.loads(line) for line in st("list-tokens", name).stdout.splitlines()]
    assert len(listed) == 2 and listed[0]["expires"] is None and listed[1]["expires"]
    assert kept not in st("list-tokens", name).stdout  # only hashes are kept

    def status(token: str) -> int:
        with TestClient(create_app()) as client:
            headers = {"Authorization": f"Bearer {token}"}
            return client.get("/api/transcripts", headers=headers).status_code

    assert status(kept) == 200 and status(brief) == 200
    with session_scope() as session:  # a day later
        row = session.query(ApiToken).filter_by(token_hash=hash_token(brief)).one()
        row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    assert status(brief) == 401
    assert st("revoke-token", listed[0]["id"]).stdout.strip() == "revoked"
    assert status(kept) == 401
    again = st("revoke-token", kept)
    assert again.returncode == 1 and "no such active token" in again.stderr


def test_dagster_home_creates_dagsters_tables_before_any_process_starts(tmp_path):
    """Code servers and a daemon started together on an empty database raced to create
    Dagster's tables, and the code server that lost served a broken location."""
    import os
    import subprocess

    import sqlalchemy

    from tests.conftest import PG, RUN_ID, recreate_database
    from tests.stack import BIN

    url = f"{PG}/st_test_{RUN_ID}_dagster_home"
    recreate_database(url)
    env = dict(os.environ, DAGSTER_HOME=str(tmp_path), DAGSTER_DATABASE_URL=url)
    subprocess.run([str(BIN / "st"), "dagster-home"], env=env, check=True, capture_output=True)
    engine = sqlalchemy.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        tables = set(sqlalchemy.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"runs", "event_logs", "alembic_version"} <= tables
