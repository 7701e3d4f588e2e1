"""Báo cáo: the plan rates against their targets, charts by unit and week by week,
Biểu II.06a for a chosen period, the end-of-day workbook and the outbox."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QLineSeries, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QDate, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.formatting import date_vi, datetime_vi
from app.measures import GROUPINGS, Period
from app.rates import RATE_LABELS, Rate, Rates, Summary, WeekPoint, report, weekly
from app.reports import daily_send, outbox
from app.reports.period import period_report
from app.reports.xlsx import write_atomically
from app.settings import load_settings
from ui.chart_axes import count_axis
from ui.desk import Changes
from ui.file_choosers import choose_folder, save_file
from ui.i18n import QT_TR_NOOP, percent, thousands, tr
from ui.pages.base import Page

WEEKS_SHOWN = 12  # the plans compare each week with the ones before
GOOD, BAD, NEUTRAL = QColor("#1b6e20"), QColor("#b3261e"), QColor("#555555")


@dataclass(frozen=True)
class ReportView:
    summary: Summary
    rates: Rates
    weeks: list[WeekPoint]


def load_view(session, ctx, period: Period, grouping: str) -> ReportView:
    now = ctx.now()
    last_monday = period.end - dt.timedelta(days=period.end.weekday())
    weeks_period = Period(last_monday - dt.timedelta(weeks=WEEKS_SHOWN - 1), period.end)
    return ReportView(*report(session, period, ctx.settings, now, grouping), weekly(session, weeks_period))


class RateCard(QFrame):
    """One rate: its name, the value in large type, the target and a mark that does not rely on colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.setMinimumWidth(210)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.name = QLabel()
        self.name.setWordWrap(True)
        lines = self.name.fontMetrics().lineSpacing()
        self.name.setMinimumHeight(3 * lines + 2)   # the longest names take three lines at 1366 px
        self.value = QLabel()
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)   # "13/22 · mục tiêu 100 % ✗ Chưa đạt" never cut at the edge
        self.detail.setMinimumHeight(2 * lines + 2)
        for widget in (self.name, self.value, self.detail):
            layout.addWidget(widget)

    def show_rate(self, rate: Rate) -> None:
        self.name.setText(tr(rate.label))
        met = rate.meets_target
        mark = {True: "✓ " + tr("Đạt"), False: "✗ " + tr("Chưa đạt"), None: ""}[met]
        self.value.setText(percent(rate.value))
        colour = {True: GOOD, False: BAD, None: NEUTRAL}[met]
        self.value.setStyleSheet(f"color: {colour.name()}")
        if rate.target is None:  # shown beside the rate that is judged, not judged itself
            self.detail.setText(tr("{part}/{whole}").format(part=thousands(rate.part), whole=thousands(rate.whole)))
        else:
            self.detail.setText(tr("{part}/{whole} · mục tiêu {target}").format(
                part=thousands(rate.part), whole=thousands(rate.whole), target=percent(rate.target, 0)) + f" {mark}")
        if rate.rated is not None and rate.returned is not None:
            # a rate over 3 ratings is not a rate over 300 returns: how many were rated, beside it
            self.detail.setText(self.detail.text() + "\n" + tr("Được đánh giá: {rated}/{returned} ({share})").format(
                rated=thousands(rate.rated), returned=thousands(rate.returned), share=percent(rate.rated_share)))
            self.detail.setToolTip(tr("Số hồ sơ được người dân đánh giá trong số hồ sơ có kết quả trong kỳ"))
        self.setToolTip(f"{tr(rate.label)}: {percent(rate.value)} ({thousands(rate.part)}/{thousands(rate.whole)})")


def _chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.NoAnimation)
    chart.legend().setAlignment(Qt.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    view = QChartView(chart)
    view.setRenderHint(QPainter.Antialiasing)
    view.setMinimumHeight(280)
    return chart, view


PRESETS = (QT_TR_NOOP("Tháng này"), QT_TR_NOOP("Tuần này"), QT_TR_NOOP("Quý này"), QT_TR_NOOP("Năm nay"),
           QT_TR_NOOP("Tùy chọn"))
SATISFACTION_HEADERS = (QT_TR_NOOP("Có kết quả"), QT_TR_NOOP("Được đánh giá"), QT_TR_NOOP("Tỷ lệ được đánh giá"),
                        QT_TR_NOOP("Rất hài lòng"), QT_TR_NOOP("Hài lòng"), QT_TR_NOOP("Không hài lòng"),
                        QT_TR_NOOP("Tỷ lệ hài lòng"), QT_TR_NOOP("Mục tiêu"))
II06A_HEADERS = (QT_TR_NOOP("Đơn vị"), QT_TR_NOOP("Tiếp nhận"), QT_TR_NOOP("Trực tuyến"), QT_TR_NOOP("Trực tiếp, BC"),
                 QT_TR_NOOP("Kỳ trước"), QT_TR_NOOP("Đã giải quyết"), QT_TR_NOOP("Trước hạn"), QT_TR_NOOP("Đúng hạn"),
                 QT_TR_NOOP("Quá hạn"), QT_TR_NOOP("Đang giải quyết"), QT_TR_NOOP("Trong hạn"), QT_TR_NOOP("Quá hạn"),
                 QT_TR_NOOP("Đúng hạn (%)"), QT_TR_NOOP("Đúng hạn, tính cả quá hạn (%)"))


def preset_period(name: str, today: dt.date) -> Period:
    if name == "Tuần này":
        return Period(today - dt.timedelta(days=today.weekday()), today)
    if name == "Quý này":
        return Period(dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)
    if name == "Năm nay":
        return Period(dt.date(today.year, 1, 1), today)
    return Period.month_to_date(today)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportsPage(Page):
    key = "reports"
    title = QT_TR_NOOP("Báo cáo")

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        self.view: ReportView | None = None
        today = desk.clock.now().date()

        self.preset = QComboBox()
        self.preset.addItems([tr(p) for p in PRESETS])
        self.start = QDateEdit(_qdate(today.replace(day=1)))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.grouping = QComboBox()
        for key, label in GROUPINGS.items():
            self.grouping.addItem(tr(label), key)
        self.show_button = QPushButton(tr("Xem"))
        self.daily_button = QPushButton(tr("Xuất báo cáo cuối ngày"))
        self.daily_button.setToolTip(tr("Lập tệp Excel báo cáo cuối ngày, ghi vào thư mục nhận và gửi thư nếu đã "
                                        "khai báo máy chủ thư"))
        self.period_button = QPushButton(tr("Xuất Biểu II.06a…"))
        self.outbox_button = QPushButton(tr("Hộp thư đi"))
        self.unhappy_button = QPushButton(tr("Hồ sơ không hài lòng…"))
        self.unhappy_button.setObjectName("unhappyButton")
        self.status = QLabel()
        self.status.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Kỳ báo cáo:")))
        bar.addWidget(self.preset)
        bar.addWidget(QLabel(tr("từ")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(tr("đến")))
        bar.addWidget(self.end)
        bar.addWidget(self.grouping)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.daily_button, self.period_button, self.outbox_button, self.unhappy_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.cards = [RateCard() for _ in RATE_LABELS]
        cards = QGridLayout()
        for index, card in enumerate(self.cards):
            cards.addWidget(card, index // 5, index % 5)

        self.unit_chart, unit_view = _chart(tr("Hồ sơ tiếp nhận trong kỳ theo đơn vị"))
        self.week_chart, week_view = _chart(tr("12 tuần gần nhất: tỷ lệ đúng hạn và trực tuyến (%)"))
        charts = QHBoxLayout()
        charts.addWidget(unit_view, 3)
        charts.addWidget(week_view, 2)

        self.table = QTableWidget(0, len(II06A_HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in II06A_HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setMinimumHeight(220)
        # satisfaction per unit / field / officer, the rated share beside it (fields of land and construction
        # against their own target)
        self.satisfaction_title = QLabel(tr("Mức độ hài lòng của người dân"))
        self.satisfaction = QTableWidget(0, 1 + len(SATISFACTION_HEADERS))
        self.satisfaction.setObjectName("satisfactionTable")
        self.satisfaction.verticalHeader().setVisible(False)
        self.satisfaction.setEditTriggers(QTableWidget.NoEditTriggers)
        self.satisfaction.setMinimumHeight(160)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addLayout(cards)
        layout.addLayout(charts)
        layout.addWidget(QLabel(tr("Biểu II.06a — kết quả giải quyết TTHC")))
        layout.addWidget(self.table)
        layout.addWidget(self.satisfaction_title)
        layout.addWidget(self.satisfaction)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.preset.currentTextChanged.connect(self._on_preset)
        self.show_button.clicked.connect(self.refresh)
        self.grouping.currentIndexChanged.connect(lambda _i: self.refresh())
        self.daily_button.clicked.connect(lambda _checked=False: self.export_daily())
        self.period_button.clicked.connect(lambda _checked=False: self.export_period())
        self.outbox_button.clicked.connect(self.open_outbox)
        self.unhappy_button.clicked.connect(self.open_unhappy)

    # --- period -------------------------------------------------------------------------------------
    def period(self) -> Period:
        return Period(self.start.date().toPython(), self.end.date().toPython())

    def _on_preset(self, text: str) -> None:
        if text == tr("Tùy chọn"):
            return
        name = PRESETS[self.preset.currentIndex()]
        chosen = preset_period(name, self.desk.clock.now().date())
        self.start.setDate(_qdate(chosen.start))
        self.end.setDate(_qdate(chosen.end))
        self.refresh()

    def touches(self, changes: Changes) -> bool:
        return changes.dossiers or changes.letters or changes.settings

    # --- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            period = self.period()
        except Exception as error:  # noqa: BLE001 - ValidationError: the end before the start
            self.status.setText(str(error))
            return
        grouping = self.grouping.currentData()
        self.status.setText(tr("Đang tính…"))
        self.desk.read(lambda session, ctx: load_view(session, ctx, period, grouping), self._show,
                       parent=self, label=tr("Đang tính các chỉ tiêu…"))

    def _show(self, view: ReportView) -> None:
        self.view = view
        s = view.summary
        self.status.setText(
            tr("Từ ngày {start} đến ngày {end} — số liệu tính đến {as_of}. Tiếp nhận {received}, đã giải quyết "
               "{finished} (đúng hạn {on_time}; tính cả hồ sơ đang quá hạn {on_time_overdue}), đang giải quyết "
               "{in_progress}.").format(
                start=date_vi(s.period.start), end=date_vi(s.period.end), as_of=datetime_vi(s.as_of),
                received=thousands(s.total.received), finished=thousands(s.total.finished),
                on_time=percent(s.total.on_time_rate),
                on_time_overdue=percent(s.total.on_time_rate_counting_overdue), in_progress=thousands(s.total.in_progress)))
        for card, rate in zip(self.cards, view.rates.rates):
            card.show_rate(rate)
        self._fill_table(s)
        self._fill_satisfaction(view.rates)
        self._fill_unit_chart(s)
        self._fill_week_chart(view.weeks)

    def _fill_table(self, s: Summary) -> None:
        rows = [(g.name, g.counts) for g in s.groups] + [(tr("Tổng cộng"), s.total)]
        self.table.setRowCount(len(rows))
        for r, (name, c) in enumerate(rows):
            values = [name, c.received, c.received_online, c.received_offline, c.carried_over, c.finished, c.early,
                      c.on_time, c.late, c.in_progress, c.open_within, c.open_late, percent(c.on_time_rate),
                      percent(c.on_time_rate_counting_overdue)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(thousands(value) if isinstance(value, int) else str(value))
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)

    def _fill_satisfaction(self, rates: Rates) -> None:
        grouping = tr(GROUPINGS[rates.grouping])
        self.satisfaction_title.setText(tr("Mức độ hài lòng của người dân theo {grouping} (hồ sơ có kết quả trong kỳ)")
                                        .format(grouping=grouping.lower()))
        self.satisfaction.setHorizontalHeaderLabels([grouping] + [tr(h) for h in SATISFACTION_HEADERS])
        lines = [(line.name, line.returned, line.rated, line.rated_share,
                  line.very_satisfied, line.satisfied, line.unsatisfied, line.value, line.target, line.meets_target)
                 for line in rates.satisfaction]
        for key, name in (("satisfaction", tr("Tổng cộng")), ("satisfaction_land", tr("Đất đai, xây dựng"))):
            rate = rates[key]
            lines.append((name, rate.returned or 0, rate.rated or 0, rate.rated_share, None, None,
                          rate.whole - rate.part, rate.value, rate.target, rate.meets_target))
        self.satisfaction.setRowCount(len(lines))
        totals = len(lines) - 2
        for r, (name, returned, rated, share, very, fine, unhappy, value, target, met) in enumerate(lines):
            mark = {True: " ✓", False: " ✗", None: ""}[met]
            cells = [name, thousands(returned), thousands(rated), percent(share),
                     "" if very is None else thousands(very), "" if fine is None else thousands(fine),
                     thousands(unhappy), percent(value) + mark, percent(target, 0)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if col == 8 and target == rates["satisfaction_land"].target and r < totals \
                        and rates.satisfaction[r].land:
                    item.setToolTip(tr("Lĩnh vực đất đai, xây dựng: chỉ tiêu riêng"))
                if col == 7 and met is not None:
                    item.setForeground(GOOD if met else BAD)
                if r >= totals:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.satisfaction.setItem(r, col, item)
        self.satisfaction.resizeColumnsToContents()
        self.satisfaction.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)

    def open_unhappy(self) -> None:
        from ui.ratings.unhappy_dialog import UnhappyDialog

        self.unhappy_dialog = UnhappyDialog(self.desk, self)
        self.unhappy_dialog.show()

    def _fill_unit_chart(self, s: Summary) -> None:
        chart = self.unit_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        online, offline, carried = QBarSet(tr("Trực tuyến")), QBarSet(tr("Trực tiếp, bưu chính")), \
            QBarSet(tr("Kỳ trước chuyển sang"))
        names = []
        for g in s.groups:
            online.append(g.counts.received_online)
            offline.append(g.counts.received_offline)
            carried.append(g.counts.carried_over)
            # unit codes (TP, DD…) keep the axis readable; the table below has the full names
            short = g.key if s.grouping == "unit" and g.key else g.name
            names.append(short if len(short) <= 18 else short[:17] + "…")
        series = QStackedBarSeries()
        for bar_set in (online, offline, carried):
            series.append(bar_set)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(names)
        x.setLabelsAngle(-35)
        y = count_axis(max([g.counts.received + g.counts.carried_over for g in s.groups] + [1]))
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _fill_week_chart(self, weeks: list[WeekPoint]) -> None:
        chart = self.week_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        on_time, online = QLineSeries(), QLineSeries()
        on_time.setName(tr("Đúng hạn (%)"))
        online.setName(tr("Trực tuyến (%)"))
        labels = []
        for index, week in enumerate(weeks):
            labels.append(week.monday.strftime("%d/%m"))
            if week.on_time_rate is not None:
                on_time.append(index, float(week.on_time_rate))
            if week.online_rate is not None:
                online.append(index, float(week.online_rate))
        chart.addSeries(on_time)
        chart.addSeries(online)
        x = QBarCategoryAxis()
        x.append(labels or ["—"])
        x.setLabelsAngle(-90)  # twelve Mondays side by side: upright they would be elided to "…"
        small = QFont(x.labelsFont())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
        x.setLabelsFont(small)
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        for series in (on_time, online):
            series.attachAxis(x)
            series.attachAxis(y)

    # --- actions ------------------------------------------------------------------------------------
    def export_daily(self, folder: str | None = None) -> None:
        """Make today's workbook, keep it in the outbox, deliver it; all in the background.

        Asks for a folder first only when the settings give the report nowhere to go."""
        self.daily_button.setEnabled(False)
        if folder is not None:
            self._send_daily(folder)
            return
        Session = self.desk.Session

        def ask(_progress):
            with Session() as session:
                return daily_send.needs_folder(load_settings(session))

        self.desk.run(ask, self._daily_destination, parent=self, on_error=self._daily_failed)

    def _daily_destination(self, needs_folder: bool) -> None:
        folder = None
        if needs_folder:
            folder = choose_folder(self, tr("Chọn thư mục lưu báo cáo cuối ngày"))
            if not folder:
                self.daily_button.setEnabled(True)
                return
        self._send_daily(folder)

    def _send_daily(self, folder: str | None) -> None:
        Session, clock, user_id = self.desk.Session, self.desk.clock, self.desk.user_id

        def work(progress):
            return daily_send.send_daily(Session, clock, user_id, folder=folder, check=progress.check).item

        self.desk.run(work, self._daily_done, parent=self, label=tr("Đang lập báo cáo cuối ngày…"),
                      on_error=self._daily_failed)

    def _daily_failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.daily_button.setEnabled(True)
        show_error(self, error)

    def _daily_done(self, item: outbox.OutboxItem) -> None:
        self.daily_button.setEnabled(True)
        self.last_delivery = item
        if item.status == "sent":
            self.status.setText(delivery_words(item))
        else:
            self.status.setText(tr("Báo cáo cuối ngày chưa gửi được, đã giữ trong hộp thư đi") + f": {item.last_error}")
            QMessageBox.warning(self, tr("Chưa gửi được báo cáo"),
                                tr("Báo cáo đã được giữ trong hộp thư đi và có thể gửi lại.") + "\n\n" + item.last_error)

    def export_period(self, path: str | None = None) -> None:
        period, grouping = self.period(), self.grouping.currentData()
        if path is None:
            suggested = f"bieu-II.06a-{period.start:%Y-%m-%d}-den-{period.end:%Y-%m-%d}.xlsx"
            path, _filter = save_file(self, tr("Lưu Biểu II.06a"), suggested, tr("Bảng tính Excel (*.xlsx)"))
            if not path:
                return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        Session = self.desk.Session

        def work(progress):
            with Session() as session:
                _s, _r, workbook = period_report(session, self.desk.context(session), period, grouping)
            return str(write_atomically(Path(path), workbook.content))

        self.desk.run(work, lambda written: self.status.setText(tr("Đã ghi {file}").format(file=written)), parent=self,
                      label=tr("Đang lập Biểu II.06a…"))

    def open_outbox(self) -> None:
        from ui.pages.outbox_dialog import OutboxDialog

        self.outbox_dialog = OutboxDialog(self.desk, self)
        self.outbox_dialog.show()


def delivery_words(item: outbox.OutboxItem) -> str:
    """What became of the day's report, said as it happened: saved into a folder is not sent."""
    day = date_vi(item.report_date)
    folder = str(Path(item.delivered_path).parent) if item.delivered_path else ""
    if folder and item.email_to:
        return tr("Đã lưu báo cáo cuối ngày {day} vào thư mục {folder} và gửi tới {email}").format(
            day=day, folder=folder, email=item.email_to)
    if folder:
        return tr("Đã lưu báo cáo cuối ngày {day} vào thư mục {folder}").format(day=day, folder=folder)
    return tr("Đã gửi báo cáo cuối ngày {day} tới {email}").format(day=day, email=item.email_to)
