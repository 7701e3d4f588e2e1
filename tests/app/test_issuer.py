"""Who speaks in a unit's letters: the unit once its printed name, parent and head are filled in, else the office."""

from app.catalog import save_office
from app.issuer import issuer_for_unit
from db.models import Unit


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


def test_a_merged_unit_speaks_with_the_unit_it_was_merged_into(Session, catalog):
    with Session.begin() as session:
        fill(session, catalog["units"]["TP"], **COMPLETE)
        fill(session, catalog["units"]["DD"], merged_into_id=catalog["units"]["TP"])
        assert issuer_for_unit(session, catalog["units"]["DD"]).name == "Phòng Tư pháp"
