"""Official decisions on days off as data, and where each day of the national calendar comes from.

The ``holidays`` package knows the Labour Code (Article 112) and some past
swaps, but not late decisions (the 2026 New Year swap came six days ahead) and
it computes future Tết breaks that nobody has decided yet. So the decisions
themselves are data: ``resources/calendar/decisions.json`` ships those of
2024–2026; an office may load a newer file that its province distributes
(kept in the register, settings key ``calendar.decisions``, so every desk of a
shared register sees it and it survives restarts).

One record per decision and occasion of a year: the days off (weekend days of
the break included), the make-up working days, the reference, and the status
(official / provisional). A record for an occasion *replaces* what the package
computes for that occasion in that year. A loaded file's records win over the
shipped ones of the same year and occasion; the others stay.

Provenance of each special day (``Source``):
- ``quyet_dinh``: from an official decision, with its reference;
- ``theo_luat``: a day whose date the Labour Code fixes (1/1, 30/4, 1/5, 2/9,
  Hùng Kings' day) and its substitute day, as the package computes it;
- ``du_kien``: a day the government chooses each year and has not yet decided
  (the computed Tết break, the day next to 2/9, a computed swap), or a day of a
  provisional decision;
- ``chua_xac_nhan``: 24/11 "Ngày Văn hóa Việt Nam". The package lists it, but
  Article 112 has not been amended (NQ 30/NQ-CP only asks for it): until the
  office confirms it (``calendar --confirm``), it is a **working day**, so no
  due date is promised later than the law allows;
- ``co_quan``: the office's own override, with its note (app.workcalendar).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping

from app.errors import ValidationError

SETTING_KEY = "calendar.decisions"
FORMAT = 1


class Source(str, enum.Enum):
    DECISION = "quyet_dinh"
    LAW = "theo_luat"
    PROVISIONAL = "du_kien"
    UNCONFIRMED = "chua_xac_nhan"
    OFFICE = "co_quan"

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self]


SOURCE_LABELS = {
    Source.DECISION: "Quyết định",
    Source.LAW: "Theo luật",
    Source.PROVISIONAL: "Dự kiến",
    Source.UNCONFIRMED: "Chưa xác nhận",
    Source.OFFICE: "Cơ quan",
}


class Occasion(str, enum.Enum):
    NEW_YEAR = "new_year"
    TET = "tet"
    HUNG_KINGS = "hung_kings"
    REUNIFICATION = "reunification"
    NATIONAL_DAY = "national_day"
    CULTURE_DAY = "culture_day"
    OTHER = "other"

    @property
    def label(self) -> str:
        return OCCASION_LABELS[self]


OCCASION_LABELS = {
    Occasion.NEW_YEAR: "Tết Dương lịch",
    Occasion.TET: "Tết Nguyên Đán",
    Occasion.HUNG_KINGS: "Giỗ Tổ Hùng Vương",
    Occasion.REUNIFICATION: "30/4 – 1/5",
    Occasion.NATIONAL_DAY: "Quốc khánh",
    Occasion.CULTURE_DAY: "Ngày Văn hóa Việt Nam",
    Occasion.OTHER: "Dịp khác",
}


@dataclass(frozen=True)
class Reference:
    number: str
    date: dt.date
    issuer: str

    def text(self) -> str:
        number = f"Văn bản {self.number}" if self.number else "Văn bản"
        return f"{number} ngày {self.date:%d/%m/%Y} của {self.issuer}"


@dataclass(frozen=True)
class Decision:
    year: int
    occasion: Occasion
    name: str
    official: bool
    reference: Reference
    days_off: tuple[tuple[dt.date, str], ...]
    make_up_days: tuple[tuple[dt.date, str], ...]
    note: str = ""


@dataclass(frozen=True)
class Entry:
    """A national special day before the office's overrides."""

    working: bool
    name: str
    source: Source
    occasion: Occasion
    reference: str = ""


@dataclass(frozen=True)
class DecisionSet:
    decisions: tuple[Decision, ...]

    def for_year(self, year: int) -> dict[Occasion, Decision]:
        return {d.occasion: d for d in self.decisions if d.year == year}

    def merged_with(self, other: "DecisionSet") -> "DecisionSet":
        """``other``'s records win per (year, occasion); the rest of ours stay."""
        keys = {(d.year, d.occasion) for d in other.decisions}
        kept = [d for d in self.decisions if (d.year, d.occasion) not in keys]
        return DecisionSet(tuple(sorted(kept + list(other.decisions), key=lambda d: (d.year, d.occasion.value))))

    def years(self) -> set[int]:
        return {d.year for d in self.decisions}


# -- reading and checking a decisions file --------------------------------------------------


def _date(value: Any, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(f"{where}: ngày “{value}” không hợp lệ (cần dạng YYYY-MM-DD).") from None


def _days(items: Any, default_name: str, where: str) -> tuple[tuple[dt.date, str], ...]:
    if not isinstance(items, list):
        raise ValidationError(f"{where}: cần một danh sách ngày.")
    days = []
    for item in items:
        if isinstance(item, dict):
            day, name = _date(item.get("date"), where), str(item.get("name") or default_name).strip()
        else:
            day, name = _date(item, where), default_name
        days.append((day, name))
    seen = [d for d, _ in days]
    if len(set(seen)) != len(seen):
        raise ValidationError(f"{where}: một ngày được ghi hai lần.")
    return tuple(sorted(days))


def parse_decisions(text: str) -> DecisionSet:
    """Check a decisions file whole; any fault refuses the whole file with one Vietnamese line."""
    from app.text import nfc

    try:
        data = json.loads(nfc(text))
    except ValueError as error:
        raise ValidationError(f"Tệp quyết định nghỉ lễ không phải JSON hợp lệ ({error}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise ValidationError("Tệp quyết định nghỉ lễ phải có danh sách “decisions”.")
    if data.get("format", FORMAT) != FORMAT:
        raise ValidationError(f"Tệp quyết định nghỉ lễ dạng {data.get('format')} chưa được hỗ trợ (cần {FORMAT}).")
    decisions: list[Decision] = []
    for index, record in enumerate(data["decisions"], start=1):
        where = f"Quyết định thứ {index}"
        if not isinstance(record, dict):
            raise ValidationError(f"{where}: không đúng dạng.")
        year = record.get("year")
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise ValidationError(f"{where}: năm “{year}” không hợp lệ (2000–2100).")
        where = f"Quyết định thứ {index} (năm {year})"
        try:
            occasion = Occasion(record.get("occasion"))
        except ValueError:
            raise ValidationError(f"{where}: dịp “{record.get('occasion')}” không có (chọn: "
                                  + ", ".join(o.value for o in Occasion) + ").") from None
        status = record.get("status")
        if status not in ("official", "provisional"):
            raise ValidationError(f"{where}: trạng thái “{status}” không hợp lệ (official hoặc provisional).")
        ref = record.get("reference")
        if not isinstance(ref, dict) or not str(ref.get("issuer") or "").strip():
            raise ValidationError(f"{where}: thiếu cơ quan ban hành (reference.issuer).")
        reference = Reference(str(ref.get("number") or "").strip(), _date(ref.get("date"), where),
                              str(ref["issuer"]).strip())
        name = str(record.get("name") or occasion.label).strip()
        days_off = _days(record.get("days_off", []), name, where)
        make_up = _days(record.get("make_up_days", []), "Ngày làm bù", where)
        if not days_off and not make_up:
            raise ValidationError(f"{where}: không có ngày nghỉ hay ngày làm bù nào.")
        both = {d for d, _ in days_off} & {d for d, _ in make_up}
        if both:
            raise ValidationError(f"{where}: ngày {min(both):%d/%m/%Y} vừa là ngày nghỉ vừa là ngày làm bù.")
        for day, _ in days_off + make_up:
            if abs(day.year - year) > 1:
                raise ValidationError(f"{where}: ngày {day:%d/%m/%Y} xa năm {year}.")
        for day, _ in make_up:
            if day.weekday() < 5:
                raise ValidationError(f"{where}: ngày làm bù {day:%d/%m/%Y} không phải thứ Bảy hay Chủ Nhật.")
        decision = Decision(year, occasion, name, status == "official", reference, days_off, make_up,
                            str(record.get("note") or "").strip())
        if any((d.year, d.occasion) == (year, occasion) for d in decisions):
            raise ValidationError(f"{where}: dịp “{occasion.label}” năm {year} được ghi hai lần.")
        decisions.append(decision)
    if not decisions:
        raise ValidationError("Tệp quyết định nghỉ lễ không có quyết định nào.")
    return DecisionSet(tuple(decisions))


@lru_cache(maxsize=1)
def shipped() -> DecisionSet:
    from db.paths import resources_dir

    path = resources_dir() / "calendar" / "decisions.json"
    return parse_decisions(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def effective(loaded_text: str | None) -> DecisionSet:
    """The shipped decisions with an office's loaded file on top (the file wins per year and occasion)."""
    base = shipped()
    return base.merged_with(parse_decisions(loaded_text)) if loaded_text else base


# -- the national base of a year: package + decisions, each day with its provenance ------------


def _occasion_of(name: str) -> Occasion | None:
    n = name.lower()
    if "dương lịch" in n:
        return Occasion.NEW_YEAR
    if "tết" in n or "giao thừa" in n:
        return Occasion.TET
    if "hùng vương" in n:
        return Occasion.HUNG_KINGS
    if "chiến thắng" in n or "lao động" in n:
        return Occasion.REUNIFICATION
    if "quốc khánh" in n:
        return Occasion.NATIONAL_DAY
    if "văn hóa" in n or "văn hoá" in n:
        return Occasion.CULTURE_DAY
    return None  # a swap ("Ngày nghỉ (thay cho ngày …)"): it belongs to the nearest holiday


_FIXED_BY_LAW = {(1, 1), (4, 30), (5, 1), (9, 2)}


def national_year(year: int, days_off: Mapping[dt.date, str], make_up: Iterable[dt.date],
                  decisions: DecisionSet) -> dict[dt.date, Entry]:
    """The special days of ``year`` before overrides: the package's, replaced per occasion by decisions."""
    named = {day: (name, _occasion_of(name)) for day, name in days_off.items()}
    anchors = [(day, occ) for day, (_, occ) in named.items() if occ is not None]

    def nearest(day: dt.date) -> Occasion:
        if not anchors:
            return Occasion.OTHER
        return min(anchors, key=lambda a: abs((a[0] - day).days))[1]

    decided = decisions.for_year(year)
    entries: dict[dt.date, Entry] = {}
    for day, (name, occasion) in named.items():
        occasion = occasion or nearest(day)
        if occasion in decided:
            continue
        if occasion is Occasion.CULTURE_DAY:
            source, working = Source.UNCONFIRMED, True
        elif ((day.month, day.day) in _FIXED_BY_LAW or occasion is Occasion.HUNG_KINGS
              or "nghỉ bù" in name.lower()) and _occasion_of(name) is not None:
            source, working = Source.LAW, False
        else:
            source, working = Source.PROVISIONAL, False
        entries[day] = Entry(working, name, source, occasion)
    for day in make_up:
        occasion = nearest(day)
        if occasion not in decided:
            entries[day] = Entry(True, "Ngày làm bù", Source.PROVISIONAL, occasion)
    # A decision may reach into the next or previous year (a New Year break from 31/12).
    nearby = [d for y in (year - 1, year, year + 1) for d in decisions.for_year(y).values()]
    for decision in nearby:
        source = Source.DECISION if decision.official else Source.PROVISIONAL
        reference = decision.reference.text()
        for day, name in decision.days_off:
            entries[day] = Entry(False, name, source, decision.occasion, reference)
        for day, name in decision.make_up_days:
            entries[day] = Entry(True, name, source, decision.occasion, reference)
    return {day: entry for day, entry in entries.items() if day.year == year}
