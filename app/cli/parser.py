"""The command line, in Vietnamese, erroring in one readable line.

argparse passes its own messages through ``gettext``; translating them there
keeps every message in the officer's language without re-implementing argparse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re

from app import __version__
from app.errors import ValidationError
from db.paths import command_name

_ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số: %s",
    "not allowed with argument %s": "không dùng cùng %s",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "chỉ nhận tối đa một giá trị",
    "ignored explicit argument %r": "không nhận giá trị %r",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn %(value)r không có (chọn một trong: %(choices)s)",
    "expected one argument": "cần một giá trị",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ, có thể là %(matches)s",
}


def _translate(message: str) -> str:
    return _ARGPARSE_VI.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks ``_`` (its gettext) up at call time


class ArgumentError(ValidationError):
    """The command line itself is wrong."""


class _CommandParsers(dict):
    """The sub-parsers by command name, built on first use: a command module's parsers (and the
    libraries its module imports) are loaded only when its command is named, or the whole list shown."""

    _commands: argparse._SubParsersAction
    _common: argparse.ArgumentParser
    _loaded: set[str]
    _busy: bool

    def attach(self, commands, common) -> None:
        self._commands, self._common, self._loaded, self._busy = commands, common, set(), False

    def _load(self, name: str | None) -> bool:
        """Import the module of ``name`` (every module for None); True when ``name`` is now known."""
        if not hasattr(self, "_commands") or self._busy:
            return False
        from app.cli import registry

        wanted = list(registry.MODULES) if name is None else [registry.module_of(name)]
        self._busy = True
        try:
            for module in wanted:
                if module is not None and module not in self._loaded:
                    self._loaded.add(module)
                    import importlib

                    importlib.import_module(module).add_parsers(self._commands, self._common)
        finally:
            self._busy = False
        return name is not None and dict.__contains__(self, name)

    def __contains__(self, name) -> bool:
        return dict.__contains__(self, name) or self._load(name)

    def __missing__(self, name):
        if self._load(name):
            return dict.__getitem__(self, name)
        raise KeyError(name)

    def __iter__(self):
        self._load(None)
        return dict.__iter__(self)

    def keys(self):
        self._load(None)
        return dict.keys(self)


class _LazyCommands(argparse._SubParsersAction):
    """argparse's sub-commands over ``_CommandParsers``; the full list is loaded only for the help."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._name_parser_map = self.choices = _CommandParsers()

    def _get_subactions(self):
        self.choices._load(None)   # the help lists every command
        return super()._get_subactions()


class VietnameseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):
        message = message[:1].upper() + message[1:]
        raise ArgumentError(f"{message}. Xem “{command_name()} {self._sub_name()}--help”.")

    def _sub_name(self) -> str:
        """The sub-command path after the program, e.g. "user add " for "python main.py user add"."""
        parts = self.prog.split()
        after = len(command_name().split())
        return " ".join(parts[after:]) + " " if parts[after:] else ""


def moment(text: str) -> dt.datetime:
    """"YYYY-MM-DD HH:MM" (or just the date, meaning 00:00)."""
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(_impossible(text, "thời điểm “%s” không hợp lệ (cần dạng YYYY-MM-DD HH:MM)"))


def day(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise argparse.ArgumentTypeError(_impossible(text, "ngày “%s” không hợp lệ (cần dạng YYYY-MM-DD)")) from None


def _impossible(text: str, fallback: str) -> str:
    match = re.match(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        year, month, day_ = map(int, match.groups())
        if not 1 <= month <= 12:
            return f"ngày “{text}” không tồn tại: không có tháng {month}"
        try:
            dt.date(year, month, day_)
        except ValueError:
            return f"ngày “{text}” không tồn tại: tháng {month}/{year} không có ngày {day_}"
    return fallback % text


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải số nguyên") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} là số âm; cần số không âm")
    return value


def positive_number(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải là số") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} là số âm; cần số không âm")
    return value


def year(text: str) -> int:
    value = non_negative_int(text)
    if not 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"năm {value} nằm ngoài khoảng hỗ trợ 2000–2100")
    return value


def build_parser() -> VietnameseArgumentParser:
    common = VietnameseArgumentParser(add_help=False)  # only lends its --json to the commands (parents=)
    common.add_argument("--json", action="store_true", help="in kết quả dạng JSON (cho máy đọc)")

    parser = VietnameseArgumentParser(
        prog=command_name(),
        description="MotCua Desk — sổ theo dõi hồ sơ thủ tục hành chính của Bộ phận Một cửa. "
                    "Không có lệnh: mở cửa sổ ứng dụng.",
    )
    parser.add_argument("--version", action="version", version=f"MotCua Desk {__version__}",
                        help="in số phiên bản rồi thoát")
    parser.add_argument("--db", metavar="URL",
                        help="CSDL dùng (URL SQLAlchemy); mặc định tệp SQLite trong thư mục dữ liệu người dùng, "
                             "hoặc biến môi trường MOTCUA_DB")
    parser.add_argument("--now", type=moment, metavar="'YYYY-MM-DD HH:MM'",
                        help="coi thời điểm này là bây giờ (kiểm thử, tái hiện một ngày đã qua)")
    parser.add_argument("--user", metavar="TÊN", help="cán bộ thực hiện (mặc định: tên đăng nhập máy)")
    parser.add_argument("--demo", action="store_true",
                        help="mở cửa sổ trên một sổ mẫu trong tệp tạm")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=VietnameseArgumentParser,
                                     action=_LazyCommands)

    demo = commands.add_parser("demo", parents=[common], help="tạo (hoặc xóa) hồ sơ mẫu",
                               description="Thêm hồ sơ mẫu (tên, thủ tục, ngày tháng như thật) vào sổ; "
                                           "--remove xóa toàn bộ dữ liệu mẫu khỏi sổ (cần quyền quản trị).")
    demo.add_argument("--count", type=non_negative_int, default=1000, help="số hồ sơ (mặc định 1000)")
    demo.add_argument("--seed", type=non_negative_int, default=1, help="hạt giống ngẫu nhiên")
    demo.add_argument("--remove", action="store_true",
                      help="xóa mọi hồ sơ mẫu (cùng phiếu, lịch sử) và danh mục mẫu không còn dùng, "
                           "trong một giao dịch có ghi nhật ký")

    due = commands.add_parser("due", parents=[common], help="tính hạn giải quyết",
                              description="Tính thời điểm hẹn trả từ thời điểm tiếp nhận và thời hạn giải quyết.")
    due.add_argument("--received", type=moment, required=True, metavar="'YYYY-MM-DD HH:MM'",
                     help="thời điểm tiếp nhận")
    amount = due.add_mutually_exclusive_group(required=True)
    amount.add_argument("--days", type=non_negative_int, metavar="N", help="số ngày làm việc (0: trong ngày)")
    amount.add_argument("--hours", type=positive_number, metavar="N", help="số giờ làm việc")

    warnings = commands.add_parser("warnings", parents=[common], help="hồ sơ cần xử lý, theo mức cảnh báo",
                                   description="Hồ sơ cần chú ý trong một ngày: quá hạn, lỡ hạn/phải gửi phiếu "
                                               "xin lỗi, sắp đến hạn.")
    warnings.add_argument("--date", type=day, metavar="YYYY-MM-DD",
                          help="ngày xem (mặc định hôm nay; tính tại 08:00 của ngày đó nếu không phải hôm nay)")
    warnings.add_argument("--limit", type=non_negative_int, default=20,
                          help="số hồ sơ in ra mỗi mức (0: tất cả; JSON luôn in tất cả)")

    show = commands.add_parser("show", parents=[common], help="xem một hồ sơ và lịch sử của nó")
    show.add_argument("code", metavar="MÃ_HỒ_SƠ")

    search = commands.add_parser("search", parents=[common], help="tìm hồ sơ theo tên, mã, số điện thoại, CCCD",
                                 description="Tìm không phân biệt dấu, hoa thường, đ/d.")
    search.add_argument("text", metavar="TỪ_KHÓA")
    search.add_argument("--limit", type=non_negative_int, default=50)

    choices = commands.choices
    assert isinstance(choices, _CommandParsers)  # set by _LazyCommands
    choices.attach(commands, common)
    return parser
