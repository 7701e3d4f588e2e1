"""Who issues and signs a unit's letters: the one place that decides between the unit and the office.

DOMAIN.md §5: the deciding unit apologises and its head signs. A unit speaks in
its own name only when the office has filled in everything a letter head and a
signature need (its printed name, its parent body, its head's title and name);
a half-filled unit would print a letter with a blank signer, so until then
every field comes from the office, never a mix of the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.catalog import get_office
from db.models import Unit


@dataclass(frozen=True)
class Issuer:
    name: str          # the issuing body, printed in bold at the head of the letter
    parent: str        # its parent body (ĐƠN VỊ CHỦ QUẢN), printed above it
    head_title: str    # the signer's title ("TRƯỞNG PHÒNG")
    head_name: str     # the signer's name
    symbol: str        # the symbol in the letter number ("07/PXL-TP"); may be empty
    is_unit: bool      # True: the unit's own; False: the office's (the fallback)


# What a unit must have filled in to issue letters in its own name.
UNIT_ISSUER_FIELDS = ("full_name", "parent_agency", "head_title", "head_name")


def unit_is_complete(unit: Unit) -> bool:
    """Whether a unit can issue letters in its own name."""
    return all((getattr(unit, field) or "").strip() for field in UNIT_ISSUER_FIELDS)


def issuer_for_unit(session: Session, unit_id: int | None) -> Issuer:
    """The unit's issuer when its printed name, parent and head are filled in, else the office's.

    A unit merged into another speaks with the voice of the unit it was merged into.
    """
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    seen: set[int] = set()
    while unit is not None and unit.merged_into_id is not None and unit.id not in seen:
        seen.add(unit.id)
        unit = session.get(Unit, unit.merged_into_id)
    if unit is not None and unit_is_complete(unit):
        return Issuer(unit.full_name.strip(), unit.parent_agency.strip(), unit.head_title.strip(),
                      unit.head_name.strip(), (unit.letter_symbol or "").strip(), True)
    office = get_office(session)
    return Issuer(office.name, office.parent_agency, office.head_title, office.head_name,
                  (office.letter_symbol or "").strip(),
                  False)
