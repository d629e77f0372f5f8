"""naming: voiceprints, speaker identities, cleaned text

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 16:05:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "voiceprints",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("embedding", postgresql.ARRAY(sa.Float()), nullable=False),
        sa.Column("embedding_model", sa.String(length=200), nullable=False),
        sa.Column("sample_count", sa.Integer(), nullable=False),
        sa.Column("speech_seconds", sa.Float(), nullable=False),
        sa.Column("source_transcripts", postgresql.JSONB(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant_id", "name", name="voiceprints_tenant_name"),
    )
    op.create_index("ix_voiceprints_tenant_id", "voiceprints", ["tenant_id"])
    speakers = "transcript_speakers"
    op.add_column(speakers, sa.Column("name", sa.String(length=200), nullable=True))
    op.add_column(
        speakers,
        sa.Column("identity_source", sa.String(16), nullable=False, server_default="unknown"),
    )
    op.add_column(
        speakers,
        sa.Column("identity_confidence", sa.Float(), nullable=False, server_default="0"),
    )
    op.add_column(
        speakers,
        sa.Column("identity_evidence", postgresql.JSONB(), nullable=False, server_default="{}"),
    )
    op.add_column(speakers, sa.Column("voiceprint_id", sa.UUID(), nullable=True))
    op.create_foreign_key(
        "transcript_speakers_voiceprint",
        speakers,
        "voiceprints",
        ["voiceprint_id"],
        ["id"],
        ondelete="SET NULL",
    )
    op.add_column("segments", sa.Column("clean_text", sa.Text(), nullable=True))
    op.add_column(
        "transcripts",
        sa.Column("degradations", postgresql.JSONB(), nullable=False, server_default="{}"),
    )


def downgrade() -> None:
    op.drop_column("transcripts", "degradations")
    op.drop_column("segments", "clean_text")
    op.drop_constraint("transcript_speakers_voiceprint", "transcript_speakers")
    for column in (
        "voiceprint_id",
        "identity_evidence",
        "identity_confidence",
        "identity_source",
        "name",
    ):
        op.drop_column("transcript_speakers", column)
    op.drop_index("ix_voiceprints_tenant_id", "voiceprints")
    op.drop_table("voiceprints")
