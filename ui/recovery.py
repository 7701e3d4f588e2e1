"""On start, a damaged register: offer the newest good backup instead of crashing."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db import backup
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
        backup.restore(damaged.path, good.path, clock.now())
    except backup.BackupError as error:
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
    from db.database import damaged, sqlite_path

    bind = desk.Session.kw.get("bind")
    path = sqlite_path(bind.url.render_as_string(hide_password=False)) if bind is not None else None
    if path is None:
        return

    def found(problem: str | None) -> None:
        if problem is None:
            return
        report = damaged(path, problem)
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

    desk.run(lambda progress: backup.integrity_problem(path, quick=True), found)
