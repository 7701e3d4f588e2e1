"""Icons stay sharp at Windows' 125 % and 150 % scaling: each size is drawn, not one 32 px badge scaled."""

from PySide6.QtCore import QSize

from app.deadlines import WarningLevel
from ui.warning_style import level_icon


def test_level_badges_exist_at_the_device_sizes_of_scaled_screens(qapp, tmp_path):
    icon = level_icon(WarningLevel.OVERDUE)
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    for logical in (16, 32):
        for scale in (1, 1.25, 1.5, 2):
            side = round(logical * scale)
            assert (side, side) in sizes, f"{logical} px at {scale:.0%}"
    exact = icon.pixmap(QSize(20, 20))
    assert exact.width() == 20
    exact.save(str(tmp_path / "overdue-20.png"))
