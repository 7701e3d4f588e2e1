"""Full-text index over the folded search text.

On SQLite an FTS5 table (external content over ``dossiers.search_text``) kept
in step by triggers; the text is folded in Python first because FTS5's
``remove_diacritics`` leaves "đ" alone. PostgreSQL runs LIKE '%…%' on the
same folded column, answered by a pg_trgm GIN index (migration 0005).
"""

from __future__ import annotations

FTS_TABLE = "dossier_fts"
PG_TRGM_INDEX = "ix_dossiers_search_trgm"

SQLITE_DDL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        search_text, content='dossiers', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2")""",
    f"""CREATE TRIGGER IF NOT EXISTS dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS dossiers_fts_delete AFTER DELETE ON dossiers BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS dossiers_fts_update AFTER UPDATE OF search_text ON dossiers BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS dossiers_fts_insert",
    "DROP TRIGGER IF EXISTS dossiers_fts_delete",
    "DROP TRIGGER IF EXISTS dossiers_fts_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def is_index_object(name: str) -> bool:
    """Tables of the FTS index and the trigram index, which the models do not declare."""
    return name == FTS_TABLE or name.startswith(FTS_TABLE + "_") or name == PG_TRGM_INDEX
