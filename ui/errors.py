"""The one place where errors reach the officer.

An AppError is the officer's business: its message is already Vietnamese and
says what to do. Anything else is a bug: logged with its traceback and shown
in a crash dialog, never a silent exit.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import AppError, StaleDataError
from ui.i18n import tr

log = logging.getLogger("motcua.ui")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, StaleDataError):
        QMessageBox.warning(parent, tr("Hồ sơ đã được người khác sửa"), str(error))
    elif isinstance(error, AppError):
        QMessageBox.warning(parent, tr("Không thực hiện được"), str(error))
    else:
        log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
        show_crash(parent, "".join(traceback.format_exception(type(error), error, error.__traceback__)))


def show_crash(parent: QWidget | None, details: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(tr("Lỗi không mong đợi"))
    box.setText(tr("Đã xảy ra lỗi không mong đợi; thao tác vừa rồi chưa hoàn tất và sổ hồ sơ không bị thay đổi.\n"
                   "Chi tiết đã được ghi vào nhật ký. Anh/chị có thể tiếp tục làm việc."))
    box.setDetailedText(details)
    box.exec()


def install_excepthook() -> None:
    """An exception escaping a slot must not kill the desk with a queue at the counter."""

    def hook(kind, value, tb):
        log.error("Unhandled exception", exc_info=(kind, value, tb))
        if isinstance(value, AppError):
            show_error(QApplication.activeWindow(), value)
            return
        show_crash(QApplication.activeWindow(), "".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook
