"""Text in, text out: NFC for storage and display, a folded form for search.

SQLite's FTS5 ``remove_diacritics`` does not fold "đ", so search runs on a
copy folded here in Python (no marks, đ→d, lower case, single spaces).
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Characters that NFD does not decompose into a base letter + marks.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(value: str | None) -> str:
    """NFC-normalise and trim; None becomes the empty string."""
    if value is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def fold(value: str | None) -> str:
    """Lower-case, diacritic-free, đ→d copy for search: "Đặng Văn Đức" → "dang van duc"."""
    if not value:
        return ""
    if value.isascii():
        return _SPACES.sub(" ", value.lower()).strip()
    decomposed = unicodedata.normalize("NFD", str(value).translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


def initials(value: str | None) -> str:
    """The first letter of each word, upper case, without tone marks but keeping Đ, as Vietnamese
    abbreviations are written: "Bộ phận Địa chính - Đất đai" → "BPĐCĐĐ", "Phòng Văn hóa - Xã hội" → "PVHXH"."""
    words = re.findall(r"[^\W_]+", nfc(value))
    return "".join("Đ" if word[0] in "đĐ" else fold(word[0]).upper() for word in words)


def digits(value: str | None) -> str:
    """Only the digits of a phone or identity number: "0912 345-678" → "0912345678"."""
    return "".join(ch for ch in (value or "") if ch.isdigit())


# Agency words written in full or abbreviated: both fold to the abbreviation.
_AGENCY_WORDS = ((re.compile(r"\buy ban nhan dan\b"), "ubnd"), (re.compile(r"\bhoi dong nhan dan\b"), "hdnd"))
_DASHES = re.compile(r"\s*[-‐‑‒–—―]\s*")


def fold_name(value: str | None) -> str:
    """``fold`` for the names of agencies and units, so that an imported "Ủy ban nhân dân xã  Phú Hòa"
    matches "UBND xã Phú Hoà": also "Ủy ban nhân dân" → "ubnd", "Hội đồng nhân dân" → "hdnd", and
    every kind of dash with its spaces → " - "."""
    text = _DASHES.sub(" - ", fold(value))
    for pattern, short in _AGENCY_WORDS:
        text = pattern.sub(short, text)
    return " ".join(text.split())
