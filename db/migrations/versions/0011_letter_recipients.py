"""an apology letter keeps its "Nơi nhận" as printed on the day it was issued

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

- apology_letters.recipients: the "Nơi nhận" lines printed on the letter, one per line. Letters
  issued before this keep '' and are reprinted with the office's current list, as before.

Plain ADD COLUMN: the letters table keeps its rows and indexes untouched.
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('apology_letters', sa.Column('recipients', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('apology_letters', schema=None) as batch_op:
        batch_op.drop_column('recipients')
