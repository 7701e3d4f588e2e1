"""Office settings, each declared once with its type, default and meaning.

They are stored in the register (every desk of a centre shares them); window
geometry and other per-machine state stay in QSettings inside ``ui/``.
"""

from __future__ import annotations

import enum
import json
import string
from pathlib import Path
from typing import Any, Callable, Generic, TypeVar, overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.errors import ValidationError
from app.text import fold
from app.workcalendar import OfficeHours
from db.models import Setting


def _office_hours(value: str) -> None:
    OfficeHours.parse(value)


def _time_of_day(value: str) -> None:
    OfficeHours.parse("00:00-23:59", value)


def _time_span(value: str) -> None:
    """Empty (follow the office hours) or one span "07:00-17:30"."""
    if value and "," in value:
        raise ValidationError("Chỉ một khoảng giờ, ví dụ 07:00-17:30.")
    if value:
        OfficeHours.parse(value)


def _email(value: str) -> None:
    validation.email(value)


def _email_list(value: str) -> None:
    validation.email_list(value)


def _host(value: str) -> None:
    if any(ch.isspace() for ch in value) or "/" in value or "@" in value:
        raise ValidationError(f"Tên máy chủ “{value}” không hợp lệ (ví dụ smtp.dongnai.gov.vn hoặc 10.0.0.5).")


def _writable_folder(value: str) -> None:
    """The folder must exist and take a file: actually write one, since os.access says yes on Windows
    to a read-only share and no to folders the user can write through an ACL."""
    if not value:
        return
    folder = Path(value).expanduser()
    if not folder.is_dir():
        raise ValidationError(f"Thư mục “{value}” không tồn tại (hoặc ổ mạng chưa được kết nối).")
    from app.files import check_writable_folder

    check_writable_folder(folder, value)


def _between(low: int, high: int) -> Callable[[Any], None]:
    def check(value):
        if not low <= value <= high:
            raise ValidationError(f"Giá trị phải nằm trong khoảng {low}–{high}.")
    check.bounds = (low, high)  # type: ignore[attr-defined]  # a function attribute: a form shows a spin box with these limits
    return check


def _one_of(*allowed: str) -> Callable[[Any], None]:
    def check(value):
        if value not in allowed:
            raise ValidationError("Giá trị phải là một trong: " + ", ".join(allowed) + ".")
    check.allowed = allowed  # type: ignore[attr-defined]  # a function attribute: a form shows a list to choose from
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


def _max_length(limit: int) -> Callable[[str], None]:
    def check(value: str) -> None:
        if len(value) > limit:
            raise ValidationError(f"Tối đa {limit} ký tự.")
    return check


def _two_digits(value: str) -> None:
    if not (len(value) == 2 and value.isdigit()):
        raise ValidationError("Mã nền tảng phải gồm đúng 2 chữ số.")


def _field_names(value: str) -> None:
    if len(value) > 2000:
        raise ValidationError("Tối đa 2000 ký tự.")
    names = [line.strip() for line in value.replace(";", "\n").splitlines() if line.strip()]
    if any(len(name) > 200 for name in names):
        raise ValidationError("Tên lĩnh vực dài quá 200 ký tự.")


def field_names(value: str) -> frozenset[str]:
    """The fields a setting lists (one a line, or separated by “;”), folded: "Đất đai" matches "đất  đai"."""
    return frozenset(fold(line) for line in value.replace(";", "\n").splitlines() if line.strip())


T = TypeVar("T")


class Group(str, enum.Enum):
    """The settings window's pages, in the order they are shown."""

    CALENDAR = "calendar"
    PRINTING = "printing"
    REPORT = "report"
    ALERTS = "alerts"
    REGISTER = "register"

    @property
    def label(self) -> str:
        return {"calendar": "Lịch làm việc", "printing": "Phiếu và mẫu in", "report": "Báo cáo cuối ngày",
                "alerts": "Cảnh báo và chỉ tiêu", "register": "Sổ hồ sơ"}[self.value]


class SettingSpec(Generic[T]):
    """One office setting, declared once: everything else (the typed ``Settings`` value, the
    settings window's fields, ``settings list/get/set``, the audit words) is derived from it.

    ``check`` judges the value alone and runs whenever it is read or written; ``check_on_save``
    looks at the machine (a folder that must exist) and runs only when someone sets it, so a
    desk where the shared folder is not mounted still opens with the stored value.
    """

    def __init__(self, type_: type[T], default: T, label: str, check: Callable[[T], None] | None = None, *,
                 group: Group, help: str = "", check_on_save: Callable[[T], None] | None = None,
                 multiline: bool = False, permission: str = "manage_settings") -> None:
        self.type = type_
        self.default = default
        self.label = label
        self.check = check
        self.group = group
        self.help = help
        self.check_on_save = check_on_save
        self.multiline = multiline
        self.permission = permission  # app.permissions.Permission's value (no import: it imports us)
        self.key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    @overload
    def __get__(self, obj: None, owner: type) -> SettingSpec[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type) -> T: ...

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj._values[self.key]

    def __repr__(self) -> str:
        return f"SettingSpec({self.key!r})"


class Settings:
    """The office's settings as typed values (a frozen snapshot); each declaration below is the
    one place that names a setting, its type, default, label, page and checks."""

    # --- Lịch làm việc
    office_hours = SettingSpec(str, "07:30-11:30,13:00-17:00", "Giờ làm việc", _office_hours,
                               group=Group.CALENDAR, help="Các buổi làm việc, ví dụ 07:30-11:30,13:00-17:00.")
    cutoff = SettingSpec(str, "15:00", "Giờ chốt buổi chiều (nhận sau giờ này tính từ ngày làm việc sau)",
                         _time_of_day, group=Group.CALENDAR)
    # --- Sổ hồ sơ
    supplement_mode = SettingSpec(str, "pause",
                                  "Thời gian bổ sung hồ sơ: tạm dừng (pause) hoặc tính lại (restart)",
                                  _one_of("pause", "restart"), group=Group.REGISTER)
    code_platform = SettingSpec(str, "01", "Mã nền tảng (2 chữ số) trong mã hồ sơ", _two_digits,
                                group=Group.REGISTER)
    # --- Phiếu và mẫu in
    letter_number_format = SettingSpec(str, "{number}/PXL", "Mẫu số phiếu xin lỗi", _letter_number_format,
                                       group=Group.PRINTING)
    letter_paper = SettingSpec(str, "A5", "Khổ giấy phiếu xin lỗi, giấy tiếp nhận (A5 theo mẫu, hoặc A4)",
                               _one_of("A5", "A4"), group=Group.PRINTING)
    letter_recipients = SettingSpec(str, "Như trên;\nBộ phận Một cửa;\nLưu: VT.",
                                    "Nơi nhận (mỗi dòng một nơi, in cuối phiếu xin lỗi)", _max_length(1000),
                                    group=Group.PRINTING, multiline=True)
    # --- Cảnh báo và chỉ tiêu
    due_soon_days = SettingSpec(int, 3, "Cảnh báo sắp đến hạn trước (ngày làm việc)", _between(1, 30),
                                group=Group.ALERTS)
    alert_hours = SettingSpec(str, "", "Giờ hiện thông báo cảnh báo (để trống: theo giờ làm việc)", _time_span,
                              group=Group.ALERTS, help="Một khoảng giờ, ví dụ 07:00-17:30; ngoài giờ này và "
                                                       "ngày nghỉ, thông báo chờ đến sáng.")
    paper_result_guard = SettingSpec(
        str, "refuse",
        "Kết thúc hồ sơ có kết quả giấy chưa số hóa: từ chối (refuse) hoặc cho phép kèm cảnh báo (warn)",
        _one_of("refuse", "warn"), group=Group.ALERTS)
    # Rate targets of the plans in force (DOMAIN.md §8); each office sets its own.
    digitization_target = SettingSpec(int, 80, "Chỉ tiêu tỷ lệ số hóa (%)", _between(0, 100), group=Group.ALERTS)
    target_full_online = SettingSpec(int, 100, "Chỉ tiêu TTHC đủ điều kiện cung cấp DVCTT toàn trình (%)",
                                     _between(0, 100), group=Group.ALERTS)
    target_procedures_online = SettingSpec(int, 80, "Chỉ tiêu TTHC có phát sinh hồ sơ trực tuyến (%)",
                                           _between(0, 100), group=Group.ALERTS)
    target_online_dossiers = SettingSpec(int, 50, "Chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến (%)", _between(0, 100),
                                         group=Group.ALERTS)
    target_online_processing = SettingSpec(int, 50, "Chỉ tiêu tỷ lệ hồ sơ xử lý trực tuyến (%)",
                                           _between(0, 100), group=Group.ALERTS)
    target_on_time = SettingSpec(int, 100, "Chỉ tiêu tỷ lệ giải quyết trước và đúng hạn (%)", _between(0, 100),
                                 group=Group.ALERTS)
    target_online_payment = SettingSpec(int, 100, "Chỉ tiêu tỷ lệ thanh toán trực tuyến (%)", _between(0, 100),
                                        group=Group.ALERTS)
    target_apology = SettingSpec(int, 100, "Chỉ tiêu hồ sơ trễ hạn có phiếu xin lỗi đúng hạn (%)",
                                 _between(0, 100), group=Group.ALERTS)
    # Citizens' satisfaction (DOMAIN.md §8): satisfied ÷ rated, overall and for the land and construction fields.
    target_satisfaction = SettingSpec(int, 90, "Chỉ tiêu tỷ lệ người dân hài lòng (%)", _between(0, 100),
                                      group=Group.ALERTS)
    target_satisfaction_land = SettingSpec(int, 85, "Chỉ tiêu tỷ lệ hài lòng với TTHC đất đai, xây dựng (%)",
                                           _between(0, 100), group=Group.ALERTS)
    satisfaction_land_fields = SettingSpec(str, "Đất đai\nXây dựng",
                                           "Lĩnh vực tính theo chỉ tiêu hài lòng đất đai, xây dựng (mỗi dòng một lĩnh vực)",
                                           _field_names, group=Group.ALERTS, multiline=True,
                                           help="Tên lĩnh vực như trong danh mục thủ tục; không phân biệt hoa thường, "
                                                "dấu.")
    # --- Báo cáo cuối ngày (the SMTP password lives in the keyring: app.secrets "smtp")
    report_folder = SettingSpec(str, "", "Thư mục nhận báo cáo (ví dụ ổ mạng dùng chung)", group=Group.REPORT,
                                check_on_save=_writable_folder,
                                help="Phải có sẵn và ghi được; để trống nếu chỉ gửi bằng thư điện tử.")
    report_reminder_time = SettingSpec(str, "16:30", "Nhắc gửi báo cáo cuối ngày lúc", _time_of_day,
                                       group=Group.REPORT)
    smtp_host = SettingSpec(str, "", "Máy chủ thư đi (SMTP)", _host, group=Group.REPORT)
    smtp_port = SettingSpec(int, 587, "Cổng SMTP", _between(1, 65535), group=Group.REPORT)
    smtp_security = SettingSpec(str, "starttls", "Bảo mật SMTP: starttls, ssl hoặc none",
                                _one_of("starttls", "ssl", "none"), group=Group.REPORT)
    smtp_username = SettingSpec(str, "", "Tên đăng nhập SMTP (để trống nếu máy chủ không yêu cầu)",
                                group=Group.REPORT)
    smtp_sender = SettingSpec(str, "", "Địa chỉ gửi báo cáo", _email, group=Group.REPORT)
    smtp_recipient = SettingSpec(str, "", "Địa chỉ nhận báo cáo (nhiều địa chỉ cách nhau bởi dấu phẩy)",
                                 _email_list, group=Group.REPORT)

    __slots__ = ("_values",)
    _values: dict[str, Any]

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - set(SPEC_BY_KEY)
        if unknown:
            raise TypeError("unknown settings: " + ", ".join(sorted(unknown)))
        object.__setattr__(self, "_values", {spec.key: values.get(spec.key, spec.default) for spec in SPECS})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Settings is a frozen snapshot: change a setting with app.settings.save_setting")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values.items())))

    def __repr__(self) -> str:
        return "Settings(" + ", ".join(f"{k}={v!r}" for k, v in self._values.items()) + ")"

    def replace(self, **changes: Any) -> Settings:
        return Settings(**{**self._values, **changes})

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def hours(self) -> OfficeHours:
        return OfficeHours.parse(self.office_hours, self.cutoff)


SPECS: tuple[SettingSpec, ...] = tuple(v for v in vars(Settings).values() if isinstance(v, SettingSpec))
SPEC_BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SPECS}


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


def describe(spec: SettingSpec, value: Any) -> str:
    """A value as the command line and the history show it."""
    if spec.type is bool:
        return "có" if value else "không"
    return str(value)


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
    spec = SPEC_BY_KEY[key]
    if spec.check_on_save:
        try:
            spec.check_on_save(value)
        except ValidationError as error:
            raise ValidationError(f"Thiết lập “{spec.label}”: {error}") from None
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)
    return value
