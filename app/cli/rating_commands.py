"""Citizens' ratings from the command line: ``rate`` (record one, or correct it with --fix) and ``unhappy``
(the dossiers rated "Không hài lòng", with their reasons, for the head of the centre to follow up)."""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from app import dossiers, ratings
from app.cli.commands import _acting_user
from app.cli.output import Output
from app.cli.parser import day, moment
from app.clock import Clock
from app.context import load_context
from app.formatting import date_vi, datetime_vi

LEVEL_HELP = ", ".join(f"{m.slug} ({m.label.lower()})" for m in ratings.Level)
REASON_HELP = ", ".join(f"{m.slug} ({m.label.lower()})" for m in ratings.Reason)
VIA_HELP = ", ".join(f"{m.value} ({m.label.lower()})" for m in ratings.Via)


def add_parsers(commands, common) -> None:
    rate = commands.add_parser(
        "rate", parents=[common], help="ghi nhận đánh giá của người dân về hồ sơ đã có kết quả",
        description="Ghi nhận mức độ hài lòng của người dân với hồ sơ đã có kết quả: mức đánh giá, lý do (với "
                    "“không hài lòng”), cách đánh giá, ghi chú. Mỗi hồ sơ đánh giá một lần; ghi sai thì sửa bằng "
                    "--fix LÝ_DO.")
    rate.add_argument("code", metavar="MÃ_HỒ_SƠ")
    # Checked by app.ratings (one Vietnamese line for a wrong word), not by argparse's English message.
    rate.add_argument("--level", required=True, metavar="MỨC", help=f"mức đánh giá: {LEVEL_HELP}")
    rate.add_argument("--reason", action="append", default=[], metavar="LÝ_DO",
                      help=f"lý do không hài lòng (lặp lại hoặc cách nhau bởi dấu phẩy): {REASON_HELP}")
    rate.add_argument("--via", default=None, metavar="CÁCH", help=f"cách đánh giá (mặc định counter): {VIA_HELP}")
    rate.add_argument("--note", default=None, metavar="GHI_CHÚ", help="ý kiến của người dân, ghi chú")
    rate.add_argument("--at", type=moment, metavar="\"YYYY-MM-DD HH:MM\"",
                      help="thời điểm đánh giá (mặc định: bây giờ; không ở tương lai, không trước khi có kết quả)")
    rate.add_argument("--fix", metavar="LÝ_DO", help="sửa đánh giá đã ghi (kèm lý do sửa)")

    unhappy = commands.add_parser(
        "unhappy", parents=[common], help="các hồ sơ người dân không hài lòng, kèm lý do",
        description="Danh sách hồ sơ được đánh giá “Không hài lòng” (mới nhất trước), kèm lý do, để lãnh đạo "
                    "theo dõi, xử lý; đánh dấu * các đánh giá mới từ hôm qua.")
    unhappy.add_argument("--from", dest="since", type=day, metavar="YYYY-MM-DD", help="đánh giá từ ngày")
    unhappy.add_argument("--to", type=day, metavar="YYYY-MM-DD", help="đánh giá đến ngày")


def cmd_rate(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    with Session.begin() as session:
        ctx = load_context(session, clock, _acting_user(session, args.user))
        dossier_id = dossiers.find_id(session, args.code)
        if args.fix is not None:
            view = ratings.correct(session, ctx, dossier_id, args.level, args.reason, args.via, args.note, args.at,
                                   reason=args.fix)
        else:
            view = ratings.record(session, ctx, dossier_id, args.level, args.reason, args.via or "counter",
                                  args.note or "", args.at)
    out.data({"dossier": view.dossier_code, "level": view.level.slug, "reasons": [r.slug for r in view.reasons],
              "via": view.via.value, "note": view.note, "rated_at": view.rated_at, "recorded_at": view.recorded_at,
              "recorded_by": view.recorded_by})
    verb = "Đã sửa" if args.fix is not None else "Đã ghi nhận"
    out.line(f"{verb} đánh giá của hồ sơ {view.dossier_code}: {view.describe()}.")
    return 0


def cmd_unhappy(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    now = clock.now()
    with Session() as session:
        rows, total = ratings.unhappy(session, now, args.since, args.to)
    out.data({"from": args.since, "to": args.to, "total": total, "dossiers": rows})
    span = ""
    if args.since or args.to:
        span = f" (đánh giá từ {date_vi(args.since) or '…'} đến {date_vi(args.to) or '…'})"
    new = sum(1 for r in rows if r.new)
    out.line(f"Hồ sơ người dân không hài lòng{span}: {total}" + (f", {new} mới từ hôm qua (*)" if new else "") + ".")
    for r in rows:
        out.line(f" {'*' if r.new else ' '} {datetime_vi(r.rated_at)}  {r.code:<28} {r.applicant_name[:24]:<24} "
                 f"{r.field[:14]:<14} {r.reasons or '(chưa rõ lý do)'}" + (f" — {r.note}" if r.note else ""))
    return 0


COMMANDS = {"rate": cmd_rate, "unhappy": cmd_unhappy}
