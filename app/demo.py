"""A realistic synthetic register, for trying the app and for benchmarks.

Dossiers are received on working days over the past year, within office
hours; statuses agree with the dates (old dossiers finished, recent ones open,
a few late, some with an apology letter). About 5% stay open, as in a real
desk. A million rows are written with Core inserts in batches, because the
ORM's per-object bookkeeping would take minutes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from sqlalchemy import Connection, func, insert, select, text

from app.catalog import ensure_procedure, ensure_unit, ensure_user, get_office, save_office
from app.deadlines import ProcessingTime, due_from_receipt
from app.demo_data import (COMPANY_KINDS, COMPANY_WORDS, FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE,
                           MIDDLE_MALE, PHONE_PREFIXES, PROCEDURES, QUARTERS, STREETS, UNITS, WARDS)
from app.dossiers import search_text_for
from app.errors import ValidationError
from app.lifecycle import Status, TimeUnit
from app.text import fold
from app.workcalendar import WorkCalendar
from db.models import ApologyLetter, Dossier, DossierEvent, SupplementPeriod
from db.search_index import FTS_TABLE, SQLITE_DDL

BATCH = 20_000
MAX_COUNT = 5_000_000
LETTER_REASONS = (
    "Hồ sơ phải lấy ý kiến của cơ quan, đơn vị liên quan",
    "Cần xác minh thực địa",
    "Phải chờ kết quả xác minh của cơ quan liên quan",
    "Khối lượng hồ sơ tăng đột biến",
)


@dataclass(frozen=True)
class DemoResult:
    dossiers: int
    open: int
    letters: int
    events: int


def setup_catalog(session, agency_code: str = "000.00.16.H19") -> tuple[list[tuple], list[int], list[int]]:
    """Office, units, officers and procedures of the demo ward (idempotent)."""
    if not get_office(session).name:
        save_office(session, name="Trung tâm Phục vụ hành chính công phường Trần Biên",
                    parent_agency="UBND phường Trần Biên", place_name="Trần Biên", agency_code=agency_code,
                    head_name="Nguyễn Thị Thu Hương", head_title="Giám đốc",
                    report_recipient="Văn phòng UBND tỉnh Đồng Nai")
    unit_ids = {code: ensure_unit(session, code, name) for code, name in UNITS}
    procedures = []
    for code, name, field_, value, unit, level, fee, paper, unit_code, weight in PROCEDURES:
        pid = ensure_procedure(session, code, name, field_, value, unit, level, fee, paper, unit_ids[unit_code])
        procedures.append((pid, ProcessingTime(value, TimeUnit(unit)), level, fee, unit_ids[unit_code], weight))
    officers = [ensure_user(session, login, full) for login, full in (
        ("lan.nt", "Nguyễn Thị Lan"), ("hung.tv", "Trần Văn Hùng"), ("mai.lt", "Lê Thị Mai"),
        ("duc.dv", "Đặng Văn Đức"), ("tam.pm", "Phạm Minh Tâm"))]
    return procedures, list(unit_ids.values()), officers


class _Names:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.families = [name for name, _ in FAMILY_NAMES]
        self.weights = [w for _, w in FAMILY_NAMES]

    def person(self) -> str:
        rng = self.rng
        family = rng.choices(self.families, self.weights)[0]
        if rng.random() < 0.5:
            return f"{family} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
        return f"{family} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"

    def company(self) -> str:
        return f"{self.rng.choice(COMPANY_KINDS)} {self.rng.choice(COMPANY_WORDS)}"


def generate(session, calendar: WorkCalendar, now: dt.datetime, count: int, seed: int = 1,
             progress: Callable[[int, int], None] | None = None) -> DemoResult:
    """Add ``count`` synthetic dossiers to the register, in the caller's transaction."""
    if not 1 <= count <= MAX_COUNT:
        raise ValidationError(f"Số hồ sơ mẫu phải từ 1 đến {MAX_COUNT:,}.".replace(",", "."))
    rng = random.Random(seed)
    names = _Names(rng)
    procedures, _units, officers = setup_catalog(session)
    session.flush()
    connection: Connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"

    working_days = []
    day = now.date() - dt.timedelta(days=365)
    while day <= now.date():
        if calendar.is_working_day(day):
            working_days.append(day)
        day += dt.timedelta(days=1)
    proc_weights = [p[5] for p in procedures]

    @lru_cache(maxsize=None)
    def due_for(received_day: dt.date, minute: int, proc_index: int) -> dt.datetime:
        received = dt.datetime.combine(received_day, dt.time(minute // 60, minute % 60))
        return due_from_receipt(calendar, received, procedures[proc_index][1])

    @lru_cache(maxsize=None)
    def later_working(day_: dt.date, n: int) -> dt.date:
        return calendar.add_working_days(day_, n)

    first_id = (connection.scalar(select(func.max(Dossier.id))) or 0) + 1
    year_numbers: dict[int, int] = {}
    for year, top in connection.execute(select(ApologyLetter.year, func.max(ApologyLetter.number))
                                        .group_by(ApologyLetter.year)):
        year_numbers[year] = top
    agency = get_office(session).agency_code or "000.00.16.H19"

    # Receipt moments: 07:30–16:59, most of them in the morning.
    minutes_choices = list(range(7 * 60 + 30, 11 * 60 + 30)) * 2 + list(range(13 * 60, 17 * 60))

    if sqlite:
        # Filling the FTS index once at the end is far faster than a trigger per row.
        connection.execute(text("DROP TRIGGER IF EXISTS dossiers_fts_insert"))

    opened = letters = events = written = 0
    try:
        while written < count:
            size = min(BATCH, count - written)
            dossiers, history, periods, letter_rows = [], [], [], []
            for offset in range(size):
                dossier_id = first_id + written + offset
                proc_index = rng.choices(range(len(procedures)), proc_weights)[0]
                procedure_id, time, level, fee, unit_id, _w = procedures[proc_index]
                received_day = rng.choice(working_days)
                minute = rng.choice(minutes_choices)
                received = dt.datetime.combine(received_day, dt.time(minute // 60, minute % 60, rng.randrange(60)))
                if received > now:  # nothing is received later than "now"
                    received_day = working_days[-2] if received_day == working_days[-1] else received_day
                    received = dt.datetime.combine(received_day, received.time())
                due = due_for(received_day, minute, proc_index)
                online_share = 0.45 if level == "full" else 0.2 if level == "partial" else 0.0
                channel = "online" if rng.random() < online_share else ("postal" if rng.random() < 0.05
                                                                          else "in_person")
                organisation = rng.random() < 0.06
                name = names.company() if organisation else names.person()
                id_number = (str(rng.randrange(3_600_000_000, 3_699_999_999)) if organisation
                             else f"0{rng.randrange(1, 96):02d}{rng.choice('0123')}{rng.randrange(40, 99):02d}"
                                  f"{rng.randrange(1_000_000):06d}")
                phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10_000_000):07d}"
                # The row id as the sequence keeps codes unique however often the demo runs.
                code = f"{agency}-{received_day:%y%m%d}-01{dossier_id:06d}"
                officer = rng.choice(officers)

                status, finished, returned, delivery, reason = _fate(rng, received, due, now)
                letter = None
                if status in (Status.RESULT_READY, Status.RETURNED) and finished.date() > due.date() \
                        and rng.random() < 0.5:
                    letter = due
                elif status in (Status.PROCESSING, Status.ACCEPTED) and due.date() <= now.date() \
                        and rng.random() < 0.3:
                    letter = due
                final_due = due
                if letter is not None:
                    deadline = calendar.previous_working_day(due.date())
                    issued = deadline if rng.random() < 0.8 else later_working(deadline, 1)
                    if issued > now.date() or issued < received_day:
                        letter = None
                    else:
                        final_due = dt.datetime.combine(later_working(due.date(), rng.randint(3, 10)),
                                                        calendar.hours.closing)
                        year = issued.year
                        year_numbers[year] = year_numbers.get(year, 0) + 1
                        letter_rows.append({
                            "dossier_id": dossier_id, "year": year, "number": year_numbers[year],
                            "number_text": f"{year_numbers[year]}/PXL", "issued_on": issued,
                            "issued_at": dt.datetime.combine(issued, dt.time(10, 0)),
                            "reason": rng.choice(LETTER_REASONS), "previous_due_at": due,
                            "new_due_at": final_due, "signer_name": "Nguyễn Thị Thu Hương",
                            "signer_title": "Giám đốc", "late": issued > deadline, "pdf_sha256": "",
                            "created_by": officer,
                        })
                        history.append(_ev(dossier_id, dt.datetime.combine(issued, dt.time(10, 0)), officer,
                                           "letter", "due_at", due, final_due,
                                           f"Phiếu xin lỗi số {year_numbers[year]}/PXL"))
                if status is Status.SUPPLEMENT:
                    periods.append({"dossier_id": dossier_id, "requested_at": received + dt.timedelta(days=1),
                                    "completed_at": None, "reason": "Bổ sung bản sao giấy tờ chứng minh"})
                digitized = channel == "online" or rng.random() < 0.88
                finished_state = status.is_finished
                dossiers.append({
                    "id": dossier_id, "code": code, "procedure_id": procedure_id, "unit_id": unit_id,
                    "officer_id": officer, "applicant_name": name, "applicant_name_folded": fold(name),
                    "applicant_id_number": id_number,
                    "applicant_address": f"Số {rng.randrange(1, 400)}, đường {rng.choice(STREETS)}, "
                                         f"{rng.choice(QUARTERS)}, {rng.choice(WARDS)}, tỉnh Đồng Nai",
                    "applicant_phone": phone, "applicant_email": "",
                    "applicant_kind": "organisation" if organisation else "person",
                    "search_text": search_text_for(name, code, phone, id_number),
                    "channel": channel, "received_at": received, "due_at": final_due, "due_manual_reason": "",
                    "status": int(status), "finished_at": finished, "returned_at": returned,
                    "result_delivery": delivery, "closing_reason": reason,
                    "fee_paid": fee and finished_state, "paid_online": fee and channel == "online"
                                                                      and rng.random() < 0.7,
                    "digitized_components": digitized,
                    "digitized_result": finished_state and status not in (Status.REFUSED, Status.WITHDRAWN,
                                                                          Status.STOPPED) and rng.random() < 0.85,
                    "identity_checked": rng.random() < 0.9, "reused_from_store": rng.random() < 0.3,
                    "taken_from_national_store": rng.random() < 0.15,
                    "request_letter_attached": status in (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED)
                                               and rng.random() < 0.7,
                    "notes": "", "created_at": received, "updated_at": returned or finished or received,
                    "version": 1,
                })
                history.append(_ev(dossier_id, received, officer, "receive", "", None, None,
                                   f"Hẹn trả {due:%H:%M %d/%m/%Y}", new=Status.ACCEPTED.label))
                if finished is not None:
                    history.append(_ev(dossier_id, finished, officer, "status", "status", None, None, reason,
                                       old=Status.ACCEPTED.label,
                                       new=(Status.RESULT_READY if returned else status).label))
                if returned is not None:
                    history.append(_ev(dossier_id, returned, officer, "status", "status", None, None, "",
                                       old=Status.RESULT_READY.label, new=Status.RETURNED.label))
                if not finished_state:
                    opened += 1
            connection.execute(insert(Dossier.__table__), dossiers)
            connection.execute(insert(DossierEvent.__table__), history)
            if periods:
                connection.execute(insert(SupplementPeriod.__table__), periods)
            if letter_rows:
                connection.execute(insert(ApologyLetter.__table__), letter_rows)
            letters += len(letter_rows)
            events += len(history)
            written += size
            if progress:
                progress(written, count)
    finally:
        if sqlite:
            connection.execute(text(
                f"INSERT INTO {FTS_TABLE}(rowid, search_text) SELECT id, search_text FROM dossiers WHERE id >= :first"
            ), {"first": first_id})
            connection.execute(text(SQLITE_DDL[1]))
    return DemoResult(dossiers=written, open=opened, letters=letters, events=events)


def _ev(dossier_id, at, user, kind, field, old_due, new_due, note, old="", new=""):
    if old_due is not None:
        old, new = f"{old_due:%H:%M %d/%m/%Y}", f"{new_due:%H:%M %d/%m/%Y}"
    return {"dossier_id": dossier_id, "at": at, "user_id": user, "kind": kind, "field": field,
            "old_value": old, "new_value": new, "note": note}


def _fate(rng: random.Random, received: dt.datetime, due: dt.datetime, now: dt.datetime):
    """(status, finished_at, returned_at, delivery, reason) consistent with the dates."""
    span = max(due - received, dt.timedelta(hours=2))
    if due > now:
        # Still within its time: most are being worked on, some already done early.
        if rng.random() < 0.15:
            finished = received + span * rng.uniform(0.1, 0.6)
            if finished < now:
                return _finish(rng, finished, now)
        status = rng.choices((Status.PROCESSING, Status.ACCEPTED, Status.SUPPLEMENT, Status.FINANCIAL),
                             (80, 12, 5, 3))[0]
        return status, None, None, "", ""
    roll = rng.random()
    days_late = (now - due).days
    # The backlog: recent deadlines still open more often than old ones.
    if roll < (0.45 if days_late < 10 else 0.12 if days_late < 30 else 0.006):
        return Status.PROCESSING, None, None, "", ""
    if rng.random() < 0.02:
        kind = rng.choice((Status.REFUSED, Status.WITHDRAWN, Status.STOPPED))
        closed = received + span * rng.uniform(0.05, 0.5)
        return kind, closed, None, "", {Status.REFUSED: "Hồ sơ không đủ điều kiện theo quy định",
                                        Status.WITHDRAWN: "Công dân có đơn xin rút hồ sơ",
                                        Status.STOPPED: "Cơ quan có thẩm quyền yêu cầu dừng giải quyết"}[kind]
    timing = rng.random()
    if timing < 0.70:
        finished = received + span * rng.uniform(0.2, 0.85)
    elif timing < 0.95:
        finished = due - dt.timedelta(minutes=rng.randrange(10, 400))
        finished = max(finished, received + dt.timedelta(minutes=10))
    else:
        finished = due + dt.timedelta(days=rng.randint(1, 6), minutes=rng.randrange(0, 300))
    return _finish(rng, min(finished, now), now)


def _finish(rng: random.Random, finished: dt.datetime, now: dt.datetime):
    returned = finished + dt.timedelta(hours=rng.randint(1, 72))
    if returned < now and rng.random() < 0.92:
        delivery = rng.choices(("desk", "postal", "online"), (75, 10, 15))[0]
        return Status.RETURNED, finished, returned, delivery, ""
    return Status.RESULT_READY, finished, None, "", ""
