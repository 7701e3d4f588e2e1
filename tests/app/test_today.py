"""The Today page's figures, computed on a fixed "today" (Wed 25/11/2026 09:00)."""

import datetime as dt

from sqlalchemy import update

from app import dossiers, today
from app.deadlines import WarningLevel
from app.dossiers import NewDossier
from app.due_dates import recompute_deadlines
from app.lifecycle import Status
from db.models import Dossier

D = dt.datetime


def _receive(Session, ctx, name, received, due=None, procedure="P3", channel="in_person"):
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier(procedure, name, received_at=received, channel=channel))
        if due is not None:
            session.execute(update(Dossier).where(Dossier.id == view.id).values(due_at=due))
            recompute_deadlines(session, ctx.calendar, [view.id])  # a raw write: the stored deadline follows
    return view.id


def test_summary_counts_each_list_of_the_day(Session, make_ctx):
    ctx = make_ctx()
    overdue = _receive(Session, ctx, "Trần Văn An", D(2026, 11, 2, 9), D(2026, 11, 20, 17))
    letter_today = _receive(Session, ctx, "Lê Thị Bình", D(2026, 11, 20, 9), D(2026, 11, 26, 17))
    _receive(Session, ctx, "Phạm Văn Cường", D(2026, 11, 25, 8, 30))           # received today, in person
    _receive(Session, ctx, "Đỗ Thị Dung", D(2026, 11, 25, 8, 45), channel="online")
    returned = _receive(Session, ctx, "Hoàng Văn Em", D(2026, 11, 23, 9), procedure="P0")
    with Session.begin() as session:
        session.execute(update(Dossier).where(Dossier.id == returned).values(
            status=int(Status.RETURNED), finished_at=D(2026, 11, 24, 16), returned_at=D(2026, 11, 25, 8, 10)))
    with Session() as session:
        summary = today.summary(session, ctx)
    assert summary.is_working_day and summary.next_working_day == dt.date(2026, 11, 26)
    assert summary.counts[WarningLevel.OVERDUE] == 1
    assert summary.counts[WarningLevel.APOLOGY_TODAY] == 1
    assert summary.ids[WarningLevel.OVERDUE] == frozenset({overdue})
    assert summary.ids[WarningLevel.APOLOGY_TODAY] == frozenset({letter_today})
    assert summary.received_today == 2
    assert summary.returned_today == 1
    # Month so far: the four in-person dossiers lack scanned components; the online one arrives
    # digitized but nobody checked the applicant's digital identity. Five dossiers short.
    assert summary.digitization_gaps == 5
    with Session() as session:
        rows = today.rows(session, ctx, today.RECEIVED_TODAY).rows
        overdue_rows = today.rows(session, ctx, WarningLevel.OVERDUE).rows
    assert sorted(r.applicant_name for r in rows) == ["Phạm Văn Cường", "Đỗ Thị Dung"]
    assert [r.applicant_name for r in overdue_rows] == ["Trần Văn An"]
    # Late since Fri 17:00 in working time: all of Monday (8 h; Tuesday 24/11 is a day off) and
    # 07:30–09:00 today.
    assert overdue_rows[0].remaining == "Quá hạn 1 ngày 1 giờ"


def test_changes_since_last_look_name_only_new_arrivals():
    before = {WarningLevel.OVERDUE: frozenset({1, 2}), WarningLevel.APOLOGY_TODAY: frozenset({5})}
    after = {WarningLevel.OVERDUE: frozenset({1, 2, 3, 4, 5}), WarningLevel.APOLOGY_TODAY: frozenset({6}),
             WarningLevel.APOLOGY_MISSED: frozenset()}
    changes = today.changes_since(before, after)
    assert changes == [(WarningLevel.OVERDUE, 3), (WarningLevel.APOLOGY_TODAY, 1)]
    assert today.describe_changes(changes) == ("3 hồ sơ đã chuyển sang quá hạn; "
                                               "1 hồ sơ phải gửi phiếu xin lỗi hôm nay")
    assert today.changes_since(after, after) == []
