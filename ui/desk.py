"""What every page and dialog of the window shares: the register, the clock,
the acting officer, the task runner, and one signal that says what changed.

Pages never talk to each other. An action changes the register (through
``app/``), then calls ``desk.announce(...)``; every page refreshes what that
touches (Anki's ``OpChanges``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.changes import Changes  # noqa: F401 - re-exported: the pages name it through the desk
from app.clock import Clock
from app.context import Context, load_context
from ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:   # names for the annotations only: the window reaches the database through app/
    from app.context import Session, SessionFactory


class Desk(QObject):
    changed = Signal(object)        # Changes
    open_dossier = Signal(int)      # any view asks for a dossier form
    show_page = Signal(str, object)  # page key, optional argument (e.g. a warning level to filter by)

    def __init__(self, Session: SessionFactory, clock: Clock, user_id: int | None, parent: QObject | None = None):
        super().__init__(parent)
        self.Session = Session
        self.clock = clock
        self.user_id = user_id
        self.tasks = TaskRunner(self)

    def context(self, session: Session) -> Context:
        return load_context(session, self.clock, self.user_id)

    def read(self, query: Callable[[Session, Context], Any], on_done: Callable[[Any], None], *,
             parent: QWidget | None = None, label: str | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> Progress:
        """Run a read-only query in the background; ``on_done`` gets its plain result on the UI thread."""

        def work(progress: Progress) -> Any:
            with self.Session() as session:
                return query(session, self.context(session))

        return self.tasks.run(work, on_done, parent=parent, label=label, on_error=on_error)

    def write(self, action: Callable[[Session, Context], Any], on_done: Callable[[Any], None] | None = None, *,
              changes: Callable[[Any], Changes] | Changes | None = None, parent: QWidget | None = None,
              label: str | None = None, on_error: Callable[[BaseException], None] | None = None) -> Progress:
        """Run one action in one transaction, in the background; then announce what it changed."""

        def work(progress: Progress) -> Any:
            with self.Session.begin() as session:
                return action(session, self.context(session))

        def done(result: Any) -> None:
            if changes is not None:
                self.announce(changes(result) if callable(changes) else changes)
            if on_done:
                on_done(result)

        return self.tasks.run(work, done, parent=parent, label=label, on_error=on_error)

    def run(self, work: Callable[[Progress], Any], on_done: Callable[[Any], None] | None = None, *,
            parent: QWidget | None = None, label: str | None = None, cancellable: bool = False,
            on_error: Callable[[BaseException], None] | None = None) -> Progress:
        """Long work (an import, an export, a batch of letters) with progress and, if it checks, Cancel."""
        return self.tasks.run(work, on_done, parent=parent, label=label, cancellable=cancellable,
                              on_error=on_error)

    def announce(self, changes: Changes) -> None:
        self.changed.emit(changes)
