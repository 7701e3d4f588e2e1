"""the apology deadline is stored with each dossier, so the warning levels are index ranges

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

- dossiers.apology_deadline_at: the end of the last working day on which an apology letter is
  still in time (NULL once a letter is issued, or without a due date);
- index (status, apology_deadline_at, due_at): "letter due today / tomorrow / missed" are ranges;
- index (status, due_at) rebuilt with the deadline in it: "due soon" is read from the index alone.

The column is added in place (never a batch copy of dossiers: that drops the search triggers).
It is NOT filled here: the deadline needs the office calendar (holidays, overrides, office hours,
cut-off), which lives in app/, and db/ must not import app/. The first time the register is opened
by this version, app.due_dates.ensure_deadlines computes it for every open dossier (≈4 s of CPU for the
42,704 open dossiers of a million, with a message on the command line) and records which calendar it used; a
later change of the calendar is detected the same way and recomputed.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('dossiers', sa.Column('apology_deadline_at', sa.DateTime(), nullable=True))
    op.create_index('ix_dossiers_status_apology', 'dossiers', ['status', 'apology_deadline_at', 'due_at'])
    # The (status, due_at) index also carries the deadline, so "due soon" never reads the table rows.
    op.drop_index('ix_dossiers_status_due_at', table_name='dossiers')
    op.create_index('ix_dossiers_status_due_at', 'dossiers', ['status', 'due_at', 'apology_deadline_at', 'received_at'])


def downgrade() -> None:
    op.drop_index('ix_dossiers_status_apology', table_name='dossiers')
    op.drop_index('ix_dossiers_status_due_at', table_name='dossiers')
    op.create_index('ix_dossiers_status_due_at', 'dossiers', ['status', 'due_at', 'received_at'])
    op.execute("DELETE FROM settings WHERE key = '_deadlines_calendar'")
    # In place on both engines (SQLite ≥ 3.35): a batch copy of dossiers would drop the search triggers.
    op.execute("ALTER TABLE dossiers DROP COLUMN apology_deadline_at")
