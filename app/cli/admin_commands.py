"""Administration from the command line: accounts, the audit trail, backups and restore.

The command line acts as the account named by ``--user`` (default: the
machine's login name); the permission checks of app/ apply to that account.
Whoever can run it can also read and write the register file, so the CLI is
the machine owner's tool, not a way around the login of the window.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import sessionmaker

from app import accounts
from app import audit as audit_view
from app.cli.output import Output
from app.cli.parser import day
from app.clock import Clock
from app.context import load_context
from app.errors import NotFoundError, ValidationError
from app.formatting import datetime_vi
from app.permissions import Role
from db import backup
from db.engine import resolve_url
from db.paths import command_name


def _login_name(args) -> str:
    try:
        return args.user or getpass.getuser()
    except (KeyError, OSError):
        return "can-bo"


def _context(session, clock: Clock, args):
    name = _login_name(args)
    try:
        user_id = accounts.user_id_by_name(session, name)
    except NotFoundError:
        raise NotFoundError(f"Không có tài khoản “{name}”; chọn tài khoản thực hiện bằng "
                            f"“{command_name()} --user TÊN …”.") from None
    return load_context(session, clock, user_id)


def _read_password(args, prompt: str = "Mật khẩu: ") -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise ValidationError("Không có bàn phím để nhập mật khẩu; dùng --password-stdin và gửi mật khẩu qua stdin.")
    first = getpass.getpass(prompt)
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise ValidationError("Hai lần nhập mật khẩu không giống nhau.")
    return first


def register_path(url: str | None) -> Path:
    resolved = resolve_url(url)
    if not resolved.startswith("sqlite:///") or resolved.endswith(":memory:"):
        raise ValidationError("Sao lưu và khôi phục chỉ áp dụng cho sổ hồ sơ là tệp SQLite; với PostgreSQL "
                              "hãy dùng công cụ sao lưu của máy chủ (pg_dump).")
    return Path(resolved.removeprefix("sqlite:///"))


# ── accounts ────────────────────────────────────────────────────────────────────────────────

def cmd_user(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    action = args.user_action
    with Session.begin() as session:
        if action == "list":
            users = accounts.list_users(session)
            out.data([{"username": u.username, "full_name": u.full_name, "role": u.role.value, "active": u.active,
                       "can_log_in": u.has_password} for u in users])
            for u in users:
                state = "đang dùng" if u.active else "đã khóa"
                login = "" if u.has_password else " (chưa đặt mật khẩu)"
                out.line(f"  {u.username:<20} {u.full_name:<28} {u.role.label:<18} {state}{login}")
            return 0
        if action == "add":
            password = _read_password(args)
            if accounts.needs_first_admin(session) and Role(accounts.parse_role(args.role)) is Role.ADMIN:
                view = accounts.create_first_admin(session, clock, args.name, args.full_name, password)
                out.data({"username": view.username, "role": view.role.value, "first_admin": True})
                out.line(f"Đã tạo quản trị viên đầu tiên “{view.username}”.")
                from app import audit_keys, secrets

                if not secrets.available():   # set-up is when the office learns its trail is not sealed
                    out.line(f"Lưu ý: {audit_keys.NO_KEYRING_LIMITATION}")
                else:
                    out.line("Nhật ký thay đổi được niêm phong bằng khóa của cơ quan trong kho mật khẩu của máy; "
                             "thủ trưởng cơ quan nên giữ một bản: “audit key export --out TỆP”.")
                return 0
            ctx = _context(session, clock, args)
            view = accounts.create_user(session, ctx, args.name, args.full_name, args.role, password)
            out.data({"username": view.username, "role": view.role.value, "first_admin": False})
            out.line(f"Đã tạo tài khoản “{view.username}” ({view.role.label}).")
            return 0
        ctx = _context(session, clock, args)
        target = accounts.user_id_by_name(session, args.name)
        if action == "passwd":
            accounts.set_password(session, ctx, target, _read_password(args, "Mật khẩu mới: "))
            out.line(f"Đã đặt mật khẩu mới cho “{args.name}”.")
        elif action in ("lock", "unlock"):
            accounts.set_active(session, ctx, target, action == "unlock")
            out.line(f"Đã {'mở khóa' if action == 'unlock' else 'khóa'} tài khoản “{args.name}”.")
        elif action == "role":
            view = accounts.set_role(session, ctx, target, args.role)
            out.line(f"Tài khoản “{view.username}” giờ là {view.role.label}.")
        out.data({"username": args.name, "done": action})
    return 0


# ── audit ───────────────────────────────────────────────────────────────────────────────────

def cmd_audit(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    if args.audit_action == "key":
        return _audit_key(args, Session, clock, out)
    with Session() as session:
        if args.audit_action == "verify":
            return _audit_verify(args, session, out)
        user_id = accounts.user_id_by_name(session, args.by) if args.by else None
        rows = audit_view.history(session, dossier_code=args.code, user_id=user_id, start=args.start, end=args.end,
                                  limit=args.limit or 1_000_000)
    out.data(rows)
    for row in rows:
        out.line(f"  #{row.id:<6} {datetime_vi(row.at)}  {row.user:<20} {row.action:<6} {row.what:<34} {row.changes}")
    out.line(f"{len(rows)} sự kiện.")
    return 0


def _audit_verify(args, session, out: Output) -> int:
    from sqlalchemy.exc import DBAPIError

    from db.damage import missing_table

    try:
        report = audit_view.verify_chain(session)
    except DBAPIError as error:
        if missing_table(error) != "audit_events":
            raise
        # The whole trail deleted is the worst break of the chain, not a damaged file: exit 7 as for any break.
        message = ("Bị phá vỡ: bảng nhật ký thay đổi (audit_events) không còn trong sổ hồ sơ, đã bị xóa ngoài ứng "
                   "dụng. Hãy khôi phục sổ từ bản sao lưu mới nhất (restore) rồi kiểm tra lại.")
        out.data({"intact": False, "events": 0, "broken_event": None, "message": message})
        out.line(message)
        return 7
    data: dict = {"intact": report.intact, "events": report.events, "broken_event": report.broken_id,
                  "message": report.message, "sealed": report.sealed, "limitations": list(report.notes)}
    out.line(report.message)
    for note in report.notes:
        out.line(f"Lưu ý: {note}")
    intact = report.intact
    against = []
    for path in args.against or ():
        compared = audit_view.verify_against(session, Path(path))
        against.append({"file": path, "intact": compared.intact, "message": compared.message})
        out.line(compared.message)
        for note in compared.notes:
            out.line(f"Lưu ý: {note}")
        intact = intact and compared.intact
    data["against"] = against
    if args.deep:
        from app.audit_deep import deep_check

        deep = deep_check(session)
        data["deep"] = {"intact": deep.intact, "rows": deep.rows, "findings": deep.found,
                        "details": list(deep.lines), "limitations": list(deep.notes)}
        out.line(deep.message)
        for line in deep.lines:
            out.line(f"  {line}")
        for note in deep.notes:
            out.line(f"Lưu ý: {note}")
        intact = intact and deep.intact
    out.data(data)
    return 0 if intact else 7


def _audit_key(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app import audit_keys

    with Session.begin() as session:
        ctx = _context(session, clock, args)
        if args.key_action == "export":
            text = audit_keys.export_key(session, ctx)
            if args.out:
                try:
                    Path(args.out).write_text(text, encoding="utf-8")
                except OSError as error:
                    raise ValidationError(f"Không ghi được tệp “{args.out}”: {error.strerror or error}.") from None
                out.data({"file": args.out})
                out.line(f"Đã xuất khóa niêm phong nhật ký vào “{args.out}”. Giữ tệp này nơi an toàn, tách "
                         "khỏi máy chứa sổ.")
            else:
                out.data({"key": text})
                out.line(text.rstrip("\n"))
            return 0
        kid = audit_keys.import_key(session, ctx, Path(args.file))
    out.data({"key_id": kid})
    out.line(f"Đã nhập khóa niêm phong nhật ký {kid}: các sự kiện mới được niêm phong bằng khóa này.")
    return 0


# ── backups ─────────────────────────────────────────────────────────────────────────────────

def cmd_backup(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    path = register_path(args.db)
    if args.list:
        backups = backup.list_backups(path)
        out.data([{"file": str(b.path), "taken_at": b.taken_at, "kind": b.kind, "size": b.size} for b in backups])
        for b in backups:
            out.line(f"  {datetime_vi(b.taken_at)}  {b.kind:<22} {b.size / 1_048_576:8.1f} MB  {b.path}")
        out.line(f"{len(backups)} bản sao lưu trong {backup.backup_folder(path)}.")
        return 0
    try:
        info = backup.make_backup(path, clock.now(), backup.MANUAL)
        backup.thin(path)
    except backup.BackupError as error:
        raise ValidationError(str(error)) from None
    out.data({"file": str(info.path), "size": info.size, "integrity": "ok"})
    out.line(f"Đã sao lưu và kiểm tra toàn vẹn: {info.path} ({info.size / 1_048_576:.1f} MB).")
    return 0


def restore_before_open(args, clock: Clock, out: Output) -> None:
    """``restore FILE`` runs before the register is opened: the register may be the damaged thing."""
    path = register_path(args.db)
    try:
        before = backup.restore(path, Path(args.file), clock.now())
    except backup.BackupError as error:
        raise ValidationError(str(error)) from None
    except PermissionError as error:   # Windows: the register is open in another window or command
        from app.upkeep import held_open_message

        raise ValidationError(held_open_message(path, error)) from None
    out.data({"restored_from": args.file, "previous_state_saved_to": str(before.path) if before else None})
    out.line(f"Đã khôi phục sổ hồ sơ từ “{args.file}”.")
    if before:
        out.line(f"Trạng thái trước khi khôi phục đã được lưu: {before.path}")


def cmd_restore(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    return 0  # the work is done by restore_before_open (main.py), before the register is opened


# ── parsers ─────────────────────────────────────────────────────────────────────────────────

def add_parsers(commands, common) -> None:
    user = commands.add_parser("user", parents=[common], help="quản lý tài khoản cán bộ",
                               description="Tạo, khóa, đặt mật khẩu, đổi vai trò tài khoản (cần quyền quản trị, "
                                           "trừ khi tạo quản trị viên đầu tiên).")
    actions = user.add_subparsers(dest="user_action", metavar="VIỆC", required=True)
    actions.add_parser("list", parents=[common], help="liệt kê tài khoản")
    add = actions.add_parser("add", parents=[common], help="tạo tài khoản")
    add.add_argument("name", metavar="TÊN_ĐĂNG_NHẬP")
    add.add_argument("--full-name", default="", help="họ và tên")
    add.add_argument("--role", default="officer", choices=[r.value for r in Role],
                     help="officer (cán bộ), head (lãnh đạo, ký phiếu), admin (quản trị)")
    add.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ một dòng stdin")
    passwd = actions.add_parser("passwd", parents=[common], help="đặt mật khẩu mới")
    passwd.add_argument("name", metavar="TÊN_ĐĂNG_NHẬP")
    passwd.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ một dòng stdin")
    for name, text in (("lock", "khóa tài khoản"), ("unlock", "mở khóa tài khoản")):
        actions.add_parser(name, parents=[common], help=text).add_argument("name", metavar="TÊN_ĐĂNG_NHẬP")
    role = actions.add_parser("role", parents=[common], help="đổi vai trò")
    role.add_argument("name", metavar="TÊN_ĐĂNG_NHẬP")
    role.add_argument("role", choices=[r.value for r in Role], metavar="VAI_TRÒ")

    audit = commands.add_parser("audit", parents=[common], help="nhật ký thay đổi và kiểm tra chuỗi băm",
                                description="“audit verify” kiểm tra chuỗi niêm phong của nhật ký; “audit log” "
                                            "liệt kê thay đổi, lọc theo hồ sơ, người, ngày; “audit key” xuất, "
                                            "nhập khóa niêm phong.")
    audit_actions = audit.add_subparsers(dest="audit_action", metavar="VIỆC", required=True)
    verify = audit_actions.add_parser(
        "verify", parents=[common], help="kiểm tra nhật ký còn nguyên vẹn",
        description="Kiểm tra chuỗi niêm phong (HMAC bằng khóa của cơ quan trong kho mật khẩu, hoặc SHA-256 khi "
                    "máy không có kho) và mốc ghi trong thư mục dữ liệu.")
    verify.add_argument("--against", action="append", metavar="TỆP",
                        help="đối chiếu với mốc ghi trong một bản sao lưu, báo cáo cuối ngày đã gửi hoặc tệp mốc "
                             "(phát hiện các sự kiện mới nhất bị xóa); lặp lại được")
    verify.add_argument("--deep", action="store_true",
                        help="dựng lại từng dòng từ các giá trị cũ → mới trong nhật ký và so với sổ: chỉ ra từng "
                             "dòng bị sửa, xóa, thêm ngoài ứng dụng")
    key = audit_actions.add_parser("key", parents=[common], help="khóa niêm phong nhật ký (quản trị)")
    key_actions = key.add_subparsers(dest="key_action", metavar="VIỆC", required=True)
    export = key_actions.add_parser("export", parents=[common], help="xuất khóa cho thủ trưởng cơ quan giữ")
    export.add_argument("--out", metavar="TỆP", help="ghi vào tệp (mặc định: in ra)")
    imported = key_actions.add_parser("import", parents=[common], help="nhập khóa đã xuất (máy khác, cài lại)")
    imported.add_argument("file", metavar="TỆP")
    log = audit_actions.add_parser("log", parents=[common], help="liệt kê sự kiện")
    log.add_argument("--code", metavar="MÃ_HỒ_SƠ", help="chỉ sự kiện của hồ sơ này")
    log.add_argument("--by", metavar="TÊN_ĐĂNG_NHẬP", help="chỉ sự kiện do tài khoản này thực hiện")
    log.add_argument("--from", dest="start", type=day, metavar="YYYY-MM-DD", help="từ ngày")
    log.add_argument("--to", dest="end", type=day, metavar="YYYY-MM-DD", help="đến ngày")
    log.add_argument("--limit", type=int, default=200, help="số sự kiện tối đa (0: tất cả)")

    backup_ = commands.add_parser("backup", parents=[common], help="sao lưu sổ hồ sơ ngay",
                                  description="Sao lưu bằng API sao lưu trực tuyến của SQLite vào thư mục sao-luu "
                                              "cạnh sổ, kiểm tra toàn vẹn, rồi dọn bản cũ (14 ngày, 8 tuần).")
    backup_.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu")
    restore = commands.add_parser("restore", parents=[common], help="khôi phục sổ hồ sơ từ một bản sao lưu",
                                  description="Kiểm tra bản sao lưu, sao lưu trạng thái hiện tại, rồi thay sổ hồ sơ.")
    restore.add_argument("file", metavar="TỆP")


COMMANDS: dict[str, Callable] = {
    "user": cmd_user,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "restore": cmd_restore,
}

__all__ = ["COMMANDS", "add_parsers", "restore_before_open"]
