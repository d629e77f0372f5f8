"""Test configuration: real PostgreSQL and Redis on this machine, isolated by name.

The app database `st_test` is recreated and migrated once per session; tests use Redis
database 1; objects go to a temporary directory. The environment is set before any
Settings is built, so every process the tests start inherits the same configuration.
"""

import os
import tempfile
import uuid
from pathlib import Path

import pytest

TEST_ENV = {
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/st_test",
    "DAGSTER_DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/st_test_dagster",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "STORAGE_DIR": tempfile.mkdtemp(prefix="st-objects-"),
    "GPU_RETRIES": "2",
}
os.environ.update(TEST_ENV)
for name in ("AWS_S3_BUCKET", "AWS_ENDPOINT_URL", "DAGSTER_HOME"):
    os.environ.pop(name, None)


def recreate_database(url: str) -> None:
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


@pytest.fixture(scope="session", autouse=True)
def database() -> str:
    from st_resources.db.migrate import upgrade
    from st_resources.settings import get_settings

    url = get_settings().database_url
    recreate_database(url)
    upgrade(url)
    return url


@pytest.fixture(scope="session", autouse=True)
def redis_db():
    from st_resources.streams import get_redis

    r = get_redis()
    r.flushdb()
    return r


@pytest.fixture
def tenant():
    """A fresh tenant and its token: (tenant_id, token)."""
    from st_resources.db.session import session_scope
    from st_resources.tenants import create_tenant

    with session_scope() as session:
        row, token = create_tenant(session, f"tenant-{uuid.uuid4().hex[:8]}")
        tenant_id = row.id
    return tenant_id, token


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
