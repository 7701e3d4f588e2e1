"""The two charts of the digitization page: rate per unit against the target, and the weekly trend."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from app.digitization import RateReport, WeekPoint
from ui.i18n import percent, tr

GOOD = QColor("#2e7d32")
SHORT = QColor("#c62828")
TARGET = QColor("#1f4e9c")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setLocale(QLocale(QLocale.Vietnamese, QLocale.Vietnam))  # 75,2% as officers write it
    chart.setLocalizeNumbers(True)
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignBottom)
    return chart


def _target_pen() -> QPen:
    pen = QPen(TARGET)
    pen.setWidth(2)
    pen.setStyle(Qt.DashLine)
    return pen


class RateChart(QChartView):
    """Horizontal bars, one per unit (field, officer): green at or above the target, red below; a dashed target line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.Antialiasing)
        self.setMinimumHeight(240)
        self.names: list[str] = []
        self.values: list[float | None] = []
        self.show_report(None)

    def show_report(self, report: RateReport | None) -> None:
        chart = _chart(tr("Tỷ lệ số hóa theo đơn vị"))
        rows = [row for row in (report.rows if report else ()) if row.handled]
        # Qt draws the first category at the bottom: reverse so that the list reads top-down like the table.
        rows = list(reversed(rows))
        target = report.target if report else 0
        met, short = QBarSet(tr("Đạt chỉ tiêu")), QBarSet(tr("Chưa đạt"))
        met.setColor(GOOD)
        short.setColor(SHORT)
        self.names = [row.name for row in rows]
        self.values = [row.digitization_rate for row in rows]
        for row in rows:
            rate = row.digitization_rate or 0.0
            met.append(rate if rate >= target else 0.0)
            short.append(rate if rate < target else 0.0)
        series = QHorizontalStackedBarSeries()
        series.append(met)
        series.append(short)
        series.setBarWidth(0.6)
        # Each rate is written beside its unit's name in the one percent format ("50,0 %", "76,9 %"):
        # QtCharts' own bar labels drop a zero decimal ("50 %" beside "42,1 %").
        series.setLabelsVisible(False)
        chart.addSeries(series)
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%.0f")
        axis_x.setTitleText("%")
        axis_x.setTickCount(6)
        axis_y = QBarCategoryAxis()
        axis_y.append([f"{name if len(name) <= 30 else name[:29] + '…'} · {percent(rate)}"
                       for name, rate in zip(self.names, self.values)] or [""])
        chart.addAxis(axis_x, Qt.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        if report is not None:
            line = QLineSeries()
            line.setName(tr("Chỉ tiêu {target}").replace("{target}", percent(target, 0)))
            line.setPen(_target_pen())
            count = max(len(rows), 1)
            line.append(target, -0.5)
            line.append(target, count - 0.5)
            chart.addSeries(line)
            hidden = QValueAxis()
            hidden.setRange(-0.5, count - 0.5)
            hidden.setVisible(False)
            chart.addAxis(hidden, Qt.AlignRight)
            line.attachAxis(axis_x)
            line.attachAxis(hidden)
        self.setChart(chart)


class TrendChart(QChartView):
    """The office's digitization rate week by week, with the target as a dashed line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.Antialiasing)
        self.setMinimumHeight(240)
        self.points: list[tuple[dt.date, float]] = []
        self.show_trend([], 0)

    def show_trend(self, weeks: list[WeekPoint], target: int) -> None:
        chart = _chart(tr("Tỷ lệ số hóa theo tuần"))
        line, dots = QLineSeries(), QScatterSeries()
        line.setName(tr("Tỷ lệ số hóa"))
        dots.setMarkerSize(7)
        line.setColor(GOOD)
        dots.setColor(GOOD)
        self.points = [(w.week_start, w.rate) for w in weeks if w.rate is not None]
        # x is the week's index; weeks without a finished dossier leave no point (nothing to rate).
        for index, week in enumerate(weeks):
            if week.rate is not None:
                line.append(index, week.rate)
                dots.append(index, week.rate)
        chart.addSeries(line)
        chart.addSeries(dots)
        count = max(len(weeks), 1)
        goal = QLineSeries()
        goal.setName(tr("Chỉ tiêu {target}").replace("{target}", percent(target, 0)))
        goal.setPen(_target_pen())
        goal.append(-0.4, target)
        goal.append(count - 0.6, target)
        chart.addSeries(goal)
        axis_x = QCategoryAxis()
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPositionOnValue)
        step = max(1, -(-count // 8))   # at most 8 labels, each on a Monday
        for index in range(0, len(weeks), step):
            axis_x.append(f"{weeks[index].week_start:%d/%m}", index)
        axis_x.setRange(-0.4, count - 0.6)
        axis_x.setTitleText(tr("Tuần bắt đầu ngày"))
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%.0f")
        axis_y.setTitleText("%")
        chart.addAxis(axis_x, Qt.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignLeft)
        for series in (line, dots, goal):
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        chart.legend().markers(dots)[0].setVisible(False)
        self.setChart(chart)

    def describe(self) -> str:
        return "; ".join(f"{week:%d/%m}: {percent(rate)}" for week, rate in self.points)
