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


TRIGGERS = ("dossiers_fts_insert", "dossiers_fts_delete", "dossiers_fts_update")


def repair(connection) -> list[str]:
    """At open: put a missing trigger back and bring the index into step with ``dossiers``.

    A killed bulk writer of an older version could leave the insert trigger dropped,
    after which new dossiers were never found by search. The usual check costs two
    B-tree seeks (the highest id on each side); the full comparison of counts runs
    only when something was missing. Returns what was repaired, for the officer
    (empty when all was well); SQLite only, other databases index by themselves.
    """
    if connection.dialect.name != "sqlite":
        return []
    from sqlalchemy import text

    from db.bulk import begin_explicitly

    names = set(connection.execute(text(
        "SELECT name FROM sqlite_master WHERE name IN (:t, :a, :b, :c)"),
        {"t": FTS_TABLE, "a": TRIGGERS[0], "b": TRIGGERS[1], "c": TRIGGERS[2]}).scalars())
    if FTS_TABLE not in names:
        return []   # a register not yet migrated this far: the migration creates it
    begin_explicitly(connection)   # the trigger DDL and the index rows commit together
    said = []
    missing = [name for name in TRIGGERS if name not in names]
    if missing:
        for statement in SQLITE_DDL[1:]:
            connection.execute(text(statement))
        said.append("Chỉ mục tìm kiếm thiếu trigger " + ", ".join(missing) + " (có thể do một lần tạo sổ mẫu "
                    "bị dừng giữa chừng ở phiên bản trước); đã tạo lại.")
    top = connection.scalar(text("SELECT max(id) FROM dossiers")) or 0
    indexed_top = connection.scalar(text(f"SELECT max(id) FROM {FTS_TABLE}_docsize")) or 0
    if not missing and top == indexed_top:
        return said
    rows = connection.scalar(text("SELECT count(*) FROM dossiers")) or 0
    indexed = connection.scalar(text(f"SELECT count(*) FROM {FTS_TABLE}_docsize")) or 0
    if rows == indexed and top == indexed_top:
        return said
    tail = connection.scalar(text("SELECT count(*) FROM dossiers WHERE id > :top"), {"top": indexed_top}) or 0
    if indexed_top <= top and rows - tail == indexed:
        # Only the newest rows are missing (the usual case): add them.
        connection.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, search_text) "
                                "SELECT id, search_text FROM dossiers WHERE id > :top"), {"top": indexed_top})
        said.append(f"Chỉ mục tìm kiếm thiếu {tail:,} hồ sơ mới nhất (tìm kiếm không thấy chúng); "
                    "đã bổ sung.".replace(",", "."))
    else:
        connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))
        said.append(f"Chỉ mục tìm kiếm lệch với sổ ({indexed:,} mục cho {rows:,} hồ sơ); "
                    "đã dựng lại toàn bộ.".replace(",", "."))
    return said


def pause_for_bulk_delete(connection) -> bool:
    """Before deleting most of the register: drop the per-row delete trigger (SQLite), so the
    index is refilled once afterwards (``refill_after_bulk_delete``) instead of being updated a
    million times. The caller's transaction must have begun (db.bulk.begin_explicitly): the drop
    commits or rolls back with the deletion. Returns whether it paused (False elsewhere)."""
    if connection.dialect.name != "sqlite":
        return False
    from sqlalchemy import text

    connection.execute(text("DROP TRIGGER IF EXISTS dossiers_fts_delete"))
    return True


def refill_after_bulk_delete(connection) -> None:
    """The index emptied and filled again from the remaining dossiers; the delete trigger back."""
    from sqlalchemy import text

    connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')"))
    connection.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, search_text) SELECT id, search_text FROM dossiers"))
    connection.execute(text(SQLITE_DDL[2]))
