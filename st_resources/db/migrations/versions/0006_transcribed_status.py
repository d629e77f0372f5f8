"""status `transcribed`: readable while the LLM stages enrich it

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 15:20:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BEFORE = "status IN ('queued','processing','completed','completed_degraded','failed')"
AFTER = "status IN ('queued','processing','transcribed','completed','completed_degraded','failed')"


def upgrade() -> None:
    op.drop_constraint("transcripts_status_valid", "transcripts", type_="check")
    op.create_check_constraint("transcripts_status_valid", "transcripts", AFTER)


def downgrade() -> None:
    op.execute("UPDATE transcripts SET status = 'processing' WHERE status = 'transcribed'")
    op.drop_constraint("transcripts_status_valid", "transcripts", type_="check")
    op.create_check_constraint("transcripts_status_valid", "transcripts", BEFORE)
