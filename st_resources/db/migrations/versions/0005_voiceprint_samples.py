"""voiceprint samples (undo, hard negatives) and suggested voiceprints

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 15:00:00

A voiceprint made before samples were kept becomes one `legacy` sample that stands for
all its recordings (its mean, with their count as weight): nothing is lost, and a
wrong recording in it can no longer be told apart, as before.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "voiceprints",
        sa.Column("status", sa.String(20), nullable=False, server_default="confirmed"),
    )
    op.create_table(
        "voiceprint_samples",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("voiceprint_id", sa.UUID(), nullable=False),
        sa.Column("transcript_id", sa.UUID(), nullable=True),
        sa.Column("speaker_label", sa.String(64), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("embedding", postgresql.ARRAY(sa.Float()), nullable=False),
        sa.Column("speech_seconds", sa.Float(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("rejected", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(["voiceprint_id"], ["voiceprints.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["transcript_id"], ["transcripts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_voiceprint_samples_voiceprint_id", "voiceprint_samples", ["voiceprint_id"])
    op.create_index("ix_voiceprint_samples_transcript_id", "voiceprint_samples", ["transcript_id"])
    op.execute(
        """
        INSERT INTO voiceprint_samples (id, voiceprint_id, embedding, speech_seconds, weight,
                                        origin, confirmed, rejected, created_at)
        SELECT gen_random_uuid(), id, embedding, speech_seconds, sample_count,
               'legacy', true, false, created_at
        FROM voiceprints
        """
    )


def downgrade() -> None:
    op.drop_table("voiceprint_samples")
    op.drop_column("voiceprints", "status")
