"""``move-register --to URL``: a desk's register into an empty shared database (issue 9)."""

from __future__ import annotations

from typing import Callable

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from app.cli.output import Output
from app.clock import Clock
from app.errors import ConfigurationError, ValidationError
from db.engine import make_engine
from db.masking import mask_url
from db.move import MoveRefused, move


def cmd_move_register(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    source = Session.kw["bind"]
    if source.dialect.name != "sqlite":
        raise ValidationError("Chỉ chuyển được sổ hồ sơ SQLite của một máy (--db sqlite:///… hoặc sổ mặc định).")
    from app.register_url import with_stored_password

    try:
        target = make_engine(with_stored_password(args.to))
    except Exception as exc:  # noqa: BLE001 - a malformed URL or a missing driver
        raise ValidationError(mask_url(f"Địa chỉ cơ sở dữ liệu đích không dùng được: {args.to} ({exc}).")) \
            from None
    if str(target.url) == str(source.url):
        raise ValidationError("Sổ nguồn và cơ sở dữ liệu đích là một.")
    shown = mask_url(args.to)
    out.line(f"Chuyển sổ {source.url.database} → {shown}")
    try:
        result = move(source, target)
    except MoveRefused as refused:
        raise ValidationError(str(refused)) from None
    except OperationalError as error:   # the server is down, unreachable, refuses us; a folder that does not exist
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()
        raise ConfigurationError(
            f"Không kết nối được cơ sở dữ liệu đích {shown}: {reason[0] if reason else 'không rõ lý do'}. Hãy kiểm "
            "tra máy chủ đang chạy, địa chỉ, cổng, tên cơ sở dữ liệu và mật khẩu (lệnh db-password). "
            "Sổ nguồn không thay đổi.") from None
    finally:
        target.dispose()
    out.data({"to": shown, "counts": result.counts, "audit_events": result.audit_events,
              "audit_intact": result.audit_intact})
    for table, count in result.counts.items():
        out.line(f"  {table:<20} {count:>10,}".replace(",", "."))
    out.line(f"Đã chuyển và kiểm tra: số bản ghi khớp từng bảng, nhật ký {result.audit_events:,} sự kiện "
             f"nguyên vẹn. Sổ nguồn không thay đổi.".replace(",", "."))
    out.line(f"Từ nay các máy dùng: --db {shown} (hoặc biến môi trường MOTCUA_DB).")
    return 0


def store_password_before_open(url: str | None, stdin) -> int:
    """``db-password``: keep the shared server's password in the keyring (read from the keyboard or stdin)."""
    import getpass

    from app.register_url import store_password

    if not url:
        raise ValidationError("Chọn máy chủ bằng --db postgresql+psycopg://NGƯỜI_DÙNG@MÁY_CHỦ/TÊN_CSDL.")
    password = getpass.getpass("Mật khẩu máy chủ CSDL: ") if stdin.isatty() else stdin.readline().rstrip("\r\n")
    if not password:
        raise ValidationError("Chưa nhập mật khẩu; không có gì thay đổi.")
    store_password(url, password)
    print(f"Đã lưu mật khẩu cho {mask_url(url)} vào kho mật khẩu của máy.")
    return 0


def add_parsers(commands, common) -> None:
    parser = commands.add_parser(
        "move-register", parents=[common], help="chuyển sổ hồ sơ SQLite sang máy chủ dùng chung (PostgreSQL)",
        description="Chép toàn bộ sổ hồ sơ (hồ sơ, lịch sử, phiếu, tài khoản, cài đặt, nhật ký thay đổi) vào một "
                    "cơ sở dữ liệu trống, kiểm tra số bản ghi và chuỗi băm của nhật ký; sổ nguồn giữ nguyên.")
    parser.add_argument("--to", required=True, metavar="URL",
                        help="ví dụ postgresql+psycopg://motcua@may-chu/motcua")
    commands.add_parser("db-password", parents=[common], help="lưu mật khẩu máy chủ CSDL dùng chung vào kho mật khẩu",
                        description="Đọc mật khẩu (bàn phím, hoặc một dòng stdin) và lưu vào kho mật khẩu của máy "
                                    "cho địa chỉ --db; từ đó --db không cần ghi mật khẩu.")


def cmd_db_password(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    import sys

    return store_password_before_open(args.db, sys.stdin)  # main.py runs it before opening the register


COMMANDS: dict[str, Callable] = {"move-register": cmd_move_register, "db-password": cmd_db_password}
