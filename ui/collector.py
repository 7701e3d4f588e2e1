"""Cyclic garbage is collected on the UI thread only.

Python's automatic collector runs on whichever thread happens to allocate when a threshold is
crossed. On the database lane that can be in the middle of loading rows, and if the garbage it finds
holds a Qt object of the UI thread (a dialog in a cycle with a lambda connected to its signal), PySide
destroys that object off its thread and the process dies with a segmentation fault (seen in CI: "Fatal
Python error: Segmentation fault ... Garbage-collecting" under ``app/audit.history`` on the lane).

So in a process that shows windows automatic collection is switched off and this object collects on
the UI thread instead, on a timer, generation by generation with the interpreter's own thresholds
(the approach of pyqtgraph's and Eric's garbage collectors). Reference counting still frees almost
everything at once; only cycles wait for the next tick. Command-line runs never import this and keep
the automatic collector.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thread_id = threading.get_ident()
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> int:
        """Collect what the interpreter would have collected by now; returns the objects found."""
        if threading.get_ident() != self.thread_id:
            return 0  # never collect on another thread: that is the whole point
        count0, count1, count2 = gc.get_count()
        found = 0
        if count0 > self.threshold[0]:
            found += gc.collect(0)
            if count1 > self.threshold[1]:
                found += gc.collect(1)
                if count2 > self.threshold[2]:
                    found += gc.collect(2)
        return found


def install(app: QCoreApplication) -> UiThreadCollector:
    """Once per application, from the UI thread; later calls return the same collector."""
    existing = app.findChild(UiThreadCollector)
    if existing is not None:
        return existing
    return UiThreadCollector(app)
