"""Type text into a widget key by key, Vietnamese included.

QTest.keyClicks maps characters to keys through a table of ASCII only and
aborts the process on "Đ"; a key event carrying the text is what an input
method delivers anyway.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    widget.setFocus()
    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else (Qt.Key_Space if char == " " else 0)
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.NoModifier, char))
    QApplication.processEvents()
