"""`alembic upgrade head` works on an empty database, and again on a migrated one."""

import sqlalchemy as sa

from st_resources.db.migrate import upgrade
from tests.conftest import PG, RUN_ID, recreate_database

URL = f"{PG}/st_test_{RUN_ID}_migrations".replace("postgresql://", "postgresql+psycopg://")


def test_upgrade_twice_on_an_empty_database():
    recreate_database(URL)
    upgrade(URL)
    upgrade(URL)
    engine = sa.create_engine(URL)
    try:
        tables = set(sa.inspect(engine).get_table_names())
        with engine.connect() as conn:
            head = conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()
    assert {
        "tenants",
        "api_tokens",
        "transcripts",
        "segments",
        "context_documents",
        "transcript_speakers",
    } <= tables
    assert head == "0002"
