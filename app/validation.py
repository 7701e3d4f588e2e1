"""Checks on what officers type and files carry, each failing with a Vietnamese reason."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from app.errors import ValidationError
from app.text import digits, nfc

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PASSPORT = re.compile(r"^[A-Z][0-9]{7,8}$")
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_/]*$")
EARLIEST = dt.datetime(2000, 1, 1)


# -- free text: names, addresses, notes, reasons --------------------------------------------------------
# Invisible characters a copy from Word or a web page brings along: dropped, they change nothing one sees.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Always drawn by the letter font (checked at start: app/printing/fonts.VIETNAMESE); others are looked up.
_DRAWN = frozenset(chr(c) for c in range(0x20, 0x7f)) | frozenset(
    unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for t in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")) | frozenset("đĐ–—“”‘’…°№")
_BIDI = frozenset(map(chr, [*range(0x202a, 0x202f), *range(0x2066, 0x206a), 0x200e, 0x200f, 0x061c]))


def printable(value) -> str:
    """``value`` safe to quote in a message or print on a terminal: control, bidi and other invisible
    format characters shown as <U+001B>, never sent as they are (an ESC would drive the terminal)."""
    text = "" if value is None else str(value)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in "\n\t" else f"<U+{ord(ch):04X}>" for ch in text)


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return 0x1f000 <= code <= 0x1faff or 0x2600 <= code <= 0x27bf or code in (0xfe0f, 0x20e3)


def _refused_character(ch: str) -> str | None:
    """Why ``ch`` cannot be in a name, an address or a note; None when it can."""
    category = unicodedata.category(ch)
    if category == "Cc":
        return f"ký tự điều khiển U+{ord(ch):04X}"
    if ch in _BIDI:
        return f"ký tự đảo chiều chữ U+{ord(ch):04X} (làm chữ hiện sai thứ tự)"
    if 0xe0000 <= ord(ch) <= 0xe007f:
        return f"ký tự ẩn (tag) U+{ord(ch):04X}"
    if _is_emoji(ch):
        return f"biểu tượng cảm xúc “{ch}” (không có trên giấy tờ hành chính, phông chữ văn bản không in được)"
    if category in ("Cf", "Cs", "Co", "Cn"):
        return f"ký tự ẩn hoặc không xác định U+{ord(ch):04X}"
    return None


def _undrawn(text: str) -> set[str]:
    """Characters the letter font cannot draw, asked of the font only for letters beyond Vietnamese
    (the font is loaded then, once); on a PC without the font, printing says so itself."""
    rare = {ch for ch in text if ch not in _DRAWN and not ch.isspace()}
    if not rare:
        return set()
    try:
        from app.printing.fonts import STYLES, discover

        family = discover()
    except Exception:  # noqa: BLE001 - no usable font here: the letter's own check names the fix
        return set()
    missing: set[str] = set()
    for style in STYLES:
        missing |= family.missing("".join(rare), style)
    return missing


def clean_text(value: str | None, what: str, max_length: int, required: bool = False) -> str:
    """Free text as stored: NFC, single spaces, no invisible characters; refused with the reason when it
    holds a control, bidi-override or tag character, an emoji, or a letter the letter font cannot draw
    (each of these later made receipts and letters refuse the dossier, or drove the terminal)."""
    text = nfc(value) if value else ""
    if not text.isascii() and _INVISIBLE.search(text):
        text = nfc(_INVISIBLE.sub("", text))
    if not text:
        if required:
            raise ValidationError(f"Chưa nhập {what}.")
        return ""
    if len(text) > max_length:
        raise ValidationError(f"{what.capitalize()} quá dài (tối đa {max_length} ký tự).")
    if not _DRAWN.issuperset(text):   # the common case, a Vietnamese name, stops here
        for ch in text:
            reason = _refused_character(ch)
            if reason:
                raise ValidationError(f"{what.capitalize()} “{printable(text)[:80]}” có {reason}; hãy gõ lại.")
        missing = _undrawn(text)
        if missing:
            shown = ", ".join(f"“{ch}” (U+{ord(ch):04X})" for ch in sorted(missing)[:5])
            raise ValidationError(f"{what.capitalize()} “{printable(text)[:80]}” có ký tự {shown} mà phông chữ "
                                  "của phiếu, thư không in được; hãy gõ lại bằng chữ tiếng Việt (bộ gõ Unicode).")
    return text


def required_text(value: str | None, what: str, max_length: int) -> str:
    return clean_text(value, what, max_length, required=True)


def optional_text(value: str | None, what: str, max_length: int) -> str:
    return clean_text(value, what, max_length)


# -- moments and amounts ----------------------------------------------------------------------------------
MAX_DUE_AFTER_RECEIPT = dt.timedelta(days=3 * 366)   # the longest procedure, with supplements and a letter
MAX_PROCESSING = {"day": 365, "hour": 3000}           # a working year and more: no procedure takes longer


def calendar_moment(moment: dt.datetime, what: str) -> dt.datetime:
    """A moment inside the years the working calendar reasons about (app/workcalendar.py)."""
    from app.workcalendar import FIRST_YEAR, LAST_YEAR

    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValidationError(f"{what.capitalize()} {moment:%d/%m/%Y} nằm ngoài khoảng lịch làm việc hỗ trợ "
                              f"({FIRST_YEAR}–{LAST_YEAR}).")
    return moment


def due_moment(due: dt.datetime, received: dt.datetime, what: str = "hạn xử lý") -> dt.datetime:
    """A due (or promised) moment: in the calendar, after the receipt, and within a plausible window of it."""
    calendar_moment(due, what)
    if due < received:
        raise ValidationError(f"{what.capitalize()} ({due:%H:%M %d/%m/%Y}) trước thời điểm tiếp nhận "
                              f"({received:%H:%M %d/%m/%Y}).")
    if due - received > MAX_DUE_AFTER_RECEIPT:
        raise ValidationError(f"{what.capitalize()} {due:%d/%m/%Y} không hợp lý: quá 3 năm sau ngày tiếp nhận "
                              f"{received:%d/%m/%Y}.")
    return due


def processing_amount(value: float, unit: str, bounded: bool = True) -> float:
    """A processing time ("day" or "hour"): a finite number, not negative, and (where it comes in: the CLI, the
    catalog, a procedure saved) at most a working year. Values already stored are read with ``bounded=False``."""
    word = "giờ" if unit == "hour" else "ngày"
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise ValidationError(f"Thời hạn giải quyết “{value}” không phải là số {word} hữu hạn.")
    if value < 0:
        raise ValidationError("Thời hạn giải quyết không được âm.")
    if bounded and value > MAX_PROCESSING[unit]:
        raise ValidationError(f"Thời hạn giải quyết {value:g} {word} quá dài (tối đa {MAX_PROCESSING[unit]} {word} "
                              "làm việc).")
    return float(value)


def identity_number(value: str | None, organisation: bool = False) -> str:
    """CCCD (12 digits) or old CMND (9) for people; tax code (10 or 13) for organisations; passports."""
    text = nfc(value).upper().replace(" ", "")
    if not text:
        return ""
    if _PASSPORT.match(text):
        return text
    number = text.replace("-", "")
    if not number.isdigit():
        raise ValidationError(f"Số giấy tờ tùy thân “{value}” chỉ được gồm chữ số (hoặc là số hộ chiếu).")
    allowed = (10, 13) if organisation else (9, 12)
    if len(number) not in allowed:
        if organisation:
            raise ValidationError(f"Mã số thuế/giấy tờ “{value}” phải có 10 hoặc 13 chữ số.")
        raise ValidationError(f"Số CCCD/CMND “{value}” phải có 12 chữ số (CCCD) hoặc 9 chữ số (CMND).")
    return number


def phone(value: str | None) -> str:
    text = nfc(value)
    if not text:
        return ""
    number = digits(text)
    if text.startswith("+84") or (number.startswith("84") and len(number) == 11):
        number = "0" + number[2:]
    if not (number.startswith("0") and 10 <= len(number) <= 11) or re.search(r"[A-Za-z]", text):
        raise ValidationError(f"Số điện thoại “{value}” không hợp lệ (cần 10–11 chữ số, bắt đầu bằng 0).")
    return number


def email(value: str | None) -> str:
    text = nfc(value)
    if text and not _EMAIL.match(text):
        raise ValidationError(f"Địa chỉ thư điện tử “{value}” không hợp lệ.")
    return text


def email_list(value: str | None) -> list[str]:
    """Addresses separated by commas or semicolons, each checked: "a@x.vn, b@y.vn" → ["a@x.vn", "b@y.vn"]."""
    return [email(part.strip()) for part in nfc(value).replace(";", ",").split(",") if part.strip()]


_SYMBOL = re.compile(r"^[^\W_][\w.&\-]*$")


def letter_symbol(value: str | None) -> str:
    """The symbol in letter numbers ("TTPVHCC", "TP-HT"): letters, digits, ".", "-", "&", no spaces or "/"."""
    text = nfc(value)
    if text and (len(text) > 40 or not _SYMBOL.match(text)):
        raise ValidationError(f"Ký hiệu “{value}” không hợp lệ: chỉ dùng chữ, số và các dấu . - & "
                              f"(không dấu cách, không “/”), tối đa 40 ký tự.")
    return text


def dossier_code(value: str | None) -> str:
    """A dossier code as the national format writes it, in capitals ("000.00.16.H19-260901-0001"): a code
    typed or exported in lower case is the same dossier, never a second one."""
    text = nfc(value)
    if not text:
        raise ValidationError("Chưa nhập mã hồ sơ.")
    if len(text) > 60 or not _CODE.match(text):
        raise ValidationError(
            f"Mã hồ sơ “{printable(value)}” không hợp lệ: chỉ dùng chữ, số và các dấu . - _ /, tối đa 60 ký tự."
        )
    return text.upper()   # ASCII only (checked above)


def moment_not_in_future(moment: dt.datetime, now: dt.datetime, what: str) -> dt.datetime:
    if moment < EARLIEST:
        raise ValidationError(f"{what.capitalize()} {moment:%d/%m/%Y} quá xa trong quá khứ.")
    # A few minutes of grace for clocks of different PCs.
    if moment > now + dt.timedelta(minutes=5):
        raise ValidationError(
            f"{what.capitalize()} ({moment:%H:%M %d/%m/%Y}) không được ở tương lai (bây giờ là {now:%H:%M %d/%m/%Y})."
        )
    return moment
