"""The contract of a main-window page."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from ui.desk import Changes, Desk


class Page(QWidget):
    key: ClassVar[str] = ""          # stable id, used by desk.show_page and saved layouts
    title: ClassVar[str] = ""        # Vietnamese, marked QT_TR_NOOP("…") where defined; tr() when shown
    shortcut: ClassVar[str] = ""     # e.g. "Ctrl+1"; the main window assigns them in order when empty

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self._stale = True
        desk.changed.connect(self._on_changed)

    # A page refreshes lazily: only when shown, or at once if it is the one on screen.
    def refresh(self) -> None:
        """Reload what the page shows (in the background, through desk.read)."""

    def activate(self, argument: object = None) -> None:
        """Called when the page is brought forward, with desk.show_page's argument."""
        if self._stale:
            self._stale = False
            self.refresh()

    def touches(self, changes: Changes) -> bool:
        return True

    def _on_changed(self, changes: Changes) -> None:
        if not self.touches(changes):
            return
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True
