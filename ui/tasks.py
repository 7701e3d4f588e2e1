"""Run register work off the UI thread.

The officer never waits on a frozen window: work runs in the thread pool,
with its own Session, and its result comes back to the UI thread through a
queued signal. A progress dialog appears only if the work takes longer than
about half a second (Anki's rule), and offers Cancel only when the work
checks the cancel token.
"""

from __future__ import annotations

import gc
import logging
import threading

import shiboken6
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import AppError
from ui.i18n import tr

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500


class Cancelled(Exception):
    """The officer pressed Cancel; the work stopped and changed nothing."""


@dataclass
class Progress:
    """Handed to the work: report how far it got, and ask whether to stop."""

    _cancel: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[int, int, str], None] | None = None

    def update(self, done: int, total: int, text: str = "") -> None:
        if self._report:
            self._report(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


# Python's cyclic garbage collector runs in whichever thread happens to allocate. Run in a worker, it
# may finalise a Qt object that belongs to the UI thread, and PySide crashes (seen: a segfault in
# "Garbage-collecting" under the demo generator). While any job runs, automatic collection waits;
# it resumes, in the UI thread's allocations, as soon as the last job ends.
_gc_lock = threading.Lock()
_jobs_running = 0


def _worker_started() -> None:
    global _jobs_running
    with _gc_lock:
        if _jobs_running == 0:
            gc.disable()
        _jobs_running += 1


def _worker_finished() -> None:
    global _jobs_running
    with _gc_lock:
        _jobs_running -= 1
        if _jobs_running == 0:
            gc.enable()


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, signals: _Signals):
        super().__init__()
        self.work, self.progress, self.signals = work, progress, signals
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        _worker_started()
        try:
            result = self.work(self.progress)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the UI thread
            outcome = (self.signals.failed, error)
        else:
            # Boxed: PySide 6.12 miscounts references to a bare None sent through a Signal(object),
            # which crashed the interpreter at exit.
            outcome = (self.signals.finished, (result,))
        try:
            outcome[0].emit(outcome[1])
        except RuntimeError:
            pass  # the application is closing and the receiver is gone: nobody waits for this answer
        finally:
            _worker_finished()


class TaskRunner(QObject):
    """Starts jobs and keeps them alive until their result is delivered."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._alive: set[_Signals] = set()

    @property
    def busy(self) -> int:
        return len(self._alive)

    def run(self, work: Callable[[Progress], Any], on_done: Callable[[Any], None] | None = None, *,
            on_error: Callable[[BaseException], None] | None = None, parent: QWidget | None = None,
            label: str | None = None, cancellable: bool = False) -> Progress:
        signals = _Signals()
        progress = Progress()
        dialog: list[QProgressDialog] = []
        timer = QTimer(signals)
        timer.setSingleShot(True)
        latest = [0, 0, ""]

        def show_dialog() -> None:
            if signals not in self._alive or label is None:
                return
            box = QProgressDialog(label, tr("Hủy") if cancellable else "", 0, 0, parent)
            box.setWindowTitle(tr("Đang xử lý"))
            box.setWindowModality(Qt.WindowModal)
            box.setMinimumDuration(0)
            box.setAutoClose(False)
            box.setAutoReset(False)
            if not cancellable:
                box.setCancelButton(None)
            box.canceled.connect(progress._cancel.set)
            dialog.append(box)
            on_progress(*latest)
            box.show()

        def on_progress(done: int, total: int, text: str) -> None:
            latest[:] = [done, total, text]
            if dialog:
                dialog[0].setMaximum(max(total, 0))
                dialog[0].setValue(min(done, total) if total else 0)
                if text:
                    dialog[0].setLabelText(text)

        def close() -> None:
            timer.stop()
            self._alive.discard(signals)
            if dialog:
                dialog[0].close()
                dialog[0].deleteLater()
            signals.deleteLater()

        def finished(boxed: tuple) -> None:
            close()
            if on_done and _alive(on_done, parent):
                on_done(boxed[0])

        def failed(error: BaseException) -> None:
            close()
            if isinstance(error, Cancelled) or not _alive(on_error, parent):
                return
            from ui.errors import is_damaged_register, show_error

            if on_error and not is_damaged_register(error):   # damage always gets the restore offer
                on_error(error)
            else:
                show_error(parent, error)

        progress._report = signals.progressed.emit
        signals.progressed.connect(on_progress)
        signals.finished.connect(finished)
        signals.failed.connect(failed)
        timer.timeout.connect(show_dialog)
        self._alive.add(signals)
        timer.start(PROGRESS_DELAY_MS)
        self.pool.start(_Job(work, progress, signals))
        return progress


def _alive(callback: Callable | None, parent: QWidget | None) -> bool:
    """False once the widget that asked is gone: its answer has nowhere to go.

    Looks at the bound method's object, the parent, and the Qt objects a lambda closes over
    (a timer's backup job may answer after its window was closed).
    """
    owners = [getattr(callback, "__self__", None), parent]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            owners.append(cell.cell_contents)
        except ValueError:  # an empty cell
            continue
    return all(shiboken6.isValid(obj) for obj in owners if isinstance(obj, QObject))


def describe(error: BaseException) -> str:
    if isinstance(error, AppError):
        return str(error)
    return tr("Lỗi không mong đợi, thao tác chưa hoàn tất. Chi tiết đã ghi vào nhật ký.")
