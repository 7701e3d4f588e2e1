"""Menu actions of issue 8: backups and restore, the audit check, accounts, language, About.

Installed through WINDOW_HOOKS (ui/pages/__init__.py); the main window is not edited.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app import accounts, upkeep
from app import audit as audit_view
from app.permissions import Permission, require
from ui.about import AboutDialog, app_icon
from ui.errors import show_error
from ui.file_choosers import open_file
from ui.i18n import LANGUAGES, choose_language, chosen_language, thousands, tr

log = logging.getLogger(__name__)
DAILY_CHECK_MS = 60 * 60 * 1000   # once an hour, see whether today's backup exists


def hook(window, desk) -> None:
    window.setWindowIcon(app_icon())
    path = upkeep.register_file(desk.Session)
    tools, help_ = window.menus["tools"], window.menus["help"]

    def add(menu, text, slot, name):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        window.admin_actions[name] = action
        return action

    window.admin_actions = {}
    if path is not None:
        add(tools, tr("Sao lưu ngay"), lambda: backup_now(window, desk), "backup_now")
        add(tools, tr("Khôi phục từ bản sao lưu…"), lambda: restore_from(window, desk), "restore")
    add(tools, tr("Kiểm tra nhật ký thay đổi"), lambda: verify_audit(window, desk), "verify_audit")
    add(tools, tr("Tài khoản cán bộ…"), lambda: manage_users(window, desk), "users")
    add(tools, tr("Đổi mật khẩu…"), lambda: change_own_password(window, desk), "password")
    add(tools, tr("Xóa dữ liệu mẫu"), lambda: remove_demo_data(window, desk), "remove_demo")
    languages = tools.addMenu(tr("Ngôn ngữ"))
    group = QActionGroup(window)
    for code, name in LANGUAGES.items():
        action = QAction(name, window, checkable=True)
        action.setChecked(code == chosen_language())
        action.triggered.connect(lambda _=False, c=code: _set_language(window, c))
        group.addAction(action)
        languages.addAction(action)
    add(help_, tr("Giới thiệu MotCua Desk"), lambda: AboutDialog(upkeep.register_label(desk.Session),
                                                                 window).exec(), "about")

    # Who is working, in the status bar; actions the role may not use are hidden (app/ refuses them anyway).
    from PySide6.QtWidgets import QLabel

    from app.permissions import allowed

    guarded = (("restore", Permission.RESTORE_BACKUP), ("users", Permission.MANAGE_USERS),
               ("remove_demo", Permission.MANAGE_SETTINGS))
    for name, _permission in guarded:   # hidden until the role is known (read on the database lane)
        if name in window.admin_actions:
            window.admin_actions[name].setVisible(False)

    def show_user(me) -> None:
        if me is None:
            for name, _permission in guarded:
                if name in window.admin_actions:
                    window.admin_actions[name].setVisible(True)   # no accounts: the machine owner's tool
            return
        role = {"officer": tr("Cán bộ tiếp nhận"), "head": tr("Lãnh đạo đơn vị"),
                "admin": tr("Quản trị viên")}[me.role.value]
        who = QLabel(tr("Đăng nhập: {name} ({role})").format(name=me.display, role=role))
        who.setObjectName("logged_in_user")
        window.statusBar().addPermanentWidget(who)
        for name, permission in guarded:
            if name in window.admin_actions:
                window.admin_actions[name].setVisible(allowed(me.role.value, permission))

    user_id = desk.user_id
    desk.read(lambda session, ctx: accounts.get_user(session, user_id) if user_id is not None else None, show_user,
              parent=window)

    import os

    if os.environ.get("MOTCUA_SMOKE_SCREENSHOT"):
        _smoke_test(window, os.environ["MOTCUA_SMOKE_SCREENSHOT"])

    if path is not None:   # the daily backup: soon after start, then checked every hour
        def daily():
            desk.run(lambda progress: upkeep.daily_backup_if_due(path, desk.clock.now()),
                     lambda info: log.info("Daily backup: %s", info.path if info else "already done today"),
                     on_error=lambda error: window.statusBar().showMessage(
                         tr("Sao lưu hằng ngày không thành công: {error}").format(error=error), 15000))
        timer = QTimer(window)
        timer.setInterval(DAILY_CHECK_MS)
        timer.timeout.connect(daily)
        timer.start()
        QTimer.singleShot(3000, daily)
        window.backup_timer = timer


def _smoke_test(window, target: str) -> None:
    """MOTCUA_SMOKE_SCREENSHOT=file.png: save the window once it has drawn, then quit (checks a frozen build)."""
    from PySide6.QtWidgets import QApplication

    def shoot():
        window.grab().save(target)
        QApplication.instance().quit()

    QTimer.singleShot(2500, shoot)


def _set_language(window, code: str) -> None:
    choose_language(code)
    QMessageBox.information(window, tr("Ngôn ngữ"), tr("Ngôn ngữ mới được dùng từ lần mở ứng dụng sau."))


def backup_now(window, desk) -> None:
    path = upkeep.register_file(desk.Session)

    def done(info):
        QMessageBox.information(window, tr("Đã sao lưu"), tr("Đã sao lưu và kiểm tra toàn vẹn:\n{file}")
                                .format(file=info.path))

    def work(progress):
        with desk.Session() as session:
            return upkeep.backup_now(session, desk.context(session), path)

    desk.run(work, done, parent=window, label=tr("Đang sao lưu sổ hồ sơ…"),
             on_error=lambda error: QMessageBox.warning(window, tr("Không sao lưu được"), str(error)))


def restore_from(window, desk, chosen: str | None = None, confirm: bool = True) -> bool:
    """Check the permission, pick a backup, confirm, keep the current state, put the backup in place
    (app/upkeep.restore_backup checks the permission again at the moment it restores)."""
    path = upkeep.register_file(desk.Session)
    try:
        with desk.Session() as session:
            upkeep.may_restore(session, desk.context(session))
    except Exception as error:  # noqa: BLE001 - PermissionDenied is shown like any AppError
        show_error(window, error)
        return False
    if chosen is None:
        chosen = open_file(window, tr("Chọn bản sao lưu"), tr("Sổ hồ sơ SQLite (*.sqlite3)"),
                           upkeep.backup_folder(path))
        if not chosen:
            return False
    if confirm and QMessageBox.question(
            window, tr("Khôi phục sổ hồ sơ"),
            tr("Thay toàn bộ sổ hồ sơ hiện tại bằng bản sao lưu\n{file}?\n\nTrạng thái hiện tại sẽ được sao lưu "
               "trước; những gì nhập sau thời điểm sao lưu sẽ không còn trong sổ.").format(file=chosen)) \
            != QMessageBox.Yes:
        return False
    desk.tasks.wait_idle(30_000)   # no background query may hold the file
    from ui.desk import Changes

    def work(progress):
        return upkeep.restore_backup(desk.Session, desk.clock, desk.user_id, chosen)

    def done(before):
        desk.announce(Changes(dossiers=True, letters=True, settings=True, reason="restore"))
        QMessageBox.information(window, tr("Đã khôi phục"), tr("Đã khôi phục sổ hồ sơ. Trạng thái trước đó được "
                                                              "lưu tại:\n{file}").format(
            file=before.path if before else "—"))
        outcome.append(True)

    def failed(error):
        QMessageBox.warning(window, tr("Không khôi phục được"), str(error))
        outcome.append(False)

    outcome: list[bool] = []
    # A big register takes a while (three checks and two copies): in the background, behind a modal progress.
    desk.run(work, done, parent=window, label=tr("Đang khôi phục sổ hồ sơ…"), on_error=failed)
    return True


def verify_audit(window, desk) -> None:
    def query(session, ctx):
        return audit_view.verify_chain(session)

    def done(report):
        if report.intact:
            QMessageBox.information(window, tr("Nhật ký thay đổi"), report.text)
        else:
            QMessageBox.critical(window, tr("Nhật ký thay đổi"), report.text)

    desk.read(query, done, parent=window, label=tr("Đang kiểm tra chuỗi băm của nhật ký…"))


def change_own_password(window, desk) -> None:
    old, ok = QInputDialog.getText(window, tr("Đổi mật khẩu"), tr("Mật khẩu hiện tại:"), echo=_password_echo())
    if not ok:
        return
    new, ok = QInputDialog.getText(window, tr("Đổi mật khẩu"), tr("Mật khẩu mới (ít nhất 8 ký tự):"),
                                   echo=_password_echo())
    if not ok:
        return
    desk.write(lambda session, ctx: accounts.set_password(session, ctx, ctx.user_id, new, old_password=old),
               lambda _: QMessageBox.information(window, tr("Đổi mật khẩu"), tr("Đã đổi mật khẩu.")),
               parent=window, on_error=lambda error: show_error(window, error))


def _password_echo():
    from PySide6.QtWidgets import QLineEdit

    return QLineEdit.Password


def manage_users(window, desk) -> None:
    from ui.users import UsersDialog

    def check(session, ctx) -> None:
        require(session, ctx, Permission.MANAGE_USERS)

    desk.read(check, lambda _ok: UsersDialog(desk, window).exec(), parent=window,
              on_error=lambda error: show_error(window, error))


def remove_demo_data(window, desk) -> None:
    """*Công cụ › Xóa dữ liệu mẫu* (administrator): say how much there is, confirm, remove (app/demo_removal.py)."""
    from app import demo_removal
    from ui.desk import Changes

    def confirm(found) -> None:
        if found.empty:
            QMessageBox.information(window, tr("Xóa dữ liệu mẫu"), tr("Sổ không có dữ liệu mẫu."))
            return
        if QMessageBox.question(
                window, tr("Xóa dữ liệu mẫu"),
                tr("Xóa {dossiers} hồ sơ mẫu (cùng {letters} phiếu xin lỗi, lịch sử và các lần bổ sung) và danh mục "
                   "mẫu không còn dùng?\n\nHồ sơ thật và số phiếu đã cấp không thay đổi; việc xóa được ghi vào nhật "
                   "ký thay đổi.").format(dossiers=thousands(found.dossiers), letters=thousands(found.letters))) \
                != QMessageBox.Yes:
            return
        desk.write(demo_removal.remove, lambda result: QMessageBox.information(
            window, tr("Xóa dữ liệu mẫu"), result.message), parent=window,
            changes=Changes(dossiers=True, letters=True, settings=True, reason="demo-remove"),
            label=tr("Đang xóa dữ liệu mẫu…"), on_error=lambda error: show_error(window, error))

    # The permission is checked with the count, in the background (PermissionDenied shown like any error).
    desk.read(lambda session, ctx: demo_removal.scope(session, ctx), confirm, parent=window,
              label=tr("Đang tìm dữ liệu mẫu…"))
