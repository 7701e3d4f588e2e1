"""Apology letters with a new return date (DOMAIN.md §5).

A dossier that will be late gets, at the latest on the working day before its
due day, a letter stating the reason and the new return date; the date moves
only once. Issuing checks the inputs, numbers the letter per year, takes the
issuer and signer from the dossier's deciding unit (``app.issuer``: the unit
when it is set up, else the office), renders the PDF and, in the caller's one
transaction, records the letter with its issuer, signer and the PDF's SHA-256,
moves the dossier's deadline and writes the dossier event. Nothing is recorded
if any step is refused.

Who signs: the head of the issuing unit (or of the office), always under their
own title, "(Ký và ghi rõ họ tên)" and name. An officer prepares and issues the
letter (numbers and records it); the printed paper then goes to the head to be
signed and sealed. The app never prints "KT." (a deputy signing for the head) or
"TL." (signing by the head's written order, Decree 30/2020 art. 13 and
Appendix I): it does not know who holds such a delegation, and a line naming a
person who did not sign would misstate the paper. See README "Printed papers".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import validation
from app.catalog import get_office
from app.context import Context
from app.deadlines import WarningBounds, WarningLevel, apology_deadline
from app.dossiers import _event, _load_for_update, _save
from app.due_dates import set_due
from app.errors import ConfigurationError, NotFoundError, ValidationError
from app.formatting import date_vi, datetime_vi
from app.issuer import Issuer, issuer_for_unit
from app.lifecycle import Status, TimeUnit
from app.permissions import Permission, allowed
from app.text import nfc
from app.workcalendar import weekday_vi
from db import locks
from db.models import ApologyLetter, Dossier, Procedure, Unit, User

if TYPE_CHECKING:
    from app.printing.letter import LetterData


def _pdf():
    """The renderer, imported on first use so that commands which print nothing never load reportlab."""
    from app.printing import letter

    return letter


# Reasons officers give most often; the dialog offers them, free text is always allowed.
COMMON_REASONS = (
    "Hồ sơ phải lấy ý kiến của cơ quan, đơn vị liên quan",
    "Cần xác minh thực địa",
    "Phải chờ kết quả xác minh của cơ quan liên quan",
    "Khối lượng hồ sơ tăng đột biến",
    "Hồ sơ phức tạp, cần thêm thời gian thẩm định",
    "Hệ thống phần mềm, đường truyền gặp sự cố",
)
MIN_EXTENSION_DAYS = 3
MAX_EXTENSION_DAYS = 15
MAX_NEW_DATE_SPAN = dt.timedelta(days=366)
# Statuses a letter can be issued in: open, counting, with a due date.
LETTER_STATUSES = frozenset({Status.ACCEPTED, Status.PROCESSING, Status.FINANCIAL})


class LateLetterError(ValidationError):
    """The issue date is after the apology deadline: allowed only when the officer confirms it."""

    def __init__(self, message: str, deadline: dt.date, issued_on: dt.date):
        super().__init__(message)
        self.deadline, self.issued_on = deadline, issued_on


@dataclass(frozen=True)
class LetterRequest:
    dossier_id: int
    reason: str
    new_date: dt.date
    issued_on: dt.date | None = None      # default: today
    confirm_late: bool = False
    expected_version: int | None = None


def is_late(deadline: dt.date, issued_on: dt.date, today: dt.date) -> bool:
    """The one rule of a late letter: it is made and numbered today, so a date written on it earlier
    than today cannot make it in time; late when the later of the two is past the apology deadline."""
    return max(issued_on, today) > deadline


class _DocumentNumber(int):
    """A letter's number: "{number}" writes 01–09 with a leading zero (Decree 30/2020, Appendix I);
    an explicit format such as "{number:03d}" is obeyed as written."""

    def __format__(self, spec: str) -> str:
        return int.__format__(self, spec or "02d")


def number_text(number_format: str, number: int, year: int, symbol: str = "") -> str:
    """The printed number: the office's format, then the issuer's symbol ("07/PXL" + "TP" → "07/PXL-TP")."""
    text = number_format.format(number=_DocumentNumber(number), year=year)
    symbol = (symbol or "").strip()
    return f"{text}-{symbol}" if symbol else text


@dataclass(frozen=True)
class Proposal:
    """What the issue dialog starts from."""

    dossier_id: int
    code: str
    applicant_name: str
    procedure_name: str
    version: int
    due_at: dt.datetime | None
    deadline: dt.date | None
    today: dt.date
    new_date: dt.date | None
    days_added: int
    existing_number: str          # a letter was already issued: no second one
    refusal: str                  # why no letter can be issued now ("" if one can)
    issuer: Issuer | None = None  # who speaks and signs (the unit, or the office)
    can_sign: bool = False        # the acting account signs letters itself (a head); else it prepares them

    def late(self, issued_on: dt.date) -> bool:
        """Whether a letter dated ``issued_on`` would be recorded late (the core's own rule)."""
        return self.deadline is not None and is_late(self.deadline, issued_on, self.today)

    @property
    def late_if_today(self) -> bool:
        return self.late(self.today)


@dataclass(frozen=True)
class IssuedLetter:
    letter_id: int
    dossier_id: int
    dossier_code: str
    number_text: str
    issued_on: dt.date
    late: bool
    previous_due_at: dt.datetime
    new_due_at: dt.datetime
    sha256: str
    pdf: bytes


@dataclass(frozen=True)
class LetterView:
    id: int
    dossier_id: int
    number_text: str
    issued_on: dt.date
    reason: str
    previous_due_at: dt.datetime
    new_due_at: dt.datetime
    signer_name: str
    signer_title: str
    late: bool
    sha256: str
    issuer_name: str = ""


def proposed_extension(procedure: Procedure) -> int:
    """Working days the app proposes: the procedure's own time again, within 3–15 days."""
    if procedure.processing_unit == TimeUnit.HOUR.value:
        days = math.ceil(procedure.processing_value / 8)
    else:
        days = math.ceil(procedure.processing_value)
    return max(MIN_EXTENSION_DAYS, min(MAX_EXTENSION_DAYS, days))


def days_added(ctx: Context, due_at: dt.datetime, new_date: dt.date) -> int:
    return ctx.calendar.working_days_between(due_at.date(), new_date)


def _refusal(session: Session, dossier: Dossier) -> str:
    existing = session.scalar(select(ApologyLetter).where(ApologyLetter.dossier_id == dossier.id))
    if existing is not None:
        return (f"Hồ sơ {dossier.code} đã có phiếu xin lỗi số {existing.number_text} ngày "
                f"{date_vi(existing.issued_on)} (hẹn lại {datetime_vi(existing.new_due_at)}); "
                "ngày hẹn trả chỉ được đổi một lần.")
    status = Status(dossier.status)
    if status.is_finished:
        return f"Hồ sơ {dossier.code} đã kết thúc (“{status.label}”), không cần phiếu xin lỗi."
    if status is Status.SUPPLEMENT:
        return (f"Hồ sơ {dossier.code} đang chờ bổ sung giấy tờ: thời hạn đang tạm dừng, "
                "chưa lập phiếu xin lỗi được.")
    if status not in LETTER_STATUSES or dossier.due_at is None:
        return f"Hồ sơ {dossier.code} chưa được tiếp nhận nên chưa có ngày hẹn trả để hẹn lại."
    return ""


def propose(session: Session, ctx: Context, dossier_id: int) -> Proposal:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    today = ctx.now().date()
    refusal = _refusal(session, dossier)
    issuer = issuer_for_unit(session, dossier.unit_id)
    user = session.get(User, ctx.user_id) if ctx.user_id is not None else None
    existing = session.scalar(select(ApologyLetter.number_text).where(ApologyLetter.dossier_id == dossier.id)) or ""
    deadline = new_date = None
    added = 0
    if dossier.due_at is not None:
        deadline = apology_deadline(ctx.calendar, dossier.due_at, dossier.received_at)
        base = max(dossier.due_at.date(), today)
        new_date = ctx.calendar.add_working_days(base, proposed_extension(dossier.procedure))
        added = days_added(ctx, dossier.due_at, new_date)
    return Proposal(dossier.id, dossier.code, dossier.applicant_name, dossier.procedure.name, dossier.version,
                    dossier.due_at, deadline, today, new_date, added, existing, refusal, issuer,
                    bool(user and allowed(user.role, Permission.SIGN_LETTERS)))


@dataclass(frozen=True)
class _Checked:
    reason: str
    issued_on: dt.date
    new_due_at: dt.datetime
    deadline: dt.date
    late: bool


def _check(ctx: Context, dossier: Dossier, request: LetterRequest) -> _Checked:
    reason = validation.required_text(request.reason, "lý do chậm trả kết quả", 1000)
    if len(reason) < 5:
        raise ValidationError(f"Lý do “{reason}” quá ngắn: hãy ghi rõ vì sao hồ sơ chưa giải quyết xong.")
    today = ctx.now().date()
    issued_on = request.issued_on or today
    if issued_on > today:
        raise ValidationError(f"Ngày phát hành phiếu {date_vi(issued_on)} ở tương lai (hôm nay là {date_vi(today)}).")
    if issued_on < dossier.received_at.date():
        raise ValidationError(f"Ngày phát hành phiếu {date_vi(issued_on)} trước ngày tiếp nhận hồ sơ "
                              f"({date_vi(dossier.received_at)}).")
    due_at = dossier.due_at
    assert due_at is not None  # _refusal turned away a dossier without a due date
    new_date = request.new_date
    calendar = ctx.calendar
    if new_date <= due_at.date():
        raise ValidationError(f"Ngày hẹn trả mới {date_vi(new_date)} phải sau ngày hẹn trả hiện tại "
                              f"({date_vi(due_at)}).")
    if new_date <= issued_on:
        raise ValidationError(f"Ngày hẹn trả mới {date_vi(new_date)} phải sau ngày phát hành phiếu "
                              f"({date_vi(issued_on)}).")
    if new_date - due_at.date() > MAX_NEW_DATE_SPAN:
        raise ValidationError(f"Ngày hẹn trả mới {date_vi(new_date)} cách ngày hẹn hiện tại quá một năm.")
    if not calendar.is_working_day(new_date):
        suggestion = calendar.next_working_day(new_date)
        raise ValidationError(f"Ngày hẹn trả mới {date_vi(new_date)} là ngày nghỉ ({calendar.day_note(new_date)}); "
                              f"ngày làm việc gần nhất sau đó là {weekday_vi(suggestion)}, {date_vi(suggestion)}.")
    deadline = apology_deadline(calendar, due_at, dossier.received_at)
    late = is_late(deadline, issued_on, today)
    if late and not request.confirm_late:
        raise LateLetterError(
            f"Phiếu lập ngày {date_vi(today)} là muộn: hạn gửi phiếu xin lỗi của hồ sơ {dossier.code} là "
            f"{weekday_vi(deadline)}, {date_vi(deadline)} (một ngày làm việc trước ngày hẹn trả "
            f"{date_vi(due_at)}). Hãy xác nhận để phát hành và ghi nhận là phiếu gửi muộn.",
            deadline, issued_on)
    return _Checked(reason, issued_on, dt.datetime.combine(new_date, calendar.hours.closing), deadline, late)


def _check_number_order(session: Session, issued_on: dt.date) -> None:
    """Numbers follow the dates: a letter cannot be dated before the last one already numbered this year."""
    latest = session.scalar(select(func.max(ApologyLetter.issued_on)).where(ApologyLetter.year == issued_on.year))
    if latest is not None and issued_on < latest:
        raise ValidationError(f"Ngày phát hành {date_vi(issued_on)} trước phiếu đã phát hành gần nhất "
                              f"({date_vi(latest)}): số phiếu phải theo thứ tự ngày.")


def next_number(session: Session, year: int) -> int:
    """The year's next number. On a shared server the caller's transaction holds the year's numbering
    until it ends, so two desks never take the same number and a rolled-back letter leaves no gap."""
    locks.serialize(session.connection(), locks.LETTER_NUMBERS + year)
    return (session.scalar(select(func.max(ApologyLetter.number)).where(ApologyLetter.year == year)) or 0) + 1


def _issuer_for_letter(session: Session, dossier: Dossier) -> tuple[object, Issuer]:
    """The office (place name, desk) and the dossier's issuer, refused unless a letter can be printed."""
    office = get_office(session)
    issuer = issuer_for_unit(session, dossier.unit_id)
    missing = [label for label, value in (("tên đơn vị", issuer.name), ("địa danh", office.place_name),
                                          ("họ tên người ký", issuer.head_name),
                                          ("chức danh người ký", issuer.head_title)) if not value]
    if missing:
        raise ConfigurationError("Chưa khai báo thông tin cơ quan để in phiếu: thiếu " + ", ".join(missing)
                                 + " (Công cụ → Thông tin cơ quan).")
    return office, issuer


def recipients(ctx: Context) -> tuple[str, ...]:
    """"Nơi nhận" as the office set it (setting ``letter_recipients``), one line each."""
    return tuple(line.strip() for line in ctx.settings.letter_recipients.splitlines() if line.strip())


def _letter_data(session: Session, ctx: Context, dossier: Dossier, office, *, issuer_name: str, issuer_parent: str,
                 number_text: str, issued_on: dt.date, reason: str, previous_due_at: dt.datetime,
                 new_due_at: dt.datetime, signer_name: str, signer_title: str,
                 recipient_lines: tuple[str, ...] | None = None) -> LetterData:
    unit = session.get(Unit, dossier.unit_id) if dossier.unit_id else None
    officer = session.get(User, dossier.officer_id) if dossier.officer_id else None
    return _pdf().LetterData(
        number_text=number_text, issued_on=issued_on, reason=reason, previous_due_at=previous_due_at,
        new_due_at=new_due_at, signer_name=signer_name, signer_title=signer_title, office_name=issuer_name,
        parent_agency=issuer_parent, place_name=office.place_name, dossier_code=dossier.code,
        procedure_name=dossier.procedure.name, applicant_name=dossier.applicant_name,
        applicant_id_number=dossier.applicant_id_number, applicant_address=dossier.applicant_address,
        applicant_phone=dossier.applicant_phone, unit_name=unit.name if unit else "",
        officer_name=(officer.full_name or officer.username) if officer else "", received_at=dossier.received_at,
        applicant_kind=dossier.applicant_kind, desk_name=office.name,
        recipients=recipients(ctx) if recipient_lines is None else recipient_lines,
    )


def _draft(session: Session, ctx: Context, dossier: Dossier, request: LetterRequest, number: int,
           issued_on: dt.date, reason: str, new_due_at: dt.datetime) -> tuple[LetterData, Issuer, str]:
    assert dossier.due_at is not None  # the callers turn away a dossier without a due date
    office, issuer = _issuer_for_letter(session, dossier)
    text = number_text(ctx.settings.letter_number_format, number, issued_on.year, issuer.symbol)
    data = _letter_data(session, ctx, dossier, office, issuer_name=issuer.name, issuer_parent=issuer.parent,
                        number_text=text, issued_on=issued_on, reason=reason, previous_due_at=dossier.due_at,
                        new_due_at=new_due_at, signer_name=issuer.head_name, signer_title=issuer.head_title)
    return data, issuer, text


def proposed_pages(session: Session, ctx: Context, request: LetterRequest, paper: str | None = None) -> int:
    """How many pages the letter would take if issued now as requested (the dialog warns before a second
    page). Reads only: the number is the year's next one, the inputs are taken as typed."""
    dossier = session.get(Dossier, request.dossier_id)
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    if dossier.due_at is None:
        return 1
    issued_on = request.issued_on or ctx.now().date()
    number = (session.scalar(select(func.max(ApologyLetter.number)).where(ApologyLetter.year == issued_on.year))
              or 0) + 1
    new_due_at = dt.datetime.combine(request.new_date, ctx.calendar.hours.closing)
    data, _issuer, _text = _draft(session, ctx, dossier, request, number, issued_on,
                                  " ".join(nfc(request.reason).split()) or "…", new_due_at)
    from app.printing.layout import page_count

    return page_count(_pdf().render([data], paper or ctx.settings.letter_paper))


def issue(session: Session, ctx: Context, request: LetterRequest, paper: str | None = None) -> IssuedLetter:
    """Issue the letter in the caller's transaction; returns the PDF and what was recorded."""
    dossier = _load_for_update(session, request.dossier_id, request.expected_version)
    refusal = _refusal(session, dossier)
    if refusal:
        raise ValidationError(refusal)
    checked = _check(ctx, dossier, request)
    _check_number_order(session, checked.issued_on)
    _issuer_for_letter(session, dossier)      # a missing signer is refused before a number is taken
    year = checked.issued_on.year
    number = next_number(session, year)
    previous_due_at = dossier.due_at
    assert previous_due_at is not None  # _refusal turned away a dossier without a due date
    data, issuer, number_text = _draft(session, ctx, dossier, request, number, checked.issued_on, checked.reason,
                                       checked.new_due_at)
    pdf = _pdf().render([data], paper or ctx.settings.letter_paper)
    digest = hashlib.sha256(pdf).hexdigest()
    now = ctx.now()
    letter = ApologyLetter(
        dossier_id=dossier.id, year=year, number=number, number_text=number_text, issued_on=checked.issued_on,
        issued_at=now, reason=checked.reason, previous_due_at=previous_due_at, new_due_at=checked.new_due_at,
        signer_name=issuer.head_name, signer_title=issuer.head_title, issuer_name=issuer.name,
        issuer_parent=issuer.parent, late=checked.late, pdf_sha256=digest, created_by=ctx.user_id,
        recipients="\n".join(data.recipients),
    )
    session.add(letter)
    set_due(dossier, ctx.calendar, checked.new_due_at, has_letter=True)  # no second letter: no apology deadline
    dossier.updated_at = now
    note = f"Phiếu xin lỗi số {number_text} ngày {date_vi(checked.issued_on)}; lý do: {checked.reason}"
    if checked.late:
        note += f"; gửi muộn (hạn {date_vi(checked.deadline)})"
    _event(session, ctx, dossier.id, "letter", field="due_at", old=datetime_vi(previous_due_at),
           new=datetime_vi(checked.new_due_at), note=note)
    try:
        _save(session, dossier)
    except IntegrityError:
        # Another desk issued a letter for this dossier, or took the number, in the meantime.
        raise ValidationError(f"Hồ sơ {dossier.code} vừa được lập phiếu xin lỗi ở máy khác, hoặc số phiếu "
                              f"{number_text} vừa được dùng; hãy tải lại hồ sơ rồi thử lại.") from None
    return IssuedLetter(letter.id, dossier.id, dossier.code, number_text, checked.issued_on, checked.late,
                        previous_due_at, checked.new_due_at, digest, pdf)


def _view(letter: ApologyLetter) -> LetterView:
    return LetterView(letter.id, letter.dossier_id, letter.number_text, letter.issued_on, letter.reason,
                      letter.previous_due_at, letter.new_due_at, letter.signer_name, letter.signer_title,
                      letter.late, letter.pdf_sha256, letter.issuer_name)


def issuer_of_dossier(session: Session, dossier_id: int) -> Issuer:
    """Who would issue and sign the dossier's letter now (its deciding unit's head, or the office's)."""
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return issuer_for_unit(session, dossier.unit_id)


def get_letter(session: Session, dossier_id: int) -> LetterView | None:
    letter = session.scalar(select(ApologyLetter).where(ApologyLetter.dossier_id == dossier_id))
    return _view(letter) if letter else None


def issued_data(session: Session, ctx: Context, letter: ApologyLetter) -> LetterData:
    """An issued letter as printed: its own recorded number, dates, reason, issuer and signer."""
    dossier = session.get(Dossier, letter.dossier_id)
    assert dossier is not None  # a letter's dossier (foreign key)
    office = get_office(session)
    issuer_name, issuer_parent = letter.issuer_name, letter.issuer_parent
    if not issuer_name:                 # recorded before the issuer was kept: it spoke for the office
        issuer_name, issuer_parent = office.name, office.parent_agency
    return _letter_data(session, ctx, dossier, office, issuer_name=issuer_name, issuer_parent=issuer_parent,
                        number_text=letter.number_text, issued_on=letter.issued_on, reason=letter.reason,
                        previous_due_at=letter.previous_due_at, new_due_at=letter.new_due_at,
                        signer_name=letter.signer_name, signer_title=letter.signer_title,
                        # as printed that day; a letter from before they were kept takes today's list
                        recipient_lines=tuple(letter.recipients.splitlines()) if letter.recipients else None)


def render_issued(session: Session, ctx: Context, letter_ids: list[int], paper: str | None = None) -> bytes:
    """Print issued letters again (one PDF, in the given order)."""
    letters = {row.id: row for row in session.scalars(select(ApologyLetter).where(ApologyLetter.id.in_(letter_ids)))}
    missing = [i for i in letter_ids if i not in letters]
    if missing:
        raise NotFoundError("Không tìm thấy phiếu xin lỗi cần in.")
    return _pdf().render([issued_data(session, ctx, letters[i]) for i in letter_ids],
                         paper or ctx.settings.letter_paper)


def reprint(session: Session, ctx: Context, dossier_id: int) -> tuple[LetterView, bytes, bool]:
    """The dossier's letter again; the flag says whether it is byte-for-byte the issued one (same SHA-256)."""
    view = get_letter(session, dossier_id)
    if view is None:
        raise NotFoundError("Hồ sơ này chưa có phiếu xin lỗi.")
    pdf = render_issued(session, ctx, [view.id])
    return view, pdf, hashlib.sha256(pdf).hexdigest() == view.sha256


def issued_on_day(session: Session, day: dt.date) -> list[int]:
    """Ids of the letters issued on ``day``, by number."""
    return list(session.scalars(select(ApologyLetter.id).where(ApologyLetter.issued_on == day)
                                .order_by(ApologyLetter.year, ApologyLetter.number)))


def needing_letter(session: Session, ctx: Context) -> list[int]:
    """Open dossiers whose letter is due today (or already missed) and that have none yet, most urgent first."""
    from app.worklists import classify_open

    bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
    wanted = {WarningLevel.APOLOGY_TODAY, WarningLevel.APOLOGY_MISSED}
    levels = classify_open(session, bounds, wanted)
    if not levels:
        return []
    due = dict(session.execute(select(Dossier.id, Dossier.due_at).where(Dossier.id.in_(list(levels)))).all())
    return sorted(levels, key=lambda i: (-levels[i], due[i] or dt.datetime.max, i))
