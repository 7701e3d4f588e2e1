"""Deadline alerts: recomputed at start, every few minutes and when the date changes.

The status bar always shows the counts. A tray notice tells the officer when
dossiers newly reach "apology letter today" or "overdue", once per dossier
and level, only during office hours. At start the Today page says what
changed since the desk was last open.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSystemTrayIcon

from app import desk_state, today, upkeep
from app.deadlines import WarningLevel
from app.workcalendar import OfficeHours
from ui.desk import Changes, Desk
from ui.i18n import thousands, tr
from ui.interruptions import dialog_open, office_exists
from ui.warning_style import level_icon, level_label_on

REFRESH_MS = 5 * 60 * 1000
DATE_CHECK_MS = 60 * 1000
NOTIFY_LEVELS = (WarningLevel.APOLOGY_TODAY, WarningLevel.OVERDUE)
STATUS_LEVELS = (WarningLevel.OVERDUE, WarningLevel.APOLOGY_MISSED, WarningLevel.APOLOGY_TODAY,
                 WarningLevel.APOLOGY_TOMORROW, WarningLevel.DUE_SOON)


def _register_key(desk: Desk) -> str:
    url = upkeep.register_url(desk.Session)
    return "alerts-" + hashlib.sha1(url.encode()).hexdigest()[:12]


def _ids(state: dict, part: str) -> dict[WarningLevel, frozenset[int]]:
    stored = state.get(part) or {}
    return {level: frozenset(int(x) for x in stored.get(level.name, ()) if str(x).isdigit())
            for level in today.ALERT_LEVELS}


def _plain(ids: dict[WarningLevel, frozenset[int]]) -> dict[str, list[int]]:
    return {level.name: sorted(values) for level, values in ids.items()}


def _from_registry(key: str) -> dict:
    """What versions before the state file kept in QSettings (the Windows registry): taken over once, then
    removed from there."""
    settings = QSettings()
    group = "alerts/" + key.removeprefix("alerts-")
    if not settings.contains(group + "/seen/at"):
        return {}
    state: dict = {"seen_at": str(settings.value(group + "/seen/at"))}
    for part in ("seen", "notified"):
        state[part] = {level.name: [int(x) for x in str(settings.value(f"{group}/{part}/{level.name}", "") or "")
                                    .split(",") if x.isdigit()] for level in today.ALERT_LEVELS}
    settings.remove(group)
    return state


def alert_span(settings) -> tuple | None:
    """The ``alert_hours`` setting as (opening, closing), or None to follow the office hours."""
    if not settings.alert_hours:
        return None
    hours = OfficeHours.parse(settings.alert_hours)
    return hours.opening, hours.closing


class AlertMonitor(QObject):
    summarised = Signal(object)  # TodaySummary
    news = Signal(str)           # "3 hồ sơ đã chuyển sang quá hạn" — what changed since the last look
    notified = Signal(str)       # the text of a tray notice (also for tests and platforms without a tray)

    def __init__(self, desk: Desk, window: QMainWindow | None = None):
        super().__init__(window)
        self.desk = desk
        self.key = _register_key(desk)
        self.first = True
        self.last_day = desk.clock.now().date()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.check)
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(DATE_CHECK_MS)
        self.day_timer.timeout.connect(self._check_date)
        self.last: today.TodaySummary | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(level_icon(WarningLevel.ON_TRACK), self)
            self.tray.setToolTip(tr("MotCua Desk"))
            if window is not None:
                self.tray.activated.connect(lambda _: (window.showNormal(), window.raise_(), window.activateWindow()))
            self.tray.show()
        desk.changed.connect(self._on_changed)

    def start(self) -> None:
        self.timer.start()
        self.day_timer.start()
        self.check()

    def want_summary(self) -> None:
        """A view that has no summary yet: send the last one, or compute it (never a second copy per change)."""
        if self.last is not None:
            self.summarised.emit(self.last)
        else:
            self.check()

    def check(self) -> None:
        self.desk.read(lambda session, ctx: (today.summary(session, ctx), ctx.calendar, alert_span(ctx.settings),
                                             office_exists(session)), self._evaluate)

    def _check_date(self) -> None:
        day = self.desk.clock.now().date()
        if day != self.last_day:
            self.last_day = day
            self.desk.announce(Changes(settings=True, reason="date"))  # every view recomputes for the new day
            self.check()

    def _on_changed(self, changes: Changes) -> None:
        if changes.reason != "date" and (changes.dossiers or changes.letters or changes.settings):
            self.check()

    def _evaluate(self, result) -> None:
        summary, calendar, span, office = result
        state = desk_state.load(self.key) or _from_registry(self.key)
        if self.first:
            self.first = False
            previous = _ids(state, "seen")
            if state.get("seen_at"):
                text = "; ".join(tr(today.CHANGE_PHRASES[level]).format(n=thousands(n))
                                 for level, n in today.changes_since(previous, summary.ids))
                if text:
                    self.news.emit(tr("Từ lần mở trước: {changes}.").format(changes=text))
        state["seen"] = _plain(summary.ids)
        state["seen_at"] = summary.now.isoformat()
        if office and not dialog_open(self.parent()):   # else the notices come at the next check
            self._notify(summary, calendar, span, state)
        desk_state.save(self.key, state)
        self.last = summary
        self.summarised.emit(summary)

    def _notify(self, summary: today.TodaySummary, calendar, span, state: dict) -> None:
        now = summary.now
        opening, closing = span or (calendar.hours.opening, calendar.hours.closing)
        if not (calendar.is_working_day(now.date()) and opening <= now.time() <= closing):
            return  # nobody at the desk: the notices wait for the morning
        done = _ids(state, "notified")
        lines = []
        for level in NOTIFY_LEVELS:
            new = summary.ids.get(level, frozenset()) - done.get(level, frozenset())
            if new:
                lines.append(tr(today.CHANGE_PHRASES[level]).format(n=thousands(len(new))))
            # Remember only dossiers still at the level, so the memory stays small.
            done[level] = summary.ids.get(level, frozenset())
        state["notified"] = _plain({lv: done.get(lv, frozenset()) for lv in today.ALERT_LEVELS})
        if lines:
            text = "; ".join(lines) + "."
            if self.tray is not None:
                self.tray.showMessage(tr("Cảnh báo hạn xử lý"), text, QSystemTrayIcon.Warning, 15000)
            self.notified.emit(text)


class StatusCounts(QLabel):
    """The counts that must never be out of sight, in the status bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("statusCounts")
        self.setText(tr("Đang tính cảnh báo…"))

    def show_summary(self, summary: today.TodaySummary) -> None:
        parts = []
        for level in STATUS_LEVELS:
            n = summary.counts.get(level, 0)
            if n:
                words = level_label_on(level, summary.now.date(), summary.next_working_day)
                parts.append(f"{level.marker} {words}: {thousands(n)}")
        self.setText("  ·  ".join(parts) if parts else tr("Không có hồ sơ cần cảnh báo."))
