"""English through the Qt translation files; Vietnamese by default, with Qt's own buttons in Vietnamese too."""

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ui.i18n import chosen_language, install_translators, tr, translations_dir


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
    qtbot.waitUntil(lambda: window.findChild(QLabel, "logged_in_user") is not None, timeout=5000)
    assert window.findChild(QLabel, "logged_in_user").text().startswith("Logged in: ")
    assert isinstance(QApplication.instance(), QApplication)
    qtbot.waitUntil(lambda: desk.tasks.busy == 0, timeout=10000)   # no answer may outlive the window


# --- the whole window in English -------------------------------------------------------------------------

# Letters only Vietnamese uses (ă â đ ê ô ơ ư) and every vowel with a tone mark, in both cases.
VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ"
                        "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                        "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]")


def _ts_messages():
    root = ET.parse(translations_dir() / "motcua_en.ts").getroot()
    return {m.findtext("source"): m.find("translation") for m in root.iter("message")}


def test_every_label_of_the_domain_is_listed_and_translated():
    """A label added to an app/ enum or table must be added to ui/i18n_catalog.py (and then translated)."""
    from ui.i18n_catalog import CATALOG, app_labels

    labels = app_labels()
    assert len(labels) > 80
    assert [label for label in labels if label not in CATALOG] == [], "add them to ui/i18n_catalog.py"
    messages = _ts_messages()
    assert [label for label in labels if label not in messages] == [], "run scripts/update_translations.sh"


def test_no_string_is_left_untranslated():
    messages = _ts_messages()
    unfinished = [source for source, t in messages.items() if t.get("type") == "unfinished" or not (t.text or "")]
    assert unfinished == []
    for source, t in messages.items():   # placeholders survive translation
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", t.text)), source


# The register's own data (the catalog fixture's units, fields, procedures, officer) stays as entered.
DATA = ("Bộ phận Địa chính - Đất đai", "Phòng Tư pháp - Hộ tịch", "Cấp Giấy xác nhận tình trạng hôn nhân",
        "Chứng thực", "Hộ tịch", "Đất đai", "Nguyễn Thị Lan", "Mai Anh")


def _without_data(texts):
    out = []
    for text in texts:
        for name in DATA:
            text = (text or "").replace(name, "")
        out.append(text)
    return out


def test_every_string_of_the_window_is_in_the_translation_file(tmp_path):
    """A new tr("…") that nobody extracted and translated fails here (run scripts/update_translations.sh)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate not found"
    sources = sorted(str(p) for p in (root / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-source-language", "vi_VN", "-target-language", "en", "-ts", str(fresh)],
                   check=True, capture_output=True)
    extracted = {m.findtext("source") for m in ET.parse(fresh).getroot().iter("message")}
    assert len(extracted) > 400
    assert sorted(extracted - set(_ts_messages())) == []


def _vietnamese(texts):
    return [text for text in texts if VIETNAMESE.search(text or "")]


def _header_texts(view):
    from PySide6.QtCore import Qt

    model = view.model()
    return [str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "") for c in range(model.columnCount())]


def test_every_page_of_the_window_speaks_english(qtbot, Session, clock, catalog, english):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTableView, QTabWidget

    from ui.application import build_window

    desk, window = build_window(Session, clock, "can-bo-a")
    qtbot.addWidget(window)
    window.show()
    texts = [window.windowTitle().split(" — ")[0]]
    texts += [window.nav.item(i).text() for i in range(window.nav.count())]
    for menu in window.menus.values():
        texts.append(menu.title())
        texts += [action.text() for action in menu.actions()]
    for key, page in window.pages.items():
        window.show_page(key)
        qtbot.wait(50)
        texts += [w.text() for w in page.findChildren(QLabel) if w.objectName() != "logged_in_user"]
        texts += [w.text() for w in page.findChildren(QAbstractButton)]
        texts += [w.title() for w in page.findChildren(QGroupBox)]
        texts += [w.placeholderText() for w in page.findChildren(QLineEdit)]
        for combo in page.findChildren(QComboBox):
            texts += [combo.itemText(i) for i in range(combo.count())]
        for view in page.findChildren(QTableView):
            texts += _header_texts(view)
        for tabs in page.findChildren(QTabWidget):
            texts += [tabs.tabText(i) for i in range(tabs.count())]
    today = window.pages["today"]
    qtbot.waitUntil(lambda: today.summary_data is not None, timeout=5000)
    texts.append(today.heading.text())
    texts += [card.text() for card in today.cards.values()]
    texts += [window.status_counts.text()]
    qtbot.waitUntil(lambda: desk.tasks.busy == 0, timeout=10000)
    assert _vietnamese(_without_data(texts)) == []
    assert "Wednesday" in today.heading.text()
    assert any("Apology letter due today" in card.text() for card in today.cards.values())
    register = window.pages["register"]
    assert _header_texts(register.table)[:3] == ["Warning", "Dossier code", "Applicant"]


def test_the_receive_dialog_and_the_dossier_form_in_english(qtbot, Session, clock, catalog, english):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QFormLayout, QLabel, QTabWidget

    from tests.support.typing import type_text
    from ui.application import build_window

    desk, window = build_window(Session, clock, "can-bo-a")
    qtbot.addWidget(window)
    window.show()
    window.receive_action.trigger()
    dialog = window.receive_dialog
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=5000)
    type_text(dialog.procedure, "P3")
    qtbot.waitUntil(lambda: dialog.procedure.current is not None, timeout=2000)
    assert "Monday, 30/11/2026 at 17:00 (3 working days" in dialog.due_label.text()

    def form_texts(widget):
        texts = [widget.windowTitle()]
        for form in widget.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.LabelRole)
                if label is not None and label.widget() is not None:
                    texts.append(label.widget().text())
        texts += [w.text() for w in widget.findChildren(QAbstractButton)]
        texts += [w.text() for w in widget.findChildren(QLabel) if w is not dialog.procedure]
        for combo in widget.findChildren(QComboBox):
            texts += [combo.itemText(i) for i in range(combo.count())]
        return texts

    assert _vietnamese(form_texts(dialog)) == []
    type_text(dialog.applicant_name, "Mai Anh")
    received = []
    dialog.received.connect(received.append)
    dialog.print_receipt.setChecked(False)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    qtbot.waitUntil(lambda: received[0] in window.dossier_windows, timeout=5000)
    form = window.dossier_windows[received[0]]
    qtbot.waitUntil(lambda: getattr(form, "page", None) is not None, timeout=5000)
    tabs = form.findChild(QTabWidget)
    texts = [tabs.tabText(i) for i in range(tabs.count())] + form_texts(form)
    assert _vietnamese(_without_data(texts)) == []
    assert "3 working days" in form.facts.text()
    qtbot.waitUntil(lambda: desk.tasks.busy == 0, timeout=10000)
