"""Lịch làm việc: office hours and cut-off, the year's days with where each comes from, the office's own days.

``CalendarPage`` is a self-contained QWidget (a page of the settings window
when there is one); ``install`` adds *Công cụ › Lịch làm việc…*, which shows it
in its own dialog. Every change is previewed first: the page lists the open
dossiers whose due dates the change touches (app.calendar_changes) and applies
only when the officer agrees.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import administration, calendar_changes
from app.errors import AppError
from app.formatting import date_vi, datetime_vi
from app.holiday_decisions import Source
from app.settings import coerce
from app.workcalendar import OfficeHours
from ui.desk import Changes
from ui.errors import show_error
from ui.file_choosers import open_file
from ui.i18n import QT_TR_NOOP, tr, weekday_name
from ui.screen_fit import fit_to_screen

SOURCE_COLOURS = {
    Source.DECISION: "#e6f4ea", Source.LAW: "#f1f5f9", Source.PROVISIONAL: "#fff4d6",
    Source.UNCONFIRMED: "#fde2e1", Source.OFFICE: "#e8eefc",
}
CHANGES = Changes(dossiers=True, settings=True, reason="calendar")


class ImpactDialog(QDialog):
    """Before a change is applied: which days change and which open dossiers' due dates it touches."""

    def __init__(self, impact: calendar_changes.CalendarImpact, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("calendarImpact")
        self.setWindowTitle(title)
        fit_to_screen(self, (900, 480))
        summary = QLabel(impact.summary())  # app's own words (Vietnamese, like its error messages)
        summary.setObjectName("impactSummary")
        summary.setWordWrap(True)
        self.table = QTableWidget(len(impact.dossiers), 5)
        self.table.setObjectName("impactDossiers")
        self.table.setHorizontalHeaderLabels([tr("Mã hồ sơ"), tr("Người nộp"), tr("Hẹn trả"),
                                              tr("Hẹn theo lịch mới"), tr("Xử lý")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        for row, item in enumerate(impact.dossiers):
            new = datetime_vi(item.new_due_at) if item.new_due_at else "—"
            how = item.reason + (tr(" — ngày hẹn rơi vào ngày nghỉ") if item.due_on_day_off else "")
            for col, text in enumerate((item.code, item.applicant_name, datetime_vi(item.due_at), new, how)):
                cell = QTableWidgetItem(text)
                if item.recompute or item.due_on_day_off:
                    cell.setBackground(QBrush(QColor("#fff4d6" if item.recompute else "#fde2e1")))
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Áp dụng"))
        buttons.button(QDialogButtonBox.Ok).setObjectName("applyChange")
        buttons.button(QDialogButtonBox.Cancel).setText(tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


class CalendarPage(QWidget):
    """The settings page *Lịch làm việc*: load()/check() like the other settings pages."""

    title = QT_TR_NOOP("Lịch làm việc")
    changed = Signal()          # after a change was applied
    ask_impact = None           # tests replace it: (impact, title) -> bool

    def __init__(self, desk, parent=None, with_hours: bool = True):
        super().__init__(parent)
        self.setObjectName("calendarPage")
        self.desk = desk
        self.days = []
        # -- office hours and the cut-off (settings office_hours, cutoff)
        self.office_hours = QLineEdit()
        self.office_hours.setObjectName("officeHours")
        self.cutoff = QLineEdit()
        self.cutoff.setObjectName("cutoff")
        self.cutoff.setMaximumWidth(80)
        self.hours_error = QLabel()
        self.hours_error.setObjectName("hoursError")
        self.hours_error.setStyleSheet("color:#b00020")
        self.hours_error.hide()
        self.save_hours = QPushButton(tr("Lưu giờ làm việc"))
        self.save_hours.setObjectName("saveHours")
        self.save_hours.clicked.connect(self._save_hours)
        for edit in (self.office_hours, self.cutoff):
            edit.textChanged.connect(self.check)
        hours_box = QGroupBox(tr("Giờ làm việc"))
        hours_row = QHBoxLayout(hours_box)
        hours_row.addWidget(QLabel(tr("Các buổi:")))
        hours_row.addWidget(self.office_hours, 2)
        hours_row.addWidget(QLabel(tr("Giờ chốt buổi chiều (nhận sau giờ này tính từ ngày làm việc sau):")))
        hours_row.addWidget(self.cutoff)
        hours_row.addWidget(self.save_hours)
        # -- the year view
        self.year = QSpinBox()
        self.year.setObjectName("calendarYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(desk.clock.now().year)
        self.year.valueChanged.connect(lambda _: self.load())
        self.notice = QLabel()
        self.notice.setObjectName("calendarYearNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background:#fff4d6; border:1px solid #e0b050; padding:4px;")
        self.notice.hide()
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("calendarDays")
        self.table.setHorizontalHeaderLabels([tr("Ngày"), tr("Thứ"), tr("Nghỉ / làm việc"), tr("Tên ngày"),
                                              tr("Nguồn"), tr("Căn cứ / ghi chú")])
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.itemSelectionChanged.connect(self._pick_selected)
        self.load_file = QPushButton(tr("Nạp tệp quyết định nghỉ lễ…"))
        self.load_file.setObjectName("loadDecisions")
        self.load_file.clicked.connect(self._load_file)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(tr("Năm:")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        year_row.addWidget(self.load_file)
        # -- the office's own day
        self.day = QDateEdit()
        self.day.setObjectName("calendarDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = desk.clock.now().date()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day_off = QRadioButton(tr("Nghỉ"))
        self.day_off.setObjectName("dayOff")
        self.day_work = QRadioButton(tr("Làm việc"))
        self.day_work.setObjectName("dayWork")
        self.day_off.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.day_off)
        group.addButton(self.day_work)
        self.note = QLineEdit()
        self.note.setObjectName("calendarNote")
        self.note.setPlaceholderText(tr("Ghi chú / căn cứ, ví dụ số văn bản thông báo"))
        self.set_day = QPushButton(tr("Đặt ngày của cơ quan…"))
        self.set_day.setObjectName("setDay")
        self.set_day.clicked.connect(lambda: self._change("set"))
        self.confirm_day = QPushButton(tr("Xác nhận ngày chưa xác nhận…"))
        self.confirm_day.setObjectName("confirmDay")
        self.confirm_day.clicked.connect(lambda: self._change("confirm"))
        self.remove_day = QPushButton(tr("Bỏ điều chỉnh của cơ quan…"))
        self.remove_day.setObjectName("removeDay")
        self.remove_day.clicked.connect(lambda: self._change("remove"))
        day_box = QGroupBox(tr("Ngày nghỉ, ngày làm việc của cơ quan"))
        day_form = QFormLayout(day_box)
        pick = QHBoxLayout()
        pick.addWidget(self.day)
        pick.addWidget(self.day_off)
        pick.addWidget(self.day_work)
        pick.addWidget(self.note, 1)
        day_form.addRow(tr("Ngày:"), pick)
        actions = QHBoxLayout()
        actions.addWidget(self.set_day)
        actions.addWidget(self.confirm_day)
        actions.addWidget(self.remove_day)
        actions.addStretch(1)
        day_form.addRow(actions)
        self.status = QLabel()
        self.status.setObjectName("calendarStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        if with_hours:  # in the settings window the hours are that page's own fields
            layout.addWidget(hours_box)
            layout.addWidget(self.hours_error)
        else:
            hours_box.setParent(self)
            hours_box.hide()
        layout.addLayout(year_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(day_box)
        layout.addWidget(self.status)
        self.load()

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        year = self.year.value()

        def query(session, ctx):
            calendar = ctx.calendar
            return (ctx.settings.office_hours, ctx.settings.cutoff, calendar.special_days(year),
                    calendar.tet_decided(year))

        self.desk.read(query, self._show)

    def _show(self, result) -> None:
        hours, cutoff, days, tet_decided = result
        if not self.office_hours.isModified():
            self.office_hours.setText(hours)
        if not self.cutoff.isModified():
            self.cutoff.setText(cutoff)
        self.days = days
        year = self.year.value()
        self.notice.setText(tr("Lịch nghỉ Tết Nguyên Đán {year} chưa có quyết định chính thức: các ngày “Dự kiến” "
                               "do máy tính theo âm lịch. Khi có văn bản, nạp tệp quyết định hoặc đặt ngày của "
                               "cơ quan.").format(year=year))
        self.notice.setVisible(not tet_decided)
        self.table.setRowCount(len(days))
        for row, info in enumerate(days):
            cells = (date_vi(info.day), weekday_name(info.day), tr("Làm việc") if info.working else tr("Nghỉ"),
                     info.name, tr(info.source_label) if info.source else "", info.reference)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if info.source:
                    cell.setBackground(QBrush(QColor(SOURCE_COLOURS[info.source])))
                if col == 2 and info.working:
                    cell.setForeground(QBrush(QColor("#1d4ed8")))
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)

    def _pick_selected(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) == 1:
            info = self.days[rows.pop()]
            self.day.setDate(QDate(info.day.year, info.day.month, info.day.day))

    # -- office hours ----------------------------------------------------------------------
    def check(self) -> bool:
        """Validate as the officer types; say why a value is refused."""
        try:
            periods = coerce("office_hours", self.office_hours.text())
            cutoff = coerce("cutoff", self.cutoff.text())
            OfficeHours.parse(periods, cutoff)
        except AppError as error:
            self.hours_error.setText(str(error))
            self.hours_error.show()
            self.save_hours.setEnabled(False)
            return False
        self.hours_error.clear()
        self.hours_error.hide()
        self.save_hours.setEnabled(True)
        return True

    def _save_hours(self) -> None:
        if not self.check():
            return
        periods, cutoff = self.office_hours.text().strip(), self.cutoff.text().strip()

        def action(session, ctx):
            administration.change_setting(session, ctx, "office_hours", periods)
            administration.change_setting(session, ctx, "cutoff", cutoff)

        def done(_):
            self.office_hours.setModified(False)
            self.cutoff.setModified(False)
            self.status.setText(tr("Đã lưu giờ làm việc. Hạn của hồ sơ tiếp nhận từ nay tính theo giờ mới; "
                                   "ngày hẹn đã hứa giữ nguyên."))
            self.load()
            self.changed.emit()

        self.desk.write(action, done, changes=CHANGES, parent=self,
                        on_error=lambda e: show_error(self, e))

    # -- the office's days -----------------------------------------------------------------
    def _chosen_day(self) -> dt.date:
        q = self.day.date()
        return dt.date(q.year(), q.month(), q.day())

    def _change(self, kind: str) -> None:
        day, working, note = self._chosen_day(), self.day_work.isChecked(), self.note.text().strip()

        def preview(session, ctx):
            if kind == "confirm":
                calendar_changes.check_confirmable(ctx, day)
            return calendar_changes.preview_day(session, ctx, day, None if kind == "remove" else working, note)

        def apply(session, ctx):
            if kind == "confirm":
                return calendar_changes.confirm_day(session, ctx, day, working, note)
            return calendar_changes.change_day(session, ctx, day, None if kind == "remove" else working, note)

        title = tr("Ngày {day}: ảnh hưởng đến hồ sơ đang giải quyết").format(day=date_vi(day))
        self._preview_then_apply(preview, apply, title, year=day.year)

    def _load_file(self) -> None:
        name = open_file(self, tr("Chọn tệp quyết định nghỉ lễ"), tr("Tệp quyết định (*.json);;Mọi tệp (*)"))
        if name:
            self.load_path(Path(name))

    def load_path(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            show_error(self, AppError(tr("Không đọc được tệp “{name}”: {why}").format(name=path,
                                                                                    why=error.__class__.__name__)))
            return
        self._preview_then_apply(lambda s, ctx: calendar_changes.preview_load(s, ctx, text),
                                 lambda s, ctx: calendar_changes.load_decisions(s, ctx, text),
                                 tr("Nạp tệp quyết định nghỉ lễ: ảnh hưởng đến hồ sơ đang giải quyết"))

    def _preview_then_apply(self, preview, apply, title: str, year: int | None = None) -> None:
        def previewed(impact) -> None:
            if not impact.changes:
                self.status.setText(impact.summary())
                return
            agreed = (self.ask_impact(impact, title) if self.ask_impact
                      else ImpactDialog(impact, title, self).exec() == QDialog.Accepted)
            if not agreed:
                self.status.setText(tr("Đã hủy: lịch làm việc không đổi."))
                return
            self.desk.write(apply, applied, changes=CHANGES, parent=self, on_error=lambda e: show_error(self, e))

        def applied(impact) -> None:
            self.status.setText(impact.summary())
            if year is not None and year != self.year.value():
                self.year.setValue(year)  # loads
            else:
                self.load()
            self.changed.emit()

        self.desk.read(preview, previewed, parent=self)


class CalendarDialog(QDialog):
    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.setObjectName("calendarDialog")
        self.setWindowTitle(tr("Lịch làm việc"))
        self.page = CalendarPage(desk, self)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, (1100, 680))


def install(window, desk) -> None:
    """Công cụ › Lịch làm việc… (a WINDOW_HOOKS entry)."""
    action = QAction(tr("Lịch làm việc…"), window)
    action.setObjectName("calendar_settings")
    action.triggered.connect(lambda: CalendarDialog(desk, window).exec())
    window.menus["tools"].addAction(action)
