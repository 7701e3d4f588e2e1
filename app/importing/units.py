"""The deciding unit named in a dossier export, matched to the office's units.

Provincial exports name the unit that decides each dossier ("Đơn vị xử lý", "Cơ quan giải quyết", …),
spelt as the provincial system spells it: "Ủy ban nhân dân xã Phú Hòa" for the office's "UBND xã Phú Hoà".
Names are compared folded (case, marks, đ/d, "Ủy ban nhân dân"/"UBND", dashes and extra spaces).

The folding is ``app.text.fold_name``, the same the unit administration (``app.units``) finds names with.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.text import fold_name, initials, nfc
from db.models import Unit


def unit_index(session: Session) -> dict[str, int]:
    """Folded name (and code) → unit id, for units not merged into another (a merged duplicate's name
    leads to the unit it was merged into)."""
    index: dict[str, int] = {}
    rows = session.execute(select(Unit.id, Unit.code, Unit.name, Unit.full_name, Unit.merged_into_id)
                           .order_by(Unit.merged_into_id.is_not(None), Unit.id)).all()
    for id_, code, name, full_name, merged_into in rows:
        target = merged_into or id_
        for key in (fold_name(name), fold_name(full_name), fold_name(code)):
            if key:
                index.setdefault(key, target)
    return index


def match_unit_name(index: dict[str, int], name: str | None) -> int | None:
    """The id of the unit ``name`` names, or None when the office has no such unit."""
    return index.get(fold_name(name)) if name else None


def new_unit_code(name: str, taken: set[str]) -> str:
    """A short code from the name's initials ("Phòng Tài nguyên và Môi trường" → "PTNVMT", "Địa chính" →
    "ĐC": Đ kept, as in every Vietnamese abbreviation), unique among ``taken`` (which it extends)."""
    first = initials(name)[:12] or "ĐV"
    code, n = first, 1
    while code in taken:
        n += 1
        code = f"{first}{n}"
    taken.add(code)
    return code


def clean_unit_name(name: str) -> str:
    return nfc(name)[:300]
