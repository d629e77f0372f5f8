"""`alembic upgrade head` works on an empty database, and again on a migrated one."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from st_resources.db.migrate import alembic_config, upgrade
from st_resources.db.models import Base
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
            # The migrations build exactly the schema the models describe.
            drift = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert drift == []
    assert {
        "tenants",
        "api_tokens",
        "transcripts",
        "segments",
        "context_documents",
        "transcript_speakers",
        "voiceprints",
    } <= tables
    assert head == ScriptDirectory.from_config(alembic_config(URL)).get_current_head()
