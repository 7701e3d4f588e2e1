"""Checks on what officers type and files carry, each failing with a Vietnamese reason."""

from __future__ import annotations

import datetime as dt
import re

from app.errors import ValidationError
from app.text import digits, nfc

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PASSPORT = re.compile(r"^[A-Z][0-9]{7,8}$")
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_/]*$")
EARLIEST = dt.datetime(2000, 1, 1)


def required_text(value: str | None, what: str, max_length: int) -> str:
    text = nfc(value)
    if not text:
        raise ValidationError(f"Chưa nhập {what}.")
    if len(text) > max_length:
        raise ValidationError(f"{what.capitalize()} quá dài (tối đa {max_length} ký tự).")
    return text


def optional_text(value: str | None, what: str, max_length: int) -> str:
    text = nfc(value)
    if len(text) > max_length:
        raise ValidationError(f"{what.capitalize()} quá dài (tối đa {max_length} ký tự).")
    return text


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
    text = nfc(value)
    if not text:
        raise ValidationError("Chưa nhập mã hồ sơ.")
    if len(text) > 60 or not _CODE.match(text):
        raise ValidationError(
            f"Mã hồ sơ “{value}” không hợp lệ: chỉ dùng chữ, số và các dấu . - _ /, tối đa 60 ký tự."
        )
    return text


def moment_not_in_future(moment: dt.datetime, now: dt.datetime, what: str) -> dt.datetime:
    if moment < EARLIEST:
        raise ValidationError(f"{what.capitalize()} {moment:%d/%m/%Y} quá xa trong quá khứ.")
    # A few minutes of grace for clocks of different PCs.
    if moment > now + dt.timedelta(minutes=5):
        raise ValidationError(
            f"{what.capitalize()} ({moment:%H:%M %d/%m/%Y}) không được ở tương lai (bây giờ là {now:%H:%M %d/%m/%Y})."
        )
    return moment
