"""English through the Qt translation files; Vietnamese by default, with Qt's own buttons in Vietnamese too."""

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ui.i18n import chosen_language, install_translators, translations_dir, tr


@pytest.fixture
def english(qapp):
    if not (translations_dir() / "motcua_en.qm").exists():
        pytest.fail("resources/translations/motcua_en.qm is missing: scripts/setup.sh builds it")
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "vi")


def test_vietnamese_is_the_default_and_qt_buttons_speak_it(qapp):
    assert chosen_language() == "vi"
    install_translators(qapp, "vi")
    assert tr("Nhật ký thay đổi") == "Nhật ký thay đổi"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert QCoreApplication.translate("QMessageBox", "Show Details...") == "Xem chi tiết…"


def test_the_window_in_english(qtbot, Session, clock, catalog, english):
    from PySide6.QtWidgets import QLabel

    from ui.application import build_window

    desk, window = build_window(Session, clock, "can-bo-a")
    qtbot.addWidget(window)
    assert [window.menus[k].title() for k in ("file", "dossier", "tools", "help")] == \
        ["&File", "&Dossier", "&Tools", "&Help"]
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert {"Today", "Register", "Audit trail"} <= set(titles)
    assert window.admin_actions["backup_now"].text() == "Back up now"
    assert window.findChild(QLabel, "logged_in_user").text().startswith("Logged in: ")
    assert isinstance(QApplication.instance(), QApplication)
