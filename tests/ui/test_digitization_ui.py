"""The Số hóa page and dossier tab, driven as an officer would (pytest-qt, offscreen)."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from app import dossiers
from app.dossiers import NewDossier
from app.lifecycle import Status
from db.models import Dossier
from ui.desk import Desk

D = dt.datetime


def add(Session, ctx, procedure, channel, received, status, finished=None, **flags):
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier(procedure, "Đỗ Thị Hằng", channel=channel,
                                                         received_at=received))
        session.execute(update(Dossier).where(Dossier.id == view.id).values(
            status=int(status), finished_at=finished, **{"digitized_components": False, **flags}))
    return view.id


@pytest.fixture
def desk(Session, clock, catalog, make_ctx):
    return Desk(Session, clock, catalog["user_id"])


@pytest.fixture
def register(Session, make_ctx):
    """Tư pháp: 2 results, 1 digitized (50,0 %); Đất đai: 1 result, digitized (100,0 %). Office 2/3 = 66,7 %."""
    ctx = make_ctx()
    full = {"digitized_components": True, "digitized_result": True, "identity_checked": True}
    return {
        "tp_ok": add(Session, ctx, "P3", "in_person", D(2026, 11, 2, 8), Status.RESULT_READY, D(2026, 11, 4, 10),
                     **full),
        "tp_gap": add(Session, ctx, "P3", "in_person", D(2026, 11, 16, 8), Status.RETURNED, D(2026, 11, 18, 10),
                      digitized_components=True, identity_checked=True),
        "dd_ok": add(Session, ctx, "D10", "postal", D(2026, 11, 3, 8), Status.RESULT_READY, D(2026, 11, 17, 10),
                     **full),
    }


def test_page_shows_rates_against_target_trend_and_gaps(qtbot, desk, register, tmp_path):
    from ui.pages.digitization import COLUMNS, DigitizationPage

    page = DigitizationPage(desk)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.start_edit.setDate(dt.date(2026, 11, 1))
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.period.start == dt.date(2026, 11, 1),
                    timeout=5000)
    assert "tỷ lệ số hóa <b>66,7 %</b> (2/3 hồ sơ có kết quả), chỉ tiêu 80 %" in page.summary.text()
    assert "chưa đạt" in page.summary.text()
    # chart bars, top-down reversed by Qt: Đất đai 100,0 (meets), Tư pháp 50,0 (short)
    chart = page.rate_chart
    assert dict(zip(chart.names, chart.values)) == {"Phòng Tư pháp - Hộ tịch": 50.0,
                                                   "Bộ phận Địa chính - Đất đai": 100.0}
    bars = chart.chart().series()[0].barSets()
    met, short = [list(bar_set.at(i) for i in range(bar_set.count())) for bar_set in bars]
    assert sorted(met) == [0.0, 100.0] and sorted(short) == [0.0, 50.0]
    # each rate beside its unit in the one percent format, "50,0 %" as well as "76,9 %" (issue 18.7)
    from PySide6.QtCharts import QBarCategoryAxis

    [names] = [axis for axis in chart.chart().axes() if isinstance(axis, QBarCategoryAxis)]
    assert sorted(names.categories()) == ["Bộ phận Địa chính - Đất đai · 100,0 %", "Phòng Tư pháp - Hộ tịch · 50,0 %"]
    # target line at 80
    line = chart.chart().series()[1]
    assert {line.at(i).x() for i in range(line.count())} == {80.0}
    # week of 02/11: 1/1; week of 16/11: the two finished 17 and 18/11 → 1/2
    assert page.trend_chart.describe() == "02/11: 100,0 %; 16/11: 50,0 %"
    # the one dossier with a gap (result not digitized)
    assert [row.id for row in page.model.rows] == [register["tp_gap"]]
    assert page.model.data(page.model.index(0, COLUMNS.index("Còn thiếu"))) == "Chưa số hóa kết quả"
    assert "(1)" in page.cause_combo.itemText(0)
    assert page.grab().save(str(tmp_path / "digitization.png"))

    # double-click opens the dossier
    with qtbot.waitSignal(desk.open_dossier, timeout=2000) as opened:
        page.table.doubleClicked.emit(page.model.index(0, 0))
    assert opened.args == [register["tp_gap"]]

    # ticking "Kết quả" in the list saves the flag; the dossier leaves the list and the rate rises to 3/3
    column = COLUMNS.index("digitized_result")
    index = page.model.index(0, column)
    assert page.model.flags(index) & Qt.ItemIsUserCheckable
    page.model.setData(index, Qt.Checked, Qt.CheckStateRole)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: "<b>100,0 %</b>" in page.summary.text(), timeout=5000)
    with desk.Session() as session:
        assert session.get(Dossier, register["tp_gap"]).digitized_result is True


def test_gap_filters_by_cause_and_text(qtbot, desk, register, Session, make_ctx):
    from ui.pages.digitization import DigitizationPage

    add(Session, make_ctx(), "P0", "in_person", D(2026, 11, 20, 8), Status.PROCESSING, identity_checked=True)
    page = DigitizationPage(desk)
    qtbot.addWidget(page)
    page.show()
    page.start_edit.setDate(dt.date(2026, 11, 1))
    qtbot.waitUntil(lambda: page.snapshot is not None and page.model.rowCount() == 2, timeout=5000)
    page.cause_combo.setCurrentIndex(page.cause_combo.findData("components"))
    page.refresh_gaps()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.rows[0].missing == ("components",)
    page.cause_combo.setCurrentIndex(0)
    page.search.setText("không có ai tên này")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert page.gap_label.text().startswith("0 hồ sơ")


def test_dossier_tab_shows_who_ticked_and_saves_with_the_stale_check(qtbot, desk, register, Session, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.dossier.digitization_tab import DigitizationTab

    with Session() as session:
        view = dossiers.get(session, register["tp_gap"])
    tab = DigitizationTab(desk)
    qtbot.addWidget(tab)
    tab.show()
    tab.load(view)
    qtbot.waitUntil(lambda: tab.stamps["digitized_result"].text() == "—", timeout=5000)
    assert tab.boxes["digitized_components"].isChecked() and not tab.boxes["digitized_result"].isChecked()
    assert tab.boxes["digitized_result"].font().bold()          # required for a finished dossier
    assert not tab.boxes["request_letter_attached"].font().bold()
    assert "Hồ sơ đã có kết quả nhưng chưa số hóa kết quả giải quyết" in tab.verdict.text()
    assert not tab.save_button.isEnabled()

    tab.boxes["digitized_result"].setChecked(True)
    assert "đáp ứng đủ yêu cầu số hóa" in tab.verdict.text() and tab.save_button.isEnabled()
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.view.version == view.version + 1 and "Nguyễn Thị Lan" in
                    tab.stamps["digitized_result"].text(), timeout=5000)
    assert tab.stamps["digitized_result"].text() == "đánh dấu: Nguyễn Thị Lan, 09:00 25/11/2026"
    assert not tab.save_button.isEnabled()

    # A colleague saves first: our tick is refused with the stale message, the fresh dossier is shown.
    stale = tab.view
    with Session.begin() as session:
        session.execute(update(Dossier).where(Dossier.id == stale.id).values(version=stale.version + 1,
                                                                              reused_from_store=True))
    tab.boxes["identity_checked"].setChecked(False)
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "errorBox") is not None
                    and tab.view.version == stale.version + 1, timeout=5000)
    assert "vừa được người khác cập nhật" in tab.findChild(QMessageBox, "errorBox").text()
    assert tab.boxes["reused_from_store"].isChecked() and tab.boxes["identity_checked"].isChecked()
    with Session() as session:
        assert session.get(Dossier, stale.id).identity_checked is True


def test_page_and_tab_are_registered():
    from ui.dossier import TABS
    from ui.pages import PAGES

    assert "ui.pages.digitization:DigitizationPage" in PAGES
    assert "ui.dossier.digitization_tab:DigitizationTab" in TABS


def test_page_on_an_empty_register_says_there_is_nothing_to_rate(qtbot, desk, tmp_path):
    from ui.pages.digitization import DigitizationPage

    page = DigitizationPage(desk)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=5000)
    assert "tỷ lệ số hóa <b>—</b> (0/0 hồ sơ có kết quả)" in page.summary.text()
    assert page.model.rowCount() == 0 and page.rate_chart.names == [] and page.trend_chart.points == []
    assert page.grab().save(str(tmp_path / "empty.png"))
