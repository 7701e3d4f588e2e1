"""Every window and dialog fits the screen it opens on (a 1366×768 office laptop, 125 % scaling).

Qt moves a top-level window that is taller than the screen but never shrinks it: its buttons and the
status bar end up under the taskbar. So every window asks for its preferred size through
``fit_to_screen`` (never a bare ``resize``), which keeps it inside the screen's *available* geometry
(without the taskbar), and a dialog whose content may be taller than that puts it in ``scrolling``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Around a window's geometry the system draws a border and a title bar (Windows 10/11: ~8 px a side,
# ~31 px of title at 100 %): what must also fit on the screen.
FRAME = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may use (the taskbar excluded): the screen of the widget's parent
    window, else its own, else the primary one. (Tests replace this function to stand on a small screen.)"""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = parent.window().screen() if parent is not None else widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, 1366, 728)
    return screen.availableGeometry()


def room(widget: QWidget | None = None) -> QSize:
    """The largest size (without the frame) a window can take on its screen."""
    area = available_geometry(widget)
    return QSize(max(200, area.width() - FRAME.width()), max(200, area.height() - FRAME.height()))


def fit_to_screen(widget: QWidget, preferred: QSize | tuple[int, int]) -> QSize:
    """Resize ``widget`` to ``preferred`` or to what its screen has room for, whichever is smaller; a
    minimum size set by hand above that room is lowered to it; a visible window outside the area is moved
    back inside. Returns the size given."""
    width, height = (preferred.width(), preferred.height()) if isinstance(preferred, QSize) else preferred
    space = room(widget)
    if widget.minimumWidth() > space.width():
        widget.setMinimumWidth(space.width())
    if widget.minimumHeight() > space.height():
        widget.setMinimumHeight(space.height())
    size = QSize(min(width, space.width()), min(height, space.height()))
    widget.resize(size)
    if widget.isWindow() and widget.isVisible():
        keep_inside(widget)
    return size


def keep_inside(widget: QWidget) -> None:
    """Shrink and move a top-level window (e.g. its geometry restored from a larger monitor) into the
    available area of its screen."""
    space = room(widget)
    if widget.width() > space.width() or widget.height() > space.height():
        widget.resize(min(widget.width(), space.width()), min(widget.height(), space.height()))
    area = available_geometry(widget)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.x() + area.width() - widget.width() - FRAME.width())
    y = min(max(frame.y(), area.y()), area.y() + area.height() - widget.height() - FRAME.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(area.x(), x), max(area.y(), y))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` inside a frameless scroll area that scrolls only when the screen is too small for it."""
    area = QScrollArea()
    area.setFrameShape(QFrame.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area
