"""Who signs a unit's letters: the unit when it is fully described, else the office (app.issuer)."""

from app.catalog import save_office
from app.issuer import Issuer, issuer_for_unit
from db.models import Unit


def _describe(session, unit_id, **values):
    unit = session.get(Unit, unit_id)
    for key, value in values.items():
        setattr(unit, key, value)
    session.flush()


OFFICE = Issuer("Bộ phận Một cửa phường Trần Biên", "UBND phường Trần Biên", "Giám đốc", "Nguyễn Thị Thu Hương", "",
                False)


def test_a_unit_without_its_own_head_speaks_with_the_office(Session, catalog):
    with Session.begin() as session:
        assert issuer_for_unit(session, catalog["units"]["TP"]) == OFFICE
        assert issuer_for_unit(session, None) == OFFICE
        # Half filled in (no head's name): still the office, never a mix of the two.
        _describe(session, catalog["units"]["TP"], full_name="PHÒNG TƯ PHÁP - HỘ TỊCH",
                  parent_agency="UBND phường Trần Biên", head_title="TRƯỞNG PHÒNG", letter_symbol="TP")
        assert issuer_for_unit(session, catalog["units"]["TP"]) == OFFICE


def test_a_fully_described_unit_issues_and_signs_its_own_letters(Session, catalog):
    with Session.begin() as session:
        _describe(session, catalog["units"]["TP"], full_name="PHÒNG TƯ PHÁP - HỘ TỊCH",
                  parent_agency="UBND phường Trần Biên", head_title="TRƯỞNG PHÒNG", head_name="Trần Văn Bình",
                  letter_symbol="TP")
        _describe(session, catalog["units"]["DD"], full_name="BỘ PHẬN ĐỊA CHÍNH", parent_agency="UBND phường",
                  head_title="PHÓ CHỦ TỊCH", head_name="Lê Thị Mai")
        assert issuer_for_unit(session, catalog["units"]["TP"]) == Issuer(
            "PHÒNG TƯ PHÁP - HỘ TỊCH", "UBND phường Trần Biên", "TRƯỞNG PHÒNG", "Trần Văn Bình", "TP", True)
        other = issuer_for_unit(session, catalog["units"]["DD"])
        assert (other.head_name, other.symbol, other.is_unit) == ("Lê Thị Mai", "", True)


def test_a_merged_unit_speaks_with_the_unit_it_was_merged_into(Session, catalog):
    with Session.begin() as session:
        _describe(session, catalog["units"]["TP"], full_name="PHÒNG TƯ PHÁP", parent_agency="UBND phường",
                  head_title="TRƯỞNG PHÒNG", head_name="Trần Văn Bình")
        _describe(session, catalog["units"]["DD"], merged_into_id=catalog["units"]["TP"], active=False)
        assert issuer_for_unit(session, catalog["units"]["DD"]).head_name == "Trần Văn Bình"


def fill(session, unit_id, **fields):
    unit = session.get(Unit, unit_id)
    for key, value in fields.items():
        setattr(unit, key, value)
    session.flush()


COMPLETE = {"full_name": "Phòng Tư pháp", "parent_agency": "UBND phường Trần Biên", "head_title": "Trưởng phòng",
            "head_name": "Lê Văn Bình", "letter_symbol": "TP"}


def test_a_complete_unit_issues_in_its_own_name(Session, catalog):
    with Session.begin() as session:
        fill(session, catalog["units"]["TP"], **COMPLETE)
        issuer = issuer_for_unit(session, catalog["units"]["TP"])
    assert issuer.is_unit
    assert (issuer.name, issuer.parent, issuer.head_title, issuer.head_name, issuer.symbol) == (
        "Phòng Tư pháp", "UBND phường Trần Biên", "Trưởng phòng", "Lê Văn Bình", "TP")


def test_a_half_filled_unit_or_none_falls_back_to_the_office_whole(Session, catalog):
    with Session.begin() as session:
        save_office(session, letter_symbol="TTPVHCC")
        fill(session, catalog["units"]["TP"], **{**COMPLETE, "head_name": ""})
        for unit_id in (catalog["units"]["TP"], catalog["units"]["DD"], None):
            issuer = issuer_for_unit(session, unit_id)
            assert not issuer.is_unit
            assert (issuer.name, issuer.parent, issuer.head_title, issuer.head_name, issuer.symbol) == (
                "Bộ phận Một cửa phường Trần Biên", "UBND phường Trần Biên", "Giám đốc", "Nguyễn Thị Thu Hương",
                "TTPVHCC")


def test_a_merged_unit_speaks_as_its_target_unit_also_when_filled_by_fields(Session, catalog):
    with Session.begin() as session:
        fill(session, catalog["units"]["TP"], **COMPLETE)
        fill(session, catalog["units"]["DD"], merged_into_id=catalog["units"]["TP"])
        assert issuer_for_unit(session, catalog["units"]["DD"]).name == "Phòng Tư pháp"
