"""The wording of the printed forms, in plain-text templates with named placeholders.

The default wording ships in ``resources/templates/``; an office may keep its
own copy in the user data folder (``db.paths.templates_dir()``), which wins.
A template is a few sections (``[noi_dung]``...), each non-empty line one
paragraph, ``{ten}`` a placeholder, ``**chữ đậm**`` bold, ``[[ … ]]`` a part
printed only when every placeholder inside it has a value (a line that is
nothing but such a part disappears), and ``#`` a comment.
A template that names a placeholder the form does not know, or leaves out one
the form must show (the reason, the new return date...), is refused whole, so
a typo can never print "{ngay_hen_mio}" on a letter to a citizen.
"""

from __future__ import annotations

import os
import re
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from app.errors import ValidationError
from app.files import replace, temporary_beside
from app.text import nfc
from db.paths import resources_dir, templates_dir


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str
    required: bool = False


@dataclass(frozen=True)
class FormSpec:
    key: str
    file_name: str
    title: str
    sections: tuple[str, ...]
    placeholders: tuple[Placeholder, ...]
    # groups of placeholders of which the template must use at least one (the applicant by name or as addressed)
    one_of: tuple[tuple[str, ...], ...] = ()

    @property
    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.placeholders)

    @property
    def required(self) -> frozenset[str]:
        return frozenset(p.name for p in self.placeholders if p.required)


_COMMON = (
    Placeholder("co_quan_chu_quan", "Cơ quan chủ quản (dòng trên của tiêu đề trái)"),
    Placeholder("don_vi", "Tên cơ quan, đơn vị phát hành (in đậm ở tiêu đề; với phiếu xin lỗi là đơn vị "
                          "chủ trì giải quyết khi đơn vị đã khai báo đủ, nếu không là cơ quan)"),
    Placeholder("dia_danh", "Địa danh"),
    Placeholder("ma_ho_so", "Mã hồ sơ", True),
    Placeholder("thu_tuc", "Tên thủ tục hành chính", True),
    Placeholder("nguoi_nop", "Họ tên người nộp / tên tổ chức, như ghi trong sổ"),
    Placeholder("so_giay_to", "Số CCCD/CMND/hộ chiếu hoặc mã số thuế"),
    Placeholder("dia_chi", "Địa chỉ người nộp"),
    Placeholder("dien_thoai", "Số điện thoại người nộp"),
    Placeholder("don_vi_giai_quyet", "Cơ quan, đơn vị chủ trì giải quyết"),
    Placeholder("can_bo_tiep_nhan", "Cán bộ tiếp nhận"),
    Placeholder("gio_tiep_nhan", "Giờ tiếp nhận, ví dụ “09 giờ 30 phút”"),
    Placeholder("ngay_tiep_nhan", "Ngày tiếp nhận, ví dụ “ngày 05 tháng 02 năm 2026”", True),
    Placeholder("gio_hen_tra", "Giờ hẹn trả (ban đầu)"),
    Placeholder("ngay_hen_tra", "Ngày hẹn trả (ban đầu)", True),
)

APOLOGY = FormSpec(
    key="phieu_xin_loi",
    file_name="phieu_xin_loi.txt",
    title="Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    sections=("tieu_de", "kinh_gui", "noi_dung"),
    placeholders=_COMMON + (
        Placeholder("kinh_gui", "Người nhận phiếu như ghi sau “Kính gửi:”: “Ông/Bà Phạm Minh Ánh” cho cá nhân "
                                "(“Ông …”/“Bà …” nếu tên đã ghi sẵn), tên tổ chức cho tổ chức"),
        Placeholder("xung_ho", "Cách gọi người nộp trong thân phiếu: “Ông/Bà” (hoặc “Ông”, “Bà”) cho cá nhân, "
                               "“Quý cơ quan/tổ chức” cho tổ chức"),
        Placeholder("loai_nguoi_nop", "“cá nhân” hoặc “tổ chức”"),
        Placeholder("bo_phan_tiep_nhan", "Bộ phận Một cửa/Trung tâm đã tiếp nhận hồ sơ (thông tin cơ quan)"),
        Placeholder("so_phieu", "Số phiếu, ví dụ “07/PXL-TP”"),
        Placeholder("ly_do", "Lý do chậm trả kết quả", True),
        Placeholder("gio_hen_moi", "Giờ hẹn trả mới"),
        Placeholder("ngay_hen_moi", "Ngày hẹn trả mới", True),
    ),
    one_of=(("nguoi_nop", "kinh_gui"),),
)

RECEIPT = FormSpec(
    key="giay_tiep_nhan",
    file_name="giay_tiep_nhan.txt",
    title="Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    sections=("tieu_de", "noi_dung"),
    placeholders=_COMMON + (
        Placeholder("email", "Thư điện tử người nộp"),
        Placeholder("hinh_thuc", "Hình thức nộp (trực tiếp, trực tuyến, bưu chính)"),
        Placeholder("thoi_han", "Thời hạn giải quyết theo quy định, ví dụ “3 ngày làm việc”"),
        Placeholder("giay_to", "Giấy tờ đã nhận, mỗi loại một dòng (trống nếu không ghi)"),
        Placeholder("gio_hen_lai", "Giờ hẹn trả mới theo phiếu xin lỗi (trống nếu chưa có phiếu)"),
        Placeholder("ngay_hen_lai", "Ngày hẹn trả mới theo phiếu xin lỗi (trống nếu chưa có phiếu)"),
        Placeholder("so_phieu_xin_loi", "Số phiếu xin lỗi (trống nếu chưa có phiếu)"),
    ),
    one_of=(("nguoi_nop",),),
)

FORMS = {spec.key: spec for spec in (APOLOGY, RECEIPT)}

_SECTION = re.compile(r"^\[([a-z_]+)\]\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_OPTIONAL = re.compile(r"\[\[(.*?)\]\]")


@dataclass(frozen=True)
class Template:
    spec: FormSpec
    sections: dict          # section → tuple of lines (placeholders not yet filled)
    source: str             # "office" or "default"
    path: Path | None

    def fill(self, values: dict[str, str]) -> dict[str, list[str]]:
        """Each section's paragraphs as reportlab markup: text escaped, values inserted, **bold** applied,
        a ``[[ … ]]`` part kept only when its placeholders all have a value (an emptied line is left out)."""
        safe = {name: "<br/>".join(escape(nfc(line)) for line in (values.get(name, "") or "").split("\n"))
                for name in self.spec.names}
        filled = {}
        for section, lines in self.sections.items():
            paragraphs = []
            for line in lines:
                line = _OPTIONAL.sub(lambda part: part.group(1) if _all_given(part.group(1), safe) else "", line)
                if line.strip():
                    paragraphs.append(_markup(line, safe))
            filled[section] = paragraphs
        return filled


def _all_given(text: str, values: dict[str, str]) -> bool:
    return all(values.get(field, "").strip() for _, field, _, _ in string.Formatter().parse(text) if field)


def _markup(line: str, values: dict[str, str]) -> str:
    out = []
    for literal, field, _spec, _conversion in string.Formatter().parse(line):
        out.append(escape(literal))
        if field is not None:
            out.append(values[field])
    return _BOLD.sub(r"<b>\1</b>", "".join(out))


def parse(spec: FormSpec, text: str, source: str = "default", path: Path | None = None) -> Template:
    """Read a template, refusing it (with every problem listed) unless it is complete and clean."""
    text = nfc_lines(text)
    sections: dict[str, list[str]] = {}
    current = None
    problems: list[str] = []
    used: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = _SECTION.match(line)
        if header:
            current = header.group(1)
            if current not in spec.sections:
                problems.append(f"dòng {number}: mục [{current}] không có trong mẫu "
                                f"(các mục: {', '.join('[' + s + ']' for s in spec.sections)})")
            elif current in sections:
                problems.append(f"dòng {number}: mục [{current}] lặp lại")
            sections.setdefault(current, [])
            continue
        if current is None:
            problems.append(f"dòng {number}: nội dung nằm ngoài mọi mục (thiếu dòng như [noi_dung] phía trên)")
            continue
        try:
            fields = list(string.Formatter().parse(line))
        except ValueError:
            problems.append(f"dòng {number}: dấu ngoặc {{ }} không khớp (muốn in dấu ngoặc thì gõ {{{{ hoặc }}}})")
            continue
        for _literal, field, format_spec, conversion in fields:
            if field is None:
                continue
            if field not in spec.names:
                problems.append(f"dòng {number}: chỗ điền {{{field}}} không có trong mẫu")
            elif format_spec or conversion:
                problems.append(f"dòng {number}: chỗ điền {{{field}}} chỉ được ghi tên, không kèm định dạng")
            used.add(field)
        if line.count("**") % 2:
            problems.append(f"dòng {number}: dấu ** (chữ đậm) phải đi thành cặp")
        if line.count("[[") != line.count("]]") or _OPTIONAL.sub("", line).count("[[") or "[[" in "".join(
                _OPTIONAL.findall(line)):
            problems.append(f"dòng {number}: dấu [[ ]] (phần in khi có giá trị) phải đi thành cặp, không lồng nhau")
        sections[current].append(line)
    for section in spec.sections:
        if not sections.get(section):
            problems.append(f"thiếu mục [{section}] hoặc mục này trống")
    for name in sorted(spec.required - used):
        description = next(p.description for p in spec.placeholders if p.name == name)
        problems.append(f"thiếu chỗ điền bắt buộc {{{name}}} ({description})")
    for group in spec.one_of:
        if not used & set(group):
            problems.append("thiếu chỗ điền " + " hoặc ".join("{" + name + "}" for name in group))
    if problems:
        where = f" “{path}”" if path else ""
        raise ValidationError(f"Mẫu {spec.title.lower()}{where} không dùng được: " + "; ".join(problems) + ".")
    return Template(spec, {s: tuple(sections[s]) for s in spec.sections}, source, path)


def nfc_lines(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n"))


def default_path(spec: FormSpec) -> Path:
    return resources_dir() / "templates" / spec.file_name


def office_path(spec: FormSpec) -> Path:
    return templates_dir() / spec.file_name


def default_text(spec: FormSpec) -> str:
    return default_path(spec).read_text(encoding="utf-8")


def current_text(spec: FormSpec) -> tuple[str, str]:
    """(text, "office" | "default"): what the next document will be printed from."""
    path = office_path(spec)
    if path.is_file():
        return path.read_text(encoding="utf-8"), "office"
    return default_text(spec), "default"


_cache: dict[str, tuple[tuple, Template]] = {}


def load(spec: FormSpec) -> Template:
    """The office's copy if it has one, else the default; parsed once per file version."""
    path = office_path(spec)
    try:
        stat = path.stat()
        key: tuple = ("office", str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        path = default_path(spec)
        key = ("default", str(path))
    cached = _cache.get(spec.key)
    if cached and cached[0] == key:
        return cached[1]
    template = parse(spec, path.read_text(encoding="utf-8"), key[0], path)
    _cache[spec.key] = (key, template)
    return template


def save_office_copy(spec: FormSpec, text: str) -> Path:
    """Check, then write the office's copy atomically; a refused template leaves the old one in place."""
    parse(spec, text)
    path = office_path(spec)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = temporary_beside(path, ".txt")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(nfc_lines(text))
        replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _cache.pop(spec.key, None)
    return path


def reset_office_copy(spec: FormSpec) -> None:
    """Back to the wording shipped with the app."""
    office_path(spec).unlink(missing_ok=True)
    _cache.pop(spec.key, None)
