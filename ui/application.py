"""Start the Qt application.

For now a single summary window (today's warnings); the officer's desk with
the register, forms and alerts is issue 3.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from app.context import load_context
from app.deadlines import WarningBounds, WarningLevel
from app.formatting import datetime_vi
from app import worklists


def tr(text: str) -> str:
    return QCoreApplication.translate("MotCua", text)


class SummaryWindow(QMainWindow):
    def __init__(self, Session, clock):
        super().__init__()
        self.setWindowTitle(tr("MotCua Desk — Bộ phận Một cửa"))
        now = clock.now()
        with Session() as session:
            ctx = load_context(session, clock)
            bounds = WarningBounds.at(ctx.calendar, now, ctx.settings.due_soon_days)
            counts = worklists.warning_counts(session, bounds)
        lines = [f"<h2>{tr('Hôm nay')} — {datetime_vi(now)}</h2><table cellpadding='4'>"]
        for level in sorted(WarningLevel, reverse=True):
            if level is WarningLevel.ON_TRACK:
                continue
            lines.append(f"<tr><td>{level.marker}</td><td>{tr(level.label)}</td>"
                         f"<td align='right'><b>{counts.get(level, 0)}</b></td></tr>")
        lines.append(f"<tr><td></td><td>{tr('Trong hạn')}</td>"
                     f"<td align='right'>{counts.get(WarningLevel.ON_TRACK, 0)}</td></tr></table>")
        lines.append(f"<p><i>{tr('Dùng dòng lệnh: python main.py --help')}</i></p>")
        label = QLabel("".join(lines))
        label.setMargin(16)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(label)
        self.setCentralWidget(body)
        self.resize(560, 360)


def has_display() -> bool:
    """Qt aborts the whole process without a display; say so instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_window(Session, clock, demo: bool = False, user: str | None = None) -> int:
    if not has_display():
        print("Lỗi: Không tìm thấy màn hình để mở cửa sổ. Hãy chạy trên máy có giao diện đồ họa, "
              "hoặc dùng các lệnh dòng lệnh (python main.py --help).", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    if demo:
        from app.demo import generate

        with Session.begin() as session:
            ctx = load_context(session, clock)
            generate(session, ctx.calendar, clock.now(), 2000)
    window = SummaryWindow(Session, clock)
    window.show()
    return app.exec()
