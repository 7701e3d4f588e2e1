"""The one place where errors reach the officer.

An AppError is the officer's business: its message is already Vietnamese and
says what to do. Anything else is a bug: logged with its traceback and shown
in a crash dialog, never a silent exit. The boxes are window-modal and opened
without a nested event loop, so background work (and tests) never stall
behind a message.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import AppError, StaleDataError
from ui.i18n import tr

log = logging.getLogger("motcua.ui")


def _open(box: QMessageBox) -> QMessageBox:
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModal if box.parent() is not None else Qt.ApplicationModal)
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    if isinstance(error, AppError):
        title = tr("Hồ sơ đã được người khác sửa") if isinstance(error, StaleDataError) else tr("Không thực hiện được")
        box = QMessageBox(QMessageBox.Warning, title, str(error), QMessageBox.Ok, parent)
        box.setObjectName("errorBox")
        return _open(box)
    log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
    return show_crash(parent, "".join(traceback.format_exception(type(error), error, error.__traceback__)))


def show_crash(parent: QWidget | None, details: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("crashBox")
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(tr("Lỗi không mong đợi"))
    box.setText(tr("Đã xảy ra lỗi không mong đợi; thao tác vừa rồi chưa hoàn tất và sổ hồ sơ không bị thay đổi.\n"
                   "Chi tiết đã được ghi vào nhật ký. Anh/chị có thể tiếp tục làm việc."))
    box.setDetailedText(details)
    return _open(box)


def install_excepthook() -> None:
    """An exception escaping a slot must not kill the desk with a queue at the counter."""

    def hook(kind, value, tb):
        log.error("Unhandled exception", exc_info=(kind, value, tb))
        if isinstance(value, AppError):
            show_error(QApplication.activeWindow(), value)
            return
        show_crash(QApplication.activeWindow(), "".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook
