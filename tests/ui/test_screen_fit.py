"""Every dialog and the main window fit a 1366×768 office laptop (issue 18.1, 19.4): a taskbar leaves
1366×728, and at 125 % scaling Qt sees 1093×582. Qt moves a window taller than the screen but never
shrinks it, so each window sizes itself to the available geometry (ui/screen_fit.py); here the helper's
screen lookup stands on those small screens, and every button must lie inside its window."""

import datetime as dt

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from app import dossiers, letters
from app.dossiers import NewDossier
from tests.conftest import DEFAULT_NOW
from ui import screen_fit
from ui.desk import Desk

SCREENS = {"1366x728": QRect(0, 0, 1366, 728), "125%": QRect(0, 0, 1093, 582)}


@pytest.fixture(params=sorted(SCREENS))
def screen(request, monkeypatch):
    area = SCREENS[request.param]
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(area))
    return area


@pytest.fixture
def desk(Session, clock, catalog):
    return Desk(Session, clock, catalog["user_id"])


@pytest.fixture
def dossier_id(Session, make_ctx, clock):
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Đặng Văn Đức", applicant_id_number="079203001234",
                                                         applicant_email="duc.dang@example.vn",
                                                         received_at=dt.datetime(2026, 11, 23, 9)))
        letters.issue(session, ctx, letters.LetterRequest(view.id, "Cần xác minh thực địa", dt.date(2026, 12, 2)))
    return view.id


def _inside_a_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def assert_fits(window: QWidget, area: QRect, name: str) -> None:
    QApplication.processEvents()
    frame = screen_fit.FRAME
    room = (area.width() - frame.width(), area.height() - frame.height())
    assert window.width() <= room[0] and window.height() <= room[1], (name, window.size(), room)
    hint = window.minimumSizeHint()
    assert window.minimumWidth() <= room[0] and window.minimumHeight() <= room[1], (name, window.minimumSize())
    assert hint.width() <= room[0] and hint.height() <= room[1], (name, "minimum size hint", hint, room)
    inside = window.rect()
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window) and b.window() is window]
    for button in buttons:
        if _inside_a_scroll_area(button, window):
            continue   # reachable by scrolling
        corner = button.mapTo(window, button.rect().topLeft())
        where = QRect(corner, button.size())
        assert inside.contains(where), (name, button.text() or button.objectName() or type(button).__name__,
                                        where, inside)


def _show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    return widget


def dialogs(desk, dossier_id, Session, clock):
    """(name, factory) of every dialog of the app."""
    from app import letter_delivery
    from app.calendar_changes import CalendarImpact
    from app.importing.columns import DOSSIER_COLUMNS, HeaderMatch
    from app.lifecycle import Status
    from ui.about import AboutDialog
    from ui.calendar_page import CalendarDialog, ImpactDialog
    from ui.dossier.action_dialog import ActionDialog, DueDialog
    from ui.dossier.receive import ReceiveDialog
    from ui.dossier.window import DossierWindow
    from ui.first_run import FirstRunDialog
    from ui.importing.dialog import ImportDialog
    from ui.importing.mapping import MappingDialog
    from ui.letters.delivery_dialog import DeliveryDialog
    from ui.letters.issue_dialog import IssueLetterDialog
    from ui.letters.preview import PdfPreviewDialog
    from ui.letters.template_editor import TemplateEditor
    from ui.login import FirstAdminDialog, LoginDialog
    from ui.pages.outbox_dialog import OutboxDialog
    from ui.settings.dialog import SettingsDialog
    from ui.settings.units import UnitDialog
    from ui.users import NewUserDialog, UsersDialog

    with Session() as session:
        delivery = letter_delivery.get_delivery(session, dossier_id)

    headers = tuple(column.label for column in DOSSIER_COLUMNS.values())
    return [
        ("about", lambda: AboutDialog("sqlite:///so.sqlite3")),
        ("calendar", lambda: CalendarDialog(desk)),
        ("impact", lambda: ImpactDialog(CalendarImpact((), ()), "Ảnh hưởng")),
        ("action", lambda: ActionDialog("Trả kết quả", Status.RETURNED, DEFAULT_NOW)),
        ("due", lambda: DueDialog(DEFAULT_NOW)),
        ("receive", lambda: ReceiveDialog(desk)),
        ("dossier", lambda: DossierWindow(desk, dossier_id)),
        ("first-run", lambda: FirstRunDialog(desk)),
        ("import", lambda: ImportDialog(desk)),
        ("mapping", lambda: MappingDialog(HeaderMatch(1, {}, headers, (), headers), DOSSIER_COLUMNS, "hs.xlsx")),
        ("delivery", lambda: DeliveryDialog(desk, delivery)),
        ("issue-letter", lambda: IssueLetterDialog(desk, dossier_id)),
        ("preview", lambda: PdfPreviewDialog(_pdf(), "Phiếu", "phieu.pdf", note="Ghi chú")),
        ("template-editor", lambda: TemplateEditor()),
        ("first-admin", lambda: FirstAdminDialog(Session, clock)),
        ("login", lambda: LoginDialog(Session, clock, "", "Bộ phận Một cửa")),
        ("outbox", lambda: OutboxDialog(desk)),
        ("settings", lambda: SettingsDialog(desk)),
        ("unit", lambda: UnitDialog(None)),
        ("new-user", lambda: NewUserDialog()),
        ("users", lambda: UsersDialog(desk)),
    ]


def _pdf() -> bytes:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(72, 720, "Phieu")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_every_dialog_fits_a_small_screen(qtbot, screen, desk, dossier_id, Session, clock):
    problems = []
    for name, make in dialogs(desk, dossier_id, Session, clock):
        dialog = _show(qtbot, make())
        try:
            assert_fits(dialog, screen, name)
        except AssertionError as problem:
            problems.append(problem.args[0])
        dialog.close()
    assert not problems, problems


def test_main_window_fits_and_a_restored_larger_geometry_is_brought_inside(qtbot, screen, Session, clock, catalog):
    from ui.application import build_window

    desk, window = build_window(Session, clock, "can-bo-a")
    _show(qtbot, window)
    assert_fits(window, screen, "main window")
    window.close()   # remembers its geometry; a larger one (another monitor) comes back inside
    window.resize(1900, 1000)
    window.closeEvent(__import__("PySide6.QtGui", fromlist=["QCloseEvent"]).QCloseEvent())
    desk2, again = build_window(Session, clock, "can-bo-a")
    _show(qtbot, again)
    assert_fits(again, screen, "main window restored")


SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from ui.letters.preview import PdfPreviewDialog
from ui.letters.template_editor import TemplateEditor
screen = app.primaryScreen().availableGeometry()
sizes = {}
for name, dialog in (("preview", PdfPreviewDialog(b"", "Phiếu", "phieu.pdf")), ("template", TemplateEditor())):
    dialog.show()
    app.processEvents()
    sizes[name] = [dialog.frameGeometry().width(), dialog.height(), dialog.print_button.isVisible()
                   if name == "preview" else True]
print(json.dumps({"screen": [screen.width(), screen.height()], "sizes": sizes}))
"""


def test_on_a_real_small_screen_without_patching(tmp_path):
    """Qt's offscreen platform can stand on a given screen (`offscreen:configfile=…` with a "screens" list):
    the helper's own screen lookup, unpatched, keeps the print preview (once 720×900) on a 1366×728 one."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}),
                      encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=root, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["screen"] == [1366, 728]
    for name, (width, height, visible) in found["sizes"].items():
        assert width <= 1366 and height <= 728 - screen_fit.FRAME.height(), (name, width, height)
        assert visible
