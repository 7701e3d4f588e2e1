"""On a shared register, what other desks change reaches this window within seconds.

A light poll: every few seconds, in the background, the newest audit event's
number (``app.audit.change_mark``); when it moved and this desk did not just
make the change itself, every view is told that dossiers and letters changed,
through the desk's one ``changed`` signal. Only on a server: a SQLite register
belongs to one desk. A failed poll (the server restarting) is logged, not shown;
the next one tries again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from app import upkeep
from app.audit import change_mark
from ui.desk import Changes, Desk

POLL_MS = 5000
REMOTE = "remote"
log = logging.getLogger(__name__)


def wanted(desk: Desk) -> bool:
    return upkeep.is_shared(desk.Session)


class RemoteChanges(QObject):
    def __init__(self, desk: Desk, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.desk = desk
        self.mark: int | None = None
        self.busy = False
        self.rebase = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        desk.changed.connect(self._on_changed)

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def _on_changed(self, changes: Changes) -> None:
        if changes.reason != REMOTE:
            self.rebase = True  # our own change moved the mark: take the new one without announcing it

    def poll(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.rebase_at_start = self.rebase
        self.rebase = False

        def work(_progress):
            with self.desk.Session() as session:
                return change_mark(session)

        self.desk.tasks.run(work, self._got, on_error=self._failed)

    def _got(self, mark: int) -> None:
        self.busy = False
        if self.mark is not None and mark != self.mark and not (self.rebase_at_start or self.rebase):
            self.desk.announce(Changes(dossiers=True, letters=True, reason=REMOTE))
        self.mark = mark

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        log.warning("Không kiểm tra được thay đổi từ máy khác: %s", error)
