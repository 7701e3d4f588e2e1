"""Công cụ › Cài đặt…: a list of pages on the left, the page on the right (scrolling inside, so the
dialog fits a 1366×768 screen), one Save that applies every page's changes in one transaction."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
)

from app import administration, secrets
from app.catalog import get_office
from app.permissions import Permission, acting_user, allowed
from app.reports.outbox import SMTP_SECRET
from app.units import list_units
from ui.desk import Changes
from ui.errors import show_error
from ui.i18n import tr
from ui.screen_fit import fit_to_screen
from ui.settings import SETTINGS_PAGES
from ui.settings.base import ERROR_STYLE, SettingsPage, Snapshot


def load_page_classes() -> list[type[SettingsPage]]:
    classes = []
    for entry in SETTINGS_PAGES:
        module, name = entry.split(":")
        classes.append(getattr(importlib.import_module(module), name))
    return classes


def read_snapshot(session, ctx) -> Snapshot:
    try:
        stored, keyring = secrets.fetch(SMTP_SECRET) is not None, True
    except secrets.NoKeyring:
        stored, keyring = False, False
    user = acting_user(session, ctx) if ctx.user_id is not None else None
    return Snapshot(ctx.settings, get_office(session), list_units(session),
                    user is not None and allowed(user.role, Permission.MANAGE_SETTINGS), stored, keyring,
                    user.unit_id if user is not None else None)


class SettingsDialog(QDialog):
    loaded = Signal()
    saved = Signal(int)       # how many values were saved

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("Cài đặt"))
        self.nav = QListWidget()
        self.nav.setObjectName("settingsPages")
        self.nav.setFixedWidth(200)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 6px 4px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, SettingsPage] = {}
        for cls in load_page_classes():
            page = cls(desk, self)
            self.pages[cls.key] = page
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.NoFrame)
            holder = QFrame()
            column = QVBoxLayout(holder)
            heading = QLabel(tr(cls.title))
            heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
            column.addWidget(heading)
            column.addWidget(page)
            column.addStretch(1)
            scroll.setWidget(holder)
            self.stack.addWidget(scroll)
            item = QListWidgetItem(tr(cls.title))
            item.setData(Qt.UserRole, cls.key)
            self.nav.addItem(item)
            page.edited.connect(self._edited)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(tr("Lưu"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(tr("Đóng"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self._fit_screen()
        self.nav.setCurrentRow(0)
        self.reload()

    def _fit_screen(self) -> None:
        fit_to_screen(self, (1000, 660))

    def show_page(self, key: str) -> SettingsPage:
        self.nav.setCurrentRow(list(self.pages).index(key))
        return self.pages[key]

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def reload(self) -> None:
        def loaded(snapshot: Snapshot) -> None:
            self.snapshot = snapshot
            for page in self.pages.values():
                page.load(snapshot)
            self.save_button.setEnabled(snapshot.can_manage)
            if not snapshot.can_manage:
                self.set_status(tr("Chỉ quản trị viên được đổi cài đặt; anh/chị chỉ xem được."))
            self.loaded.emit()

        self.desk.read(read_snapshot, loaded, parent=self)

    def _edited(self) -> None:
        if self.status.text() and not self.status.styleSheet():
            self.set_status("")

    def pending(self) -> tuple[dict, dict, list]:
        settings, office, extra = {}, {}, []
        for page in self.pages.values():
            settings.update(page.setting_changes())
            office.update(page.office_changes())
            extra += page.extra_work()
        return settings, office, extra

    def save(self) -> None:
        for key, page in self.pages.items():
            problem = page.problem()
            if problem:
                self.show_page(key)
                self.set_status(tr("Chưa lưu: {reason}").format(reason=problem), error=True)
                return
        settings, office, extra = self.pending()
        count = len(settings) + len(office) + len(extra)
        if not count:
            self.set_status(tr("Không có gì thay đổi."))
            return
        self.save_button.setEnabled(False)

        def action(session, ctx):
            if office:
                administration.change_office(session, ctx, **office)
            administration.change_settings(session, ctx, settings)
            for work in extra:
                work(session, ctx)

        def done(_result) -> None:
            for page in self.pages.values():
                page.saved()
            self.set_status(tr("Đã lưu {n} thay đổi.").format(n=count))
            self.reload()
            self.saved.emit(count)

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.set_status(str(error), error=True)
            show_error(self, error)

        self.desk.write(action, done, changes=Changes(settings=True, reason="settings"), parent=self,
                        label=tr("Đang lưu cài đặt…"), on_error=failed)
