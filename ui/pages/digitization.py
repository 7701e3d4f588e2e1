"""Trang "Số hóa": the rate per unit against the target, the weekly trend, and the dossiers falling short.

Everything is computed by ``app.digitization`` in the background; the list
shows at most 500 dossiers (newest first) with the count of all, and its
checklist columns can be ticked right there: the dossier is saved with the
version the row was read at, so a colleague's newer change is never overwritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import digitization
from app.digitization import GapCounts, GapList, GapRow, RateReport, WeekPoint
from app.digitization_rules import FLAGS, RULES, required_flags
from app.formatting import date_vi
from app.measures import GROUPINGS, Period
from app.register_query import filter_choices
from ui.columns import fit_columns, keep_fitted
from ui.desk import Changes
from ui.i18n import QT_TR_NOOP, percent, thousands, tr
from ui.pages.base import Page
from ui.pages.digitization_charts import RateChart, TrendChart

GAP_LIMIT = 500
# The columns an officer acts on come first: what is missing, then the boxes that fix it.
LEAD_COLUMNS = (QT_TR_NOOP("Mã hồ sơ"), QT_TR_NOOP("Người nộp"), QT_TR_NOOP("Còn thiếu"))
TAIL_COLUMNS = (QT_TR_NOOP("Thủ tục"), QT_TR_NOOP("Đơn vị"), QT_TR_NOOP("Hình thức"), QT_TR_NOOP("Trạng thái"),
                QT_TR_NOOP("Tiếp nhận"))
FLAG_COLUMNS = ("digitized_components", "digitized_result", "identity_checked", "request_letter_attached")
COLUMNS = (*LEAD_COLUMNS, *FLAG_COLUMNS, *TAIL_COLUMNS)
LONG_COLUMNS = [COLUMNS.index(name) for name in ("Người nộp", "Còn thiếu", "Thủ tục", "Đơn vị")]
FLAG_HEADINGS = {"digitized_components": QT_TR_NOOP("Thành phần"), "digitized_result": QT_TR_NOOP("Kết quả"),
                 "identity_checked": QT_TR_NOOP("Định danh"),
                 "request_letter_attached": QT_TR_NOOP("Văn bản đề nghị")}


class GapTableModel(QAbstractTableModel):
    """Dossiers with gaps; the checklist columns are checkable where the flag applies to the dossier."""

    flag_toggled = Signal(object, str, bool)   # GapRow, flag, new value

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[GapRow] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal:
            return None
        flag = self._flag(section)
        if role == Qt.DisplayRole:
            return tr(FLAG_HEADINGS[flag] if flag else COLUMNS[section])
        if role == Qt.ToolTipRole and flag:
            return tr(FLAGS[flag])
        return None

    @staticmethod
    def _flag(column: int) -> str | None:
        return COLUMNS[column] if COLUMNS[column] in FLAGS else None

    def _applies(self, row: GapRow, flag: str) -> bool:
        return flag in required_flags(row.channel, row.status) or row.flags[flag]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        flag = self._flag(index.column())
        if flag is not None:
            if role == Qt.CheckStateRole and self._applies(row, flag):
                return Qt.Checked if row.flags[flag] else Qt.Unchecked
            if role == Qt.ToolTipRole:
                return tr(FLAGS[flag])
            return None
        name = COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            return {"Mã hồ sơ": row.code, "Người nộp": row.applicant_name, "Thủ tục": row.procedure_name,
                    "Đơn vị": row.unit_name, "Hình thức": tr(row.channel.label), "Trạng thái": tr(row.status.label),
                    "Tiếp nhận": date_vi(row.received_at),
                    "Còn thiếu": "; ".join(tr(digitization.rule(key).short) for key in row.missing)}[name]
        if role == Qt.ToolTipRole and name == "Còn thiếu":
            return "\n".join(tr(sentence) for sentence in row.sentences)
        if role == Qt.ToolTipRole:   # the full words of a cell cut short
            return self.data(index, Qt.DisplayRole)
        if role == Qt.UserRole:
            return row.id
        return None

    def flags(self, index):
        base = super().flags(index)
        flag = self._flag(index.column())
        if flag is not None and self._applies(self.rows[index.row()], flag):
            return base | Qt.ItemIsUserCheckable
        return base

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        flag = self._flag(index.column())
        if role != Qt.CheckStateRole or flag is None:
            return False
        checked = Qt.CheckState(value) == Qt.Checked if not isinstance(value, bool) else value
        self.flag_toggled.emit(self.rows[index.row()], flag, checked)
        return False  # the row changes when the register says so, not before


@dataclass(frozen=True)
class Snapshot:
    period: Period
    report: RateReport
    weeks: list[WeekPoint]
    counts: GapCounts
    gaps: GapList
    units: list[tuple[int, str]]


class DigitizationPage(Page):
    key = "digitization"
    title = QT_TR_NOOP("Số hóa")

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        today = desk.clock.now().date()
        monday = today - dt.timedelta(days=today.weekday())
        self.start_edit = self._date_edit(monday - dt.timedelta(weeks=11))   # twelve weeks, this one included
        self.end_edit = self._date_edit(today)
        self.by_combo = QComboBox()
        for key, label in GROUPINGS.items():
            self.by_combo.addItem(tr(label), key)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setWordWrap(True)
        self.rate_chart = RateChart()
        self.trend_chart = TrendChart()

        self.cause_combo = QComboBox()
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(tr("Mọi đơn vị"), None)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Tìm theo tên, mã hồ sơ, số điện thoại…"))
        self.search.setClearButtonEnabled(True)
        self.gap_label = QLabel()
        self.model = GapTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        # One line a row (a long name wrapped into a row one line high was cut in half): names, procedures,
        # units and what is missing give way on a narrow screen, their words in the tooltip (ui/columns.py).
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        keep_fitted(self.table, LONG_COLUMNS)

        period_bar = QHBoxLayout()
        for label, widget in ((tr("Từ ngày"), self.start_edit), (tr("đến ngày"), self.end_edit),
                              (tr("Tính theo"), self.by_combo)):
            period_bar.addWidget(QLabel(label))
            period_bar.addWidget(widget)
        period_bar.addStretch(1)
        filter_bar = QHBoxLayout()
        filter_bar.addWidget(QLabel(tr("Hồ sơ thiếu số hóa:")))
        filter_bar.addWidget(self.cause_combo, 2)
        filter_bar.addWidget(self.unit_combo, 1)
        filter_bar.addWidget(self.search, 2)
        charts = QSplitter()
        charts.addWidget(self.rate_chart)
        charts.addWidget(self.trend_chart)
        charts.setSizes([560, 440])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(filter_bar)
        lower_layout.addWidget(self.gap_label)
        lower_layout.addWidget(self.table)
        body = QSplitter(Qt.Vertical)
        body.addWidget(charts)
        body.addWidget(lower)
        body.setSizes([320, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(period_bar)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)

        self._fill_causes(None)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.refresh_gaps)
        self.search.textChanged.connect(self._search_timer.start)
        self.cause_combo.activated.connect(self.refresh_gaps)
        self.unit_combo.activated.connect(self.refresh_gaps)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self.refresh)
        self.by_combo.activated.connect(self.refresh)
        self.table.doubleClicked.connect(self._open)
        self.model.flag_toggled.connect(self._set_flag)
        self.snapshot: Snapshot | None = None
        self._gap_request = 0   # only the latest list request may fill the table (filters change while loading)

    @staticmethod
    def _date_edit(day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    # ------------------------------------------------------------ filters
    def period_bounds(self) -> tuple[dt.date, dt.date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def filters(self) -> dict:
        return {"cause": self.cause_combo.currentData(), "unit_id": self.unit_combo.currentData(),
                "text": self.search.text()}

    def _fill_causes(self, counts: GapCounts | None) -> None:
        current = self.cause_combo.currentData()
        self.cause_combo.clear()
        total = f" ({thousands(counts.dossiers)})" if counts else ""
        self.cause_combo.addItem(tr("Mọi nguyên nhân") + total, None)
        for rule in RULES:
            count = f" ({thousands(counts.by_rule.get(rule.key, 0))})" if counts else ""
            self.cause_combo.addItem(tr(rule.sentence) + count, rule.key)
        self.cause_combo.setCurrentIndex(max(self.cause_combo.findData(current), 0))

    def _fill_units(self, units: list[tuple[int, str]]) -> None:
        current = self.unit_combo.currentData()
        self.unit_combo.clear()
        self.unit_combo.addItem(tr("Mọi đơn vị"), None)
        for unit_id, name in units:
            self.unit_combo.addItem(name, unit_id)
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(current), 0))

    # ------------------------------------------------------------ loading
    def touches(self, changes: Changes) -> bool:
        return changes.dossiers or changes.settings

    def refresh(self) -> None:
        start, end = self.period_bounds()
        by = self.by_combo.currentData()
        filters = self.filters()
        self._gap_request += 1
        token = self._gap_request

        def query(session, ctx) -> Snapshot:
            period = Period(start, end)
            report, counts = digitization.overview(session, ctx, period, by)
            return Snapshot(
                period=period,
                report=report,
                weeks=digitization.weekly_trend(session, period),
                counts=counts,
                gaps=digitization.gap_list(session, ctx, start, end, limit=GAP_LIMIT, counted=counts, **filters),
                units=filter_choices(session).units,
            )

        self.desk.read(query, lambda snapshot: self._show(snapshot, token), parent=self,
                       label=tr("Đang tính tỷ lệ số hóa…"))

    def refresh_gaps(self) -> None:
        start, end = self.period_bounds()
        filters = self.filters()
        self._gap_request += 1
        token = self._gap_request
        self.desk.read(lambda session, ctx: digitization.gap_list(session, ctx, start, end, limit=GAP_LIMIT,
                                                                  **filters),
                       lambda gaps: self._show_gaps(gaps, token), parent=self)

    def _show(self, snapshot: Snapshot, token: int) -> None:
        self.snapshot = snapshot
        report, total = snapshot.report, snapshot.report.total
        meets = report.meets_target(total)
        verdict = "" if meets is None else (
            " — <span style='color:#2e7d32'><b>" + tr("đạt") + "</b></span>" if meets
            else " — <span style='color:#c62828'><b>" + tr("chưa đạt") + "</b></span>")
        period = tr("Từ ngày {start} đến ngày {end}").format(start=date_vi(snapshot.period.start),
                                                          end=date_vi(snapshot.period.end))
        rate = tr("{period}: tỷ lệ số hóa {rate} ({part}/{whole} hồ sơ có kết quả), chỉ tiêu {target}").format(
            period=f"<b>{period}</b>", rate=f"<b>{percent(total.digitization_rate)}</b>",
            part=thousands(total.digitized), whole=thousands(total.handled), target=percent(report.target, 0))
        others = tr("xác thực định danh {identity} · tái sử dụng dữ liệu {reuse} ({received} hồ sơ tiếp nhận)").format(
            identity=percent(total.identity_rate), reuse=percent(total.reuse_rate),
            received=thousands(total.received))
        self.summary.setText(f"{rate}{verdict} · {others}")
        self.rate_chart.show_report(report)
        self.rate_chart.chart().setTitle(tr("Tỷ lệ số hóa theo") + " " + tr(GROUPINGS[report.by]).lower())
        self.trend_chart.show_trend(snapshot.weeks, report.target)
        self._fill_causes(snapshot.counts)
        self._fill_units(snapshot.units)
        self._show_gaps(snapshot.gaps, token)

    def _show_gaps(self, gaps: GapList, token: int) -> None:
        if token != self._gap_request:
            return  # the officer changed a filter meanwhile; a newer list is on its way
        self.model.set_rows(gaps.rows)
        fit_columns(self.table, LONG_COLUMNS)
        shown = len(gaps.rows)
        text = tr("{n} hồ sơ").replace("{n}", thousands(gaps.total))
        if shown < gaps.total:
            text += " " + tr("(hiện {shown} hồ sơ mới nhất; lọc thêm để thu hẹp)").replace("{shown}", thousands(shown))
        self.gap_label.setText(text + " — " + tr("nhấp đúp để mở hồ sơ, đánh dấu ngay ở các cột bên phải."))

    # ------------------------------------------------------------ actions
    def _open(self, index: QModelIndex) -> None:
        if index.isValid() and COLUMNS[index.column()] not in FLAGS:
            self.desk.open_dossier.emit(self.model.rows[index.row()].id)

    def _set_flag(self, row: GapRow, flag: str, value: bool) -> None:
        dossier_id, version = row.id, row.version
        self.desk.write(
            lambda session, ctx: digitization.set_flags(session, ctx, dossier_id, {flag: value},
                                                        expected_version=version),
            changes=lambda view: Changes.dossier(view.id, "digitization"), parent=self,
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self, error)
        self.refresh()
