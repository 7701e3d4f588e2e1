"""Qt's own dialogs speak Vietnamese (issue 18.2: Qt ships no Vietnamese, resources/translations/qtbase_vi.ts
does), and every file or folder chooser starts in the last folder used or in Documents, never in the
program's own folder (issue 18.2, 19.13)."""

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from ui import file_choosers
from ui.i18n import _installed, install_translators, translations_dir

# Words that are the same in both languages (a format, a unit, Qt's own paper sizes).
SAME_IN_BOTH = {"PDF", "pdf", "Alt", "Left", "Right", "Up", "mm"}


@pytest.fixture
def vietnamese(qapp):
    if not (translations_dir() / "qtbase_vi.qm").exists():
        pytest.fail("resources/translations/qtbase_vi.qm is missing: scripts/setup.sh builds it")
    install_translators(qapp, "vi")
    yield
    install_translators(qapp, "vi")


def _texts(dialog: QWidget) -> list[str]:
    """What an officer reads in a dialog: titles, labels, buttons, choices, tabs, column headers, tips."""
    texts = [dialog.windowTitle()]
    for child in dialog.findChildren(QWidget):
        texts.append(child.toolTip())
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QComboBox) and child.objectName() != "lookInCombo":   # not the folder's path
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(c, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Horizontal) or "")
                      for c in range(model.columnCount())]
    return [text for text in texts if text]


def _words(texts: list[str]) -> set[str]:
    return {word for text in texts for word in re.findall(r"[A-Za-z]{2,}", text.replace("&", ""))} - SAME_IN_BOTH


def _english_words(qapp, make) -> set[str]:
    """The words the same dialog shows with no translation installed."""
    for translator in list(_installed):
        qapp.removeTranslator(translator)
    try:
        dialog = make()
        words = _words(_texts(dialog))
        dialog.deleteLater()
        return words
    finally:
        for translator in _installed:
            qapp.installTranslator(translator)


def _print_dialog():
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    dialog.printer_kept = printer   # the dialog holds a pointer only
    dialog.show()
    for button in dialog.findChildren(QAbstractButton):   # "Options >>": the output settings too
        if "Options" in button.text() or "chọn" in button.text():
            button.click()
    return dialog


def _folder_chooser(folder):
    def make():
        dialog = QFileDialog(None, "", str(folder))
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.Directory)
        dialog.show()
        return dialog
    return make


def _save_chooser(folder):
    def make():
        dialog = QFileDialog(None, "", str(folder), "PDF (*.pdf)")
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.show()
        return dialog
    return make


def _question():
    box = QMessageBox(QMessageBox.Question, "", "?", QMessageBox.Yes | QMessageBox.No | QMessageBox.Save
                      | QMessageBox.Discard | QMessageBox.Cancel | QMessageBox.Close | QMessageBox.Ok)
    box.setDetailedText("…")
    box.show()
    return box


@pytest.mark.parametrize("which", ["print", "folder", "save", "message"])
def test_qt_dialogs_show_no_english_word(qtbot, qapp, vietnamese, tmp_path, which):
    folder = tmp_path / "Báo cáo"
    folder.mkdir()
    make = {"print": _print_dialog, "folder": _folder_chooser(folder), "save": _save_chooser(folder),
            "message": _question}[which]
    english = _english_words(qapp, make)
    assert len(english) >= 3, english   # the dialog was really read
    dialog = make()
    qtbot.addWidget(dialog)
    left = _words(_texts(dialog)) & english
    assert not left, sorted(left)


def test_the_print_dialog_in_words_an_officer_knows(qtbot, vietnamese):
    dialog = _print_dialog()
    qtbot.addWidget(dialog)
    texts = _texts(dialog)
    assert {"Máy in", "&Thuộc tính", "Số bản:", "In tất cả"} <= set(texts), texts
    assert QCoreApplication.translate("QFileDialog", "%1 already exists.\nDo you want to replace it?") \
        .startswith("%1 đã có.")


def test_choosers_start_in_documents_then_in_the_last_folder_used(qtbot, tmp_path, monkeypatch):
    starts = []
    reports = tmp_path / "Báo cáo ngày"
    reports.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda parent, title, start: starts.append(start) or str(reports))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: starts.append(start) or ("", ""))
    assert file_choosers.choose_folder(None, "Thư mục") == str(reports)
    assert starts[0] == file_choosers.documents_folder()
    assert Path(starts[0]).resolve() != Path(os.getcwd()).resolve()   # not the program's folder
    file_choosers.save_file(None, "Lưu", "bieu-II.06a.xlsx", "Excel (*.xlsx)")
    assert starts[1] == str(reports / "bieu-II.06a.xlsx")              # where the last one was chosen
    (reports).rename(tmp_path / "gone")                                 # a folder since removed: Documents again
    file_choosers.save_file(None, "Lưu", "a.pdf", "PDF (*.pdf)")
    assert Path(starts[2]).parent == Path(file_choosers.documents_folder())


def test_the_preview_saves_beside_the_last_folder_not_in_the_working_folder(qtbot, tmp_path, monkeypatch):
    from ui.letters.preview import PdfPreviewDialog

    chosen = []
    file_choosers.remember(tmp_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: chosen.append(start) or ("", ""))
    dialog = PdfPreviewDialog(b"", "Phiếu", "phieu-xin-loi-30.pdf")
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert chosen == [str(tmp_path / "phieu-xin-loi-30.pdf")]
