"""Sổ hồ sơ: every dossier, paged lazily from SQL."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from ui.pages.base import Page


class RegisterPage(Page):
    key = "register"
    title = "Sổ hồ sơ"

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("…"))
