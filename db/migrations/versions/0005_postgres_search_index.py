"""on PostgreSQL, a trigram index for the folded search

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

SQLite searches the folded text through its FTS5 table (0001). PostgreSQL
searches the same folded column with LIKE '%…%'; a GIN index of pg_trgm
trigrams answers that without reading every dossier. pg_trgm ships with
Debian's ``postgresql`` package and is a trusted extension (the database's
owner may create it). Where it cannot be created the search still works,
only slower: the index is skipped, and the log says so.
"""
import logging

from alembic import op
from sqlalchemy import text

from db.search_index import PG_TRGM_INDEX

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as exc:  # noqa: BLE001 — no pg_trgm: LIKE without an index
        log.warning("pg_trgm không dùng được (%s): tìm kiếm sẽ chậm hơn trên sổ lớn", exc)
        return
    bind.execute(text(f"CREATE INDEX IF NOT EXISTS {PG_TRGM_INDEX} ON dossiers "
                      "USING gin (search_text gin_trgm_ops)"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_TRGM_INDEX}")
