"""One dossier: its data, its lifecycle actions, its history, and the feature tabs."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import dossier_page, dossiers, ratings
from app.dossier_page import DossierPage
from app.errors import StaleDataError
from app.formatting import datetime_vi
from app.lifecycle import ApplicantKind, Status
from ui.desk import Changes, Desk
from ui.dossier import TABS
from ui.dossier.action_dialog import ActionDialog, DueDialog
from ui.dossier.receive import from_qt
from ui.dossier.tabs import DossierTab
from ui.errors import show_error
from ui.i18n import QT_TR_NOOP, processing_text, remaining_text, tr
from ui.screen_fit import fit_to_screen
from ui.warning_style import level_brush, level_label_on, level_text

TEXT_FIELDS = ("applicant_name", "applicant_id_number", "applicant_phone", "applicant_email", "applicant_address")
FLAG_FIELDS = ("fee_paid", "paid_online")


class DossierWindow(QDialog):
    def __init__(self, desk: Desk, dossier_id: int, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.dossier_id = dossier_id
        self.page: DossierPage | None = None
        self.setObjectName("dossierWindow")
        self.setWindowFlag(Qt.WindowMaximizeButtonHint)
        self.setWindowTitle(tr("Hồ sơ"))
        self.header = QLabel(tr("Đang tải…"))
        self.header.setObjectName("dossierHeader")
        self.header.setTextFormat(Qt.RichText)
        self.header.setWordWrap(True)
        self.header.setMargin(8)
        self.header.setAutoFillBackground(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._info_tab(), tr("Thông tin"))
        self.tabs.addTab(self._actions_tab(), tr("Xử lý"))
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels([tr("Thời điểm"), tr("Cán bộ"), tr("Thay đổi"), tr("Ghi chú")])
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.history.setEditTriggers(QTableWidget.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.tabs.addTab(self.history, tr("Lịch sử"))
        self.extra_tabs: list[DossierTab] = []
        for entry in TABS:
            module, name = entry.split(":")
            tab = getattr(importlib.import_module(module), name)(desk, self)
            self.extra_tabs.append(tab)
            self.tabs.addTab(tab, tr(tab.title))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        QShortcut(QKeySequence("Esc"), self, activated=self.close)
        desk.changed.connect(self._on_changed)
        fit_to_screen(self, (820, 640))
        self.reload()

    # --- building ------------------------------------------------------
    def _info_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        labels = {"applicant_name": QT_TR_NOOP("Người nộp (*)"), "applicant_id_number": QT_TR_NOOP("Số CCCD / mã số"),
                  "applicant_phone": QT_TR_NOOP("Điện thoại"), "applicant_email": QT_TR_NOOP("Thư điện tử"),
                  "applicant_address": QT_TR_NOOP("Địa chỉ")}
        self.facts = QLabel()
        self.facts.setObjectName("facts")
        self.facts.setTextFormat(Qt.RichText)
        self.facts.setWordWrap(True)
        form.addRow(self.facts)
        for key in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(key)
            self.fields[key] = edit
            form.addRow(tr(labels[key]), edit)
        self.kind = QComboBox()
        for kind in ApplicantKind:
            self.kind.addItem(tr(kind.label), kind.value)
        form.addRow(tr("Là"), self.kind)
        self.flags: dict[str, QCheckBox] = {
            "fee_paid": QCheckBox(tr("Đã nộp phí, lệ phí")), "paid_online": QCheckBox(tr("Thanh toán trực tuyến"))}
        row = QHBoxLayout()
        for box in self.flags.values():
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(row)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        form.addRow(tr("Ghi chú"), self.notes)
        self.save_button = QPushButton(tr("Lưu thay đổi (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.save_button, 0, Qt.AlignRight)
        layout.addStretch(1)
        return tab

    def _actions_tab(self) -> QWidget:
        tab = QWidget()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.RichText)
        self.action_grid = QGridLayout()
        self.due_button = QPushButton(tr("Đổi ngày hẹn trả…"))
        self.due_button.clicked.connect(self.change_due)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.status_label)
        layout.addLayout(self.action_grid)
        layout.addWidget(self.due_button, 0, Qt.AlignLeft)
        layout.addStretch(1)
        return tab

    # --- loading -------------------------------------------------------
    def reload(self) -> None:
        dossier_id = self.dossier_id
        self.desk.read(lambda session, ctx: dossier_page.load(session, ctx, dossier_id), self.show_page)

    def show_page(self, page: DossierPage) -> None:
        self.page = page
        v = page.view
        self.setWindowTitle(tr("Hồ sơ {code} — {name}").format(code=v.code, name=v.applicant_name))
        due = datetime_vi(v.due_at) if v.due_at else "—"
        level = level_text(page.level)
        if page.level is not None and page.level.marker:
            words = level_label_on(page.level, self.desk.clock.now().date(), page.next_working_day)
            level = f"{page.level.marker} {words}"
        parts = [f"<span style='font-size:15pt'><b>{v.code}</b></span> &nbsp; {v.applicant_name}",
                 tr("Trạng thái") + f": <b>{tr(v.status.label)}</b>"
                 + (f" &nbsp;·&nbsp; <b>{level}</b>" if page.level is not None else ""),
                 tr("Hẹn trả") + f": <b>{due}</b>"
                 + (f" &nbsp;({remaining_text(page.remaining)})" if page.remaining else "")
                 + (" &nbsp;·&nbsp; " + tr("Hạn gửi phiếu xin lỗi") + f": {page.apology_by}" if page.apology_by else "")
                 + (" &nbsp;·&nbsp; " + tr("Đã có phiếu xin lỗi số") + f" {v.letter_number}"
                    if v.letter_number else "")]
        self.header.setText("<br>".join(parts))
        palette = self.header.palette()
        palette.setBrush(self.header.backgroundRole(), self.palette().window())  # finished: back to plain
        brush = level_brush(page.level)
        palette.setBrush(self.header.backgroundRole(), brush if brush else palette.window())
        self.header.setPalette(palette)
        self.facts.setText(
            tr("Thủ tục") + f": <b>{v.procedure_name}</b> ({v.procedure_code}, {processing_text(v.processing)})<br>"
            + tr("Lĩnh vực") + f": {v.field} &nbsp;·&nbsp; " + tr("Đơn vị") + f": {v.unit_name}<br>"
            + tr("Hình thức nộp") + f": {tr(v.channel.label)} &nbsp;·&nbsp; "
            + tr("Tiếp nhận") + f": {datetime_vi(v.received_at)}"
            + (" &nbsp;·&nbsp; " + tr("Cán bộ") + f": {v.officer_name}" if v.officer_name else ""))
        for key, edit in self.fields.items():
            edit.setText(getattr(v, key))
        self.kind.setCurrentIndex(self.kind.findData(v.applicant_kind.value))
        for key, box in self.flags.items():
            box.setChecked(getattr(v, key))
        self.notes.setPlainText(v.notes)
        self._fill_actions(page)
        self._fill_history(page)
        for tab in self.extra_tabs:
            tab.load(v)

    def _fill_actions(self, page: DossierPage) -> None:
        while self.action_grid.count():
            item = self.action_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        v = page.view
        text = tr("Trạng thái hiện tại") + f": <b>{tr(v.status.label)}</b>"
        if v.finished_at:
            text += "<br>" + tr("Có kết quả lúc") + f": {datetime_vi(v.finished_at)}"
        if v.returned_at:
            text += "<br>" + tr("Trả kết quả lúc") + f": {datetime_vi(v.returned_at)}"
        if v.closing_reason:
            text += "<br>" + tr("Lý do") + f": {v.closing_reason}"
        if not page.actions:
            text += "<br><i>" + tr("Hồ sơ đã kết thúc, không còn thao tác xử lý.") + "</i>"
        self.status_label.setText(text)
        for i, (target, label) in enumerate(page.actions):
            button = QPushButton(tr(label))
            button.setObjectName(f"action_{target.name.lower()}")
            button.clicked.connect(lambda _=False, t=target, lbl=label: self.act(t, lbl))
            self.action_grid.addWidget(button, i // 3, i % 3)
        self.due_button.setEnabled(bool(page.actions) and v.status is not Status.SUPPLEMENT)

    def _fill_history(self, page: DossierPage) -> None:
        self.history.setRowCount(len(page.events))
        for row, event in enumerate(page.events):
            change = event.change   # in words: app/audit_words.py, as the Nhật ký thay đổi page says it
            for col, value in enumerate((datetime_vi(event.at), event.user, change, event.note)):
                self.history.setItem(row, col, QTableWidgetItem(value))
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)

    # --- actions -------------------------------------------------------
    def _changed_fields(self) -> dict:
        v = self.page.view
        changes = {key: edit.text() for key, edit in self.fields.items() if edit.text() != getattr(v, key)}
        if self.kind.currentData() != v.applicant_kind.value:
            changes["applicant_kind"] = self.kind.currentData()
        changes.update({key: box.isChecked() for key, box in self.flags.items() if box.isChecked() != getattr(v, key)})
        if self.notes.toPlainText() != v.notes:
            changes["notes"] = self.notes.toPlainText()
        return changes

    def save(self) -> None:
        if self.page is None:
            return
        changes = self._changed_fields()
        if not changes:
            return
        self._write(lambda session, ctx, version: dossiers.update_fields(
            session, ctx, self.dossier_id, changes, expected_version=version), "edited")

    def act(self, target: Status, label: str) -> None:
        dialog = ActionDialog(label, target, self.desk.clock.now(), self)
        if dialog.exec() != QDialog.Accepted:
            return
        values = dialog.values()
        rating = dialog.rating_value()

        def action(session, ctx, version):
            view = dossiers.change_status(session, ctx, self.dossier_id, target, expected_version=version, **values)
            if rating is not None:   # given at the counter with the result: one transaction with the return
                ratings.record(session, ctx, self.dossier_id, via=ratings.Via.COUNTER, at=values["at"], **rating)
            return view

        self._write(action, "status")

    def change_due(self) -> None:
        if self.page is None or self.page.view.due_at is None:
            return
        dialog = DueDialog(self.page.view.due_at, self)
        if dialog.exec() != QDialog.Accepted:
            return
        due, reason = from_qt(dialog.due.dateTime()), dialog.reason.text()
        self._write(lambda session, ctx, version: dossiers.set_due_manually(
            session, ctx, self.dossier_id, due, reason, expected_version=version), "due")

    def _write(self, action, reason: str) -> None:
        version = self.page.view.version

        # One write at a time: a second click before the first lands would look like someone else's change.
        self.tabs.setEnabled(False)

        def done(_result) -> None:
            self.tabs.setEnabled(True)

        def failed(error: BaseException) -> None:
            self.tabs.setEnabled(True)
            show_error(self, error)
            if isinstance(error, StaleDataError):
                self.reload()  # never overwrite: show what the other officer saved

        self.desk.write(lambda session, ctx: action(session, ctx, version), done,
                        changes=Changes.dossier(self.dossier_id, reason), parent=self, on_error=failed)

    def _on_changed(self, changes: Changes) -> None:
        if self.dossier_id in changes.dossier_ids or changes.letters or changes.settings:
            self.reload()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.page is not None and self._changed_fields():
            answer = QMessageBox.question(self, tr("Chưa lưu"), tr("Các thay đổi chưa được lưu. Bỏ các thay đổi này?"))
            if answer != QMessageBox.Yes:
                event.ignore()
                return
        super().closeEvent(event)
