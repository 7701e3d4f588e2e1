"""The main window opens on the register and its pages load off the UI thread."""

import datetime as dt

from sqlalchemy import update

from app import dossiers
from app.dossiers import NewDossier
from db.models import Dossier


def test_today_page_counts_overdue(qtbot, Session, make_ctx, clock):
    from ui.application import build_window

    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("D10", "Trần Thị Bích", received_at=dt.datetime(2026, 11, 2, 9)))
        session.execute(update(Dossier).where(Dossier.id == view.id).values(due_at=dt.datetime(2026, 11, 20, 17)))
    desk, window = build_window(Session, clock, "can-bo-a")
    qtbot.addWidget(window)
    window.show()
    window.show_page("today")
    page = window.pages["today"]
    qtbot.waitUntil(lambda: "Quá hạn" in page.summary.text(), timeout=5000)
    assert "25/11/2026" in page.summary.text()
