"""The letter's delivery from the command line: ``deliver`` (record it, or send it by e-mail) and
``letter-log`` (the letters of a period and how each reached its applicant)."""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from app import dossiers, letter_delivery
from app.cli.commands import _acting_user
from app.cli.output import Output
from app.cli.parser import day, moment
from app.clock import Clock
from app.context import load_context
from app.errors import ValidationError
from app.formatting import date_vi, datetime_vi
from app.letter_delivery import DeliveryVia
from app.reports import outbox

VIA_HELP = ", ".join(f"{m.value} ({m.label.lower()})" for m in DeliveryVia)


def add_parsers(commands, common) -> None:
    deliver = commands.add_parser(
        "deliver", parents=[common], help="ghi nhận đã giao phiếu xin lỗi cho người nộp (hoặc gửi qua thư điện tử)",
        description="Ghi nhận phiếu xin lỗi của hồ sơ đã đến tay người nộp: cách giao, thời điểm, cán bộ. "
                    "Với --via email, phiếu (PDF) được gửi tới địa chỉ thư của người nộp qua máy chủ thư đi và chỉ "
                    "ghi là đã giao khi máy chủ đã nhận. Mỗi phiếu giao một lần; ghi sai thì sửa bằng --fix LÝ_DO.")
    deliver.add_argument("code", metavar="MÃ_HỒ_SƠ")
    deliver.add_argument("--via", required=True, choices=[m.value for m in DeliveryVia], metavar="CÁCH",
                         help=f"cách giao: {VIA_HELP}")
    deliver.add_argument("--at", type=moment, metavar="\"YYYY-MM-DD HH:MM\"",
                         help="thời điểm giao (mặc định: bây giờ; không ở tương lai, không trước ngày phát hành)")
    deliver.add_argument("--note", default="", metavar="GHI_CHÚ", help="ghi chú (số vận đơn, người nhận thay…)")
    deliver.add_argument("--fix", metavar="LÝ_DO", help="sửa lần giao đã ghi nhận (kèm lý do sửa)")

    log = commands.add_parser("letter-log", parents=[common], help="sổ theo dõi phiếu xin lỗi và việc giao phiếu",
                              description="Các phiếu xin lỗi phát hành trong một khoảng ngày, kèm cách và thời "
                                          "điểm giao cho người nộp.")
    log.add_argument("--from", dest="since", type=day, metavar="YYYY-MM-DD", help="từ ngày (mặc định đầu tháng)")
    log.add_argument("--to", type=day, metavar="YYYY-MM-DD", help="đến ngày (mặc định hôm nay)")
    log.add_argument("--undelivered", action="store_true", help="chỉ các phiếu chưa giao")


def _print(out: Output, delivery: letter_delivery.Delivery) -> None:
    out.data({"dossier": delivery.dossier_code, "letter": delivery.number_text,
              "via": delivery.via.value if delivery.via else None, "at": delivery.at, "by": delivery.by,
              "note": delivery.note})


def cmd_deliver(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    if args.via == DeliveryVia.EMAIL.value and not args.fix:
        if args.at:
            raise ValidationError("Gửi qua thư điện tử thì thời điểm giao là lúc máy chủ thư nhận thư; bỏ --at.")
        outcome = letter_delivery.send_by_email(Session, clock, lambda session: _acting_user(session, args.user),
                                                args.code)
        item = outcome.item
        if not outcome.sent:
            raise outbox.DeliveryError(f"Chưa gửi được phiếu xin lỗi qua thư điện tử tới {item.email_to} (đã giữ "
                                       f"trong hộp thư đi, số {item.id}; gửi lại bằng “outbox --retry”): "
                                       f"{item.last_error}")
        _print(out, outcome.delivery)
        out.line(f"Đã gửi phiếu xin lỗi số {outcome.delivery.number_text} của hồ sơ {outcome.delivery.dossier_code} "
                 f"tới {item.email_to}: {outcome.delivery.describe()}.")
        return 0
    with Session.begin() as session:
        ctx = load_context(session, clock, _acting_user(session, args.user))
        dossier_id = dossiers.find_id(session, args.code)
        if args.fix is not None:
            delivery = letter_delivery.correct(session, ctx, dossier_id, args.via, args.at, args.note, reason=args.fix)
        else:
            delivery = letter_delivery.record(session, ctx, dossier_id, args.via, args.at, args.note)
    _print(out, delivery)
    verb = "Đã sửa" if args.fix is not None else "Đã ghi nhận"
    out.line(f"{verb}: phiếu xin lỗi số {delivery.number_text} của hồ sơ {delivery.dossier_code} "
             f"{delivery.describe()}.")
    return 0


def cmd_letter_log(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    end = args.to or clock.now().date()
    start = args.since or end.replace(day=1)
    with Session() as session:
        rows = letter_delivery.logbook(session, start, end, args.undelivered)
    out.data({"from": start, "to": end, "letters": rows})
    out.line(f"Sổ theo dõi phiếu xin lỗi từ {date_vi(start)} đến {date_vi(end)}: {len(rows)} phiếu, "
             f"{sum(1 for r in rows if not r.delivered_at)} chưa giao.")
    for r in rows:
        out.line(f"  {r.number_text:<14} {date_vi(r.issued_on)}  {r.dossier_code:<28} {r.applicant_name[:26]:<26} "
                 f"hẹn {datetime_vi(r.new_due_at)}  {r.delivery or 'CHƯA GIAO'}")
    return 0


COMMANDS = {"deliver": cmd_deliver, "letter-log": cmd_letter_log}
