"""How the citizen judged the service, one rating per dossier (DOMAIN.md §8: satisfaction ≥ 90 %, ≥ 85 % for
land and construction; Decision 766 gives it 18 points).

A rating is given when the result is returned (the return dialog, one keystroke per choice) or later (on paper,
by phone, through the portal), or comes with the provincial system's export (the import's evaluation column).
It is one of three levels; an unhappy one carries one or more reasons from a short list. Who recorded it, how
the citizen gave it, when, are kept. It is recorded once, for a dossier that has its result; a wrong record is
corrected with a reason (a ``rating_fix`` event; the audit trail keeps the old values), never deleted.

The words (levels, reasons, channels, the portal's point scales) are here, once; the rates computed from the
ratings are with the other plan rates in ``app.rates``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import validation
from app.context import Context
from app.dossiers import _event
from app.errors import NotFoundError, ValidationError
from app.formatting import datetime_vi
from app.lifecycle import Status
from app.permissions import Permission, require
from app.text import fold
from db.models import Dossier, Procedure, Rating, Unit, User

MAX_NOTE = 1000
WITH_RESULT = (Status.RESULT_READY, Status.RETURNED)   # a dossier can be rated once it has its result


class Level(str, enum.Enum):
    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    UNSATISFIED = "unsatisfied"

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.value]

    @property
    def slug(self) -> str:
        """As the command line writes it: rat-hai-long, hai-long, khong-hai-long."""
        return LEVEL_SLUGS[self.value]

    @property
    def satisfied(self) -> bool:
        """Counts in "satisfied" (rất hài lòng + hài lòng) of the satisfaction rate."""
        return self is not Level.UNSATISFIED


LEVEL_LABELS = {"very_satisfied": "Rất hài lòng", "satisfied": "Hài lòng", "unsatisfied": "Không hài lòng"}
LEVEL_SLUGS = {"very_satisfied": "rat-hai-long", "satisfied": "hai-long", "unsatisfied": "khong-hai-long"}
# The keys of the return dialog: one keystroke per level.
LEVEL_KEYS = {"very_satisfied": "1", "satisfied": "2", "unsatisfied": "3"}


class Reason(str, enum.Enum):
    TIME = "time"
    ATTITUDE = "attitude"
    GUIDANCE = "guidance"
    RESUBMISSION = "resubmission"
    OTHER = "other"

    @property
    def label(self) -> str:
        return REASON_LABELS[self.value]

    @property
    def slug(self) -> str:
        return REASON_SLUGS[self.value]


REASON_LABELS = {"time": "Thời gian giải quyết", "attitude": "Thái độ phục vụ", "guidance": "Hướng dẫn",
                 "resubmission": "Hồ sơ phải bổ sung nhiều lần", "other": "Khác"}
REASON_SLUGS = {"time": "thoi-gian", "attitude": "thai-do", "guidance": "huong-dan", "resubmission": "bo-sung",
                "other": "khac"}
REASON_KEYS = {"time": "4", "attitude": "5", "guidance": "6", "resubmission": "7", "other": "8"}


class Via(str, enum.Enum):
    COUNTER = "counter"
    PHONE = "phone"
    PAPER = "paper"
    PORTAL = "portal"

    @property
    def label(self) -> str:
        return VIA_LABELS[self.value]


VIA_LABELS = {"counter": "Tại quầy", "phone": "Điện thoại", "paper": "Phiếu giấy", "portal": "Cổng dịch vụ công"}


# --- words in, codes out -------------------------------------------------------------------------------------

def _key(value: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", fold(value)).strip()


_LEVEL_WORDS: dict[str, Level] = {}
for _level in Level:
    for _word in (_level.value, _level.slug, _level.label):
        _LEVEL_WORDS[_key(_word)] = _level
_LEVEL_WORDS.update({"rat hai long": Level.VERY_SATISFIED, "hai long": Level.SATISFIED,
                     "chua hai long": Level.UNSATISFIED, "khong hai long": Level.UNSATISFIED})

# The portal's point scales, as it maps them: 1–3 (3 rất hài lòng, 2 hài lòng, 1 không hài lòng) and 1–5 stars
# (5 rất hài lòng, 3–4 hài lòng, 1–2 không hài lòng).
POINTS = {3: {1: Level.UNSATISFIED, 2: Level.SATISFIED, 3: Level.VERY_SATISFIED},
          5: {1: Level.UNSATISFIED, 2: Level.UNSATISFIED, 3: Level.SATISFIED, 4: Level.SATISFIED,
              5: Level.VERY_SATISFIED}}


def level_from_words(value: str) -> Level | None:
    """A level from its words, code or command-line slug ("Rất hài lòng", "rat-hai-long"); None if none."""
    return _LEVEL_WORDS.get(_key(value))


def level_from_points(points: int, scale: int) -> Level:
    """A point value of the portal's scale (1–3 or 1–5); ValueError outside it."""
    try:
        return POINTS[scale][points]
    except KeyError:
        raise ValueError(points) from None


def parse_level(value: str | Level) -> Level:
    if isinstance(value, Level):
        return value
    level = level_from_words(str(value or ""))
    if level is None:
        valid = ", ".join(f"{m.slug} ({m.label.lower()})" for m in Level)
        raise ValidationError(f"Mức đánh giá “{value}” không có; chọn một trong: {valid}.")
    return level


_REASON_WORDS: dict[str, Reason] = {}
for _reason in Reason:
    for _word in (_reason.value, _reason.slug, _reason.label):
        _REASON_WORDS[_key(_word)] = _reason
_REASON_WORDS.update({"thai do": Reason.ATTITUDE, "bo sung nhieu lan": Reason.RESUBMISSION,
                      "ho so phai bo sung nhieu lan": Reason.RESUBMISSION, "thoi gian": Reason.TIME})


def parse_reasons(values: Iterable[str | Reason] | str | None) -> tuple[Reason, ...]:
    """Reasons from codes, slugs or words, one each or several separated by commas; in the list's order."""
    if values is None:
        return ()
    if isinstance(values, (str, Reason)):
        values = [values]
    found: set[Reason] = set()
    for value in values:
        if isinstance(value, Reason):
            found.add(value)
            continue
        for part in str(value).replace(";", ",").split(","):
            if not part.strip():
                continue
            reason = _REASON_WORDS.get(_key(part))
            if reason is None:
                valid = ", ".join(f"{m.slug} ({m.label.lower()})" for m in Reason)
                raise ValidationError(f"Lý do không hài lòng “{part.strip()}” không có; chọn trong: {valid}.")
            found.add(reason)
    return tuple(r for r in Reason if r in found)


def parse_via(value: str | Via) -> Via:
    try:
        return Via(value)
    except ValueError:
        valid = ", ".join(f"{m.value} ({m.label.lower()})" for m in Via)
        raise ValidationError(f"Cách đánh giá “{value}” không có; chọn một trong: {valid}.") from None


def reasons_text(codes: str | Iterable[Reason]) -> str:
    """"Thời gian giải quyết; Thái độ phục vụ" from the stored codes (or the reasons)."""
    reasons = parse_reasons(codes.split(",") if isinstance(codes, str) else codes)
    return "; ".join(r.label for r in reasons)


# --- one dossier ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RatingView:
    dossier_id: int
    dossier_code: str
    level: Level
    reasons: tuple[Reason, ...]
    note: str
    via: Via
    rated_at: dt.datetime
    recorded_at: dt.datetime
    recorded_by: str

    def describe(self) -> str:
        """"Không hài lòng (Thời gian giải quyết; Thái độ phục vụ) — tại quầy, 14:05 25/11/2026 (Nguyễn Thị Lan)"."""
        text = self.level.label
        if self.reasons:
            text += f" ({reasons_text(self.reasons)})"
        text += f" — {self.via.label.lower()}, {datetime_vi(self.rated_at)}"
        if self.recorded_by:
            text += f" ({self.recorded_by})"
        if self.note:
            text += f"; {self.note}"
        return text


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return (user.full_name or user.username) if user else ""


def _view(session: Session, rating: Rating, code: str) -> RatingView:
    return RatingView(rating.dossier_id, code, Level(rating.level), parse_reasons(rating.reasons.split(",")),
                      rating.note or "", Via(rating.via), rating.rated_at, rating.recorded_at,
                      _user_name(session, rating.recorded_by))


def get_rating(session: Session, dossier_id: int) -> RatingView | None:
    """The dossier's rating, or None when the citizen has not rated it."""
    rating = session.scalar(select(Rating).where(Rating.dossier_id == dossier_id))
    if rating is None:
        return None
    code = session.scalar(select(Dossier.code).where(Dossier.id == dossier_id)) or ""
    return _view(session, rating, code)


def _dossier(session: Session, dossier_id: int) -> Dossier:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return dossier


def _checked(ctx: Context, dossier: Dossier, level: str | Level, reasons, via: str | Via, note: str | None,
             at: dt.datetime | None) -> tuple[Level, tuple[Reason, ...], Via, str, dt.datetime]:
    level = parse_level(level)
    reasons = parse_reasons(reasons)
    via = parse_via(via)
    note = validation.optional_text(note, "ghi chú đánh giá", MAX_NOTE)
    if Status(dossier.status) not in WITH_RESULT:
        raise ValidationError(f"Hồ sơ {dossier.code} chưa có kết quả (đang “{Status(dossier.status).label}”) nên "
                              "chưa ghi nhận đánh giá được.")
    if level is Level.UNSATISFIED and not reasons and via is not Via.PORTAL:
        raise ValidationError("Đánh giá “Không hài lòng” phải chọn ít nhất một lý do: "
                              + ", ".join(f"{r.slug} ({r.label.lower()})" for r in Reason) + ".")
    if level is not Level.UNSATISFIED and reasons:
        raise ValidationError(f"Lý do chỉ ghi cho đánh giá “Không hài lòng”, không cho “{level.label}”.")
    now = ctx.now()
    at = (at or now).replace(microsecond=0)
    if at > now:
        raise ValidationError(f"Thời điểm đánh giá {datetime_vi(at)} ở tương lai (bây giờ là {datetime_vi(now)}).")
    result_at = dossier.finished_at or dossier.returned_at
    if result_at is not None and at < result_at:
        raise ValidationError(f"Thời điểm đánh giá {datetime_vi(at)} trước khi hồ sơ {dossier.code} có kết quả "
                              f"({datetime_vi(result_at)}).")
    return level, reasons, via, note, at


def record(session: Session, ctx: Context, dossier_id: int, level: str | Level, reasons=(),
           via: str | Via = Via.COUNTER, note: str | None = "", at: dt.datetime | None = None) -> RatingView:
    """Record, in the caller's transaction, how the citizen judged the service for a dossier with its result."""
    require(session, ctx, Permission.HANDLE_DOSSIERS)
    dossier = _dossier(session, dossier_id)
    existing = session.scalar(select(Rating).where(Rating.dossier_id == dossier_id))
    if existing is not None:
        raise ValidationError(f"Hồ sơ {dossier.code} đã có đánh giá “{Level(existing.level).label}” (ghi lúc "
                              f"{datetime_vi(existing.recorded_at)}); mỗi hồ sơ chỉ đánh giá một lần. Nếu ghi sai, "
                              "hãy sửa lại (kèm lý do).")
    level, reasons, via, note, at = _checked(ctx, dossier, level, reasons, via, note, at)
    rating = Rating(dossier_id=dossier_id, level=level.value, reasons=",".join(r.value for r in reasons), note=note,
                    via=via.value, rated_at=at, recorded_at=ctx.now(), recorded_by=ctx.user_id)
    session.add(rating)
    view = RatingView(dossier_id, dossier.code, level, reasons, note, via, at, rating.recorded_at,
                      _user_name(session, ctx.user_id))
    _event(session, ctx, dossier_id, "rating", field="rating", new=level.label,
           note="Người dân đánh giá: " + view.describe())
    session.flush()
    return view


def correct(session: Session, ctx: Context, dossier_id: int, level: str | Level, reasons=(),
            via: str | Via | None = None, note: str | None = None, at: dt.datetime | None = None, *,
            reason: str) -> RatingView:
    """Correct a rating recorded wrongly: a change with its reason (and the audit trail's old values)."""
    require(session, ctx, Permission.HANDLE_DOSSIERS)
    dossier = _dossier(session, dossier_id)
    rating = session.scalar(select(Rating).where(Rating.dossier_id == dossier_id).with_for_update())
    if rating is None:
        raise ValidationError(f"Hồ sơ {dossier.code} chưa có đánh giá; không có gì để sửa.")
    why = validation.required_text(reason, "lý do sửa đánh giá", MAX_NOTE)
    before = _view(session, rating, dossier.code)
    level, reasons, via, note, at = _checked(ctx, dossier, level, reasons, via or before.via,
                                             before.note if note is None else note, at or before.rated_at)
    rating.level, rating.reasons, rating.via, rating.note, rating.rated_at = \
        level.value, ",".join(r.value for r in reasons), via.value, note, at
    session.flush()
    after = _view(session, rating, dossier.code)
    if after == before:
        raise ValidationError("Đánh giá mới giống hệt đánh giá đã ghi; không có gì thay đổi.")
    _event(session, ctx, dossier_id, "rating_fix", field="rating", old=before.describe(), new=after.describe(),
           note=f"Sửa đánh giá của người dân; lý do: {why}")
    session.flush()
    return after


# --- the unhappy ones ----------------------------------------------------------------------------------------

def new_since(now: dt.datetime) -> dt.datetime:
    """"New" unhappy ratings: recorded since the start of yesterday."""
    return dt.datetime.combine(now.date() - dt.timedelta(days=1), dt.time())


def unhappy_count(session: Session, since: dt.datetime | None = None) -> int:
    query = select(func.count()).select_from(Rating).where(Rating.level == Level.UNSATISFIED.value)
    if since is not None:
        query = query.where(Rating.recorded_at >= since)
    return session.scalar(query) or 0


@dataclass(frozen=True)
class UnhappyRow:
    """One dossier rated "Không hài lòng", for the head of the centre to follow up."""

    dossier_id: int
    code: str
    applicant_name: str
    applicant_phone: str
    procedure_name: str
    field: str
    unit_name: str
    reasons: str
    note: str
    via: Via
    rated_at: dt.datetime
    recorded_at: dt.datetime
    new: bool          # recorded since yesterday


def unhappy(session: Session, now: dt.datetime, start: dt.date | None = None, end: dt.date | None = None,
            limit: int = 2000) -> tuple[list[UnhappyRow], int]:
    """Dossiers rated "Không hài lòng" (rated in [start, end] when given), newest first, and how many in all."""
    conditions = [Rating.level == Level.UNSATISFIED.value]
    if start is not None:
        conditions.append(Rating.rated_at >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        conditions.append(Rating.rated_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    total = session.scalar(select(func.count()).select_from(Rating).where(*conditions)) or 0
    since = new_since(now)
    query = (select(Dossier.id, Dossier.code, Dossier.applicant_name, Dossier.applicant_phone, Procedure.name,
                    Procedure.field, Unit.name, Rating.reasons, Rating.note, Rating.via, Rating.rated_at,
                    Rating.recorded_at)
             .join(Dossier, Dossier.id == Rating.dossier_id).join(Procedure, Procedure.id == Dossier.procedure_id)
             .outerjoin(Unit, Unit.id == Dossier.unit_id).where(*conditions)
             .order_by(Rating.recorded_at.desc(), Rating.id.desc()).limit(limit))
    rows = [UnhappyRow(i, code, name, phone or "", proc, field or "", unit or "", reasons_text(reasons or ""),
                       note or "", Via(via), rated, recorded, recorded >= since)
            for i, code, name, phone, proc, field, unit, reasons, note, via, rated, recorded in session.execute(query)]
    return rows, total
