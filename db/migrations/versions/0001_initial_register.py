"""initial register

Revision ID: 0001
Revises: 
Create Date: 2026-11-25

The whole register as first shipped, plus the SQLite full-text index over
the folded search text (db/search_index.py).
"""
import sqlalchemy as sa
from alembic import op

from db.search_index import SQLITE_DDL, SQLITE_DROP

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('parent_agency', sa.String(length=300), nullable=False),
    sa.Column('place_name', sa.String(length=100), nullable=False),
    sa.Column('agency_code', sa.String(length=40), nullable=False),
    sa.Column('head_name', sa.String(length=200), nullable=False),
    sa.Column('head_title', sa.String(length=200), nullable=False),
    sa.Column('report_recipient', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('code', name=op.f('uq_units_code'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('calendar_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('working', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_calendar_overrides_created_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_overrides')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_overrides_day'))
    )
    op.create_table('procedures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('name_folded', sa.String(length=500), nullable=False),
    sa.Column('field', sa.String(length=200), nullable=False),
    sa.Column('processing_value', sa.Float(), nullable=False),
    sa.Column('processing_unit', sa.String(length=8), nullable=False),
    sa.Column('online_level', sa.String(length=10), nullable=False),
    sa.Column('online_eligible', sa.Boolean(), nullable=False),
    sa.Column('fee_bearing', sa.Boolean(), nullable=False),
    sa.Column('result_on_paper', sa.Boolean(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint("online_level IN ('full', 'partial', 'none')", name=op.f('ck_procedures_online_level')),
    sa.CheckConstraint("processing_unit IN ('day', 'hour')", name=op.f('ck_procedures_processing_unit')),
    sa.CheckConstraint('processing_value >= 0', name=op.f('ck_procedures_processing_nonnegative')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_procedures_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedures')),
    sa.UniqueConstraint('code', name=op.f('uq_procedures_code'))
    )
    with op.batch_alter_table('procedures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedures_field'), ['field'], unique=False)

    op.create_table('dossiers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('applicant_name', sa.String(length=300), nullable=False),
    sa.Column('applicant_name_folded', sa.String(length=300), nullable=False),
    sa.Column('applicant_id_number', sa.String(length=30), nullable=False),
    sa.Column('applicant_address', sa.String(length=500), nullable=False),
    sa.Column('applicant_phone', sa.String(length=30), nullable=False),
    sa.Column('applicant_email', sa.String(length=200), nullable=False),
    sa.Column('applicant_kind', sa.String(length=12), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('due_manual_reason', sa.Text(), nullable=False),
    sa.Column('status', sa.Integer(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('returned_at', sa.DateTime(), nullable=True),
    sa.Column('result_delivery', sa.String(length=10), nullable=False),
    sa.Column('closing_reason', sa.Text(), nullable=False),
    sa.Column('fee_paid', sa.Boolean(), nullable=False),
    sa.Column('paid_online', sa.Boolean(), nullable=False),
    sa.Column('digitized_components', sa.Boolean(), nullable=False),
    sa.Column('digitized_result', sa.Boolean(), nullable=False),
    sa.Column('identity_checked', sa.Boolean(), nullable=False),
    sa.Column('reused_from_store', sa.Boolean(), nullable=False),
    sa.Column('taken_from_national_store', sa.Boolean(), nullable=False),
    sa.Column('request_letter_attached', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("applicant_kind IN ('person', 'organisation')", name=op.f('ck_dossiers_applicant_kind')),
    sa.CheckConstraint("channel IN ('in_person', 'online', 'postal')", name=op.f('ck_dossiers_channel')),
    sa.CheckConstraint('status BETWEEN 1 AND 10', name=op.f('ck_dossiers_status_code')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_dossiers_version_positive')),
    sa.ForeignKeyConstraint(['officer_id'], ['users.id'], name=op.f('fk_dossiers_officer_id_users')),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedures.id'], name=op.f('fk_dossiers_procedure_id_procedures')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_dossiers_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossiers')),
    sa.UniqueConstraint('code', name=op.f('uq_dossiers_code'))
    )
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.create_index('ix_dossiers_applicant_folded', ['applicant_name_folded'], unique=False)
        batch_op.create_index('ix_dossiers_finished_at', ['finished_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossiers_procedure_id'), ['procedure_id'], unique=False)
        batch_op.create_index('ix_dossiers_received_at', ['received_at'], unique=False)
        batch_op.create_index('ix_dossiers_status_due_at', ['status', 'due_at', 'received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossiers_unit_id'), ['unit_id'], unique=False)

    op.create_table('apology_letters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('number_text', sa.String(length=40), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('previous_due_at', sa.DateTime(), nullable=False),
    sa.Column('new_due_at', sa.DateTime(), nullable=False),
    sa.Column('signer_name', sa.String(length=200), nullable=False),
    sa.Column('signer_title', sa.String(length=200), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_apology_letters_created_by_users')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_apology_letters_dossier_id_dossiers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_apology_letters')),
    sa.UniqueConstraint('dossier_id', name=op.f('uq_apology_letters_dossier_id')),
    sa.UniqueConstraint('year', 'number', name='uq_apology_letters_year_number')
    )
    op.create_table('dossier_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=False),
    sa.Column('new_value', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_dossier_events_dossier_id_dossiers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_dossier_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_events'))
    )
    with op.batch_alter_table('dossier_events', schema=None) as batch_op:
        batch_op.create_index('ix_dossier_events_dossier_at', ['dossier_id', 'at'], unique=False)

    op.create_table('supplement_periods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_supplement_periods_dossier_id_dossiers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplement_periods'))
    )
    with op.batch_alter_table('supplement_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supplement_periods_dossier_id'), ['dossier_id'], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DROP:
            op.execute(statement)
    with op.batch_alter_table('supplement_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supplement_periods_dossier_id'))

    op.drop_table('supplement_periods')
    with op.batch_alter_table('dossier_events', schema=None) as batch_op:
        batch_op.drop_index('ix_dossier_events_dossier_at')

    op.drop_table('dossier_events')
    op.drop_table('apology_letters')
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossiers_unit_id'))
        batch_op.drop_index('ix_dossiers_status_due_at')
        batch_op.drop_index('ix_dossiers_received_at')
        batch_op.drop_index(batch_op.f('ix_dossiers_procedure_id'))
        batch_op.drop_index('ix_dossiers_finished_at')
        batch_op.drop_index('ix_dossiers_applicant_folded')

    op.drop_table('dossiers')
    with op.batch_alter_table('procedures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedures_field'))

    op.drop_table('procedures')
    op.drop_table('calendar_overrides')
    op.drop_table('users')
    op.drop_table('units')
    op.drop_table('settings')
    op.drop_table('office')
