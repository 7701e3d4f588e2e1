"""Nhật ký thay đổi: the audit trail, filtered by dossier, officer and dates, with the chain check."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import accounts
from app import audit as audit_view
from app.audit import TABLE_LABELS
from app.formatting import datetime_vi
from ui.desk import Changes
from ui.i18n import QT_TR_NOOP, tr
from ui.pages.base import Page

LIMIT = 500


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)



def _record(what: str) -> str:
    """ "Hồ sơ 000.00…" with the kind of record (app.audit.TABLE_LABELS) in the window's language."""
    for label in sorted(TABLE_LABELS.values(), key=len, reverse=True):
        if what == label or what.startswith(label + " "):
            return tr(label) + what[len(label):]
    return what

class HistoryPage(Page):
    key = "history"
    title = QT_TR_NOOP("Nhật ký thay đổi")

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("Mã hồ sơ"))
        self.code.setClearButtonEnabled(True)
        self.user = QComboBox()
        self.user.addItem(tr("Mọi cán bộ"), None)
        self.use_dates = QCheckBox(tr("Từ ngày"))
        today = desk.clock.now().date()
        self.start, self.end = QDateEdit(_qdate(today - dt.timedelta(days=30))), QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        apply = QPushButton(tr("Lọc"))
        apply.setDefault(True)
        self.verify_button = QPushButton(tr("Kiểm tra chuỗi băm"))
        filters = QHBoxLayout()
        for widget in (QLabel(tr("Hồ sơ")), self.code, QLabel(tr("Cán bộ")), self.user, self.use_dates, self.start,
                       QLabel(tr("đến")), self.end, apply):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([tr("Số"), tr("Thời điểm"), tr("Cán bộ"), tr("Việc"), tr("Đối tượng"),
                                              tr("Thay đổi")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        self.status = QLabel()
        self.status.setObjectName("audit_status")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        apply.clicked.connect(self.refresh)
        self.code.returnPressed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.rows: list[audit_view.AuditRow] = []
        self._users_loaded = False

    def touches(self, changes: Changes) -> bool:
        return True   # every change writes an event

    def activate(self, argument: object = None) -> None:
        if isinstance(argument, str):      # desk.show_page.emit("history", "<dossier code>")
            self.code.setText(argument)
            self._stale = True
        super().activate(argument)

    def filters(self) -> dict:
        values = {"dossier_code": self.code.text().strip() or None, "user_id": self.user.currentData(),
                  "limit": LIMIT}
        if self.use_dates.isChecked():
            values["start"] = self.start.date().toPython()
            values["end"] = self.end.date().toPython()
        return values

    def refresh(self) -> None:
        filters = self.filters()
        load_users = not self._users_loaded

        def query(session, ctx):
            users = accounts.list_users(session) if load_users else None
            return users, audit_view.history(session, **filters)

        self.desk.read(query, self._show)

    def _show(self, result) -> None:
        users, rows = result
        if users is not None:
            self._users_loaded = True
            for user in users:
                self.user.addItem(f"{user.display} ({user.username})", user.id)
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate((str(row.id), datetime_vi(row.at), row.user, tr(row.action),
                                           _record(row.what), row.changes)):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if column == 5:
                    item.setToolTip(text.replace("; ", "\n"))
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        more = tr(" (chỉ hiện {n} sự kiện mới nhất)").format(n=LIMIT) if len(rows) >= LIMIT else ""
        self.status.setText(tr("{n} sự kiện").format(n=len(rows)) + more)

    def verify(self) -> None:
        self.desk.read(lambda session, ctx: audit_view.verify_chain(session), self._verified, parent=self,
                       label=tr("Đang kiểm tra chuỗi băm của nhật ký…"))

    def _verified(self, report) -> None:
        color = "#1b5e20" if report.intact else "#b00020"
        shown = html.escape(report.text).replace("\n", "<br>")
        self.status.setText(f"<span style='color:{color}'>{shown}</span>")
