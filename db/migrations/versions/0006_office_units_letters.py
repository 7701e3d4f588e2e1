"""the office sets itself up; letters speak for the deciding unit

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

- office: address, phone, e-mail and the letter symbol;
- units: the name, parent body, head (signer) and symbol printed on their letters,
  the unit a duplicate was merged into, and the demo mark;
- procedures: the default list of papers, the demo mark;
- dossiers: the return moment promised at the counter (kept as a fact; filled from
  the first letter's previous date, else the current due date), the papers received,
  the demo mark;
- apology letters: the issuer as printed on the day (filled from the office for
  letters issued before), and how the letter reached the applicant;
- report outbox: the letter an e-mail carries.
"""
import sqlalchemy as sa
from alembic import op

from db.search_index import SQLITE_DDL

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _text(name, length=None):
    kind = sa.String(length=length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False, server_default='')


def _demo():
    return sa.Column('demo', sa.Boolean(), nullable=False, server_default=sa.false())


def upgrade() -> None:
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.add_column(_text('address', 500))
        batch_op.add_column(_text('phone', 30))
        batch_op.add_column(_text('email', 200))
        batch_op.add_column(_text('letter_symbol', 40))
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.add_column(_text('full_name', 300))
        batch_op.add_column(_text('parent_agency', 300))
        batch_op.add_column(_text('head_title', 200))
        batch_op.add_column(_text('head_name', 200))
        batch_op.add_column(_text('letter_symbol', 40))
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.add_column(_demo())
        batch_op.create_foreign_key(batch_op.f('fk_units_merged_into_id_units'), 'units', ['merged_into_id'], ['id'])
    with op.batch_alter_table('procedures', schema=None) as batch_op:
        batch_op.add_column(_text('papers'))
        batch_op.add_column(_demo())
    # Plain ADD COLUMN, never a batch copy: recreating dossiers would drop the search triggers.
    op.add_column('dossiers', sa.Column('original_due_at', sa.DateTime(), nullable=True))
    op.add_column('dossiers', _text('papers_received'))
    op.add_column('dossiers', _demo())
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DDL:  # idempotent (IF NOT EXISTS): the triggers are there after this step
            op.execute(statement)
    with op.batch_alter_table('apology_letters', schema=None) as batch_op:
        batch_op.add_column(_text('issuer_name', 300))
        batch_op.add_column(_text('issuer_parent', 300))
        batch_op.add_column(_text('delivered_via', 10))
        batch_op.add_column(sa.Column('delivered_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('delivered_by', sa.Integer(), nullable=True))
        batch_op.add_column(_text('delivery_note'))
        batch_op.create_foreign_key(batch_op.f('fk_apology_letters_delivered_by_users'), 'users',
                                    ['delivered_by'], ['id'])
    with op.batch_alter_table('report_outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('letter_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_report_outbox_letter_id_apology_letters'), 'apology_letters',
                                    ['letter_id'], ['id'], ondelete='SET NULL')
    # Facts that older versions derived: the promise made at the counter, the issuer printed.
    op.execute(
        "UPDATE dossiers SET original_due_at = COALESCE("
        "(SELECT previous_due_at FROM apology_letters WHERE apology_letters.dossier_id = dossiers.id), due_at)")
    op.execute(
        "UPDATE apology_letters SET "
        "issuer_name = COALESCE((SELECT name FROM office ORDER BY id LIMIT 1), ''), "
        "issuer_parent = COALESCE((SELECT parent_agency FROM office ORDER BY id LIMIT 1), '')")


def downgrade() -> None:
    with op.batch_alter_table('report_outbox', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_report_outbox_letter_id_apology_letters'), type_='foreignkey')
        batch_op.drop_column('letter_id')
    with op.batch_alter_table('apology_letters', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_apology_letters_delivered_by_users'), type_='foreignkey')
        for name in ('delivery_note', 'delivered_by', 'delivered_at', 'delivered_via', 'issuer_parent',
                     'issuer_name'):
            batch_op.drop_column(name)
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        for name in ('demo', 'papers_received', 'original_due_at'):
            batch_op.drop_column(name)
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DDL:
            op.execute(statement)
    with op.batch_alter_table('procedures', schema=None) as batch_op:
        for name in ('demo', 'papers'):
            batch_op.drop_column(name)
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_units_merged_into_id_units'), type_='foreignkey')
        for name in ('demo', 'merged_into_id', 'letter_symbol', 'head_name', 'head_title', 'parent_agency',
                     'full_name'):
            batch_op.drop_column(name)
    with op.batch_alter_table('office', schema=None) as batch_op:
        for name in ('letter_symbol', 'email', 'phone', 'address'):
            batch_op.drop_column(name)
