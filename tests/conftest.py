"""Test configuration: real PostgreSQL and Redis on this machine, isolated by name.

Each test session gets its own run id: its databases are `st_test_<id>*` and its Redis
streams are prefixed `t<id>`, so two sessions (a developer's and CI's) never collide, and
everything is dropped at the end. Objects go to a temporary directory. The environment is
set before any Settings is built, so every process the tests start inherits it.
"""

import io
import os
import tempfile
import uuid
from pathlib import Path

import pytest

RUN_ID = os.environ.get("ST_TEST_RUN_ID") or f"{os.getpid()}"
PG = "postgresql://postgres@127.0.0.1:5432"
TEST_ENV = {
    "DATABASE_URL": f"{PG}/st_test_{RUN_ID}",
    "DAGSTER_DATABASE_URL": f"{PG}/st_test_{RUN_ID}_dagster",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "WORKFLOW_STREAM": f"t{RUN_ID}:workflow:events",
    "PIPELINE_STREAM": f"t{RUN_ID}:pipeline:events",
    "STORAGE_DIR": tempfile.mkdtemp(prefix="st-objects-"),
    "QDRANT_PATH": tempfile.mkdtemp(prefix="st-qdrant-"),
    "GPU_RETRIES": "2",
}
os.environ.update(TEST_ENV)
for name in ("AWS_S3_BUCKET", "AWS_ENDPOINT_URL", "DAGSTER_HOME", "QDRANT_HOST"):
    os.environ.pop(name, None)


def _admin(sql: list[str]) -> None:
    import sqlalchemy as sa

    admin = sa.create_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for statement in sql:
            conn.execute(sa.text(statement))
    admin.dispose()


def recreate_database(url: str) -> None:
    drop_database(url)
    _admin([f'CREATE DATABASE "{_name(url)}"'])


def drop_database(url: str) -> None:
    _admin([f'DROP DATABASE IF EXISTS "{_name(url)}" WITH (FORCE)'])


def _name(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).database


@pytest.fixture(scope="session", autouse=True)
def database():
    import sqlalchemy as sa

    from st_resources.db.migrate import upgrade
    from st_resources.db.session import get_engine
    from st_resources.settings import get_settings

    url = get_settings().database_url
    recreate_database(url)
    upgrade(url)
    yield url
    get_engine().dispose()
    admin = sa.create_engine(f"{PG}/postgres")
    with admin.connect() as conn:
        names = conn.scalars(
            sa.text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
            {"p": f"st_test_{RUN_ID}%"},
        ).all()
    admin.dispose()
    _admin([f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in names])


@pytest.fixture(scope="session", autouse=True)
def redis_streams():
    """This session's streams start empty and are deleted at the end."""
    from st_resources.clients.streams import get_redis

    r = get_redis()
    pattern = f"t{RUN_ID}*"
    for key in r.scan_iter(pattern):
        r.delete(key)
    yield r
    for key in r.scan_iter(pattern):
        r.delete(key)


@pytest.fixture
def tenant():
    """A fresh tenant and its token: (tenant_id, token)."""
    from st_resources.db.session import session_scope
    from st_resources.db.tenants import create_tenant

    with session_scope() as session:
        row, token = create_tenant(session, f"tenant-{uuid.uuid4().hex[:8]}")
        tenant_id = row.id
    return tenant_id, token


@pytest.fixture
def recording(tenant):
    """Make a queued transcript row whose audio object holds `data`; returns its id."""

    from st_resources import recordings
    from st_resources.clients.storage import store_from_settings
    from st_resources.db.session import session_scope

    def make(data: bytes, language: str | None = "en") -> uuid.UUID:
        tenant_id, _ = tenant
        audio = recordings.NewFile("audio.wav", io.BytesIO(data))
        with session_scope() as session:
            row = recordings.create(
                session, store_from_settings(), tenant_id, audio, title="t", language=language
            )
            return row.id

    return make


@pytest.fixture(scope="session")
def speech_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="st-speech-"))


@pytest.fixture(scope="session")
def moto_s3():
    """A real S3 endpoint (moto's server) and a bucket in it: env overrides for Settings."""
    import subprocess
    import sys

    import boto3

    from tests.stack import free_port, wait_http

    port = free_port()
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    wait_http(endpoint + "/moto-api/", timeout=30, proc=proc)
    env = {
        "AWS_S3_BUCKET": "st-test",
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=env["AWS_REGION"],
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(
        Bucket=env["AWS_S3_BUCKET"],
        CreateBucketConfiguration={"LocationConstraint": env["AWS_REGION"]},
    )
    yield env
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def log_dir() -> Path:
    path = Path(os.environ.get("ST_TEST_LOG_DIR") or tempfile.mkdtemp(prefix="st-logs-"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def pipeline_resources():
    """The code location's resources built from Settings with this test's changes
    (`meetnoo_api_url=gpu_url`, `naming_llm=False`…), instead of patching the environment."""
    from st_resources.dagster import resources_from
    from st_resources.settings import get_settings

    def build(**changes) -> dict:
        return resources_from(get_settings().model_copy(update=changes))

    return build


@pytest.fixture(scope="session")
def gpu_url(log_dir):
    """One real gpu_service (packaged models) for the whole session: end-to-end tests and
    the API's chat tests share it."""
    from tests.stack import start_gpu_service

    proc, url = start_gpu_service(dict(os.environ), log_dir)
    yield url
    proc.stop()
