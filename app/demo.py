"""A realistic synthetic register, for trying the app and for benchmarks.

Dossiers are received on working days over the past year, within office
hours; statuses agree with the dates (old dossiers finished, recent ones open,
a few late, some with an apology letter). About 5% stay open, as in a real
desk. A million rows are written with Core inserts in batches, because the
ORM's per-object bookkeeping would take minutes.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator

from sqlalchemy import Connection, func, select, text

from app import report_days
from app.catalog import ensure_procedure, ensure_unit, ensure_user, get_office, save_office
from app.deadlines import ProcessingTime, due_from_receipt
from app.demo_data import (
    COMPANY_KINDS,
    COMPANY_WORDS,
    FAMILY_NAMES,
    GIVEN_FEMALE,
    GIVEN_MALE,
    MIDDLE_FEMALE,
    MIDDLE_MALE,
    PHONE_PREFIXES,
    PROCEDURES,
    QUARTERS,
    STREETS,
    UNITS,
    WARDS,
)
from app.due_dates import deadline_values
from app.errors import ValidationError
from app.formatting import thousands
from app.letters import COMMON_REASONS, number_text
from app.lifecycle import Status, TimeUnit
from app.text import fold
from app.workcalendar import WorkCalendar
from db import audit
from db.bulk import advance_id_sequence, begin_explicitly, insert_rows
from db.models import ApologyLetter, Dossier, DossierEvent, Rating, SupplementPeriod
from db.search_index import FTS_TABLE, SQLITE_DDL

BATCH = 20_000
MAX_COUNT = 5_000_000
LETTER_REASONS = COMMON_REASONS[:4]


@dataclass(frozen=True)
class DemoResult:
    dossiers: int
    open: int
    letters: int
    events: int


# What the demo writes into an office without a name; app/demo_removal.py clears exactly these values.
DEMO_OFFICE = {"name": "Trung tâm Phục vụ hành chính công phường Trần Biên", "parent_agency": "UBND phường Trần Biên",
               "place_name": "Trần Biên", "agency_code": "000.00.16.H19", "head_name": "Nguyễn Thị Thu Hương",
               "head_title": "Giám đốc", "report_recipient": "Văn phòng UBND tỉnh Đồng Nai"}


def setup_catalog(session, agency_code: str = "000.00.16.H19") -> tuple[list[tuple], list[int], list[int]]:
    """Office, units, officers and procedures of the demo ward (idempotent).

    Units and procedures it creates carry the demo mark; those the register already had
    (a real office's "TP" unit, an imported procedure of the same code) stay real."""
    if not get_office(session).name:
        save_office(session, **{**DEMO_OFFICE, "agency_code": agency_code})
    unit_ids = {code: ensure_unit(session, code, name, demo=True) for code, name in UNITS}
    procedures = []
    for code, name, field_, value, unit, level, fee, paper, unit_code, weight in PROCEDURES:
        pid = ensure_procedure(session, code, name, field_, value, unit, level, fee, paper, unit_ids[unit_code],
                               demo=True)
        procedures.append((pid, ProcessingTime(value, TimeUnit(unit)), level, fee, unit_ids[unit_code], weight))
    officers = [ensure_user(session, login, full) for login, full in (
        ("lan.nt", "Nguyễn Thị Lan"), ("hung.tv", "Trần Văn Hùng"), ("mai.lt", "Lê Thị Mai"),
        ("duc.dv", "Đặng Văn Đức"), ("tam.pm", "Phạm Minh Tâm"))]
    return procedures, list(unit_ids.values()), officers


class _FastRandom(random.Random):
    """Uniform picks from ``random()`` directly: a million rows call these ~20 million times,
    and the stdlib's exact-integer methods cost several times more. Still seeded, still repeatable."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


def _weighted(pairs) -> list:
    """A list where each item appears as often as its weight, for a plain uniform pick."""
    return [item for item, weight in pairs for _ in range(weight)]


class _Names:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.families = _weighted(FAMILY_NAMES)

    def person(self) -> str:
        rng = self.rng
        family = rng.choice(self.families)
        if rng.random() < 0.5:
            return f"{family} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
        return f"{family} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"

    def company(self) -> str:
        return f"{self.rng.choice(COMPANY_KINDS)} {self.rng.choice(COMPANY_WORDS)}"


@dataclass(frozen=True)
class _Plan:
    """Everything a batch needs, picklable, so batches can be made in another process."""

    calendar: WorkCalendar
    now: dt.datetime
    count: int
    seed: int
    procedures: tuple
    officers: tuple
    agency: str
    first_id: int
    working_days: tuple
    batch_size: int

    def first_index_of_day(self, day_index: int) -> int:
        # Dossier i is received on working_days[i * L // count]; invert that.
        return -(-day_index * self.count // len(self.working_days))


@dataclass
class _Batch:
    dossiers: list
    history: list
    periods: list
    letters: list  # numbered by the inserting process, in order
    opened: int
    ratings: list = field(default_factory=list)


def generate(session, calendar: WorkCalendar, now: dt.datetime, count: int, seed: int = 1,
             progress: Callable[[int, int], None] | None = None,
             letter_number_format: str = "{number}/PXL", batch_size: int = BATCH,
             in_worker: bool | None = None) -> DemoResult:
    """Add ``count`` synthetic dossiers to the register, in the caller's transaction.

    The same seed gives the same register. Big runs make their batches in a
    second process while this one writes, which is what two cores allow.
    Everything it writes is marked ``demo`` (dossiers, and the units and procedures
    it creates), and all of it, the trigger change included, is one transaction:
    a killed run leaves nothing (app/demo_removal.py takes a finished one away).
    """
    if not 1 <= count <= MAX_COUNT:
        raise ValidationError(f"Số hồ sơ mẫu phải từ 1 đến {thousands(MAX_COUNT)}.")
    connection: Connection = session.connection()
    begin_explicitly(connection)  # before any DDL: the trigger drop below must roll back with the rows
    office_was_empty = not get_office(session).name
    procedures, _units, officers = setup_catalog(session)
    session.flush()
    sqlite = connection.dialect.name == "sqlite"
    working_days = []
    day = now.date() - dt.timedelta(days=365)
    while day <= now.date():
        if calendar.is_working_day(day):
            working_days.append(day)
        day += dt.timedelta(days=1)
    first_id = (connection.scalar(select(func.max(Dossier.id))) or 0) + 1
    plan = _Plan(calendar, now, count, seed, tuple(procedures), tuple(officers),
                 get_office(session).agency_code or "000.00.16.H19", first_id, tuple(working_days), batch_size)
    year_numbers: dict[int, int] = dict(connection.execute(
        select(ApologyLetter.year, func.max(ApologyLetter.number)).group_by(ApologyLetter.year)).all())

    indexes = range(-(-count // batch_size))
    pool = None
    if in_worker or (in_worker is None and count > 2 * batch_size):
        # spawn, not fork: the parent may hold Qt and open database connections.
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        batches = _ahead(pool, plan, indexes)
    else:
        batches = (_make_batch(plan, index) for index in indexes)

    if sqlite:
        # Filling the FTS index once at the end is far faster than a trigger per row,
        # and a big page cache keeps the index B-trees in memory during the load.
        connection.execute(text("DROP TRIGGER IF EXISTS dossiers_fts_insert"))
        connection.execute(text("PRAGMA cache_size=-262144"))
    days_paused = report_days.pause_for_bulk_insert(connection)   # the per-day counts too, counted at the end
    written = opened = letters = events = 0
    try:
        for batch in batches:
            for letter in batch.letters:
                event = batch.history[letter.pop("event_index")]
                year_numbers[letter["year"]] = year_numbers.get(letter["year"], 0) + 1
                letter["number"] = year_numbers[letter["year"]]
                letter["number_text"] = number_text(letter_number_format, letter["number"], letter["year"])
                event["note"] = f"Phiếu xin lỗi số {letter['number_text']}"
            insert_rows(connection, Dossier.__table__, batch.dossiers)
            insert_rows(connection, DossierEvent.__table__, batch.history)
            insert_rows(connection, SupplementPeriod.__table__, batch.periods)
            insert_rows(connection, ApologyLetter.__table__, batch.letters)
            insert_rows(connection, Rating.__table__, batch.ratings)
            written += len(batch.dossiers)
            opened += batch.opened
            letters += len(batch.letters)
            events += len(batch.history)
            if progress:
                progress(written, count)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if sqlite:
            connection.execute(text(
                f"INSERT INTO {FTS_TABLE}(rowid, search_text) SELECT id, search_text FROM dossiers WHERE id >= :first"
            ), {"first": first_id})
            connection.execute(text(SQLITE_DDL[1]))
        report_days.resume_after_bulk_insert(connection, days_paused, first_id)
    advance_id_sequence(connection, Dossier.__table__)   # the dossiers were given their ids here
    # The rows went around the ORM (db/bulk.py), so the audit listener did not see them: one summary
    # event per run joins the chain instead of a million (db/audit.py).
    # "marked": the rows carry the demo mark; summaries without it come from older versions, whose rows
    # app/demo_removal.py recognises by this event's id range and the demo's code series.
    audit.record(session, "dossiers", "bulk-insert", {"demo_dossiers": written, "first_id": first_id,
                                                      "letters": letters, "seed": seed, "marked": True,
                                                      "office": office_was_empty})
    return DemoResult(dossiers=written, open=opened, letters=letters, events=events)


def _ahead(pool: ProcessPoolExecutor, plan: _Plan, indexes: range, depth: int = 3) -> Iterator[_Batch]:
    """Batches in order, with at most ``depth`` being made ahead (bounded memory)."""
    pending: deque[Future[_Batch]] = deque()
    for index in indexes:
        pending.append(pool.submit(_make_batch, plan, index))
        if len(pending) >= depth:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


_CACHES: dict = {}


def _helpers(plan: _Plan):
    """Per-process caches of due dates, folded names and working-day sums for one plan."""
    key = (plan.seed, plan.count, plan.first_id, plan.now)
    if key in _CACHES:
        return _CACHES[key]
    calendar, procedures = plan.calendar, plan.procedures
    cutoff_minute = calendar.hours.cutoff.hour * 60 + calendar.hours.cutoff.minute
    day_based = [p[1].is_days for p in procedures]

    @lru_cache(maxsize=None)
    def cached_due(received_day: dt.date, minute: int, proc_index: int) -> dt.datetime:
        received = dt.datetime.combine(received_day, dt.time(minute // 60, minute % 60))
        return due_from_receipt(calendar, received, procedures[proc_index][1])

    def due_for(received_day: dt.date, minute: int, proc_index: int) -> dt.datetime:
        # Day-based deadlines depend only on the day and the side of the cut-off.
        if day_based[proc_index]:
            minute = cutoff_minute if minute >= cutoff_minute else 0
        return cached_due(received_day, minute, proc_index)

    helpers = (due_for, lru_cache(maxsize=100_000)(fold), lru_cache(maxsize=None)(calendar.add_working_days),
               lru_cache(maxsize=None)(calendar.previous_working_day),
               _weighted((index, p[5]) for index, p in enumerate(procedures)))
    _CACHES.clear()
    _CACHES[key] = helpers
    return helpers


# Receipt moments: 07:30–16:59, most of them in the morning.
_MINUTES = tuple(range(7 * 60 + 30, 11 * 60 + 30)) * 2 + tuple(range(13 * 60, 17 * 60))


def _make_batch(plan: _Plan, index: int) -> _Batch:
    """Batch ``index`` of the plan: a pure function of (plan, index)."""
    due_for, fold_name, later_working, previous_working, weighted_procedures = _helpers(plan)
    rng = _FastRandom(plan.seed * 1_000_003 + index)
    # Ratings and letter deliveries draw from their own stream: the rest of the demo stays as it always was.
    later_rng = _FastRandom(plan.seed * 7_000_003 + index)
    names = _Names(rng)
    now, calendar, working_days = plan.now, plan.calendar, plan.working_days
    closing = calendar.hours.closing
    start = index * plan.batch_size
    size = min(plan.batch_size, plan.count - start)
    dossiers: list[dict] = []
    history: list[dict] = []
    periods: list[dict] = []
    letter_rows: list[dict] = []
    rating_rows: list[dict] = []
    opened = 0
    for position in range(start, start + size):
        dossier_id = plan.first_id + position
        proc_index = rng.choice(weighted_procedures)
        procedure_id, time, level, fee, unit_id, _w = plan.procedures[proc_index]
        # Spread evenly over the year in receipt order, as ids grow in a real register.
        day_index = position * len(working_days) // plan.count
        received_day = working_days[day_index]
        minute = rng.choice(_MINUTES)
        received = dt.datetime.combine(received_day, dt.time(minute // 60, minute % 60, rng.randrange(60)))
        # Sequences continue above every existing row, so a second demo run never reuses a code.
        sequence = plan.first_id - 1 + position - plan.first_index_of_day(day_index) + 1
        if received > now:  # nothing is received later than "now"
            opening = dt.datetime.combine(received_day, calendar.hours.opening)
            if now > opening:
                received = opening + (now - opening) * rng.random()
                received = received.replace(microsecond=0)
            else:  # before opening today: it came in yesterday, numbered apart from yesterday's own
                received_day = working_days[-2]
                received = dt.datetime.combine(received_day, received.time())
                sequence += plan.count
            minute = received.hour * 60 + received.minute
        due = due_for(received_day, minute, proc_index)
        online_share = 0.45 if level == "full" else 0.2 if level == "partial" else 0.0
        channel = "online" if rng.random() < online_share else ("postal" if rng.random() < 0.05 else "in_person")
        organisation = rng.random() < 0.06
        name = names.company() if organisation else names.person()
        folded = fold_name(name)
        id_number = (str(rng.randrange(3_600_000_000, 3_699_999_999)) if organisation
                     else f"0{rng.randrange(1, 96):02d}{rng.choice('0123')}{rng.randrange(40, 99):02d}"
                          f"{rng.randrange(1_000_000):06d}")
        phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10_000_000):07d}"
        code = f"{plan.agency}-{received_day:%y%m%d}-01{sequence:04d}"
        officer = rng.choice(plan.officers)

        status, finished, returned, delivery, reason = _fate(rng, received, due, now)
        final_due = due
        wants_letter = (
            (status in (Status.RESULT_READY, Status.RETURNED) and finished.date() > due.date() and rng.random() < 0.5)
            or (status in (Status.PROCESSING, Status.ACCEPTED) and due.date() <= now.date() and rng.random() < 0.3)
        )
        if wants_letter:
            deadline = previous_working(due.date())
            issued = deadline if rng.random() < 0.8 else later_working(deadline, 1)
            if received_day <= issued <= now.date():
                final_due = dt.datetime.combine(later_working(due.date(), rng.randint(3, 10)), closing)
                issued_at = dt.datetime.combine(issued, dt.time(10, 0))
                letter_rows.append({
                    "dossier_id": dossier_id, "year": issued.year, "number": 0, "number_text": "",
                    "issued_on": issued, "issued_at": issued_at, "reason": rng.choice(LETTER_REASONS),
                    "previous_due_at": due, "new_due_at": final_due, "signer_name": "Nguyễn Thị Thu Hương",
                    "signer_title": "Giám đốc", "late": issued > deadline, "pdf_sha256": "", "created_by": officer,
                    "event_index": len(history), **_delivery(later_rng, issued_at, now, officer),
                })
                history.append(_ev(dossier_id, issued_at, officer, "letter", "due_at", due, final_due, ""))
        if status is Status.SUPPLEMENT:
            periods.append({"dossier_id": dossier_id, "requested_at": received + dt.timedelta(days=1),
                            "completed_at": None, "reason": "Bổ sung bản sao giấy tờ chứng minh"})
        finished_state = status.is_finished
        closed_without_result = status in (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED)
        dossiers.append({
            "id": dossier_id, "code": code, "procedure_id": procedure_id, "unit_id": unit_id,
            "officer_id": officer, "applicant_name": name, "applicant_name_folded": folded,
            "applicant_id_number": id_number,
            "applicant_address": f"Số {rng.randrange(1, 400)}, đường {rng.choice(STREETS)}, "
                                 f"{rng.choice(QUARTERS)}, {rng.choice(WARDS)}, tỉnh Đồng Nai",
            "applicant_phone": phone, "applicant_email": "",
            "applicant_kind": "organisation" if organisation else "person",
            # = search_text_for(...), without folding the same names a million times
            "search_text": f"{folded} {code.lower()} {phone} {id_number}",
            "channel": channel, "received_at": received, "due_manual_reason": "",
            # the due moment and, for open dossiers (the only ones classified), the apology deadline
            **(deadline_values(calendar, final_due, received, final_due != due) if not status.is_finished
               else {"due_at": final_due, "apology_deadline_at": None}),
            "status": int(status), "finished_at": finished, "returned_at": returned,
            "result_delivery": delivery, "closing_reason": reason,
            "fee_paid": fee and finished_state,
            "paid_online": fee and channel == "online" and rng.random() < 0.7,
            "digitized_components": channel == "online" or rng.random() < 0.88,
            "digitized_result": finished_state and not closed_without_result and rng.random() < 0.85,
            "identity_checked": rng.random() < 0.9, "reused_from_store": rng.random() < 0.3,
            "taken_from_national_store": rng.random() < 0.15,
            "request_letter_attached": closed_without_result and rng.random() < 0.7,
            "notes": "", "created_at": received, "updated_at": returned or finished or received,
            "version": 1, "demo": True,
        })
        history.append(_ev(dossier_id, received, officer, "receive", "", None, None,
                           f"Hẹn trả {due:%H:%M %d/%m/%Y}", new=Status.ACCEPTED.label))
        if finished is not None:
            history.append(_ev(dossier_id, finished, officer, "status", "status", None, None, reason,
                               old=Status.ACCEPTED.label, new=(Status.RESULT_READY if returned else status).label))
        if returned is not None:
            history.append(_ev(dossier_id, returned, officer, "status", "status", None, None, "",
                               old=Status.RESULT_READY.label, new=Status.RETURNED.label))
        if returned is not None and later_rng.random() < RATED_SHARE:
            rating_rows.append(_rating(later_rng, dossier_id, returned, channel, officer))
        if not finished_state:
            opened += 1
    return _Batch(dossiers, history, periods, letter_rows, opened, rating_rows)


def _delivery(rng: random.Random, issued_at: dt.datetime, now: dt.datetime, officer: int) -> dict:
    """How a demo letter reached the applicant: most are handed over or sent within the day, the day's
    own letters (and a few older ones) are still waiting (the Today card counts them)."""
    delivered_at = issued_at + dt.timedelta(hours=rng.randint(1, 6))
    if delivered_at > now or rng.random() < 0.08:
        return {"delivered_via": "", "delivered_at": None, "delivered_by": None}
    roll = rng.randrange(100)
    via = "counter" if roll < 50 else "post" if roll < 75 else "email" if roll < 90 else "sms"
    return {"delivered_via": via, "delivered_at": delivered_at, "delivered_by": officer}


RATED_SHARE = 0.6
# What the portal's evaluations of a one-stop shop look like: most satisfied, a few not (DOMAIN.md §8).
_LEVELS = (("very_satisfied", 52), ("satisfied", 40), ("unsatisfied", 8))
_REASON_CODES = ("time", "attitude", "guidance", "resubmission", "other")


def _rating(rng: random.Random, dossier_id: int, returned: dt.datetime, channel: str, officer: int) -> dict:
    """A citizen's rating of a returned dossier: given at the counter, or on the portal for an online one."""
    roll, level = rng.randrange(100), "unsatisfied"
    for name, weight in _LEVELS:
        if roll < weight:
            level = name
            break
        roll -= weight
    reasons = ",".join(sorted({rng.choice(_REASON_CODES) for _ in range(rng.randint(1, 2))},
                              key=_REASON_CODES.index)) if level == "unsatisfied" else ""
    online = channel == "online"
    return {"dossier_id": dossier_id, "level": level, "reasons": reasons, "note": "",
            "via": "portal" if online else "counter", "rated_at": returned, "recorded_at": returned,
            "recorded_by": None if online else officer}


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
    if roll < (0.08 if days_late < 10 else 0.02 if days_late < 30 else 0.001):
        return Status.PROCESSING, None, None, "", ""
    if days_late < 60 and roll < 0.11:
        # Waiting for the applicant's papers: the clock is stopped, so not late.
        return Status.SUPPLEMENT, None, None, "", ""
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
