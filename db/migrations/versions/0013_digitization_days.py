"""digitization figures counted per day, so `digitization` over a year reads days, not the whole register

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

- digitization_days: per day, unit, officer and procedure, the dossiers received (kind 1) and finished
  (kind 2) that day, and how many of them count towards each digitization figure
  (db/models.DigitizationDay).

The table only, as in 0012: on SQLite app.report_days fills it and keeps it up to date with the same
triggers as report_days (their digest changes with this version, so the first opening replaces them and
counts both tables again). On PostgreSQL it stays empty.
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

FIGURES = ('handled', 'digitized', 'accepted', 'identity', 'reused', 'gap_components', 'gap_result',
           'gap_identity', 'gap_request_letter', 'any_gap')


def upgrade() -> None:
    op.create_table(
        'digitization_days',
        sa.Column('kind', sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('unit_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('officer_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('procedure_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('n', sa.Integer(), server_default='0', nullable=False),
        *(sa.Column(name, sa.Integer(), server_default='0', nullable=False) for name in FIGURES),
        sa.PrimaryKeyConstraint('kind', 'day', 'unit_id', 'officer_id', 'procedure_id',
                                name=op.f('pk_digitization_days')),
    )


def downgrade() -> None:
    # the triggers write to both tables: they go first (the next opening of a 0012 register puts back its own)
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        names = bind.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                     "AND substr(name, 1, 12) = 'report_days_'")).scalars().all()
        for name in names:
            op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.drop_table('digitization_days')
