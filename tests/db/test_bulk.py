"""Bulk inserts must store exactly what the ORM stores, or string comparisons in SQLite go wrong."""

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from db.bulk import insert_rows
from db.models import CalendarOverride, Unit, User


@pytest.mark.sqlite_only  # SQLite's text storage format; PostgreSQL stores typed values
def test_bulk_rows_are_stored_byte_for_byte_like_orm_rows(Session):
    moment = dt.datetime(2026, 11, 25, 9, 5, 7)
    with Session.begin() as session:
        session.add(User(username="orm", full_name="Bằng ORM"))
        session.flush()
        session.add(CalendarOverride(day=dt.date(2026, 11, 24), working=True, note="ORM", created_at=moment))
        insert_rows(session.connection(), User.__table__,
                    [{"username": "bulk", "full_name": "Bằng lô", "role": "officer", "active": True}])
        insert_rows(session.connection(), CalendarOverride.__table__,
                    [{"day": dt.date(2026, 11, 23), "working": True, "note": "bulk", "created_by": None,
                      "created_at": moment}])
    with Session() as session:
        raw = session.execute(text("SELECT day, working, created_at FROM calendar_overrides ORDER BY note")).all()
        assert raw[0][1:] == raw[1][1:]  # same stored text for the boolean and the datetime
        assert raw[0][2] == "2026-11-25 09:05:07.000000"
        assert [r[0] for r in raw] == ["2026-11-24", "2026-11-23"]
        assert session.scalar(select(CalendarOverride.created_at).where(CalendarOverride.note == "bulk")) == moment
        assert session.scalar(select(User.full_name).where(User.username == "bulk")) == "Bằng lô"


def test_empty_batch_is_a_no_op(Session):
    with Session.begin() as session:
        before = session.scalar(select(func.count()).select_from(Unit))
        insert_rows(session.connection(), Unit.__table__, [])
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Unit)) == before
