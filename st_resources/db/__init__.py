"""App database: models, sessions and Alembic migrations."""
