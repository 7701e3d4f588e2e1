"""When the window may interrupt the officer with a message of its own (a reminder, a notice).

Never over another dialog, above all the first-run ones (the administrator's account, the office),
and never before the office exists: what would a reminder to send "the office's" report mean then?
Whoever is told to wait tries again at their next check.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog


def dialog_open(window=None) -> bool:
    """A dialog (modal or not, the progress of a background job aside) is on screen."""
    if QApplication.activeModalWidget() is not None:
        return True
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and not isinstance(widget, QProgressDialog) and widget.isVisible():
            return True
    first_run = getattr(window, "first_run_dialog", None)
    try:
        return first_run is not None and first_run.isVisible()
    except RuntimeError:   # the dialog was deleted
        return False


def office_exists(session) -> bool:
    from app.catalog import get_office

    return bool(get_office(session).name)
