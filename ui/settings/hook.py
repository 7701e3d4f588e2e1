"""Công cụ › Cài đặt… in the main window, and the window title that follows the office's name.

Installed through WINDOW_HOOKS (ui/pages/__init__.py)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from app.catalog import get_office
from ui.i18n import tr


def install(window, desk) -> None:
    action = QAction(tr("Cài đặt…"), window)
    action.setObjectName("openSettings")
    action.triggered.connect(lambda: open_settings(window, desk))
    tools = window.menus["tools"]
    first = tools.actions()[0] if tools.actions() else None
    tools.insertAction(first, action)
    if first is not None:
        tools.insertSeparator(first)
    window.settings_action = action

    def refresh_title(changes) -> None:
        if changes.settings:   # the office may have been set (first run) or renamed
            desk.read(lambda session, ctx: get_office(session).name, window.show_office)
    desk.changed.connect(refresh_title)


def open_settings(window, desk, page: str | None = None):
    from ui.settings.dialog import SettingsDialog

    dialog = getattr(window, "settings_dialog", None)
    if dialog is None or not dialog.isVisible():
        dialog = SettingsDialog(desk, window)
        window.settings_dialog = dialog
    if page:
        dialog.show_page(page)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
