"""citizens' satisfaction: one rating per dossier

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

- ratings: the citizen's judgement of the service for a dossier (rất hài lòng, hài lòng, không hài
  lòng), the reasons of an unhappy one, a note, how it was given (at the counter, by phone, on paper,
  through the portal), when it was given and when and by whom it was recorded.

A table of its own: dossiers is not touched (a batch copy of it on SQLite would drop the search triggers).
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'ratings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('dossier_id', sa.Integer(), nullable=False),
        sa.Column('level', sa.String(length=20), nullable=False),
        sa.Column('reasons', sa.String(length=100), server_default='', nullable=False),
        sa.Column('note', sa.Text(), server_default='', nullable=False),
        sa.Column('via', sa.String(length=10), server_default='counter', nullable=False),
        sa.Column('rated_at', sa.DateTime(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.Column('recorded_by', sa.Integer(), nullable=True),
        sa.CheckConstraint("level IN ('very_satisfied', 'satisfied', 'unsatisfied')", name=op.f('ck_ratings_level')),
        sa.CheckConstraint("via IN ('counter', 'phone', 'paper', 'portal')", name=op.f('ck_ratings_via')),
        sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_ratings_dossier_id_dossiers'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_ratings_recorded_by_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ratings')),
        sa.UniqueConstraint('dossier_id', name=op.f('uq_ratings_dossier_id')),
    )
    op.create_index('ix_ratings_level_recorded_at', 'ratings', ['level', 'recorded_at'])


def downgrade() -> None:
    op.drop_index('ix_ratings_level_recorded_at', table_name='ratings')
    op.drop_table('ratings')
