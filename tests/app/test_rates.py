"""Rates and Biểu II.06a counts against registers built to reproduce published figures."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy import insert as insert_

from app.catalog import ensure_procedure, ensure_unit, ensure_user
from app.errors import ValidationError
from app.measures import Period, percent, percent_text
from app.rates import Counts, rates, summary, weekly
from app.settings import Settings
from db.models import ApologyLetter, Dossier, Procedure

NOW = dt.datetime(2026, 11, 25, 16, 0)
_seq = iter(range(1, 10_000_000))


def dossier(procedure_id, unit_id, received, *, channel="in_person", status=4, due=None, finished=None,
            returned=None, officer_id=None, digitized=(False, False), paid_online=False):
    n = next(_seq)
    return {"code": f"T-{n:07d}", "procedure_id": procedure_id, "unit_id": unit_id, "officer_id": officer_id,
            "applicant_name": f"Người nộp {n}", "channel": channel, "received_at": received, "due_at": due,
            "status": status, "finished_at": finished, "returned_at": returned, "created_at": received,
            "updated_at": received, "version": 1, "digitized_components": digitized[0],
            "digitized_result": digitized[1], "paid_online": paid_online}


def insert(Session, rows):
    with Session.begin() as session:  # Core insert: the columns' defaults fill the rest
        session.execute(insert_(Dossier.__table__), rows)


@pytest.mark.parametrize("part, whole, text", [
    (3, 7, "42,9 %"), (3606, 9044, "39,9 %"), (150, 155, "96,8 %"), (15, 20, "75,0 %"), (8, 10, "80,0 %"),
    (1, 16, "6,3 %"),     # 6.25: half-up, never the banker's 6.2
    (3, 16, "18,8 %"),    # 18.75
    (667, 2000, "33,4 %"),  # 33.35
    (0, 40, "0,0 %"), (25, 25, "100,0 %"), (0, 0, "—"),
])
def test_percent_rounds_half_up_to_one_decimal(part, whole, text):
    assert percent_text(percent(part, whole)) == text


def test_percent_is_a_decimal():
    assert percent(1, 16) == Decimal("6.3")


# 17 units, 9,044 dossiers, 3,606 online (39.9%): each unit's (total, online, printed rate).
SEVENTEEN_UNITS = [
    (7, 3, "42,9 %"), (155, 150, "96,8 %"), (16, 1, "6,3 %"), (16, 3, "18,8 %"), (8, 1, "12,5 %"), (40, 0, "0,0 %"),
    (25, 25, "100,0 %"), (1000, 333, "33,3 %"), (2000, 667, "33,4 %"), (1200, 481, "40,1 %"), (900, 200, "22,2 %"),
    (800, 450, "56,3 %"), (700, 100, "14,3 %"), (600, 300, "50,0 %"), (500, 499, "99,8 %"), (450, 50, "11,1 %"),
    (627, 343, "54,7 %"),
]


def test_seventeen_units_reproduce_the_published_online_rates(Session):
    assert sum(t for t, _, _ in SEVENTEEN_UNITS) == 9044 and sum(o for _, o, _ in SEVENTEEN_UNITS) == 3606
    rows, units = [], []
    with Session.begin() as session:
        for index, (total, online, _) in enumerate(SEVENTEEN_UNITS, 1):
            unit = ensure_unit(session, f"U{index:02d}", f"Đơn vị số {index:02d}")
            proc = ensure_procedure(session, f"P{index:02d}", f"Thủ tục {index}", "Hộ tịch", 5, "day", "partial",
                                    unit_id=unit)
            units.append(unit)
            start = dt.datetime(2025, 8, 1, 8, 0)
            for k in range(total):
                received = start + dt.timedelta(days=k % 150, minutes=k % 400)
                rows.append(dossier(proc, unit, received, channel="online" if k < online else
                                    ("postal" if k % 7 == 0 else "in_person")))
    insert(Session, rows)
    period = Period(dt.date(2025, 8, 1), dt.date(2025, 12, 31))  # five months
    with Session() as session:
        result = summary(session, period, NOW)
        plan = rates(session, period, Settings(), NOW)
    assert result.total.received_new == 9044
    assert result.total.received_online == 3606
    assert percent_text(result.total.online_rate) == "39,9 %"
    assert plan["online_dossiers"].part == 3606 and plan["online_dossiers"].whole == 9044
    assert plan["online_dossiers"].text == "39,9 %"
    assert plan["online_dossiers"].meets_target is False  # target 50%
    by_name = {g.name: g.counts for g in result.groups}
    for index, (total, online, text) in enumerate(SEVENTEEN_UNITS, 1):
        counts = by_name[f"Đơn vị số {index:02d}"]
        assert (counts.received_new, counts.received_online) == (total, online)
        assert percent_text(counts.online_rate) == text, index


@pytest.fixture
def small_register(Session, catalog):
    """A hand-made November 2026 for the TP and DD units, every II.06a box with a known count."""
    with Session.begin() as session:
        from sqlalchemy import select

        from db.models import Procedure
        ids = dict(session.execute(select(Procedure.code, Procedure.id)).all())
        officer = ensure_user(session, "hung.tv", "Trần Văn Hùng")
    tp, dd = catalog["units"]["TP"], catalog["units"]["DD"]
    d = dt.datetime
    rows = [
        # carried over from October: finished early in the period, and still open and late
        dossier(ids["P3"], tp, d(2026, 10, 28, 9), due=d(2026, 11, 5, 17), finished=d(2026, 11, 3, 10), status=10,
                returned=d(2026, 11, 3, 15), digitized=(True, True)),
        dossier(ids["D10"], dd, d(2026, 10, 20, 9), due=d(2026, 11, 3, 17), status=4),
        # finished in October: not on hand in November at all
        dossier(ids["P3"], tp, d(2026, 10, 1, 9), due=d(2026, 10, 6, 17), finished=d(2026, 10, 5, 9), status=10),
        # received in November
        dossier(ids["P3"], tp, d(2026, 11, 2, 9), channel="online", due=d(2026, 11, 5, 17),
                finished=d(2026, 11, 5, 11), status=9, digitized=(True, True), officer_id=officer),   # on time
        dossier(ids["P0"], tp, d(2026, 11, 9, 9), channel="online", due=d(2026, 11, 9, 17),
                finished=d(2026, 11, 10, 9), status=10, paid_online=True, digitized=(True, False)),  # late
        dossier(ids["P0"], tp, d(2026, 11, 10, 9), channel="postal", due=d(2026, 11, 10, 17),
                finished=d(2026, 11, 10, 10), status=10, digitized=(False, True)),  # on time
        dossier(ids["D10"], dd, d(2026, 11, 12, 9), channel="online", due=d(2026, 11, 26, 17), status=4),  # within
        dossier(ids["D10"], dd, d(2026, 11, 13, 9), due=d(2026, 11, 24, 17), status=4),  # open, late
        dossier(ids["D10"], dd, d(2026, 11, 16, 9), due=d(2026, 11, 20, 17), status=5),  # waiting: clock stopped
        dossier(ids["P3"], tp, d(2026, 11, 25, 8), channel="online", due=d(2026, 11, 30, 17), status=2),
        # received after the period: never counted
        dossier(ids["P3"], tp, d(2026, 12, 1, 8), due=d(2026, 12, 4, 17), status=2),
    ]
    insert(Session, rows)
    return {"tp": tp, "dd": dd, "officer": officer}


def test_ii06a_boxes_for_a_month(Session, small_register):
    period = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    with Session() as session:
        result = summary(session, period, NOW)
    by_name = {g.name: g.counts for g in result.groups}
    assert by_name["Phòng Tư pháp - Hộ tịch"] == Counts(received_online=3, received_offline=1, carried_over=1,
                                                       early=1, on_time=2, late=1, open_within=1, open_late=0)
    assert by_name["Bộ phận Địa chính - Đất đai"] == Counts(received_online=1, received_offline=2, carried_over=1,
                                                           early=0, on_time=0, late=0, open_within=2, open_late=2)
    t = result.total
    assert (t.received, t.finished, t.in_progress) == (9, 4, 5)
    assert t.received == t.finished + t.in_progress
    assert percent_text(t.on_time_rate) == "75,0 %"
    assert result.as_of == NOW  # the period ends later: judged as of now


def test_a_period_in_the_past_is_judged_at_its_end(Session, small_register):
    with Session() as session:
        result = summary(session, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 4)), NOW)
    # At the close of 4/11: the October D10 (due 3/11) is late, the P3 of 2/11 (due 5/11, finished on
    # the 5th) is still within time, and the October P3 finished early on 3/11.
    assert result.as_of == dt.datetime(2026, 11, 5)
    assert result.total == Counts(received_online=1, received_offline=0, carried_over=2, early=1, on_time=0,
                                  late=0, open_within=1, open_late=1)


def test_grouping_by_field_and_officer(Session, small_register):
    period = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    with Session() as session:
        fields = {g.name: g.counts.received for g in summary(session, period, NOW, "field").groups}
        officers = {g.name: g.counts.received for g in summary(session, period, NOW, "officer").groups}
    assert fields == {"Hộ tịch": 3, "Chứng thực": 2, "Đất đai": 4}
    assert officers == {"Trần Văn Hùng": 1, "(chưa rõ cán bộ)": 8}
    with pytest.raises(ValidationError, match="Không có cách nhóm"):
        with Session() as session:
            summary(session, period, NOW, "ward")


def test_plan_rates_and_targets(Session, small_register):
    period = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    with Session.begin() as session:
        letter = session.get(Dossier, session.query(Dossier.id).filter(Dossier.status == 4,
                                                                      Dossier.channel == "in_person",
                                                                      Dossier.unit_id == small_register["dd"])
                             .order_by(Dossier.received_at.desc()).limit(1).scalar())
        session.add(ApologyLetter(dossier_id=letter.id, year=2026, number=1, number_text="1/PXL",
                                  issued_on=dt.date(2026, 11, 21), issued_at=dt.datetime(2026, 11, 21, 10),
                                  reason="Cần xác minh thực địa", previous_due_at=dt.datetime(2026, 11, 24, 17),
                                  new_due_at=dt.datetime(2026, 12, 1, 17), late=False))
    with Session() as session:
        plan = rates(session, period, Settings(), NOW)
    # catalog: P3 and H4 full, P0 and D10 partial; all four eligible → 2/4
    assert (plan["full_online"].part, plan["full_online"].whole) == (2, 4)
    # procedures with dossiers in November that allow online: P3, P0, D10 — all had an online one
    assert (plan["procedures_online"].part, plan["procedures_online"].whole) == (3, 3)
    assert (plan["online_dossiers"].part, plan["online_dossiers"].whole) == (4, 7)
    assert plan["online_dossiers"].text == "57,1 %" and plan["online_dossiers"].meets_target is True
    # finished in November: the carried P3 (early), P3 on time, P0 late, P0 on time
    assert (plan["on_time_finished"].part, plan["on_time_finished"].whole) == (3, 4)
    # ... and counting the two D10 open past their due date as late (the one judged against the target)
    assert (plan["on_time_overdue_counted"].part, plan["on_time_overdue_counted"].whole) == (3, 6)
    assert plan["on_time_finished"].target is None and plan["on_time_overdue_counted"].target == 100
    assert (plan["digitization"].part, plan["digitization"].whole) == (2, 4)
    assert plan["digitization"].target == 80
    # fee-bearing (P0, D10) online dossiers: the P0 paid online, the D10 not
    assert (plan["online_payment"].part, plan["online_payment"].whole) == (1, 2)
    # went past their first date: the late P0 and the late October D10 (no letters), the lettered D10 (in time)
    assert (plan["apology"].part, plan["apology"].whole) == (1, 3)
    assert plan["apology"].text == "33,3 %"


def test_procedure_rates_reproduce_the_plan_examples(Session):
    """(1) 20 eligible, 15 offered fully online → 75%; (2) 10 online-capable with dossiers, 8 with an online one → 80%."""
    rows = []
    with Session.begin() as session:
        unit = ensure_unit(session, "X", "UBND xã")
        procs = []
        for i in range(28):
            level = "full" if i < 15 else "partial"
            procs.append(ensure_procedure(session, f"Q{i:02d}", f"Thủ tục {i}", "Khác", 5, "day", level,
                                          unit_id=unit, online_eligible=i < 20))
        ensure_procedure(session, "N1", "Thủ tục không trực tuyến", "Khác", 5, "day", "none", unit_id=unit)
    for i, proc in enumerate(procs[:10]):
        rows.append(dossier(proc, unit, dt.datetime(2026, 11, 2, 9), channel="online" if i < 8 else "in_person"))
    insert(Session, rows)
    with Session() as session:
        plan = rates(session, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)), Settings(), NOW)
    assert (plan["full_online"].part, plan["full_online"].whole, plan["full_online"].text) == (15, 20, "75,0 %")
    assert (plan["procedures_online"].part, plan["procedures_online"].whole) == (8, 10)
    assert plan["procedures_online"].text == "80,0 %"


def test_week_by_week(Session, small_register):
    with Session() as session:
        weeks = weekly(session, Period(dt.date(2026, 11, 2), dt.date(2026, 11, 29)))
    assert [w.monday for w in weeks] == [dt.date(2026, 11, 2), dt.date(2026, 11, 9), dt.date(2026, 11, 16),
                                         dt.date(2026, 11, 23)]
    assert [w.received for w in weeks] == [1, 4, 1, 1]
    assert [w.online for w in weeks] == [1, 2, 0, 1]
    assert [(w.finished, w.in_time) for w in weeks] == [(2, 2), (2, 1), (0, 0), (0, 0)]


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError, match="không được trước ngày đầu kỳ"):
        Period(dt.date(2026, 11, 30), dt.date(2026, 11, 1))


def test_digitization_rate_is_the_same_on_the_reports_and_the_digitization_page(Session, make_ctx, catalog):
    """One rate, one definition: dossiers that got a result in the period, with components and result
    digitized. A refused dossier closes without a result and counts in neither side."""
    from app import digitization

    ctx = make_ctx()
    with Session() as session:
        p3 = session.scalar(select(Procedure.id).where(Procedure.code == "P3"))
    unit = catalog["units"]["TP"]
    day = dt.datetime(2026, 11, 10, 9)
    finished = dt.datetime(2026, 11, 12, 10)
    insert(Session, [
        dossier(p3, unit, day, status=10, finished=finished, returned=finished, digitized=(True, True)),
        dossier(p3, unit, day, status=10, finished=finished, returned=finished, digitized=(True, False)),
        dossier(p3, unit, day, status=9, finished=finished, digitized=(True, True)),
        dossier(p3, unit, day, status=3, finished=finished),  # refused at the counter: no result
    ])
    with Session() as session:
        report = rates(session, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)), ctx.settings, NOW)
        page = digitization.rates(session, ctx, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)))
    assert (report["digitization"].part, report["digitization"].whole) == (2, 3)
    assert (page.total.digitized, page.total.handled) == (2, 3)
    assert report["digitization"].text == "66,7 %"


def test_on_time_both_ways_with_the_target_judged_counting_open_overdue(Session, make_ctx):
    """32 finished on time and 6 open past due: 100 % among the finished, 32/38 = 84,2 % as the higher
    office counts it; the target (100 %) is judged on the second: not met."""
    import json

    from app.cli.report_commands import _summary_data
    from app.reports.period import period_report

    with Session.begin() as session:
        unit = ensure_unit(session, "X", "UBND xã Tân Lập")
        proc = ensure_procedure(session, "Q1", "Thủ tục một", "Khác", 5, "day", "partial", unit_id=unit)
    d = dt.datetime
    rows = [dossier(proc, unit, d(2026, 11, 2 + i % 5, 9), due=d(2026, 11, 9, 17), finished=d(2026, 11, 9, 10),
                    status=10) for i in range(32)]
    rows += [dossier(proc, unit, d(2026, 11, 3, 9), due=d(2026, 11, 10, 17), status=4) for _ in range(6)]
    insert(Session, rows)
    period = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    with Session() as session:
        plan = rates(session, period, Settings(), NOW)
        result = summary(session, period, NOW)
    among, counting = plan["on_time_finished"], plan["on_time_overdue_counted"]
    assert (among.part, among.whole, among.text, among.meets_target) == (32, 32, "100,0 %", None)
    assert (counting.part, counting.whole, counting.text, counting.meets_target) == (32, 38, "84,2 %", False)
    assert percent_text(result.total.on_time_rate) == "100,0 %"
    assert percent_text(result.total.on_time_rate_counting_overdue) == "84,2 %"

    # report --json carries both, named
    data = json.loads(json.dumps(_plain_json(_summary_data(result, plan))))
    assert data["total"]["on_time_rate"] == 100.0 and data["total"]["on_time_rate_counting_overdue"] == 84.2
    assert data["rates"]["on_time_finished"]["percent"] == 100.0
    assert data["rates"]["on_time_overdue_counted"]["percent"] == 84.2
    assert data["rates"]["on_time_overdue_counted"]["meets_target"] is False

    # the workbook shows both: the II.06a line and the rates sheet
    from io import BytesIO

    import openpyxl
    with Session() as session:
        _, _, workbook = period_report(session, make_ctx(), period)
    book = openpyxl.load_workbook(BytesIO(workbook.content))
    ws = book["Biểu II.06a"]
    header_row = int(ws.freeze_panes[1:]) - 1
    header = [c.value for c in ws[header_row]]
    total = [c.value for c in ws[ws.max_row]]
    assert total[header.index("Tỷ lệ trước và đúng hạn (%)")] == 100.0
    assert total[header.index("Tỷ lệ trước và đúng hạn, tính cả hồ sơ đang quá hạn (%)")] == 84.2
    sheet = book["Chỉ tiêu"]
    verdicts = {row[0]: (row[3], row[5]) for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert verdicts[among.label] == (100.0, "—")
    assert verdicts[counting.label] == (84.2, "Chưa đạt")


def _plain_json(value):
    from app.cli.output import _plain
    return _plain(value)


def test_postgresql_keeps_no_per_day_counts_and_sqlite_does(Session):
    """app/report_days.py: on a shared PostgreSQL register a desk's save must not lock a day's counts that other
    desks add to, so there the reports always count the dossiers; on SQLite the triggers keep the days."""
    from app import report_days
    from db.models import ReportDay

    with Session.begin() as session:
        unit = ensure_unit(session, "U1", "Phòng Tư pháp")
        proc = ensure_procedure(session, "P1", "Đăng ký khai sinh", "Hộ tịch", 3, "day", "full", unit_id=unit)
    insert(Session, [dossier(proc, unit, NOW - dt.timedelta(days=3)),
                     dossier(proc, unit, NOW - dt.timedelta(days=2), status=10, finished=NOW - dt.timedelta(days=1),
                             due=NOW)])
    with Session.begin() as session:
        connection = session.connection()
        sqlite = connection.dialect.name == "sqlite"
        assert report_days.ensure(connection) is False         # the fixture already did, or nothing to do
        assert report_days.ready(connection) is sqlite
        kept = dict(session.execute(select(ReportDay.kind, func.sum(ReportDay.n)).group_by(ReportDay.kind)).all())
        assert kept == ({1: 2, 2: 1} if sqlite else {})
        year = summary(session, Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), NOW)
    assert (year.total.received_new, year.total.early, year.total.in_progress) == (2, 1, 1)
