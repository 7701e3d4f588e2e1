"""Hộp thư đi: every report made for sending, sent or not, with its error; retry; save a copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.formatting import date_vi, datetime_vi
from app.reports import outbox
from app.reports.xlsx import write_atomically
from ui.desk import Changes
from ui.file_choosers import save_file
from ui.i18n import QT_TR_NOOP, tr
from ui.screen_fit import fit_to_screen

HEADERS = (QT_TR_NOOP("Số"), QT_TR_NOOP("Ngày báo cáo"), QT_TR_NOOP("Tệp"), QT_TR_NOOP("Nơi nhận"),
           QT_TR_NOOP("Trạng thái"), QT_TR_NOOP("Lần thử"), QT_TR_NOOP("Lần thử cuối"), QT_TR_NOOP("Lỗi"))
COLOURS = {"sent": QColor("#1b6e20"), "failed": QColor("#b3261e"), "pending": QColor("#8a5a00")}


class OutboxDialog(QDialog):
    saved = Signal(str)   # the copy's path, once written

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.items: list[outbox.OutboxItem] = []
        self.setWindowTitle(tr("Hộp thư đi — báo cáo"))
        fit_to_screen(self, (1000, 420))
        self.summary = QLabel()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1, QHeaderView.Stretch)
        self.retry_button = QPushButton(tr("Gửi lại các báo cáo chưa gửi"))
        self.save_button = QPushButton(tr("Lưu bản sao…"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.retry_button.clicked.connect(lambda _checked=False: self.retry())
        self.save_button.clicked.connect(lambda _checked=False: self.save_copy())
        self.reload()

    def reload(self) -> None:
        self.desk.read(lambda session, ctx: outbox.listing(session), self._show, parent=self)

    def _show(self, items: list[outbox.OutboxItem]) -> None:
        self.items = items
        waiting = sum(1 for i in items if i.status != "sent")
        self.summary.setText(tr("Hộp thư đi trống.") if not items else
                             tr("{n} báo cáo; {waiting} chưa gửi được.").format(n=len(items), waiting=waiting))
        self.retry_button.setEnabled(waiting > 0)
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            where = ", ".join(p for p in (item.folder, item.email_to) if p)
            values = (str(item.id), date_vi(item.report_date), item.file_name, where, tr(item.status_label),
                      str(item.attempts), datetime_vi(item.last_attempt_at), item.last_error)
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                if c == 4:
                    cell.setForeground(COLOURS[item.status])
                if c in (0, 5):
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()

    def retry(self) -> None:
        Session, clock = self.desk.Session, self.desk.clock
        self.retry_button.setEnabled(False)
        self.desk.run(lambda progress: outbox.retry_pending(Session, clock), self._retried,
                      parent=self, label=tr("Đang gửi lại báo cáo…"))

    def _retried(self, items: list[outbox.OutboxItem]) -> None:
        letters = frozenset(i.dossier_id for i in items if i.dossier_id and i.status == "sent")
        if letters:  # an apology letter that went out is now delivered: its dossier and Today change
            self.desk.announce(Changes(dossier_ids=letters, dossiers=True, letters=True, reason="delivery"))
        self.reload()

    def save_copy(self, path: str | None = None) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.items):
            return
        item = self.items[row]
        if path is None:
            kind = tr("Tệp PDF (*.pdf)") if item.file_name.lower().endswith(".pdf") else tr("Bảng tính Excel (*.xlsx)")
            path, _filter = save_file(self, tr("Lưu bản sao báo cáo"), item.file_name, kind)
            if not path:
                return
        Session, outbox_id, target = self.desk.Session, item.id, Path(path)

        def work(_progress):
            with Session() as session:
                _name, content = outbox.content_of(session, outbox_id)
            return str(write_atomically(target, content))

        self.desk.run(work, self.saved.emit, parent=self, label=tr("Đang lưu bản sao…"))
