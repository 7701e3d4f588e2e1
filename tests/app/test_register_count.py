"""The register's total on a shared server costs what SQLite's does: a big unfiltered register on
PostgreSQL is counted from the planner's estimate ("≈ N"), exactly on demand; a filter, or SQLite,
always counts exactly."""

from sqlalchemy import text

from app import register_query as rq
from app.deadlines import WarningBounds
from tests.app.test_worklists import D, add


def test_the_estimate_answers_only_for_a_big_unfiltered_register_on_postgresql(Session, make_ctx, backend,
                                                                                monkeypatch):
    ctx = make_ctx()
    for name in ("Đặng Văn Dũng", "Trần Thị Bình", "Lê Văn Cường"):
        add(Session, ctx, name, D(2026, 11, 26, 17, 0))
    if backend == "postgresql":
        with Session.begin() as session:
            session.execute(text("ANALYZE dossiers"))   # what autovacuum does on a server in use
    bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
    with Session() as session:
        small = rq.count(session, rq.RegisterFilter(), bounds, exact=False)
        assert small == 3 and not small.approximate   # below ESTIMATE_FROM: exact everywhere
        monkeypatch.setattr(rq, "ESTIMATE_FROM", 1)   # as if the register were big
        quick = rq.count(session, rq.RegisterFilter(), bounds, exact=False)
        assert quick == 3 and quick.approximate == (backend == "postgresql")
        exact = rq.count(session, rq.RegisterFilter(), bounds)
        assert exact == 3 and not exact.approximate
        filtered = rq.count(session, rq.RegisterFilter(text="dang van"), bounds, exact=False)
        assert filtered == 1 and not filtered.approximate
