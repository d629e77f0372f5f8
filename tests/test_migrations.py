"""`alembic upgrade head` works on an empty database, and again on a migrated one."""

import sqlalchemy as sa

from st_resources.db.migrate import upgrade
from tests.conftest import recreate_database

URL = "postgresql+psycopg://postgres@127.0.0.1:5432/st_test_migrations"


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
    assert {"tenants", "api_tokens", "transcripts", "segments", "context_documents"} <= tables
    assert head == "0001"
