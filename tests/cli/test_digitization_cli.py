"""``python main.py digitization`` as an officer runs it, on a register built by hand."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import update

from app import dossiers
from app.dossiers import NewDossier
from app.lifecycle import Status
from db.models import Dossier

ROOT = Path(__file__).resolve().parents[2]
D = dt.datetime


def run(tmp_path, db_url, *args):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": db_url}
    command = [sys.executable, str(ROOT / "main.py"), "--now", "2026-11-25 09:00", "digitization", *args]
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=120)


def test_rates_and_gaps_printed_and_as_json(tmp_path, db_url, Session, make_ctx):
    ctx = make_ctx()
    with Session.begin() as session:
        for received, flags in [
            (D(2026, 11, 2, 8), {"digitized_components": True, "digitized_result": True, "identity_checked": True}),
            (D(2026, 11, 3, 8), {"digitized_components": True, "digitized_result": False, "identity_checked": True}),
            (D(2026, 11, 4, 8), {"digitized_components": True, "digitized_result": True, "identity_checked": False}),
        ]:
            view = dossiers.receive(session, ctx, NewDossier("P3", "Phạm Thị Hồng", received_at=received))
            session.execute(update(Dossier).where(Dossier.id == view.id).values(
                status=int(Status.RESULT_READY), finished_at=received + dt.timedelta(days=2), **flags))
    result = run(tmp_path, db_url)
    assert result.returncode == 0, result.stderr
    # Tư pháp: 3 with a result, 2 with components and result digitized → 66.7%, below the 80% target;
    # identity 2 of 3 received → 66.7%; nobody reused anything → 0.0%
    line = next(l for l in result.stdout.splitlines() if l.startswith("Phòng Tư pháp - Hộ tịch"))
    assert line.replace(" %", "%").split()[-7:] == ["3", "2", "66,7%", "✗", "3", "66,7%", "0,0%"]
    assert "Từ ngày 01/11/2026 đến ngày 25/11/2026; chỉ tiêu 80 %" in result.stdout
    assert "      1  Hồ sơ đã có kết quả nhưng chưa số hóa kết quả giải quyết" in result.stdout
    data = json.loads(run(tmp_path, db_url, "--json", "--from", "2026-11-05").stdout)
    # From 05/11: the first finished on 04/11 and is out; the second (05/11, result not digitized) and the
    # third (06/11, digitized) → 1 of 2 = 50.0%; none was received from 05/11 on → no identity rate
    assert data["total"]["handled"] == 2 and data["total"]["digitization_rate"] == 50.0
    assert data["total"]["received"] == 0 and data["total"]["identity_rate"] is None
    assert data["gaps"]["result"]["count"] == 1 and data["gaps"]["identity"]["count"] == 1
    assert data["dossiers_with_gaps"] == 2


def test_bad_period_is_one_vietnamese_line(tmp_path, db_url, engine):
    result = run(tmp_path, db_url, "--from", "2026-12-01", "--to", "2026-11-01")
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.strip() == "Lỗi: Ngày cuối kỳ (01/11/2026) không được trước ngày đầu kỳ (01/12/2026)."
    result = run(tmp_path, db_url, "--by", "ward")
    assert result.returncode != 0 and result.stderr.startswith("Lỗi: ") and "Traceback" not in result.stderr
