"""At open, the search index is checked against the register and repaired, and the repair is said (issue 20)."""

import sqlite3

import pytest

from db import search_index
from db.database import open_register


@pytest.fixture
def register(tmp_path, Session, catalog, make_ctx):
    from app.demo import generate

    ctx = make_ctx()
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 300, seed=3)
    Session.kw["bind"].dispose()
    return tmp_path / "register.sqlite3"


def _open(register):
    said = []
    Session = open_register(f"sqlite:///{register}", on_repair=said.append)
    Session.kw["bind"].dispose()
    return said


def _in_step(register):
    with sqlite3.connect(register) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM dossiers ORDER BY id")]
        indexed = [row[0] for row in connection.execute("SELECT id FROM dossier_fts_docsize ORDER BY id")]
        triggers = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='trigger' "
                                                          "AND name LIKE 'dossiers_fts_%'")}
        hits = connection.execute("SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH 'zqxw'").fetchone()[0]
    return ids == indexed and triggers == set(search_index.TRIGGERS), hits


def test_a_register_in_step_opens_without_a_word(register):
    assert _open(register) == []


def test_a_lost_trigger_and_rows_it_missed_are_put_back(register):
    with sqlite3.connect(register) as connection:
        connection.execute("DROP TRIGGER dossiers_fts_insert")
        connection.execute("UPDATE dossiers SET search_text = 'zqxw ' || search_text WHERE id = 1")   # fires update
        columns = [row[1] for row in connection.execute("PRAGMA table_info(dossiers)")]
        select = ", ".join("id + 1000" if c == "id" else "code || '-B'" if c == "code" else c for c in columns)
        connection.execute(f"INSERT INTO dossiers ({', '.join(columns)}) SELECT {select} FROM dossiers WHERE id <= 2")
    said = _open(register)
    assert len(said) == 2 and "dossiers_fts_insert" in said[0] and "thiếu 2 hồ sơ mới nhất" in said[1]
    in_step, hits = _in_step(register)
    assert in_step and hits == 2    # dossier 1 and its copy, found again
    assert _open(register) == []


def test_an_index_out_of_step_in_the_middle_is_rebuilt(register):
    with sqlite3.connect(register) as connection:
        connection.execute("DROP TRIGGER dossiers_fts_delete")
        connection.execute("DELETE FROM dossier_events WHERE dossier_id = 5")
        connection.execute("DELETE FROM supplement_periods WHERE dossier_id = 5")
        connection.execute("DELETE FROM apology_letters WHERE dossier_id = 5")
        connection.execute("DELETE FROM dossiers WHERE id = 5")
    said = _open(register)
    assert "dossiers_fts_delete" in said[0] and "đã dựng lại toàn bộ" in said[1]
    assert _in_step(register)[0]
