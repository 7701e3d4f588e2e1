"""Start the Qt application: the officer's desk."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from app import command_name
from app.catalog import ensure_user, get_office
from ui.desk import Desk
from ui.errors import install_excepthook


def has_display() -> bool:
    """Qt aborts the whole process without a display; say so instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("MotCua")
    app.setApplicationName("MotCua Desk")
    if not getattr(app, "_motcua_ready", False):   # once per process: the language and the icon
        from ui import collector
        from ui.about import app_icon
        from ui.i18n import install_translators

        collector.install(app)   # cyclic garbage only on the UI thread (see ui/collector.py)
        install_translators(app)
        app.setWindowIcon(app_icon())
        app._motcua_ready = True
    return app


def build_window(Session, clock, user: str | None = None, user_id: int | None = None):
    """The window for an officer who has logged in (``user_id``); tests may name a ``user`` instead."""
    from ui.main_window import MainWindow

    with Session.begin() as session:
        if user_id is None:
            user_id = ensure_user(session, user or _login())
        office = get_office(session)
    desk = Desk(Session, clock, user_id)
    window = MainWindow(desk, office.name if office else "")
    return desk, window


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "can-bo"


def run_window(Session, clock, demo: bool = False, user: str | None = None, notices: list[str] = ()) -> int:
    """``notices``: what opening the register repaired (db/database.py), shown in the status bar."""
    if not has_display():
        print("Lỗi: Không tìm thấy màn hình để mở cửa sổ. Hãy chạy trên máy có giao diện đồ họa, "
              f"hoặc dùng các lệnh dòng lệnh ({command_name()} --help).", file=sys.stderr)
        return 2
    app = make_app()
    install_excepthook()
    if demo:
        from app.context import load_context
        from app.demo import generate

        with Session.begin() as session:
            ctx = load_context(session, clock)
            generate(session, ctx.calendar, clock.now(), 2000)
    from app.accounts import DEMO_ADMIN, DEMO_PASSWORD, demo_administrator
    from ui.i18n import tr
    from ui.login import login

    if demo:   # a throw-away register: log in as its administrator, and say how to log in again
        with Session.begin() as session:
            user_id = demo_administrator(session, clock)
    else:
        with Session() as session:
            office = get_office(session)
        user_id = login(Session, clock, user or "", office.name)
        if user_id is None:
            return 0
    desk, window = build_window(Session, clock, user_id=user_id)
    if demo:
        window.statusBar().showMessage(tr("Sổ mẫu: đã đăng nhập là quản trị viên “{name}”, mật khẩu “{password}”.")
                                       .format(name=DEMO_ADMIN, password=DEMO_PASSWORD))
    if notices:   # in Vietnamese from db/, like the messages of app/ errors
        window.statusBar().showMessage(" ".join(notices), 60_000)
    window.show()
    window.show_page("today")
    window.alerts.start()
    from ui.recovery import check_in_background

    check_in_background(window, desk)
    if not demo:
        from ui.first_run import offer_setup

        offer_setup(window, desk)
    return app.exec()
