"""index dossiers by due time

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

The register sorts by due date; without an index the first page of a
million dossiers sorted that way takes seconds. ("Returned today" got its
index in 0002.)
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossiers_due_at", "dossiers", ["due_at"])


def downgrade() -> None:
    op.drop_index("ix_dossiers_due_at", table_name="dossiers")
