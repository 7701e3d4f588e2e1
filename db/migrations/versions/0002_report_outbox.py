"""report outbox; index on returned_at

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

The outbox keeps every end-of-day or period report until it is delivered
(folder and/or e-mail). "Returned today" in the daily report reads a new
index instead of the whole register, and a covering index lets the II.06a
counts of a year be read without touching the wide dossier rows.
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('report_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('report_date', sa.Date(), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=True),
    sa.Column('period_to', sa.Date(), nullable=True),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('folder', sa.Text(), nullable=False),
    sa.Column('folder_done_at', sa.DateTime(), nullable=True),
    sa.Column('delivered_path', sa.Text(), nullable=False),
    sa.Column('email_to', sa.Text(), nullable=False),
    sa.Column('email_done_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f('ck_report_outbox_status')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_report_outbox_created_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_outbox'))
    )
    # Plain CREATE INDEX (no batch copy): the dossiers table keeps its FTS triggers.
    op.create_index('ix_report_outbox_kind_day', 'report_outbox', ['kind', 'report_date'], unique=False)
    op.create_index('ix_dossiers_returned_at', 'dossiers', ['returned_at'], unique=False)
    op.create_index('ix_dossiers_report', 'dossiers', ['received_at', 'finished_at', 'due_at', 'status', 'channel',
                                                        'unit_id', 'officer_id', 'procedure_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_dossiers_report', table_name='dossiers')
    op.drop_index('ix_dossiers_returned_at', table_name='dossiers')
    op.drop_index('ix_report_outbox_kind_day', table_name='report_outbox')
    op.drop_table('report_outbox')
