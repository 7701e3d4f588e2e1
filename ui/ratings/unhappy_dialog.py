"""The dossiers rated "Không hài lòng", with their reasons, for the head of the centre to follow up.

Newest first; those recorded since yesterday are marked. A row opens its dossier."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import ratings
from app.formatting import datetime_vi
from ui.i18n import QT_TR_NOOP, thousands, tr

HEADERS = (QT_TR_NOOP("Mới"), QT_TR_NOOP("Thời điểm"), QT_TR_NOOP("Mã hồ sơ"), QT_TR_NOOP("Người nộp"),
           QT_TR_NOOP("Điện thoại"), QT_TR_NOOP("Lĩnh vực"), QT_TR_NOOP("Đơn vị"), QT_TR_NOOP("Lý do"),
           QT_TR_NOOP("Ý kiến"), QT_TR_NOOP("Cách đánh giá"))
NEW_BRUSH = QBrush(QColor("#fff4d6"))


class UnhappyDialog(QDialog):
    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("unhappyDialog")
        self.setWindowTitle(tr("Hồ sơ người dân không hài lòng"))
        self.title = QLabel(tr("Đang tải…"))
        self.title.setTextFormat(Qt.RichText)
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("unhappyList")
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.itemActivated.connect(self._open)
        self.table.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        self.resize(1100, 480)
        desk.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.desk.read(lambda session, ctx: ratings.unhappy(session, ctx.now()), self._fill, parent=self)

    def _fill(self, found: tuple[list[ratings.UnhappyRow], int]) -> None:
        rows, total = found
        new = sum(1 for r in rows if r.new)
        text = "<b>" + tr("{n} hồ sơ người dân không hài lòng").format(n=thousands(total)) + "</b>"
        if new:
            text += " — " + tr("{n} mới từ hôm qua (tô vàng)").format(n=thousands(new))
        if total > len(rows):
            text += " — " + tr("hiện {n} mới nhất").format(n=thousands(len(rows)))
        self.title.setText(text + "<br>" + tr("Nhấp đúp một dòng để mở hồ sơ."))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = ("●" if row.new else "", datetime_vi(row.rated_at), row.code, row.applicant_name,
                      row.applicant_phone, row.field, row.unit_name,
                      "; ".join(tr(reason.label) for reason in ratings.parse_reasons(row.reasons.split("; ")))
                      if row.reasons else tr("(chưa rõ lý do)"), row.note, tr(row.via.label))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, row.dossier_id)
                if row.new:
                    item.setBackground(NEW_BRUSH)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.Stretch)

    def _open(self, item: QTableWidgetItem) -> None:
        self.desk.open_dossier.emit(item.data(Qt.UserRole))
