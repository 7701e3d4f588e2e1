"""Printed papers from the command line: apology letters, receipt slips, the logbook.

A refused command writes no file and leaves the register as it was: the PDF
is written to a temporary file beside the target inside the transaction and
renamed into place only once the register has committed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from app import dossiers, files
from app.cli.commands import _acting_user
from app.cli.output import Output
from app.cli.parser import day
from app.clock import Clock
from app.context import load_context
from app.errors import ValidationError
from app.files import temporary_beside
from app.formatting import date_vi, datetime_vi


def _target(text: str) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        raise ValidationError(f"“{text}” là một thư mục; hãy ghi tên tệp PDF (ví dụ phieu.pdf).")
    if path.suffix.lower() != ".pdf":
        raise ValidationError(f"Tệp kết quả “{text}” phải có đuôi .pdf.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"Thư mục “{folder}” không tồn tại.")
    files.check_writable_folder(folder)   # os.access cannot see Windows' folder rules
    return path


class _Writer:
    """Writes the PDF to a temporary file; ``path`` is where it finally is."""

    def __init__(self, path: Path):
        self.path = path
        self.temporaries: list[Path] = []

    def __call__(self, data: bytes) -> None:
        handle, name = temporary_beside(self.path, ".pdf.tmp")     # readable by the office's other users
        self.temporaries.append(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)

    def put_in_place(self) -> None:
        """Rename onto the target. Once the register has committed (a letter has its number), a target held
        open by a PDF viewer must not turn the command into a failure: the PDF goes beside it, "tên (2).pdf"."""
        try:
            files.replace(self.temporaries[-1], self.path)
        except files.FileInUse as error:
            beside = files.free_name(self.path)
            os.replace(self.temporaries[-1], beside)
            print(f"Lưu ý: {error} Tệp mới được ghi vào “{beside}”.", file=sys.stderr)
            self.path = beside


@contextlib.contextmanager
def _written_after(path: Path):
    """Yield a writer; the file appears at ``path`` (the writer's ``path``) only if the block (and its commit)
    succeeded."""
    write = _Writer(path)
    try:
        yield write
    except BaseException:
        for temporary in write.temporaries:
            temporary.unlink(missing_ok=True)
        raise
    write.put_in_place()


def cmd_letter(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app import letters

    target = _target(args.out)
    with _written_after(target) as write:
        with Session.begin() as session:
            ctx = load_context(session, clock, _acting_user(session, args.user))
            request = letters.LetterRequest(dossiers.find_id(session, args.code), args.reason, args.new_date,
                                            args.issued, confirm_late=args.late_ok)
            try:
                issued = letters.issue(session, ctx, request)
            except letters.LateLetterError as error:
                raise ValidationError(f"{error} Thêm --late-ok để xác nhận.") from None
            write(issued.pdf)
    target = write.path
    out.data({"number": issued.number_text, "dossier": issued.dossier_code, "issued_on": issued.issued_on,
              "late": issued.late, "previous_due_at": issued.previous_due_at, "new_due_at": issued.new_due_at,
              "sha256": issued.sha256, "file": str(target)})
    out.line(f"Đã phát hành phiếu xin lỗi số {issued.number_text} ngày {date_vi(issued.issued_on)} cho hồ sơ "
             f"{issued.dossier_code}" + (" (gửi muộn)" if issued.late else "") + ".")
    out.line(f"Hẹn trả mới: {datetime_vi(issued.new_due_at)} (trước đây {datetime_vi(issued.previous_due_at)}).")
    out.line(f"Tệp: {target}  SHA-256: {issued.sha256}")
    return 0


def cmd_receipt(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app import slips

    target = _target(args.out)
    with _written_after(target) as write:
        with Session() as session:
            ctx = load_context(session, clock)
            write(slips.receipt_pdf(session, ctx, dossiers.find_id(session, args.code)))
    target = write.path
    out.data({"dossier": args.code, "file": str(target)})
    out.line(f"Đã in giấy tiếp nhận hồ sơ {args.code}: {target}")
    return 0


def cmd_letters(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app import letters

    target = _target(args.out)
    with _written_after(target) as write:
        with Session() as session:
            ctx = load_context(session, clock)
            when = args.issued or ctx.now().date()
            ids = letters.issued_on_day(session, when)
            if not ids:
                raise ValidationError(f"Không có phiếu xin lỗi nào phát hành ngày {date_vi(when)}.")
            write(letters.render_issued(session, ctx, ids))
    target = write.path
    out.data({"issued_on": when, "letters": len(ids), "file": str(target)})
    out.line(f"Đã in {len(ids)} phiếu xin lỗi phát hành ngày {date_vi(when)} vào một tệp: {target}")
    return 0


def cmd_logbook(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app import slips

    target = _target(args.out)
    with _written_after(target) as write:
        with Session() as session:
            ctx = load_context(session, clock)
            end = args.to or ctx.now().date()
            start = args.since or end.replace(day=1)
            write(slips.logbook_pdf(session, ctx, start, end))
    target = write.path
    out.data({"from": start, "to": end, "file": str(target)})
    out.line(f"Đã in sổ theo dõi hồ sơ từ {date_vi(start)} đến {date_vi(end)}: {target}")
    return 0


def add_parsers(commands, common) -> None:
    letter = commands.add_parser(
        "letter", parents=[common], help="phát hành phiếu xin lỗi và hẹn lại ngày trả kết quả (PDF)",
        description="Lập phiếu xin lỗi cho một hồ sơ sắp trễ hạn: ghi số phiếu, lý do, ngày hẹn trả mới "
                    "(thành hạn mới của hồ sơ) và in ra tệp PDF. Mỗi hồ sơ chỉ được hẹn lại một lần.")
    letter.add_argument("code", metavar="MÃ_HỒ_SƠ")
    letter.add_argument("--reason", required=True, metavar="LÝ_DO", help="lý do chậm trả kết quả")
    letter.add_argument("--new-date", type=day, required=True, metavar="YYYY-MM-DD",
                        help="ngày hẹn trả mới (ngày làm việc sau ngày hẹn hiện tại)")
    letter.add_argument("--issued", type=day, metavar="YYYY-MM-DD", help="ngày phát hành phiếu (mặc định hôm nay)")
    letter.add_argument("--late-ok", action="store_true",
                        help="xác nhận phát hành dù đã quá hạn gửi phiếu (phiếu được ghi là gửi muộn)")
    letter.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF kết quả")

    receipt = commands.add_parser("receipt", parents=[common], help="in giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)")
    receipt.add_argument("code", metavar="MÃ_HỒ_SƠ")
    receipt.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF kết quả")

    batch = commands.add_parser("letters", parents=[common], help="in mọi phiếu xin lỗi phát hành trong một ngày",
                                description="Gộp mọi phiếu xin lỗi phát hành trong ngày vào một tệp PDF để ký.")
    batch.add_argument("--issued", type=day, metavar="YYYY-MM-DD", help="ngày phát hành (mặc định hôm nay)")
    batch.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF kết quả")

    logbook = commands.add_parser("logbook", parents=[common], help="in sổ theo dõi hồ sơ của một khoảng ngày (PDF)")
    logbook.add_argument("--from", dest="since", type=day, metavar="YYYY-MM-DD",
                         help="từ ngày (mặc định ngày đầu tháng)")
    logbook.add_argument("--to", type=day, metavar="YYYY-MM-DD", help="đến ngày (mặc định hôm nay)")
    logbook.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF kết quả")


COMMANDS = {"letter": cmd_letter, "receipt": cmd_receipt, "letters": cmd_letters, "logbook": cmd_logbook}
