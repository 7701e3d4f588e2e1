"""The demo register must look like a real desk's: dates, statuses and letters that agree."""

import datetime as dt

from sqlalchemy import func, select

from app import report_days
from app.demo import generate
from app.lifecycle import OPEN, Status
from app.text import fold
from db.models import ApologyLetter, AuditEvent, Dossier, DossierEvent


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


# ── removing the demo data (issue 13) ──────────────────────────────────────────────────────────

import pytest  # noqa: E402
from sqlalchemy import text as sql  # noqa: E402

from app import audit as audit_view  # noqa: E402
from app import demo_removal
from app import dossiers as dossier_service
from app import letters as letter_service
from app.catalog import ensure_user  # noqa: E402
from app.dossiers import NewDossier  # noqa: E402
from app.letters import LetterRequest  # noqa: E402
from db.models import Procedure, SupplementPeriod, Unit, User  # noqa: E402


def _admin_ctx(Session, make_ctx):
    with Session.begin() as session:
        admin = ensure_user(session, "quantri.that", "Quản trị viên", role="admin")
    return make_ctx(admin)


def _receive_real(Session, ctx, count, with_letters):
    """``count`` real dossiers received today, the first ``with_letters`` of them given a letter."""
    ids = []
    for index in range(count):
        with Session.begin() as session:
            view = dossier_service.receive(session, ctx, NewDossier(
                procedure_code="P3", applicant_name=f"Người Thật {index}", applicant_id_number="079203001234",
                received_at=dt.datetime(2026, 11, 23, 9, index)))
        ids.append(view.id)
        if index < with_letters:
            with Session.begin() as session:
                letter_service.issue(session, ctx, LetterRequest(view.id, "Cần xác minh thực địa",
                                                                 dt.date(2026, 12, 2)))
    return ids


def _real_state(Session, ids):
    with Session() as session:
        rows = session.execute(select(Dossier.id, Dossier.code, Dossier.applicant_name).where(Dossier.id.in_(ids))
                               .order_by(Dossier.id)).all()
        letters = session.execute(select(ApologyLetter.dossier_id, ApologyLetter.year, ApologyLetter.number,
                                         ApologyLetter.number_text).order_by(ApologyLetter.dossier_id)).all()
    return rows, letters


@pytest.mark.parametrize("older_version", [False, True], ids=["marked", "older-version"])
def test_remove_leaves_exactly_the_real_dossiers_and_their_letter_numbers(Session, make_ctx, older_version):
    ctx = _admin_ctx(Session, make_ctx)
    now = ctx.now()
    # Real and demo work interleaved, so that the real letters' numbers are not contiguous.
    real = _receive_real(Session, ctx, 10, with_letters=3)
    with Session.begin() as session:
        generate(session, ctx.calendar, now, 1000, seed=7)
    real += _receive_real(Session, ctx, 10, with_letters=3)
    with Session.begin() as session:
        generate(session, ctx.calendar, now, 1000, seed=8)
    if older_version:   # rows of an older version carry no mark: only the audit summary and the codes tell
        with Session.begin() as session:
            for table in ("dossiers", "units", "procedures"):
                session.connection().execute(sql(f"UPDATE {table} SET demo = :f"), {"f": False})
    rows_before, letters_before = _real_state(Session, real)
    real_letters_before = [row for row in letters_before if row.dossier_id in set(real)]
    numbers = sorted(row.number for row in real_letters_before if row.year == 2026)
    assert len(real_letters_before) == 6 and numbers[3] > numbers[2] + 1   # not contiguous
    with Session() as session:
        found = demo_removal.scope(session)
        assert found.dossiers == 2000 and found.legacy_dossiers == (2000 if older_version else 0)
        demo_procedures = session.scalar(select(func.count()).select_from(Procedure).where(
            Procedure.code.in_(demo_removal.DEMO_PROCEDURE_CODES)))
        assert demo_procedures == 21

    with Session.begin() as session:
        result = demo_removal.remove(session, ctx)

    assert result.dossiers == 2000 and result.letters == len(letters_before) - 6
    assert "Đã xóa 2.000 hồ sơ mẫu" in result.message
    rows_after, letters_after = _real_state(Session, real)
    assert rows_after == rows_before and letters_after == real_letters_before
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 20
        assert session.scalar(select(func.count()).select_from(DossierEvent).where(
            DossierEvent.dossier_id.not_in(real))) == 0
        assert session.scalar(select(func.count()).select_from(SupplementPeriod)) == 0
        if session.get_bind().dialect.name == "sqlite":   # the search index holds the real dossiers only
            assert session.execute(sql("SELECT count(*) FROM dossier_fts_docsize")).scalar() == 20
            assert {r[0] for r in session.execute(sql("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                      "AND name LIKE 'dossiers_fts_%'"))} \
                == {"dossiers_fts_insert", "dossiers_fts_delete", "dossiers_fts_update"}
            # the reports' per-day counts hold the real dossiers only, counted again (app/report_days.py)
            assert session.execute(sql("SELECT sum(n) FROM report_days WHERE kind = 1")).scalar() == 20
            assert session.execute(sql("SELECT coalesce(sum(n), 0) FROM report_days WHERE kind = 2")).scalar() \
                == session.scalar(select(func.count()).select_from(Dossier).where(Dossier.finished_at.is_not(None)))
            assert report_days.ready(session.connection()) and report_days.out_of_step(session.connection()) == 0
        # The demo catalog is gone, except what the real dossiers use (the test office's own units and procedures).
        assert session.scalar(select(func.count()).select_from(Procedure).where(
            Procedure.code.in_(demo_removal.DEMO_PROCEDURE_CODES))) == 0
        assert set(session.scalars(select(Unit.code))) == {"TP", "DD"}
        assert session.scalar(select(func.count()).select_from(User).where(User.username == "hung.tv")) == 0
        assert session.scalar(select(func.count()).select_from(User).where(User.username == "lan.nt")) == 1
        report = audit_view.verify_chain(session)
        assert report.intact, report.message
        summaries = session.scalars(select(AuditEvent.action).where(AuditEvent.action == "demo-remove")).all()
        assert summaries == ["demo-remove"]
        # The counters continue from the real data: the next letter number is the highest real one plus one.
        assert letter_service.next_number(session, 2026) == max(numbers) + 1
    # A real dossier received now is found by search, and its code follows the real ones of its day.
    extra = _receive_real(Session, ctx, 1, with_letters=1)
    with Session() as session:
        from app import worklists

        assert worklists.search_ids(session, "Người Thật 0", 50)
        code = session.scalar(select(Dossier.code).where(Dossier.id == extra[0]))
        real_codes = [row.code for row in rows_before if row.code.startswith(code[:-4])]
        assert int(code[-4:]) == max(int(c[-4:]) for c in real_codes) + 1
        assert session.scalar(select(ApologyLetter.number).where(ApologyLetter.dossier_id == extra[0])) \
            == max(numbers) + 1
    with Session.begin() as session:
        assert demo_removal.remove(session, ctx).message == "Sổ không có dữ liệu mẫu."


def test_remove_on_a_register_that_never_had_demo_data_says_so(Session, make_ctx):
    ctx = _admin_ctx(Session, make_ctx)
    _receive_real(Session, ctx, 2, with_letters=1)
    with Session.begin() as session:
        result = demo_removal.remove(session, ctx)
    assert result.message == "Sổ không có dữ liệu mẫu." and result.dossiers == 0
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 2
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "demo-remove")) == 0


def test_only_an_administrator_removes_demo_data(Session, make_ctx):
    from app.permissions import PermissionDenied

    ctx = make_ctx()   # an officer
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 50, seed=2)
    with pytest.raises(PermissionDenied), Session.begin() as session:
        demo_removal.remove(session, ctx)
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 50


def test_demo_office_values_go_when_no_real_dossier_remains(Session, clock):
    """On an empty register the demo fills in the office; removing it empties them again."""
    from app.catalog import get_office
    from app.context import load_context

    with Session.begin() as session:
        admin = ensure_user(session, "quantri.that", "Quản trị viên", role="admin")
        ctx = load_context(session, clock, admin)
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 100, seed=4)
    with Session() as session:
        assert get_office(session).name.startswith("Trung tâm Phục vụ")
    with Session.begin() as session:
        result = demo_removal.remove(session, ctx)
    assert "name" in result.office_cleared and "agency_code" in result.office_cleared
    with Session() as session:
        office = get_office(session)
        assert office.name == "" and office.agency_code == "" and office.head_name == ""
        assert session.scalar(select(func.count()).select_from(Unit)) == 0
        assert audit_view.verify_chain(session).intact


def test_citizens_rate_most_returned_demo_dossiers(Session, make_ctx):
    """The demo shows the satisfaction figures too: returned dossiers rated at the counter, or on the
    portal for online ones, mostly satisfied, the unhappy ones with their reasons."""
    from app import rates
    from app.measures import Period
    from db.models import Rating

    ctx = make_ctx()
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 3000, seed=5)
    with Session() as session:
        returned = {d.id: d for d in session.scalars(select(Dossier).where(Dossier.returned_at.is_not(None)))}
        ratings = session.scalars(select(Rating)).all()
        _summary, year = rates.report(session, Period(dt.date(2025, 1, 1), ctx.now().date()), ctx.settings, ctx.now())
    assert 0.5 < len(ratings) / len(returned) < 0.7
    levels = [r.level for r in ratings]
    assert 0.85 < (levels.count("very_satisfied") + levels.count("satisfied")) / len(levels) < 0.97
    for rating in ratings:
        dossier = returned[rating.dossier_id]   # only returned dossiers are rated
        assert rating.rated_at == dossier.returned_at
        assert rating.via == ("portal" if dossier.channel == "online" else "counter")
        assert bool(rating.reasons) == (rating.level == "unsatisfied")
    satisfaction = year["satisfaction"]
    assert satisfaction.whole == len(ratings) and satisfaction.value is not None


def test_most_demo_letters_have_reached_their_applicant(Session, make_ctx):
    from app.letter_delivery import VIA_LABELS

    ctx = make_ctx()
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 3000, seed=5)
    with Session() as session:
        letters = session.scalars(select(ApologyLetter)).all()
    delivered = [letter for letter in letters if letter.delivered_at is not None]
    assert letters and 0.8 < len(delivered) / len(letters) < 0.97
    for letter in delivered:
        assert letter.issued_at < letter.delivered_at <= ctx.now()
        assert letter.delivered_via in VIA_LABELS and letter.delivered_by is not None
    assert all(letter.delivered_via == "" and letter.delivered_by is None
               for letter in letters if letter.delivered_at is None)
