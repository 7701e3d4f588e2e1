"""Công cụ › Kiểm tra sổ, and SQLite's full check once a day while the window is open.

The check reads the whole file, so it runs in the background (ui/recovery.py
starts the first one with the window); damage is shown by ui/errors.show_error
with the offer to restore the newest good backup.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app.formatting import thousands
from app.integrity import full_check, register_file
from ui.i18n import tr
from ui.recovery import check_in_background

DAILY_MS = 24 * 60 * 60 * 1000


def install(window, desk) -> None:
    if register_file(desk.Session) is None:   # a shared server checks its own storage
        return
    action = QAction(tr("Kiểm tra sổ"), window)
    action.setObjectName("check_register")
    action.setStatusTip(tr("Kiểm tra toàn vẹn toàn bộ tệp sổ hồ sơ (chạy nền, vài giây với sổ lớn)"))
    action.triggered.connect(lambda: check_now(window, desk))
    window.menus["tools"].addAction(action)
    window.check_register_action = action
    timer = QTimer(window)
    timer.setInterval(DAILY_MS)
    timer.timeout.connect(lambda: check_in_background(window, desk))
    timer.start()
    window.integrity_timer = timer


def check_now(window, desk) -> None:
    """On demand, behind a progress dialog; the officer is told it is sound, or shown the damage."""

    def done(result) -> None:
        box = QMessageBox(QMessageBox.Information, tr("Kiểm tra sổ"),
                          tr("Sổ hồ sơ nguyên vẹn ({size} MB, kiểm tra trong {seconds} giây).")
                          .format(size=thousands(max(1, round(result.size / 1_000_000))),
                                  seconds=f"{result.seconds:.1f}".replace(".", ",")),
                          QMessageBox.Ok, window)
        box.setObjectName("checkedBox")
        informative = [str(result.path)]
        if sentence := result.inverted_dates_sentence():   # the domain's words, as its error messages are shown
            informative.append(sentence)
        box.setInformativeText("\n\n".join(informative))
        box.open()

    desk.run(lambda progress: full_check(desk.Session), done, parent=window,
             label=tr("Đang kiểm tra toàn vẹn sổ hồ sơ…"))
