"""How a warning level looks: a colour AND a text mark, so colour is never the only signal."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from app.deadlines import WarningLevel
from ui.i18n import QT_TR_NOOP, tr

# Pale backgrounds readable with black text; the strong colour is for icons and badges.
COLOURS = {
    WarningLevel.OVERDUE: ("#f8d0d0", "#b00020"),
    WarningLevel.APOLOGY_MISSED: ("#f9dcc4", "#c2410c"),
    WarningLevel.APOLOGY_TODAY: ("#fde2b0", "#d97706"),
    WarningLevel.APOLOGY_TOMORROW: ("#fdf0c0", "#ca8a04"),
    WarningLevel.DUE_SOON: ("#fff7d6", "#a16207"),
    WarningLevel.WAITING: ("#e3ecf7", "#1d4ed8"),
    WarningLevel.ON_TRACK: (None, "#15803d"),
}


def level_brush(level: WarningLevel | None) -> QBrush | None:
    if level is None:
        return None
    pale = COLOURS[level][0]
    return QBrush(QColor(pale)) if pale else None


def level_colour(level: WarningLevel) -> QColor:
    return QColor(COLOURS[level][1])


SHORT_LABELS = {
    WarningLevel.OVERDUE: QT_TR_NOOP("Quá hạn"),
    WarningLevel.APOLOGY_MISSED: QT_TR_NOOP("Lỡ hạn xin lỗi"),
    WarningLevel.APOLOGY_TODAY: QT_TR_NOOP("Xin lỗi hôm nay"),
    WarningLevel.APOLOGY_TOMORROW: QT_TR_NOOP("Xin lỗi ngày mai"),
    WarningLevel.DUE_SOON: QT_TR_NOOP("Sắp đến hạn"),
    WarningLevel.WAITING: QT_TR_NOOP("Chờ bổ sung"),
    WarningLevel.ON_TRACK: QT_TR_NOOP("Trong hạn"),
}


def level_text(level: WarningLevel | None, short: bool = False) -> str:
    """The level in words, with its text mark; short for table cells and legends."""
    if level is None:
        return ""
    words = tr(SHORT_LABELS[level] if short else level.label)
    return f"{level.marker} {words}" if level.marker else words


_icons: dict[WarningLevel, QIcon] = {}


# Drawn at each size a screen asks for at 100–200 % scaling (16 px at 125 % is 20 device pixels): one 32 px
# badge scaled to 20 or 24 px blurred its mark on Windows laptops set to 125 % or 150 %.
ICON_SIZES = (16, 20, 24, 32, 40, 48, 64)


def _badge(level: WarningLevel, side: int) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setBrush(level_colour(level))
    painter.setPen(Qt.NoPen)
    margin = side / 16
    painter.drawEllipse(QRectF(margin, margin, side - 2 * margin, side - 2 * margin))
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(max(7, round(side * 14 / 32)))
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignCenter, level.marker or "✓")
    painter.end()
    return pixmap


def level_icon(level: WarningLevel) -> QIcon:
    """A round badge in the level's colour with its mark, for lists, legends and the tray."""
    if level not in _icons:
        icon = QIcon()
        for side in ICON_SIZES:
            icon.addPixmap(_badge(level, side))
        _icons[level] = icon
    return _icons[level]


def level_label_on(level: WarningLevel, today, next_working_day) -> str:
    """A level's words on a given day: the letter "tomorrow" names the real day when the next working day
    is not tomorrow (the Friday before a long break: "… Thứ Năm 03/09 (ngày làm việc kế tiếp)"),
    as app.deadlines.level_label does for the command line."""
    import datetime as dt

    from ui.i18n import weekday_name

    if level is WarningLevel.APOLOGY_TOMORROW and next_working_day != today + dt.timedelta(days=1):
        return tr("Hạn gửi phiếu xin lỗi: {day} (ngày làm việc kế tiếp)").format(
            day=f"{weekday_name(next_working_day)} {next_working_day:%d/%m}")
    return tr(level.label)
