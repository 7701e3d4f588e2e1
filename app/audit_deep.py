"""``audit verify --deep`` as the officer reads it: each row changed behind the app's back, named.

The replay itself is db/audit_replay.py; this turns its findings into Vietnamese lines with the
table, the row (a dossier by its code, an account by its login…) and the values per the trail and in
the register.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.audit_words import TABLE_LABELS, field_label, value_words
from app.formatting import thousands
from db import audit_replay

KINDS = {
    "changed": "bị sửa ngoài ứng dụng",
    "deleted": "nhật ký ghi là còn, trong sổ đã mất (bị xóa ngoài ứng dụng)",
    "inserted": "có trong sổ nhưng nhật ký không ghi lần thêm nào (thêm ngoài ứng dụng)",
}


@dataclass(frozen=True)
class DeepReport:
    intact: bool
    rows: int
    found: int
    message: str
    lines: tuple[str, ...]
    notes: tuple[str, ...]


def _row_name(finding: audit_replay.Finding) -> str:
    label = TABLE_LABELS.get(finding.table, finding.table)
    named = ", ".join(f"{field_label(finding.table, k)} {value_words(finding.table, k, v)}" for k, v in finding.values)
    return f"{label} #{finding.key}" + (f" ({named})" if named else "")


def _line(finding: audit_replay.Finding) -> str:
    text = f"{_row_name(finding)}: {KINDS[finding.kind]}"
    if finding.fields:
        text += " — " + "; ".join(f"{field_label(finding.table, c)}: theo nhật ký “{value_words(finding.table, c, old)}”, "
                                  f"trong sổ “{value_words(finding.table, c, new)}”" for c, old, new in finding.fields)
    return text


def deep_check(session: Session, limit: int = 200) -> DeepReport:
    result = audit_replay.deep_check(session, limit)
    notes = []
    if result.bulk_rows:
        notes.append(f"{thousands(result.bulk_rows)} dòng dữ liệu mẫu thêm hàng loạt (nhật ký chỉ ghi một sự kiện "
                     "tóm tắt): chỉ đếm, không so được giá trị.")
    if result.older_rows:
        notes.append(f"{thousands(result.older_rows)} dòng có từ trước khi sổ có nhật ký thay đổi (ghi trước sự "
                     "kiện đầu tiên): chỉ đếm, không so được giá trị.")
    for table, event_id in sorted(result.bulk_sql.items()):
        notes.append(f"{TABLE_LABELS.get(table, table)}: có sự kiện sửa/xóa hàng loạt chỉ ghi câu lệnh (từ sự kiện "
                     f"số {event_id}, phiên bản cũ): sai khác của bảng này có thể do nó.")
    lines = tuple(_line(f) for f in result.findings)
    if result.found > len(lines):
        lines += (f"… và {thousands(result.found - len(lines))} dòng khác.",)
    if result.found:
        message = (f"Đối chiếu sâu: {thousands(result.found)} dòng trong sổ khác với nhật ký "
                   f"(đã so {thousands(result.rows)} dòng):")
    else:
        message = (f"Đối chiếu sâu: {thousands(result.rows)} dòng của các bảng được ghi nhật ký khớp với các giá trị "
                   "cũ → mới trong nhật ký.")
    return DeepReport(result.found == 0, result.rows, result.found, message, lines, tuple(notes))
