import pytest

from app.errors import ValidationError
from app.settings import Settings, load_settings, save_setting


def test_defaults_when_nothing_is_stored(Session):
    with Session() as session:
        assert load_settings(session) == Settings()
    assert Settings().hours().cutoff.strftime("%H:%M") == "15:00"


def test_saved_values_come_back_typed(Session):
    with Session.begin() as session:
        save_setting(session, "cutoff", "16:00")
        save_setting(session, "due_soon_days", "5")
    with Session() as session:
        settings = load_settings(session)
    assert settings.cutoff == "16:00" and settings.due_soon_days == 5


@pytest.mark.parametrize("key, value, fragment", [
    ("cutoff", "25:00", "Giờ không hợp lệ"),
    ("office_hours", "13:00-11:30", "không hợp lệ"),
    ("due_soon_days", "0", "1–30"),
    ("due_soon_days", "ba", "không đúng kiểu"),
    ("supplement_mode", "forever", "pause, restart"),
    ("letter_number_format", "PXL", "{number}"),
    ("khong_co", "1", "Không có thiết lập"),
])
def test_bad_values_are_refused_with_the_reason(Session, key, value, fragment):
    with pytest.raises(ValidationError, match=None) as error:
        with Session.begin() as session:
            save_setting(session, key, value)
    assert fragment in str(error.value)
    with Session() as session:
        assert load_settings(session) == Settings()
