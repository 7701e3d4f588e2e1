"""The register's paged query gives the same rows on SQLite and on PostgreSQL: filters, search, sort."""

import datetime as dt

from app import register_query as rq
from app.deadlines import WarningBounds, WarningLevel
from app.lifecycle import Status
from tests.app.test_worklists import D, add


def test_level_filter_search_and_sort_agree_on_both_databases(Session, make_ctx):
    ctx = make_ctx()
    overdue = add(Session, ctx, "Đặng Văn Dũng", D(2026, 11, 24, 17, 0))
    today = add(Session, ctx, "Phiếu Hôm Nay", D(2026, 11, 26, 17, 0))
    add(Session, ctx, "Còn Xa", D(2026, 12, 1, 17, 0))
    add(Session, ctx, "Đã Xong", D(2026, 11, 20, 17, 0), status=Status.RETURNED)
    bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
    with Session() as session:
        assert rq.count(session, rq.RegisterFilter(), bounds) == 4
        flt = rq.RegisterFilter(level=WarningLevel.OVERDUE)
        assert rq.count(session, flt, bounds) == 1
        rows = rq.page(session, ctx.calendar, bounds, flt, rq.RegisterSort(), 0, 50)
        assert [r.id for r in rows] == [overdue]
        # diacritics, case and đ/d ignored, on either database
        for query in ("dang van dung", "ĐẶNG VĂN", "dũng"):
            found = rq.page(session, ctx.calendar, bounds, rq.RegisterFilter(text=query), rq.RegisterSort(), 0, 50)
            assert [r.id for r in found] == [overdue], query
        by_due = rq.page(session, ctx.calendar, bounds, rq.RegisterFilter(), rq.RegisterSort("due_at", False), 0, 2)
        assert [r.due_at for r in by_due] == [D(2026, 11, 20, 17, 0), D(2026, 11, 24, 17, 0)]
        page2 = rq.page(session, ctx.calendar, bounds, rq.RegisterFilter(), rq.RegisterSort("due_at", False), 2, 2)
        assert [r.id for r in page2][0] == today
        assert rq.count(session, rq.RegisterFilter(received_from=dt.date(2026, 11, 2),
                                                   received_to=dt.date(2026, 11, 2)), bounds) == 4
