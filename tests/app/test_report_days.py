"""The per-day counts (app/report_days.py): kept right by the triggers through every kind of write, and a
report read from them says exactly what counting the dossiers says."""

import datetime as dt
import random

import pytest
from sqlalchemy import delete, insert, select, text, update

from app import rates as rates_module
from app import report_days
from app.catalog import ensure_procedure, ensure_unit, ensure_user
from app.measures import Period
from app.rates import rates, report, summary
from app.settings import Settings
from db.models import Dossier, ReportDay

NOW = dt.datetime(2026, 11, 25, 16, 0)


def _register(Session, seed: int = 7, count: int = 600) -> dict:
    """Dossiers of every kind over 14 months: open, late, waiting for papers, finished early / on time /
    late, with and without a result, digitized or not, paid online or not, with and without unit or officer."""
    rng = random.Random(seed)
    with Session.begin() as session:
        units = [ensure_unit(session, f"U{i}", f"Phòng {i}") for i in range(3)]
        officers = [ensure_user(session, f"cb{i}", f"Cán bộ {i}") for i in range(3)]
        procedures = [ensure_procedure(session, f"P{i}", f"Thủ tục {i}", field, 5, "day", "full" if i % 2 else "none",
                                       unit_id=units[i % 3]) for i, field in enumerate(["Hộ tịch", "Đất đai", "Xây dựng",
                                                                                      "Hộ tịch"])]
    rows = []
    for n in range(count):
        received = dt.datetime(2025, 10, 1, 8) + dt.timedelta(days=rng.randrange(420), minutes=rng.randrange(540))
        if received > NOW:
            received = NOW - dt.timedelta(hours=rng.randrange(1, 400))
        due = None if rng.random() < 0.05 else received + dt.timedelta(days=rng.randrange(2, 30))
        finished = received + dt.timedelta(days=rng.randrange(0, 45), hours=rng.randrange(8))
        status = rng.choice([9, 10, 10, 10, 3, 7, 8])
        if finished > NOW or rng.random() < 0.15:
            finished, status = None, rng.choice([1, 2, 4, 4, 5, 6])
        rows.append({
            "code": f"R-{seed}-{n:05d}", "procedure_id": rng.choice(procedures),
            "unit_id": rng.choice(units + [None]), "officer_id": rng.choice(officers + [None]),
            "applicant_name": f"Người nộp {n}", "channel": rng.choice(["online", "in_person", "postal"]),
            "received_at": received, "due_at": due, "status": status, "finished_at": finished,
            "created_at": received, "updated_at": received, "version": 1,
            "digitized_components": rng.random() < 0.7, "digitized_result": rng.random() < 0.7,
            "paid_online": rng.random() < 0.4, "identity_checked": rng.random() < 0.8,
            "reused_from_store": rng.random() < 0.3, "taken_from_national_store": rng.random() < 0.2,
            "request_letter_attached": rng.random() < 0.5})
    with Session.begin() as session:
        session.execute(insert(Dossier.__table__), rows)
    return {"units": units, "officers": officers, "procedures": procedures}


def _counted_again(Session) -> dict:
    """What the tables would hold if they were rebuilt from the dossiers now (rows with n = 0 left out)."""
    with Session.begin() as session:
        connection = session.connection()
        report_days.rebuild(connection)
        rebuilt = _rows(connection)
        session.rollback()
    return rebuilt


def _rows(connection) -> dict:
    """Both tables' rows, (table, key…) → (n, figures…), without those counting nothing."""
    rows = {}
    for table in report_days.TABLES:
        key = len(table.primary_key.columns)
        for row in connection.execute(select(table)):
            if row.n:
                rows[(table.name, *row[:key])] = tuple(row[key:])
    return rows


def _kept(Session) -> dict:
    with Session() as session:
        return _rows(session.connection())


def _both_ways(Session, monkeypatch, period: Period, grouping: str = "unit", unit_id=None):
    with Session() as session:
        assert report_days.ready(session.connection())
        from_days = (*report(session, period, Settings(), NOW, grouping),
                     rates(session, period, Settings(), NOW, unit_id))
    with monkeypatch.context() as patched:
        patched.setattr(report_days, "ready", lambda connection: False)
        with Session() as session:
            counted = (*report(session, period, Settings(), NOW, grouping),
                       rates(session, period, Settings(), NOW, unit_id))
    return from_days, counted


def test_the_triggers_keep_the_days_as_a_rebuild_would_through_inserts_updates_and_deletes(Session):
    made = _register(Session)
    assert _kept(Session) == _counted_again(Session)
    for table in report_days.TABLES:
        assert sum(n for (name, kind, *_), (n, *_) in _kept(Session).items()
                   if name == table.name and kind == report_days.RECEIVED) == 600
    rng = random.Random(3)
    with Session.begin() as session:
        ids = session.scalars(select(Dossier.id).order_by(Dossier.id)).all()
        for id_ in rng.sample(ids, 80):   # the ORM's updates, one column or several
            dossier = session.get(Dossier, id_)
            choice = rng.randrange(8)
            if choice == 0:
                dossier.status, dossier.finished_at = 10, NOW - dt.timedelta(hours=3)
            elif choice == 1:
                dossier.unit_id = rng.choice(made["units"])
            elif choice == 2:
                dossier.received_at = dossier.received_at - dt.timedelta(days=40)
            elif choice == 3:
                dossier.digitized_result = not dossier.digitized_result
            elif choice == 4:
                dossier.due_at = None if dossier.due_at else dossier.received_at + dt.timedelta(days=3)
            elif choice == 5:
                dossier.channel, dossier.paid_online = "online", True
            elif choice == 6:   # a checklist flag alone: only the digitization figures move
                dossier.identity_checked = not dossier.identity_checked
            else:
                dossier.request_letter_attached, dossier.taken_from_national_store = True, True
        # Core statements touching many rows at once, and an update of a column the counts ignore
        session.execute(update(Dossier).where(Dossier.officer_id.is_(None)).values(officer_id=made["officers"][0]))
        session.execute(update(Dossier).where(Dossier.id.in_(ids[:50])).values(notes="đã gọi điện"))
        session.execute(delete(Dossier).where(Dossier.id.in_(ids[-40:])))
    assert _kept(Session) == _counted_again(Session)
    with Session() as session:
        received = session.scalar(select(report_days_total()).where(ReportDay.kind == report_days.RECEIVED))
    assert received == 560


def report_days_total():
    from sqlalchemy import func

    return func.sum(ReportDay.n)


@pytest.mark.parametrize("grouping", ["unit", "field", "officer"])
def test_a_report_from_the_days_says_what_counting_the_dossiers_says(Session, monkeypatch, grouping):
    made = _register(Session, seed=11)
    for period in (Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),     # the year to date
                   Period(dt.date(2025, 10, 1), dt.date(2026, 11, 30)),    # everything
                   Period(dt.date(2026, 6, 15), dt.date(2027, 1, 10)),     # from mid-June, past the end of the year
                   Period(dt.date(2026, 11, 1), dt.date(2026, 11, 25)),    # the month to date (index slices)
                   Period(dt.date(2026, 11, 19), dt.date(2026, 11, 30))):  # a week and more
        from_days, counted = _both_ways(Session, monkeypatch, period, grouping)
        assert from_days == counted   # Biểu II.06a per group, the plan rates, the satisfaction lines
        summary_days = from_days[0]
        assert summary_days.total.received > 0 and summary_days.total.finished > 0
        assert summary_days.total.carried_over > 0 or period.start == dt.date(2025, 10, 1)
        assert summary_days.total.open_late > 0 and summary_days.total.open_within > 0, period
    one_unit = made["units"][1]
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    from_days, counted = _both_ways(Session, monkeypatch, period, grouping, one_unit)
    assert from_days[2] == counted[2] and from_days[2]["online_dossiers"].whole > 0


def test_a_past_period_and_a_short_one_still_count_the_dossiers(Session, monkeypatch):
    """"Open and late" of a past period is judged at its end, which the days cannot tell; today alone is
    quicker from its index slices. Neither reads the days."""
    _register(Session, seed=5)
    read = []
    monkeypatch.setattr(rates_module, "_scan_days", lambda *a, **k: read.append(a) or [])
    with Session() as session:
        past = summary(session, Period(dt.date(2025, 10, 1), dt.date(2025, 12, 31)), NOW)
        today = summary(session, Period.day(NOW.date()), NOW)
        assert read == []
        year = summary(session, Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), NOW)
    assert read and year.total.received == 0   # the patched path, empty
    assert past.total.received > 0 and today.total.in_progress > 0


def test_without_its_triggers_the_register_is_counted_then_rebuilt_on_opening(Session, monkeypatch):
    _register(Session, seed=9)
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    with Session.begin() as session:
        expected = summary(session, period, NOW)
        report_days.drop(session.connection())
        session.execute(delete(ReportDay))
    with Session.begin() as session:   # written while nothing keeps the days
        session.execute(update(Dossier).where(Dossier.status == 4).values(status=10, finished_at=NOW))
        session.execute(delete(Dossier).where(Dossier.status == 3))
    with Session() as session:
        assert not report_days.ready(session.connection())
        counted = summary(session, period, NOW)       # counted from the dossiers: right without the days
    assert counted != expected and counted.total.received_new < expected.total.received_new   # the deleted ones gone
    said = []
    assert report_days.ensure_on_open(Session, say=said.append) is True
    assert report_days.ensure_on_open(Session) is False           # the second opening: one catalog read
    assert said == []   # a small register is built without a word
    assert _kept(Session) == _counted_again(Session)
    from_days, again = _both_ways(Session, monkeypatch, period)
    assert from_days[0] == again[0] == counted


def test_triggers_of_another_version_are_replaced(Session):
    _register(Session, seed=4, count=50)
    with Session.begin() as session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            connection.execute(text("CREATE TRIGGER report_days_0000000000_insert AFTER INSERT ON dossiers BEGIN "
                                    "UPDATE report_days SET n = n + 1000; END"))
        else:
            connection.execute(text("CREATE FUNCTION report_days_0000000000() RETURNS trigger LANGUAGE plpgsql AS "
                                    "$$ BEGIN UPDATE report_days SET n = n + 1000; RETURN NULL; END $$"))
            connection.execute(text("CREATE TRIGGER report_days_0000000000 AFTER INSERT ON dossiers FOR EACH ROW "
                                    "EXECUTE FUNCTION report_days_0000000000()"))
        assert not report_days.ready(connection)
        assert report_days.ensure(connection) is True
        assert report_days.ready(connection)
    with Session.begin() as session:
        ensure_user(session, "cb9", "Cán bộ 9")
        procedure = session.scalar(select(Dossier.procedure_id).limit(1))
        session.add(Dossier(code="R-NEW", procedure_id=procedure, applicant_name="Lê Thị Đào", channel="online",
                            received_at=NOW, status=2, created_at=NOW, updated_at=NOW, version=1))
    assert _kept(Session) == _counted_again(Session)


def test_a_bulk_load_is_counted_once_at_its_end(Session, make_ctx, clock):
    """The demo's and the import's bulk inserts run without the insert trigger and count the new rows in one
    statement: the days end as a rebuild would have them, with the trigger back for what comes next."""
    from app import demo

    with Session.begin() as session:
        result = demo.generate(session, load_calendar_of(session), clock.now(), 800, seed=3)
    assert result.dossiers == 800
    assert _kept(Session) == _counted_again(Session)
    with Session() as session:
        assert report_days.ready(session.connection())
        assert session.scalar(select(report_days_total()).where(ReportDay.kind == report_days.RECEIVED)) == \
            session.scalar(select(func_count()).select_from(Dossier))


def load_calendar_of(session):
    from app.context import load_calendar

    return load_calendar(session)


def func_count():
    from sqlalchemy import func

    return func.count()


def test_the_full_check_finds_counts_out_of_step_and_counts_them_again(Session):
    _register(Session, seed=21, count=200)
    with Session.begin() as session:
        assert report_days.repair(session.connection()) == 0
        session.execute(update(ReportDay).where(ReportDay.kind == report_days.FINISHED).values(n=ReportDay.n + 1))
        changed = session.scalar(select(func_count()).select_from(ReportDay).where(
            ReportDay.kind == report_days.FINISHED))
    with Session.begin() as session:
        assert report_days.out_of_step(session.connection()) == changed
        assert report_days.repair(session.connection()) == changed
    assert _kept(Session) == _counted_again(Session)
    with Session() as session:
        assert report_days.out_of_step(session.connection()) == 0


def _digitization_both_ways(Session, monkeypatch, period: Period, by: str, unit_id=None):
    from app import digitization
    from app.clock import FixedClock
    from app.context import load_context

    read = []
    real = digitization._figures_from_days
    with monkeypatch.context() as patched:
        patched.setattr(digitization, "_figures_from_days", lambda *a: read.append(a) or real(*a))
        with Session() as session:
            ctx = load_context(session, FixedClock(NOW))
            from_days = digitization.overview(session, ctx, period, by, unit_id)
    with monkeypatch.context() as patched:
        patched.setattr(report_days, "ready", lambda connection: False)
        with Session() as session:
            counted = digitization.overview(session, ctx, period, by, unit_id)
    return from_days, counted, bool(read)


@pytest.mark.parametrize("by", ["unit", "field", "officer"])
def test_digitization_from_the_days_says_what_counting_the_dossiers_says(Session, monkeypatch, by):
    """The rates (digitization, identity, reuse) and the gaps by cause over the dossiers received or finished
    in the period: the days give the finished ones and the arrivals, the open ones are counted."""
    made = _register(Session, seed=13)
    for period in (Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),     # the year to date
                   Period(dt.date(2025, 10, 1), dt.date(2026, 11, 30)),    # everything
                   Period(dt.date(2026, 6, 15), dt.date(2027, 1, 10)),     # from mid-June, past the end of the year
                   Period(dt.date(2026, 11, 1), dt.date(2026, 11, 25)),    # the month to date
                   Period(dt.date(2026, 11, 19), dt.date(2026, 11, 30))):  # a week and more
        (rates_days, gaps_days), (rates_counted, gaps_counted), read = _digitization_both_ways(
            Session, monkeypatch, period, by)
        assert read, period
        assert rates_days == rates_counted and gaps_days == gaps_counted, period
        assert rates_days.total.handled > 0 and rates_days.total.received > 0 and gaps_days.dossiers > 0
        if period.start == dt.date(2026, 1, 1):   # every figure has something to count
            assert rates_days.total.handled > rates_days.total.digitized > 0
            assert rates_days.total.received > rates_days.total.identity_checked > rates_days.total.reused > 0
            assert all(gaps_days.by_rule.values()) and gaps_days.dossiers > max(gaps_days.by_rule.values())
    (rates_days, gaps_days), (rates_counted, gaps_counted), read = _digitization_both_ways(
        Session, monkeypatch, Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), by, made["units"][2])
    assert read and (rates_days, gaps_days) == (rates_counted, gaps_counted) and rates_days.total.handled > 0


def test_digitization_of_a_past_period_or_one_day_counts_the_dossiers(Session, monkeypatch):
    _register(Session, seed=17, count=200)
    for period in (Period(dt.date(2025, 10, 1), dt.date(2025, 12, 31)), Period.day(NOW.date())):
        _, _, read = _digitization_both_ways(Session, monkeypatch, period, "unit")
        assert not read, period


def test_a_flag_ticked_after_the_day_moves_that_days_figures(Session, monkeypatch):
    """Ticking "identity checked" on a dossier finished months ago changes the year's figures at once (the
    update trigger watches the checklist flags)."""
    from app import digitization
    from app.clock import FixedClock
    from app.context import load_context

    _register(Session, seed=19, count=300)
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    with Session() as session:
        ctx = load_context(session, FixedClock(NOW))
        before = digitization.overview(session, ctx, period)
    with Session.begin() as session:
        target = session.scalar(select(Dossier).where(
            Dossier.identity_checked.is_(False), Dossier.status == 10, Dossier.received_at >= dt.datetime(2026, 2, 1),
            Dossier.finished_at < dt.datetime(2026, 6, 1)).limit(1))
        target.identity_checked = True
    with Session() as session:
        after = digitization.overview(session, ctx, period)
    assert after[0].total.identity_checked == before[0].total.identity_checked + 1
    assert after[1].by_rule["identity"] == before[1].by_rule["identity"] - 1
    assert (after, ) == _digitization_both_ways(Session, monkeypatch, period, "unit")[1:2]


def test_the_weekly_trend_from_the_days_says_what_counting_the_dossiers_says(Session, monkeypatch):
    """A dossier's finishing day and what it came to do not depend on when one asks: any period reads them."""
    from app import digitization

    made = _register(Session, seed=23)
    for period in (Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), Period(dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
                   Period(dt.date(2026, 11, 20), dt.date(2026, 11, 20))):
        for unit_id in (None, made["units"][0]):
            with Session() as session:
                from_days = digitization.weekly_trend(session, period, unit_id)
            with monkeypatch.context() as patched:
                patched.setattr(report_days, "ready", lambda connection: False)
                with Session() as session:
                    counted = digitization.weekly_trend(session, period, unit_id)
            assert from_days == counted, (period, unit_id)
    assert sum(point.handled for point in from_days) >= 0
    year = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    with Session() as session:
        weeks = digitization.weekly_trend(session, year)
    assert sum(p.handled for p in weeks) > sum(p.digitized for p in weeks) > 0


def test_the_gap_list_takes_its_total_from_the_counts_already_made(Session):
    from app import digitization
    from app.clock import FixedClock
    from app.context import load_context

    made = _register(Session, seed=29)
    year = Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    with Session() as session:
        ctx = load_context(session, FixedClock(NOW))
        _, counts = digitization.overview(session, ctx, year)
        for narrowing in ({}, {"cause": "identity"}, {"cause": "request_letter"}, {"unit_id": made["units"][1]}):
            given = digitization.gap_list(session, ctx, year.start, year.end, limit=10, counted=counts, **narrowing)
            alone = digitization.gap_list(session, ctx, year.start, year.end, limit=10, **narrowing)
            assert given == alone and alone.total > 0, narrowing
        assert given.total < counts.dossiers   # the unit narrowed it: counted, not read from the counts
