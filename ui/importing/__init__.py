"""The import dialogs, reached from the File menu (a WINDOW_HOOKS entry)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ui.i18n import tr


def hook(window, desk) -> None:
    menu = window.menus["file"]
    first = menu.actions()[0] if menu.actions() else None
    dossiers = QAction(tr("Nhập hồ sơ từ tệp Excel/CSV…"), window)
    dossiers.setObjectName("import-dossiers")
    dossiers.setShortcut(QKeySequence("Ctrl+I"))
    dossiers.triggered.connect(lambda: open_import_dialog(window, desk, "dossiers"))
    catalog = QAction(tr("Nhập danh mục thủ tục…"), window)
    catalog.setObjectName("import-catalog")
    catalog.triggered.connect(lambda: open_import_dialog(window, desk, "catalog"))
    menu.insertAction(first, dossiers)
    menu.insertAction(first, catalog)
    if first is not None:
        menu.insertSeparator(first)


def open_import_dialog(window, desk, kind: str):
    from ui.importing.dialog import ImportDialog

    dialog = ImportDialog(desk, kind, window)
    dialog.show()
    return dialog
