"""Taking the demo data out of a register, exactly, in one audited transaction.

What is demo data:
- **Marked rows** (this version on): ``dossiers.demo``, ``units.demo``, ``procedures.demo``
  are set by app/demo.py on everything it generates or creates.
- **Rows of older versions**, written without the mark, are recognised from the demo's own
  audit summary: every run of the generator wrote ONE ``dossiers``/``bulk-insert`` event with
  ``demo_dossiers`` = n and ``first_id`` = f, and its dossiers took the ids f … f+n-1 (explicit,
  contiguous ids in one transaction). A dossier is taken as demo when its id lies in such a range
  *and* its code follows the demo's code series ``<agency>-YYMMDD-01NNNN`` (checked as
  ``LIKE '%-______-01%'``). The units, procedures and officers accounts the generator created
  are the ``insert`` events that its transaction wrote just before the summary (same moment,
  same actor: one commit writes them together), kept only when their code or login is one of
  the demo catalog's (app/demo_data.py); the office values it filled are the ``office`` insert
  event of that block. Summaries older than the last removal are ignored: ids freed by a
  removal may since belong to real dossiers.

What goes: the demo dossiers with their history, letters and supplement periods; then the demo
units, procedures and officer accounts (never given a password) that nothing real uses any more
(no remaining row refers to them); the office values the demo filled in, when no real dossier
remains (with real dossiers the agency code is in their codes and the names on their letters, so
they stay and the officer corrects them in the settings). Codes and letter numbers are not stored
counters: the next code counts the day's codes (app/dossiers.generate_code) and the next letter
number is the year's highest plus one (app/letters.next_number), so both continue from the real
data by themselves, and numbers of letters already issued are never touched.

The rows go with Core statements, around the ORM's audit listener, so the audit trail gets one
``demo-remove`` summary event (db.audit.record), as bulk writers do, and the chain stays whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, delete, false, func, or_, select, true, update
from sqlalchemy.orm import Session

from app import report_days
from app.context import Context
from app.demo import DEMO_OFFICE
from app.demo_data import PROCEDURES, UNITS
from app.permissions import Permission, require
from db import audit, search_index
from db.bulk import begin_explicitly
from db.models import (
    ApologyLetter,
    AuditEvent,
    Base,
    Dossier,
    DossierEvent,
    Office,
    Procedure,
    Rating,
    SupplementPeriod,
    Unit,
    User,
)

NO_DEMO = "Sổ không có dữ liệu mẫu."
REMOVE_ACTION = "demo-remove"
DEMO_CODE_SERIES = "%-______-01%"        # <agency>-YYMMDD-01NNNN, as app/demo.py writes codes
DEMO_LOGINS = frozenset({"lan.nt", "hung.tv", "mai.lt", "duc.dv", "tam.pm"})   # app/demo.setup_catalog
DEMO_UNIT_CODES = frozenset(code for code, _name in UNITS)
DEMO_PROCEDURE_CODES = frozenset(row[0] for row in PROCEDURES)
CATALOG_TABLES = ("units", "procedures", "users", "office")


@dataclass(frozen=True)
class DemoScope:
    """What a removal would take, for the confirmation and for saying "nothing to remove"."""

    dossiers: int
    legacy_dossiers: int     # of which recognised by an older version's summary (no mark)
    letters: int

    @property
    def empty(self) -> bool:
        return self.dossiers == 0


@dataclass(frozen=True)
class DemoRemoval:
    dossiers: int = 0
    legacy_dossiers: int = 0
    letters: int = 0
    events: int = 0
    periods: int = 0
    units: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    users: tuple[str, ...] = ()
    office_cleared: tuple[str, ...] = ()
    office_kept: bool = False           # the demo's office values stay: real dossiers use them
    kept_in_use: tuple[str, ...] = field(default=())   # demo catalog rows real data still uses

    @property
    def message(self) -> str:
        if not self.dossiers and not (self.units or self.procedures or self.users or self.office_cleared):
            return NO_DEMO
        parts = [f"Đã xóa {_n(self.dossiers)} hồ sơ mẫu ({_n(self.letters)} phiếu xin lỗi, "
                 f"{_n(self.events)} sự kiện, {_n(self.periods)} lần bổ sung)"]
        if self.units or self.procedures or self.users:
            parts.append(f"{_n(len(self.units))} đơn vị, {_n(len(self.procedures))} thủ tục và "
                         f"{_n(len(self.users))} tài khoản mẫu")
        text = "; ".join(parts) + "."
        if self.office_cleared:
            text += " Thông tin cơ quan mẫu đã được xóa: hãy nhập thông tin của cơ quan."
        elif self.office_kept:
            text += (" Thông tin cơ quan mẫu được giữ vì hồ sơ thật đang dùng (mã hồ sơ, phiếu đã in); "
                     "hãy sửa trong Cài đặt.")
        if self.kept_in_use:
            text += f" Giữ lại vì hồ sơ thật đang dùng: {', '.join(self.kept_in_use)}."
        return text


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@dataclass(frozen=True)
class _Run:
    """One demo run, from its audit summary."""

    event_id: int
    first_id: int
    count: int
    marked: bool
    office: bool          # the run filled in the office values
    created: dict          # table -> set of primary keys the run's transaction inserted


def _summary_values(changes: str) -> dict:
    return {key: (value[1] if isinstance(value, list) and len(value) == 2 else value)
            for key, value in json.loads(changes or "{}").items()}


def _runs(session: Session) -> list[_Run]:
    """The demo runs since the last removal, each with the catalog rows its transaction created."""
    last_removal = session.scalar(select(func.max(AuditEvent.id)).where(
        AuditEvent.table_name == "dossiers", AuditEvent.action == REMOVE_ACTION)) or 0
    summaries = session.execute(select(AuditEvent.id, AuditEvent.at, AuditEvent.user_id, AuditEvent.changes).where(
        AuditEvent.table_name == "dossiers", AuditEvent.action == "bulk-insert",
        AuditEvent.id > last_removal).order_by(AuditEvent.id)).all()
    runs = []
    for event_id, at, user_id, changes in summaries:
        values = _summary_values(changes)
        if "demo_dossiers" not in values:
            continue   # an import's summary, not the demo's
        created: dict[str, set[int]] = {table: set() for table in CATALOG_TABLES}
        # The generator's own inserts were committed with its summary, in one block of events just
        # before it; older runs (no "office" key) are told by that block alone.
        block = session.execute(select(AuditEvent.id, AuditEvent.at, AuditEvent.user_id, AuditEvent.table_name,
                                       AuditEvent.action, AuditEvent.row_key)
                                .where(AuditEvent.id < event_id, AuditEvent.id > last_removal)
                                .order_by(AuditEvent.id.desc()).limit(200)).all()
        for row in block:
            if (row.at != at or row.user_id != user_id or row.action != "insert"
                    or row.table_name not in CATALOG_TABLES):
                break
            if row.row_key.isdigit():
                created[row.table_name].add(int(row.row_key))
        office = bool(values.get("office")) if "office" in values else bool(created["office"])
        runs.append(_Run(event_id, int(values.get("first_id") or 0), int(values.get("demo_dossiers") or 0),
                         bool(values.get("marked")), office, created))
    return runs


def _dossier_condition(runs: list[_Run]):
    """Marked dossiers, and those of each run's id range in the demo's code series. The ranges apply
    to marked runs too (their rows are marked anyway), so a mark cleared behind the app's back, or a
    row of an older version, is still found."""
    legacy = [and_(Dossier.id.between(run.first_id, run.first_id + run.count - 1),
                   Dossier.code.like(DEMO_CODE_SERIES))
              for run in runs if run.count > 0 and run.first_id > 0]
    return or_(Dossier.demo == true(), *legacy)


def scope(session: Session, ctx: Context | None = None) -> DemoScope:
    """How much demo data the register holds (read only). With a context, the acting account must
    be one that may remove it (the window asks before it offers to)."""
    if ctx is not None:
        require(session, ctx, Permission.MANAGE_SETTINGS)
    return _count(session, _dossier_condition(_runs(session)))


def _count(session: Session, condition) -> DemoScope:
    dossiers = session.scalar(select(func.count()).select_from(Dossier).where(condition)) or 0
    legacy = session.scalar(select(func.count()).select_from(Dossier).where(
        condition, Dossier.demo == false())) or 0
    letters = session.scalar(select(func.count()).select_from(ApologyLetter).where(
        ApologyLetter.dossier_id.in_(select(Dossier.id).where(condition)))) or 0
    return DemoScope(dossiers, legacy, letters)


def _referenced(connection: Connection, table: str, ids: set[int]) -> set[int]:
    """Which of ``ids`` some row of any table still refers to (every foreign key to ``table``),
    and for accounts also the audit trail's actors (no foreign key there, but a name to keep)."""
    if not ids:
        return set()
    used: set[int] = set()
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table.name != table:
                continue
            column = fk.parent
            used.update(connection.scalars(select(column).where(column.in_(ids)).distinct()))
    if table == "users":
        used.update(connection.scalars(select(AuditEvent.user_id).where(AuditEvent.user_id.in_(ids)).distinct()))
    return used & ids


def remove(session: Session, ctx: Context) -> DemoRemoval:
    """Take the demo data out (administrator), in the caller's transaction, with one audit event."""
    require(session, ctx, Permission.MANAGE_SETTINGS)
    connection = session.connection()
    runs = _runs(session)
    condition = _dossier_condition(runs)
    demo_ids = select(Dossier.id).where(condition).scalar_subquery()
    counted = _count(session, condition)
    begin_explicitly(connection)   # any trigger change below commits or rolls back with the rows
    total = session.scalar(select(func.count()).select_from(Dossier)) or 0
    # Most of the register going: refill the search index once rather than update it row by row.
    paused = counted.dossiers > total - counted.dossiers and search_index.pause_for_bulk_delete(connection)
    # the per-day report counts likewise: counted again from what is left, once, not undone row by row
    days_paused = paused and report_days.ready(connection)
    if days_paused:
        report_days.drop(connection)
    connection.execute(delete(Rating).where(Rating.dossier_id.in_(demo_ids)))   # citizens' ratings of demo dossiers
    letters = connection.execute(delete(ApologyLetter).where(ApologyLetter.dossier_id.in_(demo_ids))).rowcount
    events = connection.execute(delete(DossierEvent).where(DossierEvent.dossier_id.in_(demo_ids))).rowcount
    periods = connection.execute(delete(SupplementPeriod).where(
        SupplementPeriod.dossier_id.in_(demo_ids))).rowcount
    dossiers = connection.execute(delete(Dossier).where(condition)).rowcount
    if paused:
        search_index.refill_after_bulk_delete(connection)
    if days_paused:
        report_days.ensure(connection)

    # The demo's catalog: marked rows, and the rows older runs created (codes of the demo catalog only).
    created = {table: set().union(*(run.created[table] for run in runs)) for table in CATALOG_TABLES}
    procedure_rows = connection.execute(select(Procedure.id, Procedure.code).where(or_(
        Procedure.demo == true(), and_(Procedure.id.in_(created["procedures"]),
                                       Procedure.code.in_(DEMO_PROCEDURE_CODES))))).all()
    unit_rows = connection.execute(select(Unit.id, Unit.code).where(or_(
        Unit.demo == true(), and_(Unit.id.in_(created["units"]), Unit.code.in_(DEMO_UNIT_CODES))))).all()
    user_rows = connection.execute(select(User.id, User.username).where(
        User.id.in_(created["users"]), User.username.in_(DEMO_LOGINS),
        or_(User.password_hash.is_(None), User.password_hash == ""))).all() if created["users"] else []
    kept: list[str] = []
    removed = {}
    for table, model, rows in (("procedures", Procedure, procedure_rows), ("units", Unit, unit_rows),
                               ("users", User, user_rows)):
        names = dict(rows)
        used = _referenced(connection, table, set(names))
        gone = sorted(set(names) - used)
        if gone:
            connection.execute(delete(model).where(model.id.in_(gone)))
        removed[table] = tuple(sorted(names[i] for i in gone))
        kept += sorted(names[i] for i in used if table != "users")

    office_cleared: tuple[str, ...] = ()
    office_kept = False
    if any(run.office for run in runs):
        if session.scalar(select(func.count()).select_from(Dossier)):
            office_kept = True
        else:
            office = connection.execute(select(Office).order_by(Office.id).limit(1)).first()
            if office is not None:
                cleared = {key: "" for key, value in DEMO_OFFICE.items()
                           if key != "agency_code" and getattr(office, key) == value}
                if office.agency_code == DEMO_OFFICE["agency_code"]:
                    cleared["agency_code"] = ""
                if cleared:
                    connection.execute(update(Office).where(Office.id == office.id).values(**cleared))
                office_cleared = tuple(sorted(cleared))

    result = DemoRemoval(dossiers=dossiers, legacy_dossiers=counted.legacy_dossiers, letters=letters,
                         events=events, periods=periods, units=removed["units"],
                         procedures=removed["procedures"], users=removed["users"], office_cleared=office_cleared,
                         office_kept=office_kept, kept_in_use=tuple(kept))
    if result.message != NO_DEMO:
        # One event for the whole removal, as for the bulk insert it undoes (db/audit.py).
        audit.record(session, "dossiers", REMOVE_ACTION, {
            "demo_dossiers": -dossiers, "legacy_dossiers": counted.legacy_dossiers, "letters": -letters,
            "events": -events, "periods": -periods, "units": ", ".join(result.units),
            "procedures": ", ".join(result.procedures), "users": ", ".join(result.users),
            "office": ", ".join(office_cleared), "runs": ", ".join(str(run.event_id) for run in runs)})
    session.expire_all()   # rows went around the ORM: nothing cached may outlive them
    return result

