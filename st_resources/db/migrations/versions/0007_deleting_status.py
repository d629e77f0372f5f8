"""status `deleting`: a deletion that failed midway says so, and DELETE again finishes it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 18:00:00
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BEFORE = "status IN ('queued','processing','transcribed','completed','completed_degraded','failed')"
AFTER = (
    "status IN ('queued','processing','transcribed','completed','completed_degraded','failed',"
    "'deleting')"
)


def upgrade() -> None:
    op.drop_constraint("transcripts_status_valid", "transcripts", type_="check")
    op.create_check_constraint("transcripts_status_valid", "transcripts", AFTER)


def downgrade() -> None:
    op.execute("UPDATE transcripts SET status = 'failed' WHERE status = 'deleting'")
    op.drop_constraint("transcripts_status_valid", "transcripts", type_="check")
    op.create_check_constraint("transcripts_status_valid", "transcripts", BEFORE)
