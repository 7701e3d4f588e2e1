"""the audit trail is sealed by an HMAC keyed by the office secret

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

- audit_events.seal: the id of the key whose HMAC sealed the event (db/audit_seal.py); NULL for the
  SHA-256 events written before this version or on a machine without a keyring. The existing chain is
  kept as it is and keeps verifying; new events are sealed from the first write of this version on.

One column added in place (no batch copy of any table).
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('audit_events', sa.Column('seal', sa.String(length=16), nullable=True))


def downgrade() -> None:
    # Sealed events cannot be verified without their key's id: a downgraded register keeps them, and
    # the older version reports them as broken. Downgrading is for tests of the migrations.
    with op.batch_alter_table('audit_events') as batch:
        batch.drop_column('seal')
