"""index dossiers by return time and by due time

Revision ID: 0007
Revises: 0001
Create Date: 2026-11-25

The Today page counts "returned today" at every refresh; without an index
that is a scan of the whole register. The register sorts by due date.
"""
from alembic import op


revision = '0007'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossiers_returned_at", "dossiers", ["returned_at"])
    op.create_index("ix_dossiers_due_at", "dossiers", ["due_at"])


def downgrade() -> None:
    op.drop_index("ix_dossiers_due_at", table_name="dossiers")
    op.drop_index("ix_dossiers_returned_at", table_name="dossiers")
