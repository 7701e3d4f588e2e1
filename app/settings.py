"""Office settings, each declared once with its type, default and meaning.

They are stored in the register (every desk of a centre shares them); window
geometry and other per-machine state stay in QSettings inside ``ui/``.
"""

from __future__ import annotations

import dataclasses
import json
import string
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.workcalendar import OfficeHours
from db.models import Setting


def _office_hours(value: str) -> None:
    OfficeHours.parse(value)


def _time_of_day(value: str) -> None:
    OfficeHours.parse("00:00-23:59", value)


def _between(low: int, high: int) -> Callable[[Any], None]:
    def check(value):
        if not low <= value <= high:
            raise ValidationError(f"Giá trị phải nằm trong khoảng {low}–{high}.")
    return check


def _one_of(*allowed: str) -> Callable[[Any], None]:
    def check(value):
        if value not in allowed:
            raise ValidationError("Giá trị phải là một trong: " + ", ".join(allowed) + ".")
    return check


def _letter_number_format(value: str) -> None:
    try:
        fields = {field for _, field, _, _ in string.Formatter().parse(value) if field is not None}
    except ValueError:
        fields = set()
    if "number" not in fields:
        raise ValidationError("Mẫu số phiếu phải có chỗ cho số thứ tự: {number} (ví dụ “{number}/PXL”).")
    try:
        value.format(number=1, year=2026)
    except (KeyError, IndexError, ValueError):
        raise ValidationError("Mẫu số phiếu chỉ được dùng {number} và {year}.") from None


def _two_digits(value: str) -> None:
    if not (len(value) == 2 and value.isdigit()):
        raise ValidationError("Mã nền tảng phải gồm đúng 2 chữ số.")


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    label: str
    check: Callable[[Any], None] | None = None


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("office_hours", str, "07:30-11:30,13:00-17:00", "Giờ làm việc", _office_hours),
    SettingSpec("cutoff", str, "15:00", "Giờ chốt buổi chiều (nhận sau giờ này tính từ ngày làm việc sau)",
                _time_of_day),
    SettingSpec("due_soon_days", int, 3, "Cảnh báo sắp đến hạn trước (ngày làm việc)", _between(1, 30)),
    SettingSpec("supplement_mode", str, "pause", "Thời gian bổ sung hồ sơ: tạm dừng (pause) hoặc tính lại (restart)",
                _one_of("pause", "restart")),
    SettingSpec("code_platform", str, "01", "Mã nền tảng (2 chữ số) trong mã hồ sơ",
                _two_digits),
    SettingSpec("letter_number_format", str, "{number}/PXL", "Mẫu số phiếu xin lỗi", _letter_number_format),
    SettingSpec("digitization_target", int, 80, "Chỉ tiêu tỷ lệ số hóa (%)", _between(0, 100)),
    SettingSpec("letter_paper", str, "A5", "Khổ giấy phiếu xin lỗi, giấy tiếp nhận (A5 theo mẫu, hoặc A4)",
                _one_of("A5", "A4")),
    SettingSpec("paper_result_guard", str, "refuse",
                "Kết thúc hồ sơ có kết quả giấy chưa số hóa: từ chối (refuse) hoặc cho phép kèm cảnh báo (warn)",
                _one_of("refuse", "warn")),
    # Rate targets of the plans in force (DOMAIN.md §8); each office sets its own.
    SettingSpec("target_full_online", int, 100, "Chỉ tiêu TTHC đủ điều kiện cung cấp DVCTT toàn trình (%)",
                _between(0, 100)),
    SettingSpec("target_procedures_online", int, 80, "Chỉ tiêu TTHC có phát sinh hồ sơ trực tuyến (%)",
                _between(0, 100)),
    SettingSpec("target_online_dossiers", int, 50, "Chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến (%)", _between(0, 100)),
    SettingSpec("target_online_processing", int, 50, "Chỉ tiêu tỷ lệ hồ sơ xử lý trực tuyến (%)", _between(0, 100)),
    SettingSpec("target_on_time", int, 100, "Chỉ tiêu tỷ lệ giải quyết trước và đúng hạn (%)", _between(0, 100)),
    SettingSpec("target_online_payment", int, 100, "Chỉ tiêu tỷ lệ thanh toán trực tuyến (%)", _between(0, 100)),
    SettingSpec("target_apology", int, 100, "Chỉ tiêu hồ sơ trễ hạn có phiếu xin lỗi đúng hạn (%)",
                _between(0, 100)),
    # The end-of-day report and its delivery (the SMTP password lives in the keyring: app.secrets "smtp").
    SettingSpec("report_folder", str, "", "Thư mục nhận báo cáo (ví dụ ổ mạng dùng chung)"),
    SettingSpec("report_reminder_time", str, "16:30", "Nhắc gửi báo cáo cuối ngày lúc", _time_of_day),
    SettingSpec("smtp_host", str, "", "Máy chủ thư đi (SMTP)"),
    SettingSpec("smtp_port", int, 587, "Cổng SMTP", _between(1, 65535)),
    SettingSpec("smtp_security", str, "starttls", "Bảo mật SMTP: starttls, ssl hoặc none",
                _one_of("starttls", "ssl", "none")),
    SettingSpec("smtp_username", str, "", "Tên đăng nhập SMTP (để trống nếu máy chủ không yêu cầu)"),
    SettingSpec("smtp_sender", str, "", "Địa chỉ gửi báo cáo"),
    SettingSpec("smtp_recipient", str, "", "Địa chỉ nhận báo cáo (nhiều địa chỉ cách nhau bởi dấu phẩy)"),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class Settings:
    office_hours: str = "07:30-11:30,13:00-17:00"
    cutoff: str = "15:00"
    due_soon_days: int = 3
    supplement_mode: str = "pause"
    code_platform: str = "01"
    letter_number_format: str = "{number}/PXL"
    digitization_target: int = 80
    letter_paper: str = "A5"
    paper_result_guard: str = "refuse"
    target_full_online: int = 100
    target_procedures_online: int = 80
    target_online_dossiers: int = 50
    target_online_processing: int = 50
    target_on_time: int = 100
    target_online_payment: int = 100
    target_apology: int = 100
    report_folder: str = ""
    report_reminder_time: str = "16:30"
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"
    smtp_username: str = ""
    smtp_sender: str = ""
    smtp_recipient: str = ""

    def hours(self) -> OfficeHours:
        return OfficeHours.parse(self.office_hours, self.cutoff)


assert {f.name for f in dataclasses.fields(Settings)} == set(SPEC_BY_KEY), "Settings and SPECS disagree"


def coerce(key: str, value: Any) -> Any:
    """Turn a value (possibly text from a CLI or a form) into the setting's type, checked."""
    spec = SPEC_BY_KEY.get(key)
    if spec is None:
        raise ValidationError(f"Không có thiết lập “{key}”.")
    try:
        if spec.type is bool and isinstance(value, str):
            value = value.strip().lower() in ("1", "true", "co", "có", "yes")
        else:
            value = spec.type(value)
    except (TypeError, ValueError):
        raise ValidationError(f"Thiết lập “{spec.label}”: giá trị “{value}” không đúng kiểu.") from None
    if spec.check:
        try:
            spec.check(value)
        except ValidationError as error:
            raise ValidationError(f"Thiết lập “{spec.label}”: {error}") from None
    return value


def load_settings(session: Session) -> Settings:
    stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    values = {}
    for spec in SPECS:
        if spec.key in stored:
            try:
                values[spec.key] = coerce(spec.key, json.loads(stored[spec.key]))
                continue
            except (ValueError, ValidationError):
                pass  # a damaged value falls back to the default rather than blocking the desk
        values[spec.key] = spec.default
    return Settings(**values)


def save_setting(session: Session, key: str, value: Any) -> Any:
    value = coerce(key, value)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)
    return value
