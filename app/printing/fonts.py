"""The serif font of official documents, found once and checked for Vietnamese.

Decree 30/2020 asks for Times New Roman. Where it is not installed, a
metrically identical free font with full Vietnamese coverage stands in:
Liberation Serif 2.x (Debian ``fonts-liberation2``) or Tinos (``fonts-croscore``).
Liberation Serif 1.x has the same name and no Vietnamese at all, so every
candidate is judged by its character map, never by its name, and a text is
checked against the map before it is drawn: a missing glyph is an error,
never an empty box on a letter handed to a citizen.
"""

from __future__ import annotations

import os
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.errors import ConfigurationError

STYLES = ("regular", "bold", "italic", "bold_italic")

# Family name → file names of its four styles, in the order of STYLES.
CANDIDATES: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    ("Times New Roman", ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")),
    ("Times New Roman", ("Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf",
                         "Times New Roman Bold Italic.ttf")),
    ("Times New Roman", ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
                         "Times_New_Roman_Bold_Italic.ttf")),
    ("Liberation Serif", ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                          "LiberationSerif-BoldItalic.ttf")),
    ("Tinos", ("Tinos-Regular.ttf", "Tinos-Bold.ttf", "Tinos-Italic.ttf", "Tinos-BoldItalic.ttf")),
)

# Every precomposed letter of Vietnamese (NFC), both cases, and the punctuation
# the forms use. A family must draw all of them in all four styles to be chosen.
_LETTERS = "".join(unicodedata.normalize("NFC", vowel + tone)
                   for vowel in "aăâeêioôơuưy" for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"))
_LETTERS += "đbcdfghjklmnpqrstvwxz"
VIETNAMESE = frozenset(_LETTERS + _LETTERS.upper() + "0123456789 .,;:!?()[]/-–“”‘’'\"%&+*=…")

INSTALL_HINT = ("Hãy cài một phông chữ có đủ dấu tiếng Việt: trên Windows là Times New Roman (có sẵn); "
                "trên Debian/Ubuntu chạy “sudo apt-get install fonts-liberation2” (Liberation Serif 2) "
                "hoặc “sudo apt-get install fonts-croscore” (Tinos).")


def font_dirs() -> list[Path]:
    """Where fonts live on this machine; ``MOTCUA_FONT_DIRS`` (os.pathsep-separated) replaces the list."""
    override = os.environ.get("MOTCUA_FONT_DIRS")
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/System/Library/Fonts")]
    data_home = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [data_home / "fonts", home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]


@dataclass(frozen=True)
class FontFamily:
    """A registered family: the reportlab names of its four styles and what it can draw."""

    family: str                 # "Liberation Serif"
    names: dict                 # style → reportlab font name
    files: dict                 # style → Path
    coverage: dict              # style → frozenset of characters

    @property
    def regular(self) -> str:
        return self.names["regular"]

    @property
    def bold(self) -> str:
        return self.names["bold"]

    @property
    def italic(self) -> str:
        return self.names["italic"]

    @property
    def bold_italic(self) -> str:
        return self.names["bold_italic"]

    def missing(self, text: str, style: str = "regular") -> set[str]:
        """Characters of ``text`` the font cannot draw (whitespace aside)."""
        covered = self.coverage[style]
        return {ch for ch in set(text) if ch not in covered and not ch.isspace()}

    def check(self, text: str, what: str = "") -> None:
        """Refuse a text with a character every style cannot draw, naming it."""
        missing = set()
        for style in STYLES:
            missing |= self.missing(text, style)
        if missing:
            shown = ", ".join(f"“{ch}” (U+{ord(ch):04X})" for ch in sorted(missing)[:5])
            where = f" trong {what}" if what else ""
            raise ConfigurationError(
                f"Phông chữ {self.family} không có ký tự {shown}{where}: bản in sẽ hiện ô vuông. "
                "Hãy sửa nội dung (gõ lại bằng bộ gõ Unicode) hoặc cài phông Times New Roman."
            )


def _font_files(dirs: list[Path]) -> dict[str, list[Path]]:
    """Every .ttf under the folders, by lower-case file name (one walk; several copies kept)."""
    found: dict[str, list[Path]] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith(".ttf"):
                    found.setdefault(name.lower(), []).append(Path(root) / name)
    return found


def _family_sets(index: dict[str, list[Path]], files: tuple[str, ...]) -> list[list[Path]]:
    """The four style files of each folder holding the whole family (e.g. liberation/ and liberation2/)."""
    sets: list[list[Path]] = []
    for regular in index.get(files[0].lower(), []):
        siblings = [regular] + [next((p for p in index.get(name.lower(), []) if p.parent == regular.parent), None)
                                for name in files[1:]]
        if all(siblings):
            sets.append([p for p in siblings if p is not None])  # all of them
    return sets


def _character_map(font: TTFont) -> frozenset[str]:
    return frozenset(chr(code) for code, glyph in font.face.charToGlyph.items() if glyph and code < 0x110000)


_lock = threading.Lock()
_chosen: FontFamily | None = None


def discover(dirs: list[Path] | None = None) -> FontFamily:
    """The first candidate family whose four styles exist and draw every Vietnamese letter; registered once."""
    global _chosen
    if _chosen is not None and dirs is None:
        return _chosen
    with _lock:
        if _chosen is not None and dirs is None:
            return _chosen
        found = _discover(dirs if dirs is not None else font_dirs())
        if dirs is None:
            _chosen = found
        return found


def _discover(dirs: list[Path]) -> FontFamily:
    index = _font_files(dirs)
    rejected = []
    for family, files in CANDIDATES:
        for paths in _family_sets(index, files):
            # Stable names, so the same letter renders to the same bytes in every process.
            tag = f"MC-{family.replace(' ', '')}"
            try:
                fonts = [TTFont(f"{tag}-{style}", str(path)) for style, path in zip(STYLES, paths)]
            except TTFError as error:
                rejected.append(f"{family} ({paths[0]}: {error})")
                continue
            coverage = {style: _character_map(font) for style, font in zip(STYLES, fonts)}
            lacking = set().union(*(VIETNAMESE - coverage[style] for style in STYLES))
            if lacking:
                # Liberation Serif 1.x: the right name, no Vietnamese.
                rejected.append(f"{family} tại {paths[0].parent} thiếu {len(lacking)} chữ tiếng Việt")
                continue
            return _register(family, fonts, paths, coverage)
    detail = f" (đã bỏ qua: {'; '.join(rejected)})" if rejected else ""
    raise ConfigurationError("Không tìm thấy phông chữ Times New Roman, Liberation Serif 2 hay Tinos để in văn bản"
                             f"{detail}. {INSTALL_HINT}")


def _register(family: str, fonts: list[TTFont], paths: list[Path], coverage: dict) -> FontFamily:
    registered = set(pdfmetrics.getRegisteredFontNames())
    for font in fonts:
        if font.fontName not in registered:
            pdfmetrics.registerFont(font)
    names = {style: font.fontName for style, font in zip(STYLES, fonts)}
    base = names["regular"]
    # <b> and <i> inside a paragraph pick the family's own bold and italic faces.
    addMapping(base, 0, 0, names["regular"])
    addMapping(base, 1, 0, names["bold"])
    addMapping(base, 0, 1, names["italic"])
    addMapping(base, 1, 1, names["bold_italic"])
    return FontFamily(family, names, dict(zip(STYLES, paths)), coverage)
