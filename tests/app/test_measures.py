"""The measures defined once (app.measures), and the rules written twice (Python for one dossier, SQL for
a register) giving the same verdicts on a generated register."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import case, select, update

from app.deadlines import finish_timing
from app.demo import generate
from app.digitization_rules import FLAGS, RULES, missing
from app.errors import ValidationError
from app.lifecycle import Status
from app.measures import GROUPINGS, Period, check_grouping, moment_of, mondays, percent, percent_text, weekly_totals
from app.rates import TIMING_OF_CLASS, finish_timing_sql
from db.models import Dossier, Procedure


def test_percent_is_one_decimal_type_written_the_vietnamese_way():
    assert percent(3, 7) == Decimal("42.9") and percent(1, 16) == Decimal("6.3") and percent(0, 0) is None
    assert percent_text(percent(10, 13)) == "76,9 %"
    assert percent_text(Decimal("100")) == "100,0 %" and percent_text(None) == "—"
    assert percent_text(90, 0) == "90 %" and percent_text(Decimal("76.94"), 0) == "77 %"   # a target


def test_period_grouping_and_weeks():
    with pytest.raises(ValidationError, match=r"Ngày cuối kỳ \(01/11/2026\) không được trước ngày đầu kỳ"):
        Period(dt.date(2026, 11, 30), dt.date(2026, 11, 1))
    with pytest.raises(ValidationError, match="Không có cách nhóm “ward”"):
        check_grouping("ward")
    assert list(GROUPINGS) == ["unit", "field", "officer"]
    period = Period(dt.date(2026, 11, 4), dt.date(2026, 11, 17))
    assert list(mondays(period)) == [dt.date(2026, 11, 2), dt.date(2026, 11, 9), dt.date(2026, 11, 16)]
    weeks = weekly_totals(period, [("2026-11-05", 2, 1), (dt.date(2026, 11, 6), 1, 1), (dt.datetime(2026, 11, 17), 4, 0)],
                          2)
    assert weeks == {dt.date(2026, 11, 2): [3, 2], dt.date(2026, 11, 9): [0, 0], dt.date(2026, 11, 16): [4, 0]}
    assert Period.or_default(dt.date(2026, 11, 25), None, None) == Period(dt.date(2026, 11, 1), dt.date(2026, 11, 25))


def test_a_past_day_is_judged_at_the_close_of_office_hours(make_ctx):
    ctx = make_ctx()
    now = dt.datetime(2026, 11, 25, 10, 30)
    assert moment_of(ctx.calendar, now, None) == now
    assert moment_of(ctx.calendar, now, now.date()) == now
    assert moment_of(ctx.calendar, now, dt.date(2026, 11, 24)) == dt.datetime(2026, 11, 24, 17, 0)


def test_sql_and_python_verdicts_agree_on_a_generated_register(Session, make_ctx):
    """Finish timing (app.deadlines vs app.rates) and digitization gaps (digitization_rules in Python vs in
    SQL), dossier by dossier, on 3,000 generated dossiers plus the edges of the due day."""
    ctx = make_ctx()
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 3000, seed=17)
        finished_ids = session.scalars(select(Dossier.id).where(Dossier.finished_at.is_not(None))
                                       .order_by(Dossier.id).limit(4)).all()
        due = session.scalar(select(Dossier.due_at).where(Dossier.id == finished_ids[0]))
        day = due.date()
        edges = (dt.datetime.combine(day, dt.time(23, 59, 59)),           # last second of the due day: on time
                 dt.datetime.combine(day + dt.timedelta(days=1), dt.time()),  # midnight after: late
                 dt.datetime.combine(day, dt.time()))                      # first moment of the due day: on time
        for dossier_id, finished in zip(finished_ids, edges):
            session.execute(update(Dossier).where(Dossier.id == dossier_id).values(finished_at=finished, due_at=due))
        session.execute(update(Dossier).where(Dossier.id == finished_ids[3]).values(due_at=None))
    with Session() as session:
        dialect = session.get_bind().dialect.name
        rows = session.execute(
            select(Dossier.id, Dossier.finished_at, Dossier.due_at, finish_timing_sql(dialect))
            .where(Dossier.finished_at.is_not(None))).all()
        gap_columns = [case((rule.gap_sql(), 1), else_=0) for rule in RULES]
        gaps = session.execute(
            select(Dossier.id, Dossier.channel, Dossier.status, Procedure.result_on_paper,
                   *(getattr(Dossier, flag) for flag in FLAGS), *gap_columns)
            .join(Procedure, Procedure.id == Dossier.procedure_id)).all()
    assert len(rows) > 2000 and len(gaps) == 3000
    verdicts = {}
    for id_, finished, due_at, code in rows:
        python = finish_timing(finished, due_at)
        assert TIMING_OF_CLASS[code] == python, (id_, finished, due_at)
        verdicts[python] = verdicts.get(python, 0) + 1
    assert len(verdicts) == 3  # the register has early, on-time and late dossiers: all three compared
    by_rule = {rule.key: 0 for rule in RULES}
    for id_, channel, status, on_paper, *rest in gaps:
        flags = dict(zip(FLAGS, (bool(v) for v in rest[:len(FLAGS)])))
        sql = {rule.key for rule, hit in zip(RULES, rest[len(FLAGS):]) if hit}
        python = {rule.key for rule in missing(channel, Status(status), flags, on_paper)}
        assert sql == python, (id_, channel, status, flags)
        for key in python:
            by_rule[key] += 1
    assert all(by_rule.values()), by_rule  # every rule found some gaps: none compared vacuously
