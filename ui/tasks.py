"""Run register work off the UI thread.

The officer never waits on a frozen window: work runs on the desk's one
database thread, each job with its own Session, and its result comes back to the UI thread through a
queued signal. A progress dialog appears only if the work takes longer than
about half a second (Anki's rule), and offers Cancel only when the work
checks the cancel token.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
import traceback
import weakref
from dataclasses import dataclass, field
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
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


# Why the worker never holds the last reference to anything of the UI thread's: a Python object
# whose last reference dies in a worker is destroyed there, and a Qt object destroyed off its own
# thread crashes PySide (seen once as a segfault while the demo generator ran). So the runner keeps
# every job's callable, callbacks and widgets in ``_jobs`` on the UI thread until its answer has
# been handled there; the worker lets go of the callable *before* it answers, answers through the
# one never-deleted object of the UI thread (``_Answers``) with only a job number and a plain value,
# and hands back errors without their traceback frames (which hold the callable's locals: pages,
# dialogs), the traceback kept as text in the error's notes for the log. Cyclic garbage is never
# collected on the lane: ui/collector.py collects it on the UI thread.


class _Lane:
    """The desk's one database thread: a plain Python thread taking jobs from a queue, one at a time.

    (Not a QThreadPool: a queued QRunnable's Python half could be collected before the pool ran it,
    "pure virtual method called"; a queue of Python callables has no such second owner.)
    """

    def __init__(self) -> None:
        self.jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self.thread = threading.Thread(target=self._loop, name="motcua-database-lane", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            job = self.jobs.get()
            try:
                if job is None:
                    return
                job()
            finally:
                del job  # nothing of the job survives it on this thread
                self.jobs.task_done()

    def submit(self, job: Callable[[], None]) -> None:
        self.jobs.put(job)

    def wait_idle(self, msecs: int) -> bool:
        deadline = time.monotonic() + msecs / 1000
        with self.jobs.all_tasks_done:
            while self.jobs.unfinished_tasks:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self.jobs.all_tasks_done.wait(remaining)
        return True

    def stop(self) -> None:
        self.jobs.put(None)


def _run_job(runner_key: int, job_id: int, work: Callable[[Progress], Any], progress: Progress) -> Callable[[], None]:
    """The lane's side of one job. It lets go of the callable *before* it answers, so the UI thread
    (which keeps it in ``_jobs`` until the answer is handled) always drops the last reference."""
    box: list = [work, progress]

    def job() -> None:
        work, progress = box
        box.clear()
        try:
            result = work(progress)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the UI thread
            del work
            _detach_traceback(error)
            signal, payload = _answers().failed, error
        else:
            del work
            # Boxed: PySide 6.12 miscounts references to a bare None sent through a Signal(object),
            # which crashed the interpreter at exit.
            signal, payload = _answers().finished, (result,)
        del progress
        try:
            signal.emit(runner_key, job_id, payload)
        except RuntimeError:
            pass  # the application is closing: nobody waits for this answer

    return job


class _Answers(QObject):
    """The one object the lane answers through. Made on the UI thread and never deleted, so an answer
    is never emitted on a runner that the UI thread is destroying at that moment (a window closed
    while its last job ends); it hands each answer to its runner if the runner is still there."""

    finished = Signal(int, int, object)
    failed = Signal(int, int, object)
    progressed = Signal(int, int, int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self.runners: weakref.WeakValueDictionary[int, TaskRunner] = weakref.WeakValueDictionary()
        self.finished.connect(lambda key, job_id, boxed: self._route(key, "_on_finished", job_id, boxed))
        self.failed.connect(lambda key, job_id, error: self._route(key, "_on_failed", job_id, error))
        self.progressed.connect(lambda key, job_id, done, total, text:
                                self._route(key, "_on_progress", job_id, done, total, text))

    def _route(self, key: int, method: str, *args: Any) -> None:
        runner = self.runners.get(key)
        if runner is not None and shiboken6.isValid(runner):
            getattr(runner, method)(*args)


_ANSWERS: list[_Answers] = []


def _answers() -> _Answers:
    return _ANSWERS[0]


def _detach_traceback(error: BaseException) -> None:
    """Keep the traceback as text (for the log) and drop the frames, which reference the UI's objects."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if current.__traceback__ is not None:
            text = "".join(traceback.format_tb(current.__traceback__))
            current.add_note("Traceback (in the background thread):\n" + text.rstrip())
            current.__traceback__ = None
        current = current.__cause__ or current.__context__


@dataclass
class _Pending:
    """What the UI thread keeps of a running job until its answer is handled."""

    work: Callable[[Progress], Any]
    progress: Progress
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    parent: QWidget | None
    label: str | None
    cancellable: bool
    timer: QTimer
    dialog: QProgressDialog | None = None
    latest: list = field(default_factory=lambda: [0, 0, ""])


class TaskRunner(QObject):
    """One database lane for the window (as Anki keeps one worker for its collection): jobs run one
    after another on a single background thread, each with its own Session, and their plain results
    come back to the UI thread. Keeps each job's objects alive until its result is delivered."""

    _keys = itertools.count(1)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        if not _ANSWERS:  # the first runner is made on the UI thread, like every runner
            _ANSWERS.append(_Answers())
        self.key = next(TaskRunner._keys)
        _answers().runners[self.key] = self
        self.lane = _Lane()
        self.destroyed.connect(self.lane.stop)
        self._jobs: dict[int, _Pending] = {}
        self._next_id = 0

    @property
    def busy(self) -> int:
        return len(self._jobs)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Wait until no job runs on the lane (e.g. before a restore replaces the register file)."""
        return self.lane.wait_idle(msecs)

    def run(self, work: Callable[[Progress], Any], on_done: Callable[[Any], None] | None = None, *,
            on_error: Callable[[BaseException], None] | None = None, parent: QWidget | None = None,
            label: str | None = None, cancellable: bool = False) -> Progress:
        self._next_id += 1
        job_id = self._next_id
        progress = Progress()
        timer = QTimer(self)
        timer.setSingleShot(True)
        # A bound method, not a lambda holding the runner: no reference cycle through the timer's
        # connection, so the runner is never left for the garbage collector to tear down.
        timer.setProperty("job_id", job_id)
        timer.timeout.connect(self._on_timer)
        self._jobs[job_id] = _Pending(work, progress, on_done, on_error, parent, label, cancellable, timer)
        progressed, key = _answers().progressed, self.key
        progress._report = lambda done, total, text: progressed.emit(key, job_id, done, total, text)
        timer.start(PROGRESS_DELAY_MS)
        self.lane.submit(_run_job(self.key, job_id, work, progress))
        return progress

    # --- the UI thread's side

    def _on_timer(self) -> None:
        timer = self.sender()
        if timer is not None:
            self._show_dialog(int(timer.property("job_id")))

    def _show_dialog(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is None or job.label is None:
            return
        if job.parent is not None and not shiboken6.isValid(job.parent):
            return
        box = QProgressDialog(job.label, tr("Hủy") if job.cancellable else "", 0, 0, job.parent)
        box.setWindowTitle(tr("Đang xử lý"))
        box.setWindowModality(Qt.WindowModal)
        box.setMinimumDuration(0)
        box.setAutoClose(False)
        box.setAutoReset(False)
        if not job.cancellable:
            box.setCancelButton(None)
        box.canceled.connect(job.progress._cancel.set)
        job.dialog = box
        self._on_progress(job_id, *job.latest)
        box.show()

    def _on_progress(self, job_id: int, done: int, total: int, text: str) -> None:
        job = self._jobs.get(job_id)
        if job is None:
            return
        job.latest[:] = [done, total, text]
        if job.dialog is not None:
            job.dialog.setMaximum(max(total, 0))
            job.dialog.setValue(min(done, total) if total else 0)
            if text:
                job.dialog.setLabelText(text)

    def _close(self, job_id: int) -> _Pending | None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return None
        job.timer.stop()
        job.timer.deleteLater()
        if job.dialog is not None:
            job.dialog.close()
            job.dialog.deleteLater()
        return job

    def _on_finished(self, job_id: int, boxed: tuple) -> None:
        job = self._close(job_id)
        if job is not None and job.on_done and _alive(job.on_done, job.parent):
            job.on_done(boxed[0])

    def _on_failed(self, job_id: int, error: BaseException) -> None:
        job = self._close(job_id)
        if job is None or isinstance(error, Cancelled) or not _alive(job.on_error, job.parent):
            return
        from ui.errors import is_damaged_register, show_error

        if job.on_error and not is_damaged_register(error):   # damage always gets the restore offer
            job.on_error(error)
        else:
            show_error(job.parent, error)


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
