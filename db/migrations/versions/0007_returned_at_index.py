"""index dossiers by return time

Revision ID: 0007
Revises: 0001
Create Date: 2026-11-25

The Today page counts "returned today" at every refresh; without an index
that is a scan of the whole register.
"""
from alembic import op


revision = '0007'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossiers_returned_at", "dossiers", ["returned_at"])


def downgrade() -> None:
    op.drop_index("ix_dossiers_returned_at", table_name="dossiers")
