"""Typed SQLAlchemy 2 models of the register.

Plain column types only (ints and short strings for statuses and channels):
the meaning of the codes lives in ``app.lifecycle``, and this layer stays
importable without the domain. Datetimes are naive office-local time.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, Optional

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Alembic needs named constraints to alter them (batch mode on SQLite).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _promised_at_insert(context) -> Optional[dt.datetime]:
    """The promise made at the counter is the due moment a dossier is inserted with
    (every writer: the receive form, imports, the demo's bulk inserts)."""
    return context.get_current_parameters().get("due_at")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    if TYPE_CHECKING:
        # Every mapped class here is mapped to a Table (no mapping to a join or a select);
        # SQLAlchemy's own annotation is the general FromClause.
        __table__: ClassVar[Table]


class Office(Base):
    """The desk itself: one row. Feeds letter headers and reports."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    parent_agency: Mapped[str] = mapped_column(String(300), default="")
    place_name: Mapped[str] = mapped_column(String(100), default="")
    agency_code: Mapped[str] = mapped_column(String(40), default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="")
    report_recipient: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(500), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(30), default="", server_default="")
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # the office's symbol in letter numbers ("Số: 07/PXL-TTPVHCC")
    letter_symbol: Mapped[str] = mapped_column(String(40), default="", server_default="")


class Unit(Base):
    """A deciding unit (phòng chuyên môn, UBND xã...)."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # As printed at the head of the unit's own letters (DOMAIN.md §5: the deciding unit
    # apologises and its head signs); empty means the office's are used.
    full_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    parent_agency: Mapped[str] = mapped_column(String(300), default="", server_default="")
    head_title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    head_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    letter_symbol: Mapped[str] = mapped_column(String(40), default="", server_default="")
    # a duplicate merged into another unit keeps its row (history names it) but points on
    merged_into_id: Mapped[Optional[int]] = mapped_column(ForeignKey("units.id"))
    # written by the demo generator, so that "remove the demo data" is exact
    demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Procedure(Base):
    """An administrative procedure (TTHC) of the catalog."""

    __tablename__ = "procedures"
    __table_args__ = (
        CheckConstraint("processing_value >= 0", name="processing_nonnegative"),
        CheckConstraint("processing_unit IN ('day', 'hour')", name="processing_unit"),
        CheckConstraint("online_level IN ('full', 'partial', 'none')", name="online_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    name_folded: Mapped[str] = mapped_column(String(500), default="")
    field: Mapped[str] = mapped_column(String(200), default="", index=True)
    processing_value: Mapped[float] = mapped_column(Float, default=0)
    processing_unit: Mapped[str] = mapped_column(String(8), default="day")
    online_level: Mapped[str] = mapped_column(String(10), default="none")
    online_eligible: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_bearing: Mapped[bool] = mapped_column(Boolean, default=False)
    result_on_paper: Mapped[bool] = mapped_column(Boolean, default=True)
    unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("units.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the papers a citizen hands in, one per line: the receipt slip's default list
    papers: Mapped[str] = mapped_column(Text, default="", server_default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class User(Base):
    """An officer's account. Roles and password rules live in app.accounts / app.permissions."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default="officer")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # "scrypt$n$r$p$salt_hex$hash_hex"; empty: the account cannot log in until a password is set.
    password_hash: Mapped[str] = mapped_column(String(300), default="", server_default="")
    password_changed_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    last_login_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    # the deciding unit this account leads: a head of unit may change that unit's information
    unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("units.id"))


class Dossier(Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        CheckConstraint("status BETWEEN 1 AND 10", name="status_code"),
        CheckConstraint("channel IN ('in_person', 'online', 'postal')", name="channel"),
        CheckConstraint("applicant_kind IN ('person', 'organisation')", name="applicant_kind"),
        CheckConstraint("version >= 1", name="version_positive"),
        # "Open, due within N days, by due date" and the warning sweep; received_at makes
        # the index covering, so the sweep never touches the (big) table rows.
        # apology_deadline_at in it: "due soon, no letter due sooner" is read from the index alone.
        Index("ix_dossiers_status_due_at", "status", "due_at", "apology_deadline_at", "received_at"),
        Index("ix_dossiers_received_at", "received_at"),
        Index("ix_dossiers_finished_at", "finished_at"),
        Index("ix_dossiers_due_at", "due_at"),
        Index("ix_dossiers_returned_at", "returned_at"),  # "returned today" in the end-of-day report
        # Covers the II.06a counts of dossiers received in a period: a year of a million-dossier
        # register is counted from this index without reading the (wide) table rows.
        Index("ix_dossiers_report", "received_at", "finished_at", "due_at", "status", "channel", "unit_id",
              "officer_id", "procedure_id"),
        Index("ix_dossiers_applicant_folded", "applicant_name_folded"),
        # The apology levels (missed / today / tomorrow) as index ranges over the stored deadline.
        Index("ix_dossiers_status_apology", "status", "apology_deadline_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("units.id"), index=True)
    officer_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))

    applicant_name: Mapped[str] = mapped_column(String(300))
    applicant_name_folded: Mapped[str] = mapped_column(String(300), default="")
    applicant_id_number: Mapped[str] = mapped_column(String(30), default="")
    applicant_address: Mapped[str] = mapped_column(String(500), default="")
    applicant_phone: Mapped[str] = mapped_column(String(30), default="")
    applicant_email: Mapped[str] = mapped_column(String(200), default="")
    applicant_kind: Mapped[str] = mapped_column(String(12), default="person")
    # Folded name, code, phone and identity number: what the search box matches.
    search_text: Mapped[str] = mapped_column(Text, default="")

    channel: Mapped[str] = mapped_column(String(10), default="in_person")
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    due_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    # Set only when an officer fixed the due date by hand; the reason is required.
    due_manual_reason: Mapped[str] = mapped_column(Text, default="")
    # The return moment promised at the counter, kept as a fact: the receipt slip and the
    # logbook print it even after an apology letter moved due_at (set once, at receipt).
    original_due_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime, default=_promised_at_insert)
    # The end (closing time) of the last working day on which an apology letter is still in time:
    # derived from due_at, received_at and the office calendar, stored so that the warning levels
    # are index ranges. NULL when no letter can be due (no due date, or a letter already issued).
    # Written only through app.due_dates (set_due / deadline_values / recompute_deadlines).
    apology_deadline_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    # the papers received, one per line, as the receipt slip lists them
    papers_received: Mapped[str] = mapped_column(Text, default="", server_default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    status: Mapped[int] = mapped_column(Integer, default=2)
    # Result ready (9, 10) or closed (refused, withdrawn, stopped): when it left "open".
    finished_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    returned_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    result_delivery: Mapped[str] = mapped_column(String(10), default="")
    closing_reason: Mapped[str] = mapped_column(Text, default="")

    fee_paid: Mapped[bool] = mapped_column(Boolean, default=False)
    paid_online: Mapped[bool] = mapped_column(Boolean, default=False)

    digitized_components: Mapped[bool] = mapped_column(Boolean, default=False)
    digitized_result: Mapped[bool] = mapped_column(Boolean, default=False)
    identity_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    reused_from_store: Mapped[bool] = mapped_column(Boolean, default=False)
    taken_from_national_store: Mapped[bool] = mapped_column(Boolean, default=False)
    request_letter_attached: Mapped[bool] = mapped_column(Boolean, default=False)

    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    procedure: Mapped[Procedure] = relationship(lazy="joined")
    unit: Mapped[Optional[Unit]] = relationship()
    officer: Mapped[Optional[User]] = relationship()

    __mapper_args__ = {"version_id_col": version}


class DossierEvent(Base):
    """Append-only history: status changes and field edits, with who and when."""

    __tablename__ = "dossier_events"
    __table_args__ = (Index("ix_dossier_events_dossier_at", "dossier_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    # receive | status | edit | due | supplement | letter | import
    kind: Mapped[str] = mapped_column(String(20))
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    user: Mapped[Optional[User]] = relationship()


class SupplementPeriod(Base):
    """Time the applicant spends supplying papers: it does not count against the office."""

    __tablename__ = "supplement_periods"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime)
    completed_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class CalendarOverride(Base):
    """An office's own day off or make-up working day; wins over the base calendar."""

    __tablename__ = "calendar_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(300), default="")
    created_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ApologyLetter(Base):
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả. One per dossier, by law."""

    __tablename__ = "apology_letters"
    __table_args__ = (UniqueConstraint("year", "number", name="uq_apology_letters_year_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # unique: the return date may be moved only once (DOMAIN.md §5)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    number_text: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text)
    previous_due_at: Mapped[dt.datetime] = mapped_column(DateTime)
    new_due_at: Mapped[dt.datetime] = mapped_column(DateTime)
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")
    created_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    # Who speaks in the letter, as printed on the day it was issued (the unit's or the
    # office's names may change later; a reprint must stay the same paper).
    issuer_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    issuer_parent: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # "Nơi nhận" as printed that day, one line each ('' for letters issued before it was kept).
    recipients: Mapped[str] = mapped_column(Text, default="", server_default="")
    # How the letter reached the applicant (counter, post, email, sms, portal, phone).
    delivered_via: Mapped[str] = mapped_column(String(10), default="", server_default="")
    delivered_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    delivered_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    delivery_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Rating(Base):
    """How the citizen judged the service for one dossier (DOMAIN.md §8: satisfaction), once per dossier.

    Recorded when the result is returned, later (paper, phone), or imported from the portal; a wrong
    record is corrected, never deleted (the audit trail keeps the old values). Codes only: the words
    (levels, reasons, channels) live in app.ratings.
    """

    __tablename__ = "ratings"
    __table_args__ = (
        CheckConstraint("level IN ('very_satisfied', 'satisfied', 'unsatisfied')", name="level"),
        CheckConstraint("via IN ('counter', 'phone', 'paper', 'portal')", name="via"),
        # "new unhappy ones since yesterday" and the list for the head of the centre
        Index("ix_ratings_level_recorded_at", "level", "recorded_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), unique=True)
    level: Mapped[str] = mapped_column(String(20))
    # for "unsatisfied": reason codes separated by commas (time, attitude, guidance, resubmission, other)
    reasons: Mapped[str] = mapped_column(String(100), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    via: Mapped[str] = mapped_column(String(10), default="counter", server_default="counter")
    rated_at: Mapped[dt.datetime] = mapped_column(DateTime)        # when the citizen gave it
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)     # when it entered the register
    recorded_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))


class ReportDay(Base):
    """Dossiers counted per day, for the reports over long periods (kept by triggers: app/report_days.py).

    kind 1: received that day, ``code`` = online + 2 × paid online; kind 2: finished that day, ``code`` =
    timing (1 early, 2 on time, 3 late) × 3 + result (0 none, 1 a result, 2 a result and both digitized).
    ``unit_id`` / ``officer_id`` 0 mean none. Derived data: rebuilt from the dossiers whenever its triggers
    are missing or out of date, never copied by a register move, never audited.
    """

    __tablename__ = "report_days"

    kind: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    officer_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    procedure_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    code: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DigitizationDay(Base):
    """Dossiers' digitization figures per day, for ``digitization`` over long periods (kept by the same
    triggers as ReportDay: app/report_days.py).

    kind 1: the dossiers received that day, kind 2: those finished that day; ``n`` how many, and each other
    column how many of them count towards that figure (app.digitization_rules.tallies_sql says what each
    one counts). ``unit_id`` / ``officer_id`` 0 mean none. Derived data, as ReportDay.
    """

    __tablename__ = "digitization_days"

    kind: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    officer_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    procedure_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    handled: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    digitized: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    accepted: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    identity: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reused: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    gap_components: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    gap_result: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    gap_identity: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    gap_request_letter: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    any_gap: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


# Tables counted from the dossiers (app/report_days.py keeps them): never copied by a move, never audited.
PER_DAY_TABLES = (ReportDay.__table__, DigitizationDay.__table__)


class Setting(Base):
    """Office-wide settings, JSON-encoded; their types and defaults live in app.settings."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReportOutbox(Base):
    """Every report made for sending, kept (with its bytes) until it is delivered.

    A report goes to a folder, by e-mail, or both; ``status`` is ``pending``
    until every requested way succeeded (``sent``), ``failed`` after an attempt
    that did not; failed ones are retried, never dropped.
    """

    __tablename__ = "report_outbox"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'sent', 'failed')", name="status"),
        Index("ix_report_outbox_kind_day", "kind", "report_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # daily | period | logbook
    report_date: Mapped[dt.date] = mapped_column(Date)
    period_from: Mapped[Optional[dt.date]] = mapped_column(Date)
    period_to: Mapped[Optional[dt.date]] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(255))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    folder: Mapped[str] = mapped_column(Text, default="")       # where to put it ('' = not to a folder)
    folder_done_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    delivered_path: Mapped[str] = mapped_column(Text, default="")
    email_to: Mapped[str] = mapped_column(Text, default="")     # '' = not by e-mail
    email_done_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    # an apology letter sent to its applicant by e-mail: delivered when the server accepted it
    letter_id: Mapped[Optional[int]] = mapped_column(ForeignKey("apology_letters.id", ondelete="SET NULL"))


class AuditEvent(Base):
    """Append-only audit trail, chained by an HMAC keyed by the office secret, or by SHA-256 where no
    keyring holds one (db/audit.py writes and verifies it, db/audit_seal.py keeps the key).

    Deliberately without foreign keys: an event must outlive the row it describes.
    """

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_dossier_id", "dossier_id", "id"),
        Index("ix_audit_events_user_id", "user_id", "id"),
        Index("ix_audit_events_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[Optional[int]] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(60))
    row_key: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(20))        # insert | update | delete | bulk
    dossier_id: Mapped[Optional[int]] = mapped_column(Integer)
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [old, new]}
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    seal: Mapped[Optional[str]] = mapped_column(String(16))   # id of the HMAC key; NULL = SHA-256 (migration 0010)
