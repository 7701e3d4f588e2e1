"""The interim window shows today's warning counts from the register."""

import datetime as dt

from sqlalchemy import update

from app import dossiers
from app.dossiers import NewDossier
from db.models import Dossier


def test_summary_window_counts_todays_warnings(qtbot, Session, make_ctx, clock):
    from ui.application import SummaryWindow

    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("D10", "Trần Thị Bích", received_at=dt.datetime(2026, 11, 2, 9)))
        session.execute(update(Dossier).where(Dossier.id == view.id).values(due_at=dt.datetime(2026, 11, 20, 17)))
    window = SummaryWindow(Session, clock)
    qtbot.addWidget(window)
    window.show()
    text = window.centralWidget().findChild(type(window.centralWidget().layout().itemAt(0).widget())).text()
    assert "Quá hạn" in text and "<b>1</b>" in text
    assert "25/11/2026" in text
