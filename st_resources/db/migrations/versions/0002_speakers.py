"""speakers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:57:55.274991
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transcript_speakers",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("transcript_id", sa.UUID(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("talk_time_s", sa.Float(), nullable=False),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("embedding", postgresql.ARRAY(sa.Float()), nullable=True),
        sa.Column("embedding_seconds", sa.Float(), nullable=False),
        sa.Column("embedding_model", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["transcript_id"], ["transcripts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("transcript_id", "label", name="transcript_speakers_label"),
    )
    op.add_column("transcripts", sa.Column("min_speakers", sa.Integer(), nullable=True))
    op.add_column("transcripts", sa.Column("max_speakers", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("transcripts", "max_speakers")
    op.drop_column("transcripts", "min_speakers")
    op.drop_table("transcript_speakers")
