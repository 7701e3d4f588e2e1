"""Every string the officer sees passes through ``tr`` so that it can be translated.

Conventions (pyside6-lupdate must be able to find the strings, see
scripts/update_translations.sh):
- call ``tr("Vietnamese literal")`` with the literal inside the call: no
  f-strings or variables; put values in afterwards,
  ``tr("Đã tạo {n} hồ sơ").format(n=...)``;
- a string defined before it is shown (a page ``title``, a column header in a
  tuple) is marked ``QT_TR_NOOP("…")`` where it is defined and passed
  through ``tr(value)`` where it is shown.
lupdate files both under an empty context; the update script moves them to
the context "MotCua", which is what ``tr`` looks them up in.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.measures import percent_text

CONTEXT = "MotCua"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"
SETTING = "ui/language"
log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a string for translation where it is defined; ``tr`` translates it where it is shown."""
    return text


def translations_dir() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))  # PyInstaller puts data there
    return base / "resources" / "translations"


# Numbers read the Vietnamese way (1.000, 42,9 %) until a language is installed, whatever the
# machine's own locale: the window must not depend on how the PC was set up.
QLocale.setDefault(QLocale(QLocale.Vietnamese))


def chosen_language() -> str:
    value = QSettings().value(SETTING, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(language: str) -> None:
    """Remembered per Windows/Linux user (QSettings); takes effect at the next start."""
    QSettings().setValue(SETTING, language if language in LANGUAGES else DEFAULT_LANGUAGE)


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Load our translation and Qt's own (button texts of standard dialogs) for the chosen language."""
    language = language or chosen_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Vietnamese if language == "vi" else QLocale.English))
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    ours = str(translations_dir())
    # Qt's own texts (standard buttons): Qt's file for English, ours for Vietnamese (Qt ships none).
    candidates = [(f"qtbase_{language}", qt_dir if language != "vi" else ours)]
    if language != "vi":   # the sources are Vietnamese: no file needed for it
        candidates.append((f"motcua_{language}", ours))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif folder == ours:
            log.warning("Translation %s not found in %s (run scripts/setup.sh)", name, folder)
    return language


# Weekday names and the "time left" words of app/ (Vietnamese there), translated where they are shown.
WEEKDAYS = (QT_TR_NOOP("Thứ Hai"), QT_TR_NOOP("Thứ Ba"), QT_TR_NOOP("Thứ Tư"), QT_TR_NOOP("Thứ Năm"),
            QT_TR_NOOP("Thứ Sáu"), QT_TR_NOOP("Thứ Bảy"), QT_TR_NOOP("Chủ Nhật"))
_TIME_UNITS = {"ngày": QT_TR_NOOP("{n} ngày"), "giờ": QT_TR_NOOP("{n} giờ"), "phút": QT_TR_NOOP("{n} phút")}
_REMAINING = {"Còn": QT_TR_NOOP("Còn {time}"), "Quá hạn": QT_TR_NOOP("Quá hạn {time}")}


def weekday_name(day) -> str:
    """"Thứ Tư" / "Wednesday" for a date."""
    return tr(WEEKDAYS[day.weekday()])


def remaining_text(text: str) -> str:
    """app.deadlines.describe_remaining's "Còn 2 ngày 3 giờ" / "Quá hạn 1 ngày" in the window's language
    (the letter-deadline words of app.deadlines.time_left carry dates and stay as they are)."""
    match = re.fullmatch(r"(Còn|Quá hạn) ((?:\d+ (?:ngày|giờ|phút) ?)+)", text or "")
    if match is None:
        return text
    parts = re.findall(r"(\d+) (ngày|giờ|phút)", match.group(2))
    time = " ".join(tr(_TIME_UNITS[unit]).format(n=n) for n, unit in parts)
    return tr(_REMAINING[match.group(1)]).format(time=time)


def processing_text(processing) -> str:
    """A processing time in the window's language: a ProcessingTime, or the text of its describe()
    ("3 ngày làm việc", "0,5 ngày làm việc", "4 giờ làm việc", "trong ngày")."""
    from app.deadlines import TimeUnit

    if isinstance(processing, str):
        match = re.fullmatch(r"([\d,]+) (ngày|giờ) làm việc", processing)
        if processing == "trong ngày":
            return tr("trong ngày")
        if match is None:
            return processing
        n, day = match.group(1), match.group(2) == "ngày"
    else:
        if processing.unit is TimeUnit.DAY and processing.value == 0:
            return tr("trong ngày")
        value = float(processing.value)
        n = str(int(value)) if value.is_integer() else str(value).replace(".", ",")
        day = processing.unit is TimeUnit.DAY
    return (tr("{n} ngày làm việc") if day else tr("{n} giờ làm việc")).format(n=n)


def thousands(number: int) -> str:
    """Digit grouping of the window's language: 1.000.000 in Vietnamese, 1,000,000 in English."""
    return QLocale().toString(int(number))


def percent(value, decimals: int = 1) -> str:
    """A rate with one decimal (a target: ``decimals=0``) in the window's language: Vietnamese as
    app.measures writes it ("42,9 %", "90 %"), English "42.9%"; "—" when nothing was counted."""
    if value is None or QLocale().decimalPoint() == ",":
        return percent_text(value, decimals)
    return QLocale().toString(float(value), "f", decimals) + "%"
