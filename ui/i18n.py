"""Every string the officer sees passes through ``tr`` so that it can be translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "MotCua"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
