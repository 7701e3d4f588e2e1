"""Warnings and due-soon lists on a register built for the purpose, on fixed days."""

import datetime as dt

from sqlalchemy import update

from app import dossiers, worklists
from app.deadlines import WarningBounds, WarningLevel
from app.dossiers import NewDossier
from app.due_dates import recompute_deadlines
from app.lifecycle import Status
from db.models import ApologyLetter, Dossier

D = dt.datetime


def add(Session, ctx, name, due_at, status=Status.PROCESSING, letter=False, received_at=D(2026, 11, 2, 9, 0)):
    """A dossier with a chosen due date (set directly: the calendar is tested elsewhere)."""
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("D10", name, received_at=received_at))
        session.execute(update(Dossier).where(Dossier.id == view.id).values(due_at=due_at, status=int(status)))
        if letter:
            session.add(ApologyLetter(dossier_id=view.id, year=2026, number=view.id, number_text=f"{view.id}/PXL",
                                      issued_on=dt.date(2026, 11, 20), issued_at=D(2026, 11, 20, 10, 0),
                                      reason="Cần xác minh thực địa", previous_due_at=D(2026, 11, 23, 17, 0),
                                      new_due_at=due_at))
        recompute_deadlines(session, ctx.calendar, [view.id])  # raw writes: the stored deadline follows
    return view.id


def test_warnings_group_every_open_dossier_on_a_fixed_day(Session, make_ctx):
    ctx = make_ctx()  # now: Wed 25/11/2026 09:00; Tue 24/11 is a day off
    ids = {
        "overdue": add(Session, ctx, "Quá Hạn", D(2026, 11, 24, 17, 0)),
        "missed": add(Session, ctx, "Lỡ Phiếu", D(2026, 11, 25, 17, 0)),  # due today: letter was due Mon 23
        "today": add(Session, ctx, "Phiếu Hôm Nay", D(2026, 11, 26, 17, 0)),  # due Thu: letter today
        "tomorrow": add(Session, ctx, "Phiếu Ngày Mai", D(2026, 11, 27, 17, 0)),  # due Fri: letter Thu
        "soon": add(Session, ctx, "Sắp Hạn", D(2026, 11, 30, 17, 0)),  # 3rd working day from today
        "on_track": add(Session, ctx, "Còn Xa", D(2026, 12, 1, 17, 0)),  # 4th working day
        "with_letter": add(Session, ctx, "Có Phiếu", D(2026, 11, 26, 17, 0), letter=True),
        "waiting": add(Session, ctx, "Chờ Bổ Sung", D(2026, 11, 25, 17, 0), status=Status.SUPPLEMENT),
        "finished": add(Session, ctx, "Đã Xong", D(2026, 11, 20, 17, 0), status=Status.RETURNED),
    }
    bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
    with Session() as session:
        levels = worklists.classify_open(session, bounds)
        grouped = worklists.warnings_by_level(session, ctx.calendar, bounds)
    assert levels == {
        ids["overdue"]: WarningLevel.OVERDUE,
        ids["missed"]: WarningLevel.APOLOGY_MISSED,
        ids["today"]: WarningLevel.APOLOGY_TODAY,
        ids["tomorrow"]: WarningLevel.APOLOGY_TOMORROW,
        ids["soon"]: WarningLevel.DUE_SOON,
        ids["with_letter"]: WarningLevel.DUE_SOON,  # a letter was sent: only the new date matters
        ids["on_track"]: WarningLevel.ON_TRACK,
        ids["waiting"]: WarningLevel.WAITING,
    }
    names = {level: [row.applicant_name for row in rows] for level, rows in grouped.items()}
    assert names[WarningLevel.APOLOGY_TODAY] == ["Phiếu Hôm Nay"]
    assert names[WarningLevel.DUE_SOON] == ["Có Phiếu", "Sắp Hạn"]  # by due date
    overdue_row = grouped[WarningLevel.OVERDUE][0]
    assert overdue_row.remaining == "Quá hạn 1 giờ 30 phút"  # Tue 24 off: only 07:30–09:00 today counts
    # In an apology list the time left counts to the letter deadline (today 17:00), not to the due date
    # (Thu 26/11 17:00, in its own column): 09:00–11:30 and 13:00–17:00.
    letter_today = grouped[WarningLevel.APOLOGY_TODAY][0]
    assert letter_today.remaining == "Hạn xin lỗi: hôm nay, còn 6 giờ 30 phút làm việc"
    assert letter_today.due_at == D(2026, 11, 26, 17, 0)


def test_a_saturday_sees_monday_letters_as_tomorrow(Session, make_ctx, clock):
    ctx = make_ctx()
    due_tue = add(Session, ctx, "Hạn Thứ Ba", D(2026, 12, 1, 17, 0))  # letter due Mon 30/11
    due_mon = add(Session, ctx, "Hạn Thứ Hai", D(2026, 11, 30, 17, 0))  # letter was due Fri 27/11
    bounds = WarningBounds.at(ctx.calendar, D(2026, 11, 28, 10, 0), 3)
    with Session() as session:
        levels = worklists.classify_open(session, bounds)
    assert levels[due_tue] == WarningLevel.APOLOGY_TOMORROW
    assert levels[due_mon] == WarningLevel.APOLOGY_MISSED


def test_a_same_day_dossier_must_apologise_on_its_day_not_before(Session, make_ctx):
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P0", "Trong Ngày"))
    bounds = WarningBounds.at(ctx.calendar, ctx.now(), 3)
    with Session() as session:
        assert worklists.classify_open(session, bounds)[view.id] == WarningLevel.APOLOGY_TODAY


def test_due_within_lists_open_dossiers_by_due_date(Session, make_ctx):
    ctx = make_ctx()
    add(Session, ctx, "A", D(2026, 11, 20, 17, 0))  # overdue: its own list
    soon = add(Session, ctx, "B", D(2026, 11, 30, 17, 0))
    first = add(Session, ctx, "C", D(2026, 11, 26, 11, 0))
    add(Session, ctx, "D", D(2026, 12, 1, 17, 0))  # 4th working day: outside
    add(Session, ctx, "E", D(2026, 11, 26, 17, 0), status=Status.RESULT_READY)  # finished
    add(Session, ctx, "F", D(2026, 11, 26, 17, 0), status=Status.SUPPLEMENT)  # clock stopped
    with Session() as session:
        rows = worklists.due_within(session, ctx.calendar, ctx.now(), 3)
    assert [r[0] for r in rows] == [first, soon]


def test_sql_ranges_and_python_agree_dossier_by_dossier_on_a_generated_register(Session, make_ctx):
    """The levels are index ranges (dossier_rows.level_condition) over stored moments; level_of reads the
    same moments in Python; warning_level recomputes the deadline from the facts. All three agree."""
    from sqlalchemy import exists, select

    from app.deadlines import level_of, warning_level
    from app.demo import generate

    ctx = make_ctx()
    with Session.begin() as session:
        generate(session, ctx.calendar, D(2026, 11, 25, 9, 0), 4000, seed=5)
    with Session() as session:
        facts = session.execute(select(Dossier.id, Dossier.status, Dossier.due_at, Dossier.apology_deadline_at,
                                       Dossier.received_at,
                                       exists().where(ApologyLetter.dossier_id == Dossier.id))
                                .where(Dossier.status.in_(worklists.OPEN_CODES))).all()
        assert len(facts) > 80
        for now in (D(2026, 11, 25, 9, 0), D(2026, 11, 25, 17, 30), D(2026, 11, 27, 16, 0),
                    D(2026, 11, 28, 10, 0), D(2026, 12, 1, 7, 0), D(2026, 11, 20, 12, 0)):
            bounds = WarningBounds.at(ctx.calendar, now, 3)
            sql = worklists.classify_open(session, bounds)
            stored = {i: level_of(status, due, deadline, bounds) for i, status, due, deadline, _r, _l in facts}
            computed = {i: warning_level(status, due, bool(letter), bounds, received)
                        for i, status, due, _d, received, letter in facts}
            assert sql == stored == computed, now
            assert len(set(sql.values())) >= 4  # the register really spreads over the levels


def test_the_clock_of_a_dossier_waiting_for_papers_is_stopped_in_every_list(Session, make_ctx):
    """Blank "time left" for a dossier waiting for papers in the register, the Today list and the dossier
    page alike (Today's "Chờ bổ sung" list once showed a running clock)."""
    from app import dossier_page, today
    from app import register_query as rq

    ctx = make_ctx()
    waiting = add(Session, ctx, "Chờ Giấy Tờ", D(2026, 11, 27, 17, 0), status=Status.SUPPLEMENT)
    bounds = WarningBounds.at(ctx.calendar, ctx.now(), 3)
    with Session() as session:
        in_today = today.rows(session, ctx, WarningLevel.WAITING).rows
        in_register = rq.page(session, ctx.calendar, bounds, rq.RegisterFilter(level=WarningLevel.WAITING),
                              rq.RegisterSort(), 0, 50)
        page = dossier_page.load(session, ctx, waiting)
    assert [r.id for r in in_today] == [r.id for r in in_register] == [waiting]
    assert in_today[0].remaining == in_register[0].remaining == page.remaining == ""
    assert in_today[0] == in_register[0]  # one row type, one rule


def test_a_calendar_change_moves_the_stored_apology_deadlines(Session, make_ctx):
    """Make Thu 26/11 a day off: a dossier due Fri 27/11 now needs its letter on Wed 25/11 (today)."""
    from app import administration
    from app.context import load_context
    from app.due_dates import deadlines_current

    ctx = make_ctx()
    due_fri = add(Session, ctx, "Hạn Thứ Sáu", D(2026, 11, 27, 17, 0))
    with Session() as session:
        assert worklists.classify_open(session, WarningBounds.at(ctx.calendar, ctx.now(), 3))[due_fri] \
            == WarningLevel.APOLOGY_TOMORROW
        assert session.get(Dossier, due_fri).apology_deadline_at == D(2026, 11, 26, 17, 0)
    with Session.begin() as session:
        admin = _admin(session, ctx)
        administration.set_calendar_day(session, admin, dt.date(2026, 11, 26), False, "Nghỉ đột xuất")
    with Session() as session:
        new_ctx = load_context(session, ctx.clock)
        assert session.get(Dossier, due_fri).apology_deadline_at == D(2026, 11, 25, 17, 0)
        assert deadlines_current(session, new_ctx.calendar)
        assert worklists.classify_open(session, WarningBounds.at(new_ctx.calendar, ctx.now(), 3))[due_fri] \
            == WarningLevel.APOLOGY_TODAY


def _admin(session, ctx):
    """The test officer, made an administrator (the calendar is the administrator's)."""
    from db.models import User

    session.get(User, ctx.user_id).role = "admin"
    session.flush()
    return ctx
