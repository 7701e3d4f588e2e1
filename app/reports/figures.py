"""The figures of a period report, without the workbook (the command line prints them; the workbook
libraries are loaded only when a file is asked for)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.context import Context
from app.errors import ValidationError
from app.formatting import date_vi
from app.measures import Period
from app.rates import Rates, Summary, report


def period_figures(session: Session, ctx: Context, period: Period, grouping: str = "unit") -> tuple[Summary, Rates]:
    """Biểu II.06a and the plan rates of the period, as it stands now."""
    now = ctx.now()
    # A period under way (this month) is reported as it stands now; one that has not begun has nothing.
    if period.start > now.date():
        raise ValidationError(f"Kỳ báo cáo bắt đầu ngày {date_vi(period.start)}, sau hôm nay "
                              f"({date_vi(now.date())}): chưa có số liệu.")
    return report(session, period, ctx.settings, now, grouping)
