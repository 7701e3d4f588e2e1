"""Every file and folder chooser of the window starts where the officer last chose something, else in the
Documents folder: never in the working folder, which for the built app is the program's own folder
(possibly C:\\Program Files, where nothing may be written). The folder chosen is remembered per user.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER = "files/last_folder"


def documents_folder() -> str:
    for location in (QStandardPaths.DocumentsLocation, QStandardPaths.HomeLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def start_folder(*preferred: str | Path | None) -> str:
    """The first of ``preferred`` that is a folder, else the last folder used, else Documents."""
    for candidate in (*preferred, QSettings().value(LAST_FOLDER, "") or ""):
        if candidate and Path(candidate).is_dir():
            return str(candidate)
    return documents_folder()


def remember(path: str | Path) -> None:
    """The folder of a chosen file (or the chosen folder itself) is where the next chooser starts."""
    chosen = Path(path)
    folder = chosen if chosen.is_dir() else chosen.parent
    if str(folder) and folder.is_dir():
        QSettings().setValue(LAST_FOLDER, str(folder))


def choose_folder(parent: QWidget | None, title: str, *preferred: str | Path | None) -> str:
    chosen = QFileDialog.getExistingDirectory(parent, title, start_folder(*preferred))
    if chosen:
        remember(chosen)
    return chosen


def open_file(parent: QWidget | None, title: str, filters: str, *preferred: str | Path | None) -> str:
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, start_folder(*preferred), filters)
    if chosen:
        remember(chosen)
    return chosen


def save_file(parent: QWidget | None, title: str, suggested_name: str, filters: str,
              *preferred: str | Path | None) -> tuple[str, str]:
    """(path, the filter chosen); the suggested name is offered inside the start folder."""
    name = Path(suggested_name)
    start = str(name) if name.is_absolute() else str(Path(start_folder(*preferred)) / name)
    chosen, chosen_filter = QFileDialog.getSaveFileName(parent, title, start, filters)
    if chosen:
        remember(chosen)
    return chosen, chosen_filter
