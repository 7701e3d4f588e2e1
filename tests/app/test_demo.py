"""The demo register must look like a real desk's: dates, statuses and letters that agree."""

import datetime as dt

from sqlalchemy import func, select

from app.demo import generate
from app.lifecycle import OPEN, Status
from app.text import fold
from db.models import ApologyLetter, Dossier, DossierEvent


def test_demo_register_is_consistent(Session, make_ctx):
    ctx = make_ctx()
    now = ctx.now()
    with Session.begin() as session:
        result = generate(session, ctx.calendar, now, 4000, seed=3)
    assert result.dossiers == 4000
    with Session() as session:
        rows = session.execute(select(Dossier)).scalars().all()
        letters = session.execute(select(ApologyLetter)).scalars().all()
        events = session.scalar(select(func.count()).select_from(DossierEvent))
    assert len(rows) == 4000 and events == result.events
    open_codes = {int(s) for s in OPEN}
    assert 0.02 < sum(r.status in open_codes for r in rows) / len(rows) < 0.10
    assert len({r.code for r in rows}) == 4000
    assert len({r.procedure_id for r in rows}) > 10 and len({r.channel for r in rows}) == 3
    for r in rows:
        assert r.received_at <= now, r.code
        assert ctx.calendar.is_working_day(r.received_at.date()), r.code
        assert dt.time(7, 30) <= r.received_at.time() < dt.time(17, 0)
        assert r.due_at > r.received_at
        assert r.applicant_name_folded == fold(r.applicant_name)
        if r.status in open_codes:
            assert r.finished_at is None and r.returned_at is None
        else:
            assert r.received_at <= r.finished_at <= now
        if r.status == Status.RETURNED:
            assert r.finished_at <= r.returned_at <= now
    assert any("đ" in r.applicant_name.lower() or "Đ" in r.applicant_name for r in rows)
    assert letters and len({l.dossier_id for l in letters}) == len(letters)
    by_id = {r.id: r for r in rows}
    for letter in letters:
        assert letter.new_due_at > letter.previous_due_at
        assert by_id[letter.dossier_id].due_at == letter.new_due_at
        assert letter.issued_on <= now.date()


def test_same_seed_same_register(Session, make_ctx, tmp_path):
    ctx = make_ctx()
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 300, seed=11)
    with Session() as session:
        names = session.scalars(select(Dossier.applicant_name).order_by(Dossier.id)).all()
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 300, seed=11)
    with Session() as session:
        again = session.scalars(select(Dossier.applicant_name).order_by(Dossier.id).offset(300)).all()
        assert session.scalar(select(func.count()).select_from(Dossier)) == 600  # appended, codes still unique
    assert names == again


def _snapshot(Session):
    with Session() as session:
        return session.execute(select(Dossier.code, Dossier.applicant_name, Dossier.status, Dossier.due_at,
                                      Dossier.received_at).order_by(Dossier.id)).all()


def test_batches_made_in_a_worker_process_equal_those_made_here(tmp_path, make_ctx, Session):
    """Big runs make batches in a second process; the register must be the same either way."""
    from db import migrate
    from db.engine import make_engine, make_sessionmaker

    ctx = make_ctx()
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 2500, seed=5, batch_size=1000, in_worker=False)
    other = make_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    migrate.upgrade(other)
    OtherSession = make_sessionmaker(other)
    with OtherSession.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 2500, seed=5, batch_size=1000, in_worker=True)
    here, there = _snapshot(Session), _snapshot(OtherSession)
    other.dispose()
    assert len(here) == 2500 and here == there
    with OtherSession() as session:
        letters = session.execute(select(ApologyLetter.year, ApologyLetter.number, ApologyLetter.number_text)).all()
    by_year = {}
    for year, number, text in letters:
        by_year.setdefault(year, []).append(number)
        assert text == f"{number:02d}/PXL"      # Decree 30: 01–09 with a leading zero
    assert by_year
    for numbers in by_year.values():  # sequential per year, no gaps, no repeats
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
