"""On start, a damaged register: offer the newest good backup instead of crashing."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app import upkeep
from app.errors import AppError
from ui.i18n import tr


def offer_restore(damaged, clock, parent=None) -> bool:
    """Ask the officer; restore if they agree. True when the register was restored."""
    from ui.application import has_display, make_app

    if not has_display():
        return False
    make_app()
    good = damaged.good_backup
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(tr("Sổ hồ sơ bị hỏng"))
    if good is None:
        box.setText(tr("Sổ hồ sơ bị hỏng và không tìm thấy bản sao lưu nào dùng được."))
        box.setInformativeText(str(damaged.path))
        box.setDetailedText(damaged.problem)
        box.exec()
        return False
    box.setText(tr("Sổ hồ sơ bị hỏng: SQLite báo lỗi khi kiểm tra toàn vẹn."))
    box.setInformativeText(
        tr("Khôi phục từ bản sao lưu tốt gần nhất, lúc {when}?\n\nTệp hỏng được giữ lại trong thư mục sao lưu "
           "để kiểm tra; những gì nhập sau thời điểm sao lưu cần nhập lại.")
        .format(when=good.taken_at.strftime("%H:%M %d/%m/%Y")))
    box.setDetailedText(f"{damaged.path}\n{damaged.problem}\n\n{good.path}")
    restore = box.addButton(tr("Khôi phục"), QMessageBox.AcceptRole)
    box.addButton(tr("Thoát"), QMessageBox.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        upkeep.restore_damaged(damaged, clock.now())
    except AppError as error:
        QMessageBox.critical(parent, tr("Không khôi phục được"), str(error))
        return False
    QMessageBox.information(parent, tr("Đã khôi phục"),
                            tr("Đã khôi phục sổ hồ sơ từ bản sao lưu lúc {when}.")
                            .format(when=good.taken_at.strftime("%H:%M %d/%m/%Y")))
    return True


def check_in_background(window, desk) -> None:
    """SQLite's full check of the register while the officer already works (it reads every page).

    Damage, and the newest good backup, are found in the background (app/integrity.py) and shown by
    the window's one error path (ui/errors.show_error), which offers the restore.
    """
    from app.integrity import full_check

    desk.run(lambda progress: full_check(desk.Session), None, parent=window)
