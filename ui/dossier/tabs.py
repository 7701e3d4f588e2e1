"""The contract of a dossier-form tab."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from app.dossiers import DossierView
from ui.desk import Desk


class DossierTab(QWidget):
    title: ClassVar[str] = ""        # Vietnamese, shown through tr()

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.view: DossierView | None = None

    def load(self, view: DossierView) -> None:
        """Show this dossier. Called on open and after every change to it (the view is fresh)."""
        self.view = view
