"""The register page shows a shared server's estimate as "≈ N" and counts exactly when asked."""

from app import register_query as rq
from tests.app.test_worklists import D, add


def test_an_estimated_total_is_marked_and_counted_exactly_on_demand(qtbot, Session, clock, make_ctx, monkeypatch):
    import ui.register_model

    ctx = make_ctx()
    for name in ("Đặng Văn Dũng", "Trần Thị Bình", "Lê Văn Cường"):
        add(Session, ctx, name, D(2026, 11, 26, 17, 0))
    monkeypatch.setattr(ui.register_model, "PAGE_SIZE", 2)   # a full first page: the total is the count's to say
    real = rq.count
    asked = []

    def server_count(session, flt, bounds, exact=True):   # what PostgreSQL answers for a big register
        asked.append(exact)
        return rq.Count(5, approximate=True) if not exact else real(session, flt, bounds)

    monkeypatch.setattr(rq, "count", server_count)
    from ui.application import build_window

    _, window = build_window(Session, clock, "can-bo-a")
    qtbot.addWidget(window)
    page = window.pages["register"]
    shown = []
    page.model.loaded.connect(lambda total: shown.append(page.count_label.text()))   # after the page's own slot
    window.show()
    window.show_page("register")
    qtbot.waitUntil(lambda: any(text.startswith("≈ 5 hồ sơ") for text in shown), timeout=60_000)
    assert "đếm chính xác" in next(text for text in shown if text.startswith("≈"))
    assert asked[0] is False
    page.count_label.linkActivated.emit("count")   # (scrolling to the end would ask too)
    qtbot.waitUntil(lambda: page.count_label.text() == "3 hồ sơ", timeout=60_000)
    assert page.model.rowCount() == 3 and not page.model.approximate and True in asked
