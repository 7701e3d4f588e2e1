"""Everything the dossier form shows about one dossier, read in one go."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import dossiers, worklists
from app.context import Context
from app.deadlines import WarningBounds, WarningLevel, level_of, time_left
from app.dossiers import DossierView
from app.lifecycle import TRANSITIONS, Status
from app.worklists import EventView

ACTION_LABELS = {
    Status.ACCEPTED: "Tiếp nhận hồ sơ trực tuyến",
    Status.PROCESSING: "Chuyển xử lý",
    Status.SUPPLEMENT: "Yêu cầu bổ sung",
    Status.FINANCIAL: "Chờ nghĩa vụ tài chính",
    Status.RESULT_READY: "Có kết quả",
    Status.RETURNED: "Trả kết quả",
    Status.REFUSED: "Từ chối",
    Status.WITHDRAWN: "Rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
}


def action_label(current: Status, target: Status) -> str:
    if current is Status.SUPPLEMENT and target is Status.PROCESSING:
        return "Đã nhận hồ sơ bổ sung"
    if current is Status.FINANCIAL and target is Status.PROCESSING:
        return "Đã hoàn thành nghĩa vụ tài chính"
    return ACTION_LABELS[target]


@dataclass(frozen=True)
class DossierPage:
    view: DossierView
    level: WarningLevel | None
    remaining: str
    apology_by: str
    next_working_day: dt.date   # so the letter "tomorrow" can name the real day (before a long break)
    actions: list[tuple[Status, str]]
    events: list[EventView]


def load(session: Session, ctx: Context, dossier_id: int) -> DossierPage:
    view = dossiers.get(session, dossier_id)
    bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
    level = level_of(view.status, view.due_at, view.apology_deadline_at, bounds)
    remaining = time_left(bounds, level, view.due_at, view.apology_deadline_at)
    apology_by = ""
    if view.apology_deadline_at and level is not None:
        apology_by = view.apology_deadline_at.strftime("%d/%m/%Y")
    order = [Status.ACCEPTED, Status.PROCESSING, Status.SUPPLEMENT, Status.FINANCIAL, Status.RESULT_READY,
             Status.RETURNED, Status.REFUSED, Status.WITHDRAWN, Status.STOPPED]
    allowed = TRANSITIONS[view.status]
    actions = [(target, action_label(view.status, target)) for target in order if target in allowed]
    return DossierPage(view, level, remaining, apology_by, bounds.next_working_day, actions,
                       worklists.history(session, dossier_id))
