"""dossiers counted per day, so a report over a year reads days, not the whole register

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

- report_days: per day, unit, officer, procedure and a small code, how many dossiers were received
  (kind 1) and finished (kind 2) that day (db/models.ReportDay).

The table only; on SQLite it is filled, and kept up to date by triggers, by app.report_days.ensure the
first time the register is opened by this version (the code of a finished dossier is the timing rule of
app/, which db/ does not import). Until then the reports count the dossiers themselves, as before; on
PostgreSQL they always do, and the table stays empty (app/report_days.py says why).
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'report_days',
        sa.Column('kind', sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('unit_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('officer_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('procedure_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('code', sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column('n', sa.Integer(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('kind', 'day', 'unit_id', 'officer_id', 'procedure_id', 'code',
                                name=op.f('pk_report_days')),
    )


def downgrade() -> None:
    # the triggers that fill it go first (app.report_days names them report_days_…; SQLite only)
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        names = bind.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                     "AND substr(name, 1, 12) = 'report_days_'")).scalars().all()
        for name in names:
            op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.drop_table('report_days')
