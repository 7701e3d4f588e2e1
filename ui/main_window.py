"""The officer's desk: navigation on the left, pages on the right, alerts in the status bar."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from ui.desk import Desk
from ui.i18n import tr
from ui.pages import PAGES, WINDOW_HOOKS
from ui.pages.base import Page
from ui.screen_fit import fit_to_screen, keep_inside


def load_page_classes() -> list[type[Page]]:
    classes = []
    for entry in PAGES:
        module, name = entry.split(":")
        classes.append(getattr(importlib.import_module(module), name))
    return classes


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, office_name: str = ""):
        super().__init__()
        self.desk = desk
        self.show_office(office_name)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        for index, cls in enumerate(load_page_classes()):
            page = cls(desk)
            self.pages[cls.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(tr(cls.title))
            item.setData(Qt.UserRole, cls.key)
            self.nav.addItem(item)
            action = QAction(tr(cls.title), self)
            action.setShortcut(QKeySequence(cls.shortcut or f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, key=cls.key: self.show_page(key))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self._on_nav)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        desk.show_page.connect(self.show_page)
        desk.open_dossier.connect(self.open_dossier)
        self.dossier_windows: dict[int, QWidget] = {}
        self._build_menus()
        fit_to_screen(self, (1400, 860))
        self._restore_geometry()
        self._install_alerts()
        for entry in WINDOW_HOOKS:
            module, name = entry.split(":")
            getattr(importlib.import_module(module), name)(self, desk)

    def show_office(self, office_name: str) -> None:
        """The title names the office, from the moment it is set or renamed (ui/settings/hook.py)."""
        self.setWindowTitle(tr("MotCua Desk") + (f" — {office_name}" if office_name else ""))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {
            "file": bar.addMenu(tr("&Tệp")),
            "dossier": bar.addMenu(tr("&Hồ sơ")),
            "tools": bar.addMenu(tr("&Công cụ")),
            "help": bar.addMenu(tr("Trợ &giúp")),
        }
        receive = QAction(tr("Tiếp nhận hồ sơ mới…"), self)
        receive.setObjectName("receiveAction")
        receive.setShortcut(QKeySequence("Ctrl+N"))
        receive.triggered.connect(self.receive_dossier)
        self.menus["dossier"].addAction(receive)
        find = QAction(tr("Tìm hồ sơ"), self)
        find.setShortcut(QKeySequence.Find)
        find.triggered.connect(self.focus_search)
        self.menus["dossier"].addAction(find)
        self.receive_action = receive
        # After receiving, only the receipt opens; the new dossier stays one key away.
        last = QAction(tr("Mở hồ sơ vừa tiếp nhận"), self)
        last.setObjectName("openLastReceived")
        last.setShortcut(QKeySequence("Ctrl+Shift+O"))
        last.setEnabled(False)
        last.triggered.connect(lambda: self.open_dossier(self.last_received) if self.last_received else None)
        self.menus["dossier"].addAction(last)
        self.open_last_action = last
        self.last_received: int | None = None
        quit_action = QAction(tr("Thoát"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        self.menus["file"].addAction(quit_action)

    def show_page(self, key: str, argument: object = None) -> None:
        page = self.pages[key]
        row = list(self.pages).index(key)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)
        page.activate(argument)

    def _install_alerts(self) -> None:
        from ui.alerts import AlertMonitor, StatusCounts

        self.status_counts = StatusCounts(self)
        # No stretch: the left of the status bar stays free for messages (showMessage draws there only).
        self.statusBar().addPermanentWidget(self.status_counts)
        self.alerts = AlertMonitor(self.desk, self)
        self.alerts.summarised.connect(self.status_counts.show_summary)
        today_page = self.pages.get("today")
        if today_page is not None:
            self.alerts.news.connect(today_page.show_news)
            self.alerts.summarised.connect(today_page.show_summary)
            today_page.summary_wanted.connect(self.alerts.want_summary)
        self.alerts.notified.connect(lambda text: self.statusBar().showMessage(text, 60000))
        from ui import remote_changes

        self.remote_changes = None
        if remote_changes.wanted(self.desk):  # a shared server: other desks' changes show up within seconds
            self.remote_changes = remote_changes.RemoteChanges(self.desk, self)
            self.remote_changes.start()

    def receive_dossier(self) -> None:
        from ui.dossier.receive import ReceiveDialog

        dialog = ReceiveDialog(self.desk, self)
        dialog.received.connect(lambda dossier_id, d=dialog: self._received(dossier_id, d.received_code))
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        self.receive_dialog = dialog

    def _received(self, dossier_id: int, code: str) -> None:
        self.last_received = dossier_id
        self.open_last_action.setEnabled(True)
        self.statusBar().showMessage(
            tr("Đã tiếp nhận hồ sơ {code}. Ctrl+Shift+O: mở hồ sơ.").format(code=code), 120000)

    def open_dossier(self, dossier_id: int) -> None:
        from ui.dossier.window import DossierWindow

        window = self.dossier_windows.get(dossier_id)
        if window is None:
            window = DossierWindow(self.desk, dossier_id, self)
            window.setAttribute(Qt.WA_DeleteOnClose)
            window.destroyed.connect(lambda _=None, i=dossier_id: self.dossier_windows.pop(i, None))
            self.dossier_windows[dossier_id] = window
        window.show()
        window.raise_()
        window.activateWindow()

    def focus_search(self) -> None:
        self.show_page("register")
        search = self.pages["register"].search
        search.setFocus()
        search.selectAll()

    def _on_nav(self, row: int) -> None:
        if row >= 0:
            self.show_page(list(self.pages)[row])

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            keep_inside(self)   # saved on a larger monitor, or before the taskbar moved

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
