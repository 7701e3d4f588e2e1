"""The printed papers read back as a citizen and an auditor would: words, dates, page, font, glyphs."""

import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import pytest
import reportlab

from app import dossiers, letters, slips
from app.dossiers import NewDossier
from app.errors import ConfigurationError, ValidationError
from app.letters import LetterRequest
from app.printing import fonts, templates
from app.printing.letter import LetterData, render
from app.settings import save_setting
from tests.support.pdf import fonts as pdf_fonts
from tests.support.pdf import page_sizes_mm, readings

D = dt.datetime

LETTER = LetterData(
    number_text="12/PXL", issued_on=dt.date(2025, 8, 1), reason="Hồ sơ phải lấy ý kiến của cơ quan, đơn vị liên quan",
    previous_due_at=D(2025, 8, 4, 17), new_due_at=D(2026, 2, 5, 10, 30), signer_name="Nguyễn Thị Thu Hương",
    signer_title="Giám đốc", office_name="Trung tâm Phục vụ hành chính công phường Trần Biên",
    parent_agency="UBND phường Trần Biên", place_name="Trần Biên", dossier_code="000.00.16.H19-250728-010042",
    procedure_name="Đăng ký biến động quyền sử dụng đất", applicant_name="Ông Đặng Văn Đức",
    applicant_id_number="079203001234", applicant_address="12 Nguyễn Ái Quốc", applicant_phone="0912345678",
    unit_name="Bộ phận Địa chính - Đất đai", officer_name="Nguyễn Thị Lan", received_at=D(2025, 7, 28, 9, 5),
)


def test_every_field_of_the_letter_is_in_the_pdf_with_decree_30_dates():
    pdf = render([LETTER], "A5")
    for text in readings(pdf):
        for expected in [
            "UBND PHƯỜNG TRẦN BIÊN", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG TRẦN BIÊN", "Số: 12/PXL",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Trần Biên, ngày 01 tháng 8 năm 2025",              # leading zero on the day, none on August
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Kính gửi: Ông Đặng Văn Đức",
            "09 giờ 05 phút, ngày 28 tháng 7 năm 2025",          # received
            "“Đăng ký biến động quyền sử dụng đất”", "079203001234", "000.00.16.H19-250728-010042",
            "17 giờ 00 phút, ngày 04 tháng 8 năm 2025",          # originally promised
            "Lý do: Hồ sơ phải lấy ý kiến của cơ quan, đơn vị liên quan.",
            "10 giờ 30 phút, ngày 05 tháng 02 năm 2026",         # the new date: February takes its zero
            "Bộ phận Địa chính - Đất đai", "xin lỗi Ông", "cảm thông của Ông./.",   # the title the register wrote
            "GIÁM ĐỐC", "(Ký và ghi rõ họ tên)", "Nguyễn Thị Thu Hương",
        ]:
            assert expected in text, expected
        assert "tháng 08" not in text and "{" not in text and "Ông/Bà/Tổ chức" not in text


@pytest.mark.parametrize("paper, size", [("A5", (148, 210)), ("A4", (210, 297))])
def test_one_page_of_the_chosen_size(paper, size):
    assert page_sizes_mm(render([LETTER], paper)) == [size]


def test_a_batch_is_one_pdf_with_a_page_per_letter():
    pdf = render([LETTER, LETTER, LETTER], "A5")
    assert page_sizes_mm(pdf) == [(148, 210)] * 3


def test_fonts_are_embedded_and_draw_every_character():
    family = fonts.discover()
    pdf = render([LETTER], "A5")
    used = pdf_fonts(pdf)
    assert used and all(used.values()), used                     # nothing referenced without its program
    stem = family.family.replace(" ", "")
    assert all(stem in name for name in used), used               # only the chosen family, no Helvetica
    for text in readings(pdf):
        assert family.missing(text) == set()                      # every glyph exists in the font
        assert unicodedata.is_normalized("NFC", text)


def test_decomposed_input_is_printed_composed():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Thu Hương")
    pdf = render([LETTER.__class__(**{**LETTER.__dict__, "applicant_name": decomposed})], "A5")
    for text in readings(pdf):
        assert "Kính gửi: Ông/Bà Nguyễn Thị Thu Hương" in text


def test_a_character_the_font_lacks_is_refused_not_boxed():
    with pytest.raises(ConfigurationError, match="không có ký tự “中”"):
        render([LETTER.__class__(**{**LETTER.__dict__, "reason": "Chờ ý kiến 中"})], "A5")


def test_font_without_vietnamese_is_skipped_and_the_error_names_what_to_install(tmp_path):
    # Bitstream Vera (shipped with reportlab) has no Vietnamese, like Liberation Serif 1.x.
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    for name in ("LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic",
                 "LiberationSerif-BoldItalic"):
        shutil.copy(vera, tmp_path / f"{name}.ttf")
    with pytest.raises(ConfigurationError) as error:
        fonts.discover([tmp_path])
    message = str(error.value)
    assert "thiếu" in message and "fonts-liberation2" in message and "Times New Roman" in message


def test_font_discovery_prefers_liberation_then_tinos():
    found = fonts.discover()
    assert found.family in ("Times New Roman", "Liberation Serif", "Tinos")
    croscore = [p for p in (Path("/usr/share/fonts/truetype/croscore"),) if p.is_dir()]
    if croscore:
        assert fonts.discover(croscore).family == "Tinos"


# -- templates ---------------------------------------------------------------------------------------

def test_the_shipped_templates_are_valid():
    for spec in templates.FORMS.values():
        templates.parse(spec, templates.default_text(spec))


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("{ngay_hen_moi}", "{ngay_hen_mio}"), r"\{ngay_hen_mio\} không có trong mẫu"),
    (lambda t: t.replace("Lý do: {ly_do}.", "Lý do: (xem hồ sơ)."), r"thiếu chỗ điền bắt buộc \{ly_do\}"),
    (lambda t: t.replace("[kinh_gui]", "[gui]"), r"mục \[gui\] không có"),
    (lambda t: t.replace("{ma_ho_so}", "{ma_ho_so:>20}"), "không kèm định dạng"),
    (lambda t: t.replace("{ma_ho_so}", "{ma_ho_so"), "không khớp"),
])
def test_a_broken_template_is_refused(edit, message):
    text = edit(templates.default_text(templates.APOLOGY))
    with pytest.raises(ValidationError, match=message):
        templates.parse(templates.APOLOGY, text)


def test_the_office_copy_wins_and_a_bad_one_is_never_saved():
    spec = templates.APOLOGY
    text = templates.default_text(spec).replace("Rất mong nhận được", "Kính mong nhận được")
    path = templates.save_office_copy(spec, text)
    assert path.parent.parent == Path(__import__("os").environ["MOTCUA_DATA_DIR"])
    assert templates.current_text(spec)[1] == "office"
    assert any("Kính mong nhận được" in t for t in readings(render([LETTER])))
    with pytest.raises(ValidationError):
        templates.save_office_copy(spec, text.replace("{ly_do}", "{ly_doo}"))
    assert "Kính mong" in path.read_text(encoding="utf-8")      # the good copy stays
    templates.reset_office_copy(spec)
    assert templates.current_text(spec)[1] == "default"
    assert any("Rất mong nhận được" in t for t in readings(render([LETTER])))


# -- the receipt slip and the logbook ------------------------------------------------------------------

def test_receipt_slip_has_the_dossier_and_its_return_date(Session, make_ctx):
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Trần Thị Bích", applicant_id_number="079203001234",
                                                         applicant_phone="0912345678"))
    with Session() as session:
        pdf = slips.receipt_pdf(session, ctx, view.id)
    assert page_sizes_mm(pdf) == [(148, 210)]
    assert all(pdf_fonts(pdf).values())
    for text in readings(pdf):
        for expected in ["GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", f"Mã hồ sơ: {view.code}", "Trần Thị Bích",
                         "Cấp Giấy xác nhận tình trạng hôn nhân", "3 ngày làm việc",
                         "09 giờ 00 phút, ngày 25 tháng 11 năm 2026", "17 giờ 00 phút, ngày 30 tháng 11 năm 2026",
                         "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Nguyễn Thị Lan"]:
            assert expected in text, expected


def test_receipt_carries_a_qr_code_of_the_dossier_code(Session, make_ctx):
    zbar = shutil.which("zbarimg")
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Trần Thị Bích"))
    with Session() as session:
        pdf = slips.receipt_pdf(session, ctx, view.id)
    assert b"/Subtype /Image" not in pdf  # vector modules, sharp at any printer resolution
    if zbar and shutil.which("pdftoppm"):
        import subprocess
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "r.pdf").write_bytes(pdf)
            subprocess.run(["pdftoppm", "-r", "200", "-png", "r.pdf", "page"], cwd=folder, check=True)
            decoded = subprocess.run([zbar, "--raw", "-q", str(next(Path(folder).glob("page*.png")))],
                                     capture_output=True, encoding="utf-8", errors="replace").stdout.strip()
        assert decoded == view.code


def test_logbook_lists_the_period_on_a4_landscape(Session, make_ctx):
    ctx = make_ctx()
    names = ["Lê Thị Hồng", "Phạm Quốc Huy", "Võ Thị Sáu"]
    with Session.begin() as session:
        for index, name in enumerate(names):
            dossiers.receive(session, ctx, NewDossier("D10", name, applicant_phone="0912345678",
                                                      received_at=D(2026, 11, 2 + index, 9)))
        dossiers.receive(session, ctx, NewDossier("P3", "Ngoài Kỳ", received_at=D(2026, 10, 30, 9)))
    with Session() as session:
        pdf = slips.logbook_pdf(session, ctx, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert set(page_sizes_mm(pdf)) == {(297, 210)}
    for text in readings(pdf):
        assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 01/11/2026 đến ngày 30/11/2026" in text
        assert all(name in text for name in names) and "Ngoài Kỳ" not in text
        assert "Đăng ký biến động đất đai" in text and "Bộ phận Địa chính - Đất đai" in text
    with Session() as session, pytest.raises(ValidationError, match="trước ngày đầu"):
        slips.logbook_pdf(session, ctx, dt.date(2026, 11, 30), dt.date(2026, 11, 1))


def test_a4_setting_prints_letters_on_a4(Session, make_ctx):
    with Session.begin() as session:
        save_setting(session, "letter_paper", "A4")
        view = dossiers.receive(session, make_ctx(), NewDossier("P3", "Trần Thị Bích"))
    ctx = make_ctx()
    with Session.begin() as session:
        issued = letters.issue(session, ctx, LetterRequest(view.id, "Cần xác minh thực địa", dt.date(2026, 12, 4)))
    assert page_sizes_mm(issued.pdf) == [(210, 297)]


def test_receipt_keeps_the_counter_promise_and_adds_the_new_date_after_a_letter(Session, make_ctx):
    from sqlalchemy import update

    from db.models import Procedure

    with Session.begin() as session:
        session.execute(update(Procedure).where(Procedure.code == "P3").values(
            papers="Tờ khai đăng ký (bản chính)\nBản sao Căn cước công dân"))
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Hợp tác xã Tân Phú", applicant_id_number="0312345678",
                                                         applicant_kind="organisation"))
    with Session() as session:
        before = slips.receipt_pdf(session, ctx, view.id)
    for text in readings(before):
        assert "Số: 0001/TNHS" in text and "gồm: - Tờ khai đăng ký (bản chính) - Bản sao Căn cước công dân." in text
        assert "Thư điện tử" not in text and "Hẹn lại" not in text
        assert "17 giờ 00 phút, ngày 30 tháng 11 năm 2026" in text
        # The organisation's name is not a signature: the person at the counter writes their own.
        assert text.count("Hợp tác xã Tân Phú") == 1
    with Session.begin() as session:
        issued = letters.issue(session, ctx, LetterRequest(view.id, "Cần xác minh thực địa", dt.date(2026, 12, 4)))
    with Session() as session:
        after = slips.receipt_pdf(session, ctx, view.id)
        rows = slips.logbook_rows(session, dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    from tests.support.pdf import text_pdftotext

    lines = (text_pdftotext(after) or "").splitlines()
    for text in readings(after):
        assert "Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 30 tháng 11 năm 2026" in text
        assert (f"Hẹn lại ngày trả kết quả: 17 giờ 00 phút, ngày 04 tháng 12 năm 2026 (Phiếu xin lỗi số "
                f"{issued.number_text})") in text
    if lines:
        assert any(line.startswith("Hẹn lại ngày trả kết quả:") for line in lines)      # on its own line
    assert (rows[0].due_at, rows[0].rescheduled_at) == (dt.datetime(2026, 11, 30, 17), dt.datetime(2026, 12, 4, 17))
    with Session() as session:
        logbook = slips.logbook_pdf(session, ctx, dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    for text in readings(logbook):
        assert "Hẹn lại (phiếu xin lỗi)" in text and "30/11/2026" in text and "04/12/2026" in text


def test_a_promise_corrected_on_the_day_stays_the_promise_and_a_letter_never_moves_it(Session, make_ctx):
    from app.dossiers import set_due_manually
    from db.models import Dossier

    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Trần Thị Bích"))
        view = set_due_manually(session, ctx, view.id, D(2026, 12, 1, 17), "Cần lấy ý kiến liên ngành",
                                expected_version=view.version)
        assert session.get(Dossier, view.id).original_due_at == D(2026, 12, 1, 17)
    with Session.begin() as session:
        letters.issue(session, ctx, LetterRequest(view.id, "Cần xác minh thực địa", dt.date(2026, 12, 4)))
    with Session() as session:
        row = session.get(Dossier, view.id)
        assert (row.original_due_at, row.due_at) == (D(2026, 12, 1, 17), D(2026, 12, 4, 17))


@pytest.mark.skipif(__import__("os").name != "posix", reason="POSIX permissions")
def test_written_files_are_readable_by_the_office_not_only_their_owner(tmp_path):
    import os
    import stat

    from app.files import temporary_beside
    from app.reports.xlsx import write_atomically

    previous = os.umask(0o022)
    try:
        handle, name = temporary_beside(tmp_path / "phieu.pdf", ".pdf.tmp")
        os.close(handle)
        workbook = write_atomically(tmp_path / "bao-cao.xlsx", b"PK")
        template = templates.save_office_copy(templates.APOLOGY, templates.default_text(templates.APOLOGY))
    finally:
        os.umask(previous)
        templates.reset_office_copy(templates.APOLOGY)
    for path in (name, workbook):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    assert template.name == "phieu_xin_loi.txt"


# -- Decree 30 layout -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, width_mm, size, expected", [
    # The issue's own breaks: "…PHỤC VỤ HÀNH / CHÍNH CÔNG PHƯỜNG TRẦN / BIÊN" and "HÒA / BÌNH".
    ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG TRẦN BIÊN", 67, 13,
     ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG", "PHƯỜNG TRẦN BIÊN"]),
    ("BỘ PHẬN MỘT CỬA XÃ HÒA BÌNH", 40, 11, ["BỘ PHẬN MỘT CỬA", "XÃ HÒA BÌNH"]),
    ("ỦY BAN NHÂN DÂN PHƯỜNG TRẦN BIÊN", 67, 13, ["ỦY BAN NHÂN DÂN", "PHƯỜNG TRẦN BIÊN"]),
    # A unit named with a dash: the dash stays at the end of its line, never starts the next one.
    ("PHÒNG TƯ PHÁP - HỘ TỊCH", 45, 12, ["PHÒNG TƯ PHÁP -", "HỘ TỊCH"]),
])
def test_header_lines_break_between_words_in_balanced_lines(text, width_mm, size, expected):
    from reportlab.lib.units import mm

    from app.printing.layout import balanced_lines

    lines, used = balanced_lines(text, fonts.discover().bold, size, width_mm * mm)
    assert list(lines) == expected and used == size
    assert all(" " in line for line in lines[1:])                  # never a one-syllable last line


def test_a_third_line_is_avoided_by_one_step_smaller_first():
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.printing.layout import balanced_lines

    bold = fonts.discover().bold
    text = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    # A column where 13 pt needs three lines and 12 pt fits in two.
    width = max(stringWidth("TRUNG TÂM PHỤC VỤ", bold, 12), stringWidth("HÀNH CHÍNH CÔNG", bold, 12)) + 0.5
    assert stringWidth("TRUNG TÂM PHỤC VỤ", bold, 13) > width
    lines, size = balanced_lines(text, bold, 13, width)
    assert (list(lines), size) == (["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG"], 12)
    assert width < 60 * mm


def test_a5_keeps_the_decree_minimum_sizes_and_room_for_a_signature():
    from reportlab.lib.units import mm

    from app.printing import layout

    for name in ("A4", "A5"):
        page = layout.PROFILES[name]
        assert page.national >= layout.NATIONAL_MIN and page.motto >= layout.MOTTO_MIN
        assert page.signature_space >= 25 * mm
        assert page.number == page.place_date                       # "Số" and the date stand on one level
