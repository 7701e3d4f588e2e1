"""Several desks on one PostgreSQL server, with real parallel connections (issue 9).

Runs on the throwaway server only (tests/support/pg_server.py): SQLite lets one
writer in at a time, so there is nothing parallel to test there.
"""

import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text

from app import dossiers, letters
from app.dossiers import NewDossier
from app.errors import StaleDataError
from app.letters import LetterRequest
from db import audit
from db.models import ApologyLetter, Dossier

pytestmark = pytest.mark.pg

D = dt.datetime


def _receive(Session, ctx, name="Đặng Văn Đức"):
    with Session.begin() as session:
        return dossiers.receive(session, ctx, NewDossier(procedure_code="P3", applicant_name=name,
                                                         applicant_id_number="079203001234",
                                                         received_at=D(2026, 11, 23, 9)))


def _a_backend_waits_on_a_lock(Session) -> bool:
    with Session() as session:
        return session.scalar(text(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'")) > 0


def test_second_save_of_the_same_dossier_is_refused_while_the_first_is_in_flight(Session, make_ctx):
    ctx = make_ctx()
    view = _receive(Session, ctx)
    first = Session()
    first.begin()
    dossiers.update_fields(first, ctx, view.id, {"applicant_address": "Bàn 1"}, expected_version=view.version)
    first.flush()  # desk 1 holds the row, not yet committed
    outcome = {}

    def desk_two():
        try:
            with Session.begin() as session:
                dossiers.update_fields(session, ctx, view.id, {"applicant_address": "Bàn 2"},
                                       expected_version=view.version)
            outcome["result"] = "saved"
        except StaleDataError as exc:
            outcome["result"] = exc

    thread = threading.Thread(target=desk_two)
    thread.start()
    # Desk 2 must wait for desk 1's row lock, not read past it: wait (bounded) until the server
    # shows a backend waiting on a lock, failing at once if desk 2 finished first.
    deadline = time.monotonic() + 15
    while not _a_backend_waits_on_a_lock(Session):
        assert thread.is_alive(), f"desk 2 did not wait for desk 1's transaction: {outcome}"
        assert time.monotonic() < deadline, "desk 2 never reached desk 1's lock"
        time.sleep(0.02)
    assert thread.is_alive() and not outcome
    first.commit()
    first.close()
    thread.join(10)
    assert isinstance(outcome["result"], StaleDataError)
    with Session() as session:
        fresh = dossiers.get(session, view.id)
        assert fresh.applicant_address == "Bàn 1" and fresh.version == view.version + 1
        assert audit.verify(session).intact


def test_letter_numbers_are_unique_and_gap_free_when_desks_issue_at_once(Session, make_ctx):
    ctx = make_ctx()
    ids = [_receive(Session, ctx, f"Người Nộp {i}").id for i in range(16)]
    start = threading.Barrier(8)

    def issue(dossier_id):
        try:
            start.wait(5)
        except threading.BrokenBarrierError:
            pass
        with Session.begin() as session:
            return letters.issue(session, ctx, LetterRequest(dossier_id, reason="Cần xác minh thực địa",
                                                             new_date=dt.date(2026, 12, 2))).number_text

    with ThreadPoolExecutor(8) as pool:
        issued = list(pool.map(issue, ids))
    assert len(set(issued)) == 16
    with Session() as session:
        numbers = sorted(session.scalars(select(ApologyLetter.number)))
        assert numbers == list(range(1, 17))
        assert audit.verify(session).intact


def test_desks_receiving_at_once_get_distinct_codes_and_one_unbroken_audit_chain(Session, make_ctx):
    ctx = make_ctx()
    with ThreadPoolExecutor(6) as pool:
        views = list(pool.map(lambda i: _receive(Session, ctx, f"Quầy {i}"), range(30)))
    assert len({v.code for v in views}) == 30
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 30
        check = audit.verify(session)
        assert check.intact and check.events >= 30
