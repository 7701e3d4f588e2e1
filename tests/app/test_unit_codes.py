"""A unit's code made from its name keeps Đ, as Vietnamese abbreviations do (issue 18.7: "DD" on the chart)."""

from app.importing.units import new_unit_code
from app.text import initials


def test_initials_keep_d_with_stroke_and_drop_tone_marks():
    assert initials("Bộ phận Địa chính - Đất đai") == "BPĐCĐĐ"
    assert initials("Phòng Văn hóa - Xã hội") == "PVHXH"
    assert initials("Ủy ban nhân dân phường Tổ 7") == "UBNDPT7"
    assert initials("") == ""


def test_a_new_code_is_unique_and_never_loses_d():
    taken = {"ĐC"}
    assert new_unit_code("Địa chính", taken) == "ĐC2"
    assert new_unit_code("Phòng Tư pháp", taken) == "PTP"
    assert new_unit_code("—", taken) == "ĐV"
    assert {"ĐC2", "PTP", "ĐV"} <= taken


def test_the_demo_units_keep_their_d():
    from app.demo_data import UNITS

    assert ("ĐĐ", "Bộ phận Địa chính - Đất đai") in UNITS
    assert all(code.isupper() and "DD" not in code for code, _name in UNITS)
