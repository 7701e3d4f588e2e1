"""A change made at another desk reaches this window within seconds on a shared server (issue 9)."""

import datetime as dt

import pytest

from app import dossiers
from app.dossiers import NewDossier
from ui import remote_changes
from ui.desk import Desk

pytestmark = pytest.mark.pg


def test_another_desks_receipt_is_announced_and_our_own_is_not_twice(qtbot, Session, clock, catalog, make_ctx):
    desk = Desk(Session, clock, catalog["user_id"])
    assert remote_changes.wanted(desk)
    poll = remote_changes.RemoteChanges(desk, desk, interval_ms=100)
    seen = []
    desk.changed.connect(seen.append)
    poll.start()
    qtbot.waitUntil(lambda: poll.mark is not None, timeout=5000)
    with qtbot.waitSignal(desk.changed, timeout=5000,
                          check_params_cb=lambda c: c.reason == remote_changes.REMOTE):
        with Session.begin() as session:  # the desk across the room
            dossiers.receive(session, make_ctx(), NewDossier("P3", "Lê Văn Tám",
                                                             received_at=dt.datetime(2026, 11, 25, 8)))
    poll.timer.stop()
    qtbot.waitUntil(lambda: not poll.busy and desk.tasks.busy == 0, timeout=5000)  # no answer left in flight
    assert [c.reason for c in seen] == [remote_changes.REMOTE]
