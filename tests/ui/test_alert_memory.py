"""The alerts' memory (which dossiers were seen and announced) lives in a file in the data folder, not in
QSettings, which on Windows is the registry rewritten every five minutes (issue 19, point 8)."""

import datetime as dt
import json
import os
from pathlib import Path

from PySide6.QtCore import QSettings
from sqlalchemy import update

from app import dossiers
from app.dossiers import NewDossier
from db.models import Dossier
from tests.ui.test_desk_workflow import _window


def _overdue(Session, make_ctx):
    with Session.begin() as session:
        late = dossiers.receive(session, make_ctx(), NewDossier("D10", "Ngô Văn Ánh",
                                                                received_at=dt.datetime(2026, 11, 24, 9)))
        session.execute(update(Dossier).where(Dossier.id == late.id).values(due_at=dt.datetime(2026, 11, 24, 17)))
    return late.id


def test_the_alerts_remember_in_a_file_and_write_nothing_to_qsettings(qtbot, Session, clock, catalog, make_ctx):
    late = _overdue(Session, make_ctx)
    desk, window = _window(qtbot, Session, clock)
    with qtbot.waitSignal(window.alerts.summarised, timeout=5000):
        window.alerts.start()
    files = list((Path(os.environ["MOTCUA_DATA_DIR"]) / "trang-thai").glob("alerts-*.json"))
    assert len(files) == 1
    state = json.loads(files[0].read_text(encoding="utf-8"))
    assert late in state["seen"]["OVERDUE"] and late in state["notified"]["OVERDUE"]
    assert state["seen_at"] == "2026-11-25T09:00:00"
    assert not [key for key in QSettings().allKeys() if key.startswith("alerts")]


def test_what_older_versions_kept_in_qsettings_is_taken_over_and_removed(qtbot, Session, clock, catalog, make_ctx):
    from app import upkeep
    from ui.alerts import _register_key

    late = _overdue(Session, make_ctx)
    desk, window = _window(qtbot, Session, clock)
    group = "alerts/" + _register_key(desk).removeprefix("alerts-")
    settings = QSettings()   # as the old version left it: seen yesterday, the dossier already announced
    settings.setValue(group + "/seen/at", "2026-11-24T16:00:00")
    settings.setValue(group + "/seen/OVERDUE", "")
    settings.setValue(group + "/notified/OVERDUE", str(late))
    settings.sync()
    assert upkeep.register_url(desk.Session)
    news, notices = [], []
    window.alerts.news.connect(news.append)
    window.alerts.notified.connect(notices.append)
    with qtbot.waitSignal(window.alerts.summarised, timeout=5000):
        window.alerts.start()
    assert news == ["Từ lần mở trước: 1 hồ sơ đã chuyển sang quá hạn."]   # read from the old memory
    assert notices == []                                                  # already announced back then
    assert not [key for key in QSettings().allKeys() if key.startswith("alerts")]
