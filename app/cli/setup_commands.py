"""Setting up an office from the command line: settings, the office's information, the deciding units.

The same operations (and so the same checks, permissions and messages) as the
settings window: ``app.administration`` and ``app.units``. The acting account
is ``--user`` (default: the machine's login name), as for the other
administration commands.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy.orm import sessionmaker

from app import administration, units
from app.catalog import OFFICE_FIELD_LIMITS, OFFICE_FIELDS, get_office
from app.cli.admin_commands import _context
from app.cli.output import Output
from app.clock import Clock
from app.errors import ValidationError
from app.settings import SPEC_BY_KEY, SPECS, Group, describe, load_settings
from db.paths import command_name

# option → office field
OFFICE_OPTIONS = {"name": "name", "parent": "parent_agency", "place": "place_name", "agency_code": "agency_code",
                  "head_title": "head_title", "head_name": "head_name", "symbol": "letter_symbol",
                  "email": "email", "phone": "phone", "address": "address", "report_recipient": "report_recipient"}
# option → unit field
UNIT_OPTIONS = {"new_name": "name", "full_name": "full_name", "parent": "parent_agency", "head_title": "head_title",
                "head_name": "head_name", "symbol": "letter_symbol"}


def _spec(key: str):
    spec = SPEC_BY_KEY.get(key)
    if spec is None:
        raise ValidationError(f"Không có thiết lập “{key}”. Xem danh sách: {command_name()} settings list.")
    return spec


def cmd_settings(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    if args.settings_action == "set":
        _spec(args.key)
        with Session.begin() as session:
            ctx = _context(session, clock, args)
            before = getattr(ctx.settings, args.key)
            value = administration.change_setting(session, ctx, args.key, args.value)
        spec = SPEC_BY_KEY[args.key]
        out.data({"key": args.key, "value": value, "previous": before})
        out.line(f"Đã đặt {args.key} = {describe(spec, value)} (trước đó: {describe(spec, before) or '∅'}).")
        return 0
    with Session() as session:
        settings = load_settings(session)
    if args.settings_action == "get":
        spec = _spec(args.key)
        value = getattr(settings, args.key)
        out.data({"key": spec.key, "value": value, "default": spec.default, "label": spec.label})
        out.line(describe(spec, value))
        return 0
    rows = [{"key": s.key, "value": getattr(settings, s.key), "default": s.default, "label": s.label,
             "group": s.group.value, "group_label": s.group.label} for s in SPECS]
    out.data(rows)
    group = None
    for spec in sorted(SPECS, key=lambda s: list(Group).index(s.group)):
        if spec.group is not group:
            group = spec.group
            out.line(f"[{group.label}]")
        value = getattr(settings, spec.key)
        mark = "" if value == spec.default else "  *"
        text = describe(spec, value).replace("\n", " | ")
        out.line(f"  {spec.key:<26} {text:<32}{mark}  {spec.label}")
    out.line("(* khác giá trị mặc định)")
    return 0


def cmd_office(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    if args.office_action == "set":
        values = {field: getattr(args, option) for option, field in OFFICE_OPTIONS.items()
                  if getattr(args, option) is not None}
        if not values:
            raise ValidationError("Chưa có gì để đổi: dùng --name, --parent, --place, --head-title, --head-name, "
                                  "--symbol, --email, --phone, --address.")
        with Session.begin() as session:
            info = administration.change_office(session, _context(session, clock, args), **values)
        out.line(f"Đã cập nhật thông tin cơ quan ({len(values)} mục).")
    else:
        with Session() as session:
            info = get_office(session)
    out.data(info)
    for field in OFFICE_FIELDS:
        out.line(f"  {OFFICE_FIELD_LIMITS[field][0].capitalize():<22} {getattr(info, field) or '—'}")
    return 0


def _print_unit(out: Output, unit: units.UnitView) -> None:
    state = "" if unit.active else (f" (đã gộp vào “{unit.merged_into}”)" if unit.merged_into else " (ngừng dùng)")
    out.line(f"  {unit.code:<10} {unit.name}{state}")
    if unit.issues_own_letters:
        out.line(f"             ký phiếu: {unit.head_title} {unit.head_name} — {unit.full_name}, {unit.parent_agency}"
                 + (f", ký hiệu {unit.letter_symbol}" if unit.letter_symbol else ""))
    else:
        out.line("             ký phiếu: theo thông tin cơ quan")
    out.line(f"             {unit.dossiers} hồ sơ, {unit.procedures} thủ tục"
             + (f"; lãnh đạo đơn vị: tài khoản “{unit.leader}”" if unit.leader else ""))


def cmd_unit(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    action = args.unit_action
    if action == "list":
        with Session() as session:
            listed = units.list_units(session)
        out.data(listed)
        for unit in listed:
            _print_unit(out, unit)
        out.line(f"{len(listed)} đơn vị.")
        return 0
    with Session.begin() as session:
        ctx = _context(session, clock, args)
        if action == "add":
            view = units.add_unit(session, ctx, args.name, args.code or "")
            out.line(f"Đã thêm đơn vị “{view.name}” (mã {view.code}).")
        elif action == "set":
            values = {field: getattr(args, option) for option, field in UNIT_OPTIONS.items()
                      if getattr(args, option) is not None}
            if not values and args.leader is None:
                raise ValidationError("Chưa có gì để đổi: dùng --full-name, --parent, --head-title, --head-name, "
                                      "--symbol, --new-name hoặc --leader.")
            unit_id = units.find_unit(session, args.name)
            if args.leader is not None:
                units.set_unit_leader(session, ctx, unit_id, args.leader)
            view = units.set_unit(session, ctx, unit_id, **values) if values else units.get_unit(session, unit_id)
            out.line(f"Đã cập nhật đơn vị “{view.name}”.")
        elif action == "retire":
            view = units.retire_unit(session, ctx, units.find_unit(session, args.name), active=args.restore)
            out.line(f"Đơn vị “{view.name}” {'dùng lại' if args.restore else 'ngừng dùng'}.")
        else:  # merge
            source = units.find_unit(session, args.source)
            target = units.find_unit(session, args.into)
            result = units.merge_units(session, ctx, source, target)
            out.data(result)
            out.line(f"Đã gộp “{result.source}” vào “{result.target}”: chuyển {result.dossiers} hồ sơ, "
                     f"{result.procedures} thủ tục.")
            return 0
    out.data(view)
    _print_unit(out, view)
    return 0


def add_parsers(commands, common) -> None:
    settings = commands.add_parser("settings", parents=[common], help="xem và đổi thiết lập của cơ quan",
                                   description="Thiết lập dùng chung của sổ hồ sơ (cùng kiểm tra như cửa sổ "
                                               "Công cụ › Cài đặt); đổi cần quyền quản trị.")
    actions = settings.add_subparsers(dest="settings_action", metavar="VIỆC", required=True)
    actions.add_parser("list", parents=[common], help="liệt kê thiết lập và giá trị")
    get = actions.add_parser("get", parents=[common], help="giá trị một thiết lập")
    get.add_argument("key", metavar="KHÓA")
    set_ = actions.add_parser("set", parents=[common], help="đổi một thiết lập")
    set_.add_argument("key", metavar="KHÓA")
    set_.add_argument("value", metavar="GIÁ_TRỊ")

    office = commands.add_parser("office", parents=[common], help="thông tin cơ quan (in trên phiếu, báo cáo)")
    office_actions = office.add_subparsers(dest="office_action", metavar="VIỆC", required=True)
    office_actions.add_parser("show", parents=[common], help="xem thông tin cơ quan")
    change = office_actions.add_parser("set", parents=[common], help="đổi thông tin cơ quan (quyền quản trị)")
    for option, text in (("name", "tên cơ quan"), ("parent", "cơ quan chủ quản"), ("place", "địa danh ghi trên văn bản"),
                         ("agency-code", "mã định danh cơ quan"), ("head-title", "chức vụ thủ trưởng"),
                         ("head-name", "họ tên thủ trưởng"), ("symbol", "ký hiệu văn bản (ví dụ TTPVHCC)"),
                         ("email", "thư điện tử"), ("phone", "số điện thoại"), ("address", "địa chỉ"),
                         ("report-recipient", "nơi nhận báo cáo")):
        change.add_argument(f"--{option}", metavar="…", help=text)

    unit = commands.add_parser("unit", parents=[common], help="đơn vị giải quyết: người ký, gộp đơn vị trùng",
                               description="Đơn vị được tìm theo tên như trong sổ (không phân biệt dấu, hoa "
                                           "thường, UBND/Ủy ban nhân dân) hoặc mã đơn vị.")
    unit_actions = unit.add_subparsers(dest="unit_action", metavar="VIỆC", required=True)
    unit_actions.add_parser("list", parents=[common], help="liệt kê đơn vị")
    add = unit_actions.add_parser("add", parents=[common], help="thêm đơn vị")
    add.add_argument("name", metavar="TÊN")
    add.add_argument("--code", help="mã đơn vị (mặc định: chữ đầu của tên)")
    describe_ = unit_actions.add_parser("set", parents=[common], help="đổi tên in, cơ quan chủ quản, người ký")
    describe_.add_argument("name", metavar="TÊN")
    describe_.add_argument("--new-name", metavar="…", help="đổi tên đơn vị trong sổ")
    for option, text in (("full-name", "tên in trên văn bản"), ("parent", "cơ quan chủ quản"),
                         ("head-title", "chức vụ người ký (ví dụ TRƯỞNG PHÒNG)"), ("head-name", "họ tên người ký"),
                         ("symbol", "ký hiệu văn bản của đơn vị")):
        describe_.add_argument(f"--{option}", metavar="…", help=text)
    describe_.add_argument("--leader", metavar="TÊN_ĐĂNG_NHẬP",
                           help="tài khoản lãnh đạo đơn vị được tự sửa thông tin đơn vị (\"\" để bỏ)")
    retire = unit_actions.add_parser("retire", parents=[common], help="ngừng dùng một đơn vị")
    retire.add_argument("name", metavar="TÊN")
    retire.add_argument("--restore", action="store_true", help="dùng lại đơn vị đã ngừng")
    merge = unit_actions.add_parser("merge", parents=[common], help="gộp đơn vị trùng vào đơn vị khác",
                                    description="Chuyển hồ sơ và thủ tục của đơn vị FROM sang đơn vị TO, "
                                                "rồi ngừng dùng FROM (lịch sử vẫn giữ tên).")
    merge.add_argument("source", metavar="FROM")
    merge.add_argument("--into", required=True, metavar="TO")


COMMANDS: dict[str, Callable] = {"settings": cmd_settings, "office": cmd_office, "unit": cmd_unit}
