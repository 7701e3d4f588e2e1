"""Cell values of an export turned into the register's values, or a Vietnamese reason.

Readers hand over str, float (calamine gives floats for integers), int, bool,
datetime/date/time or '' for empty cells; every parser here accepts all of
them and raises ``CellError`` with a message naming what is wrong.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata

from app import ratings
from app.lifecycle import STATUS_LABELS, Channel, OnlineLevel, Status
from app.text import fold, nfc


class CellError(ValueError):
    """A cell that cannot be taken; the message is Vietnamese and complete."""


_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?(?:\.\d+)?)?$")
_TIME_FIRST = re.compile(r"^(\d{1,2})[:hg](\d{2})(?::(\d{2}))?[ ,]+(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$")


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value) -> str:
    """A cell as NFC text; integral floats lose their ".0" (calamine reads 912345678 as 912345678.0)."""
    if value.__class__ is str:
        # The common case, a million times per big file: skip the regex when there is nothing to collapse.
        if value.isascii() or unicodedata.is_normalized("NFC", value):
            # isprintable() is False for tabs, line breaks and every space but " " (NBSP, em space...)
            if "  " in value or not value.isprintable():
                return nfc(value)
            return value.strip()
        return nfc(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value))


def _build(day: int, month: int, year: int, hour: int = 0, minute: int = 0, second: int = 0,
           original: str = "") -> dt.datetime:
    if not 1 <= month <= 12:
        raise CellError(f"ngày “{original}” không tồn tại (không có tháng {month})")
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        if hour > 23 or minute > 59 or second > 59:
            raise CellError(f"giờ trong “{original}” không hợp lệ") from None
        raise CellError(f"ngày “{original}” không tồn tại (tháng {month}/{year} không có ngày {day})") from None


def moment(value, what: str) -> dt.datetime | None:
    """dd/mm/yyyy [hh:mm[:ss]], hh:mm dd/mm/yyyy, ISO, a date cell, or a spreadsheet serial number."""
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, bool):
        raise CellError(f"{what} “{text(value)}” không phải ngày")
    if isinstance(value, (int, float)):
        return _serial(float(value), what)
    raw = nfc(str(value))
    match = _DMY.match(raw)
    if match:
        d, m, y, hh, mm, ss = match.groups()
        return _build(int(d), int(m), int(y), int(hh or 0), int(mm or 0), int(ss or 0), raw)
    match = _TIME_FIRST.match(raw)
    if match:
        hh, mm, ss, d, m, y = match.groups()
        return _build(int(d), int(m), int(y), int(hh), int(mm), int(ss or 0), raw)
    match = _ISO.match(raw)
    if match:
        y, m, d, hh, mm, ss = match.groups()
        return _build(int(d), int(m), int(y), int(hh or 0), int(mm or 0), int(ss or 0), raw)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", raw):
        return _serial(float(raw.replace(",", ".")), what)
    raise CellError(f"{what} “{raw}” không phải ngày hợp lệ (cần dạng dd/mm/yyyy, có thể kèm giờ hh:mm)")


def _serial(number: float, what: str) -> dt.datetime:
    # 1/1/2000 is serial 36526; anything outside 2000–2100 is not a date of this register.
    if not 36526 <= number < 73051:
        raise CellError(f"{what} “{text(number)}” không phải ngày hợp lệ")
    moment_ = _EXCEL_EPOCH + dt.timedelta(days=number)
    # Serial fractions carry float noise: round to the second.
    return (moment_ + dt.timedelta(microseconds=500_000)).replace(microsecond=0)


# -- words ------------------------------------------------------------------------------------------

_STATUS_WORDS: dict[str, Status] = {fold(label): status for status, label in STATUS_LABELS.items()}
_STATUS_WORDS.update({
    "moi": Status.REGISTERED, "cho tiep nhan": Status.REGISTERED, "dang ky moi": Status.REGISTERED,
    "moi dang ky truc tuyen": Status.REGISTERED,
    "da tiep nhan": Status.ACCEPTED, "tiep nhan": Status.ACCEPTED, "moi tiep nhan": Status.ACCEPTED,
    "khong tiep nhan": Status.REFUSED, "tu choi": Status.REFUSED, "tu choi tiep nhan": Status.REFUSED,
    "bi tu choi": Status.REFUSED,
    "dang giai quyet": Status.PROCESSING, "dang thu ly": Status.PROCESSING, "dang xu ly ho so": Status.PROCESSING,
    "cho bo sung": Status.SUPPLEMENT, "yeu cau bo sung": Status.SUPPLEMENT, "bo sung ho so": Status.SUPPLEMENT,
    "cho bo sung giay to": Status.SUPPLEMENT, "yeu cau bo sung ho so": Status.SUPPLEMENT,
    "nghia vu tai chinh": Status.FINANCIAL, "cho thuc hien nghia vu tai chinh": Status.FINANCIAL,
    "rut ho so": Status.WITHDRAWN, "da rut": Status.WITHDRAWN, "da rut ho so": Status.WITHDRAWN,
    "cong dan rut ho so": Status.WITHDRAWN,
    "dung giai quyet": Status.STOPPED, "da dung xu ly": Status.STOPPED,
    "da giai quyet": Status.RESULT_READY, "co ket qua": Status.RESULT_READY, "hoan thanh": Status.RESULT_READY,
    "da hoan thanh": Status.RESULT_READY, "cho tra ket qua": Status.RESULT_READY, "da xu ly": Status.RESULT_READY,
    "da co ket qua": Status.RESULT_READY,
    "da tra": Status.RETURNED, "da tra kq": Status.RETURNED, "tra ket qua": Status.RETURNED,
})


def status(value) -> Status | None:
    if isinstance(value, str):
        return _status_text(value)  # a column holds a handful of distinct words: parse each once
    return _status(value)


@functools.lru_cache(maxsize=512)
def _status_text(value: str) -> Status | None:
    return _status(value)


def _status(value) -> Status | None:
    if is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() \
            and 1 <= value <= 10:
        return Status(int(value))
    key = re.sub(r"[^0-9a-z]+", " ", fold(str(value))).strip()
    if key.isdigit() and 1 <= int(key) <= 10:
        return Status(int(key))
    found = _STATUS_WORDS.get(key)
    if found is None:
        known = "; ".join(STATUS_LABELS.values())
        raise CellError(f"trạng thái “{text(value)}” không nhận ra (dùng mã 1–10 hoặc: {known})")
    return found


def channel(value) -> Channel | None:
    if isinstance(value, str):
        return _channel_text(value)
    return _channel(value)


@functools.lru_cache(maxsize=512)
def _channel_text(value: str) -> Channel | None:
    return _channel(value)


def _channel(value) -> Channel | None:
    if is_empty(value):
        return None
    key = fold(str(value))
    if "buu" in key:
        return Channel.POSTAL
    if any(w in key for w in ("truc tuyen", "online", "dvc", "dich vu cong", "qua mang", "dien tu", "internet")):
        return Channel.ONLINE
    if any(w in key for w in ("truc tiep", "tai quay", "tai bo phan", "tai mot cua", "tai co quan")):
        return Channel.IN_PERSON
    raise CellError(f"hình thức nộp “{text(value)}” không nhận ra (dùng: Trực tiếp, Trực tuyến, Bưu chính)")


def number(value, what: str) -> float | None:
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"{what} “{text(value)}” không phải là số")
    if isinstance(value, (int, float)):
        result = float(value)
    else:
        raw = nfc(str(value)).replace(",", ".")
        try:
            result = float(raw)
        except ValueError:
            raise CellError(f"{what} “{nfc(str(value))}” không phải là số") from None
    if result != result or result in (float("inf"), float("-inf")):
        raise CellError(f"{what} “{text(value)}” không phải là số")
    if result < 0:
        raise CellError(f"{what} “{text(value)}” là số âm")
    return result


_YES = {"co", "x", "1", "yes", "true", "dung", "co thu", "co phi", "v"}
_NO = {"khong", "0", "no", "false", "sai", "mien phi", "khong thu", "khong co", "-"}


def yes_no(value, what: str) -> bool | None:
    if is_empty(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = fold(str(value)).strip(" .")
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(f"{what} “{text(value)}” không rõ (cần Có/Không)")


def online_level(value) -> OnlineLevel | None:
    if is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise CellError(f"mức độ trực tuyến “{text(value)}” không nhận ra")
        level = int(value)
        return OnlineLevel.FULL if level >= 4 else OnlineLevel.PARTIAL if level == 3 else OnlineLevel.NONE
    key = fold(str(value))
    if "toan trinh" in key or re.search(r"\b4\b", key) or key in ("full",):
        return OnlineLevel.FULL
    if "mot phan" in key or re.search(r"\b3\b", key) or key in ("partial",):
        return OnlineLevel.PARTIAL
    if key.startswith("khong") or re.search(r"\b[12]\b", key) or key in ("none", "truc tiep"):
        return OnlineLevel.NONE
    raise CellError(f"mức độ trực tuyến “{text(value)}” không nhận ra (dùng: Toàn trình, Một phần, Không)")


def processing_time(value, unit_value) -> tuple[float, str]:
    """"3", 3.0, "3 ngày", "4 giờ", "Trong ngày", "0,5 ngày" → (value, "day"|"hour")."""
    unit = None
    if not is_empty(unit_value):
        key = fold(str(unit_value))
        if "gio" in key or key in ("h", "hour"):
            unit = "hour"
        elif "ngay" in key or key in ("d", "day"):
            unit = "day"
        else:
            raise CellError(f"đơn vị thời hạn “{text(unit_value)}” không nhận ra (dùng: ngày hoặc giờ)")
    if is_empty(value):
        raise CellError("chưa có thời hạn giải quyết")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        result = number(value, "Thời hạn giải quyết")
        assert result is not None  # not empty: checked above
        return result, unit or "day"
    key = fold(str(value))
    if key in ("trong ngay", "ngay trong ngay", "giai quyet trong ngay", "ngay"):
        return 0.0, "day"
    match = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio lam viec|gio|h)?", key)
    if not match:
        raise CellError(f"thời hạn giải quyết “{text(value)}” không phải là số ngày hoặc số giờ")
    result = float(match.group(1).replace(",", "."))
    word = match.group(2) or ""
    if word.startswith("gio") or word == "h":
        return result, "hour"
    return result, unit or "day"


# -- the citizen's evaluation ------------------------------------------------------------------------

_POINTS = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:diem)?\s*(?:/\s*([35]))?(?:\s*diem)?$")


def _points(value) -> tuple[float, int | None] | None:
    """A cell read as points: (value, the scale it names: "4/5" → 5), or None when it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value), None
    match = _POINTS.match(fold(str(value)).strip())
    if match is None:
        return None
    return float(match.group(1).replace(",", ".")), int(match.group(2)) if match.group(2) else None


def rating_scale(cells) -> int:
    """The point scale of a whole evaluation column, as the portal exports it: 1–5 when any cell says 4 or 5
    (or "…/5"), else 1–3."""
    for cell in cells:
        found = None if is_empty(cell) else _points(cell)
        if found is not None and (found[1] == 5 or (found[1] is None and found[0] in (4, 5))):
            return 5
    return 3


def rating(value, scale: int = 3) -> ratings.Level | None:
    """An evaluation cell: words ("Rất hài lòng", "Hài lòng", "Không hài lòng") or points of the column's scale."""
    if is_empty(value):
        return None
    found = _points(value)
    if found is None:
        level = ratings.level_from_words(text(value))
        if level is None:
            raise CellError(f"đánh giá “{text(value)}” không nhận ra (dùng: Rất hài lòng, Hài lòng, Không hài lòng, "
                            f"hoặc điểm 1–3 / 1–5)")
        return level
    points, named = found
    scale = named or scale
    if not points.is_integer() or not 1 <= points <= scale:
        raise CellError(f"điểm đánh giá “{text(value)}” nằm ngoài thang điểm 1–{scale}")
    return ratings.level_from_points(int(points), scale)
