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


def test_a_voiceprint_made_before_samples_becomes_one_legacy_sample():
    from alembic import command

    recreate_database(URL)
    command.upgrade(alembic_config(URL), "0004")
    engine = sa.create_engine(URL)
    try:
        with engine.begin() as conn:
            tenant = conn.scalar(
                sa.text(
                    "INSERT INTO tenants (id, name) VALUES (gen_random_uuid(), 't') RETURNING id"
                )
            )
            conn.execute(
                sa.text(
                    "INSERT INTO voiceprints (id, tenant_id, name, embedding, embedding_model,"
                    " sample_count, speech_seconds, source_transcripts)"
                    " VALUES (gen_random_uuid(), :t, 'Ana', '{0.6,0.8}', 'm', 3, 42.0, '[]')"
                ),
                {"t": tenant},
            )
        upgrade(URL)
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT v.status, s.embedding, s.weight, s.speech_seconds, s.origin,"
                    " s.rejected FROM voiceprint_samples s JOIN voiceprints v"
                    " ON v.id = s.voiceprint_id"
                )
            ).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [("confirmed", [0.6, 0.8], 3, 42.0, "legacy", False)]
