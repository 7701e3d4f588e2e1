"""On start, a damaged register: offer the newest good backup instead of crashing."""

from __future__ import annotations


from PySide6.QtCore import Qt
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

    If it finds damage, the officer is told at once and offered the newest good backup.
    """
    path = upkeep.register_file(desk.Session)
    if path is None:
        return

    def found(report) -> None:
        if report is None:
            return
        window.integrity_problem = report
        box = QMessageBox(QMessageBox.Critical, tr("Sổ hồ sơ bị hỏng"), str(report), QMessageBox.NoButton, window)
        box.setObjectName("damagedBox")
        if report.good_backup is not None:
            restore = box.addButton(tr("Khôi phục bản sao lưu tốt gần nhất…"), QMessageBox.AcceptRole)
            from ui.admin_hooks import restore_from

            restore.clicked.connect(lambda: restore_from(window, desk, chosen=str(report.good_backup.path)))
        box.addButton(tr("Để sau"), QMessageBox.RejectRole)
        box.setWindowModality(Qt.WindowModal)
        box.open()

    desk.run(lambda progress: upkeep.integrity_report(path), found)
