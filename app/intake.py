"""What the counter needs while a dossier is being received: the catalog to pick
from, and the promised return time computed as the officer types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.deadlines import ProcessingTime, apology_deadline, due_from_receipt
from app.lifecycle import TimeUnit
from app.text import fold
from app.workcalendar import WorkCalendar, weekday_vi
from db.models import Procedure, Unit


@dataclass(frozen=True)
class ProcedureChoice:
    code: str
    name: str
    field: str
    unit_name: str
    processing: ProcessingTime
    papers: str = ""        # the papers the procedure asks for, one per line (the receive form's default)

    @property
    def display(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def folded(self) -> str:
        return fold(f"{self.code} {self.name} {self.field}")


def procedure_choices(session: Session) -> list[ProcedureChoice]:
    rows = session.execute(
        select(Procedure.code, Procedure.name, Procedure.field, Unit.name, Procedure.processing_value,
               Procedure.processing_unit, Procedure.papers)
        .outerjoin(Unit, Unit.id == Procedure.unit_id)
        .where(Procedure.active.is_(True))
        .order_by(Procedure.name)
    )
    return [ProcedureChoice(code, name, field or "", unit or "", ProcessingTime(value, TimeUnit(unit_kind)),
                            papers or "")
            for code, name, field, unit, value, unit_kind, papers in rows]


@dataclass(frozen=True)
class DuePreview:
    counting_from: dt.date
    due_at: dt.datetime
    apology_by: dt.date
    working_days: int       # working days after the counting day, up to and including the due day
    provisional_note: str = ""  # the due date crosses a provisional or unconfirmed day (Tết not yet decided)

    def describe(self, processing: ProcessingTime) -> str:
        return (f"{weekday_vi(self.due_at.date())}, {self.due_at:%d/%m/%Y} lúc {self.due_at:%H:%M} "
                f"({processing.describe()}; tính từ {self.counting_from:%d/%m/%Y})")


def preview_due(calendar: WorkCalendar, received_at: dt.datetime, processing: ProcessingTime) -> DuePreview:
    due = due_from_receipt(calendar, received_at, processing)
    start = calendar.counting_start_day(received_at)
    return DuePreview(start, due, apology_deadline(calendar, due, received_at),
                      calendar.working_days_between(start, due.date()),
                      calendar.provisional_note(received_at.date(), due.date()))
