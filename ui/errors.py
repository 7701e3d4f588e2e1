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


def is_damaged_register(error: BaseException) -> bool:
    from app.integrity import RegisterDamaged

    return isinstance(error, RegisterDamaged)


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    if is_damaged_register(error):
        return show_damaged(parent, error)
    if isinstance(error, AppError):
        title = tr("Hồ sơ đã được người khác sửa") if isinstance(error, StaleDataError) else tr("Không thực hiện được")
        box = QMessageBox(QMessageBox.Warning, title, str(error), QMessageBox.Ok, parent)
        box.setObjectName("errorBox")
        return _open(box)
    log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
    return show_crash(parent, "".join(traceback.format_exception(type(error), error, error.__traceback__)))


def _desk_window(widget: QWidget | None) -> QWidget | None:
    """The main window (the one holding the desk) that ``widget`` belongs to."""
    while widget is not None and getattr(widget, "desk", None) is None:
        widget = widget.parentWidget()
    return widget


def show_damaged(parent: QWidget | None, report) -> QMessageBox:
    """The register is damaged (found on opening, by the full check, or by any query): say so once, with
    the newest good backup, and offer to restore it, as the start-up check does (ui/recovery.py)."""
    window = _desk_window(parent) or _desk_window(QApplication.activeWindow())
    owner = window or parent
    shown = getattr(owner, "damaged_box", None)
    if shown is not None:
        try:
            if shown.isVisible():   # a damaged page fails every query that reads it: one box is enough
                return shown
        except RuntimeError:        # the box was closed and deleted
            pass
    box = QMessageBox(QMessageBox.Critical, tr("Sổ hồ sơ bị hỏng"),
                      tr("Sổ hồ sơ bị hỏng: SQLite báo “{problem}”.").format(problem=report.problem),
                      QMessageBox.NoButton, owner)
    box.setObjectName("damagedBox")
    good = report.good_backup
    box.setInformativeText(
        tr("Bản sao lưu tốt gần nhất là lúc {when}. Khôi phục từ bản đó? Tệp hỏng được giữ lại trong thư mục "
           "sao lưu; những gì nhập sau thời điểm sao lưu cần nhập lại.")
        .format(when=good.taken_at.strftime("%H:%M %d/%m/%Y")) if good is not None else
        tr("Không tìm thấy bản sao lưu nào dùng được trong thư mục sao lưu."))
    box.setDetailedText(f"{report.path}\n{report.problem}" + (f"\n\n{good.path}" if good is not None else ""))
    if report.good_backup is not None and window is not None:
        restore = box.addButton(tr("Khôi phục bản sao lưu tốt gần nhất…"), QMessageBox.AcceptRole)

        def restore_good() -> None:
            from ui.admin_hooks import restore_from

            restore_from(window, window.desk, chosen=str(report.good_backup.path))

        restore.clicked.connect(restore_good)
    box.addButton(tr("Để sau"), QMessageBox.RejectRole)
    if owner is not None:
        owner.integrity_problem = report
        owner.damaged_box = box
    log.error("Damaged register: %s", report)
    return _open(box)


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
        if isinstance(value, AppError) or is_damaged_register(value):
            show_error(QApplication.activeWindow(), value)
            return
        show_crash(QApplication.activeWindow(), "".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook


def show_startup_error(message: str) -> None:
    """The window could not start (an unopenable register, a wrong argument): the windowed build has no console
    to print to, so the officer reads it in a box (it is in the log too). Blocks until closed: nothing else runs."""
    from ui.application import has_display, make_app

    if not has_display():
        return
    make_app()
    box = QMessageBox(QMessageBox.Critical, tr("MotCua Desk"), message, QMessageBox.Ok)
    box.setObjectName("startupErrorBox")
    box.exec()
