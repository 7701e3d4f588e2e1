"""Hôm nay: what needs doing on this working day."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from app import worklists
from app.deadlines import WarningBounds, WarningLevel
from app.formatting import datetime_vi
from ui.i18n import tr
from ui.pages.base import Page


class TodayPage(Page):
    key = "today"
    title = "Hôm nay"

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        self.summary = QLabel()
        self.summary.setMargin(16)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def refresh(self) -> None:
        def query(session, ctx):
            now = ctx.now()
            bounds = WarningBounds.at(ctx.calendar, now, ctx.settings.due_soon_days)
            return now, worklists.warning_counts(session, bounds)

        self.desk.read(query, self._show)

    def _show(self, result) -> None:
        now, counts = result
        lines = [f"<h2>{tr('Hôm nay')} — {datetime_vi(now)}</h2><table cellpadding='4'>"]
        for level in sorted(WarningLevel, reverse=True):
            lines.append(f"<tr><td>{level.marker}</td><td>{tr(level.label)}</td>"
                         f"<td align='right'><b>{counts.get(level, 0)}</b></td></tr>")
        lines.append("</table>")
        self.summary.setText("".join(lines))
