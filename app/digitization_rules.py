"""The digitization rules (DOMAIN.md §7), in one place.

Each rule says which dossiers need a checklist flag and, in a sentence an
officer understands, what is missing when the flag is not set. A rule is
declared as data (channels, statuses, procedure condition), and the same
declaration is evaluated two ways: in Python for one dossier (the form, the
finishing guard) and as a SQL expression for a whole register (rates and gap
counts over a million dossiers without a Python loop).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import and_, case, false, or_, true
from sqlalchemy.sql.elements import ColumnElement

from app.errors import ValidationError
from app.lifecycle import Channel, Status
from db.models import Dossier, Procedure

# The checklist, in the order the form shows it; labels as the history shows them.
FLAGS: dict[str, str] = {
    "digitized_components": "Đã số hóa thành phần hồ sơ",
    "digitized_result": "Đã số hóa kết quả",
    "identity_checked": "Đã xác thực định danh điện tử (VNeID)",
    "reused_from_store": "Tái sử dụng giấy tờ từ kho dữ liệu",
    "taken_from_national_store": "Lấy giấy tờ từ kho dữ liệu quốc gia",
    "request_letter_attached": "Đã đính kèm văn bản đề nghị (từ chối, rút, dừng)",
}

PAPER_CHANNELS = frozenset({Channel.IN_PERSON, Channel.POSTAL})
WITH_RESULT = frozenset({Status.RESULT_READY, Status.RETURNED})
CLOSED_WITHOUT_RESULT = frozenset({Status.REFUSED, Status.WITHDRAWN, Status.STOPPED})
ACCEPTED_ANY = frozenset(s for s in Status if s is not Status.REGISTERED)
WITH_RESULT_CODES = tuple(sorted(int(s) for s in WITH_RESULT))


@dataclass(frozen=True)
class Rule:
    """"A dossier of these channels, in these statuses, needs this flag."""

    key: str
    flag: str
    sentence: str            # what is missing, for the officer
    short: str               # a column heading / a chart legend
    channels: frozenset[Channel] | None = None   # None: every channel
    statuses: frozenset[Status] | None = None    # None: every status
    result_on_paper: bool | None = None           # None: every procedure

    def applies(self, channel: Channel | str, status: Status | int, result_on_paper: bool = True) -> bool:
        if self.channels is not None and Channel(channel) not in self.channels:
            return False
        if self.statuses is not None and Status(status) not in self.statuses:
            return False
        return self.result_on_paper is None or bool(result_on_paper) == self.result_on_paper

    def applies_sql(self, column: Callable[[str], Any] | None = None, *,
                    procedure: bool = True) -> ColumnElement[bool]:
        """The same condition on Dossier (joined to Procedure when the rule looks at it), or on the columns
        ``column(name)`` gives (the per-day counts' triggers); ``procedure=False`` leaves the procedure's
        condition out (those counts have no procedure row: app.digitization reads them only while no rule
        has one)."""
        column = column or _dossier_column
        parts: list[ColumnElement[bool]] = []
        if self.channels is not None:
            parts.append(column("channel").in_(sorted(c.value for c in self.channels)))
        if self.statuses is not None:
            parts.append((column("status") + 0).in_(sorted(int(s) for s in self.statuses)))
        if self.result_on_paper is not None and procedure:
            parts.append(Procedure.result_on_paper == (true() if self.result_on_paper else false()))
        return and_(true(), *parts)

    def gap_sql(self, column: Callable[[str], Any] | None = None, *, procedure: bool = True) -> ColumnElement[bool]:
        """True for the dossiers this rule finds short."""
        column = column or _dossier_column
        return and_(self.applies_sql(column, procedure=procedure), column(self.flag) == false())


def _dossier_column(name: str) -> Any:
    return getattr(Dossier, name)


def status_unindexed() -> ColumnElement[int]:
    """``status + 0``: the same value, but SQLite will not pick the (status, due_at) index for it.

    Register-wide figures always narrow by a period (received_at / finished_at
    indexes); a status list matches most of the register, and SQLite's planner,
    without statistics, would otherwise walk the status index over a million rows.
    """
    return Dossier.status + 0


RULES: tuple[Rule, ...] = (
    Rule("components", "digitized_components",
         "Hồ sơ nộp trực tiếp hoặc qua bưu chính chưa số hóa thành phần hồ sơ",
         "Chưa số hóa thành phần", channels=PAPER_CHANNELS,
         # A dossier refused at the counter was never taken in: nothing to scan.
         statuses=ACCEPTED_ANY - {Status.REFUSED}),
    Rule("result", "digitized_result",
         "Hồ sơ đã có kết quả nhưng chưa số hóa kết quả giải quyết",
         "Chưa số hóa kết quả", statuses=WITH_RESULT),
    Rule("identity", "identity_checked",
         "Chưa xác thực định danh điện tử (VNeID) của người nộp khi tiếp nhận",
         "Chưa xác thực định danh", statuses=ACCEPTED_ANY),
    Rule("request_letter", "request_letter_attached",
         "Hồ sơ bị từ chối, rút hoặc dừng xử lý chưa đính kèm văn bản đề nghị",
         "Chưa đính kèm văn bản đề nghị", statuses=CLOSED_WITHOUT_RESULT),
)
RULE_BY_KEY = {rule.key: rule for rule in RULES}


def rule(key: str) -> Rule:
    try:
        return RULE_BY_KEY[key]
    except KeyError:
        known = ", ".join(RULE_BY_KEY)
        raise ValidationError(f"Không có nguyên nhân thiếu số hóa “{key}” (có: {known}).") from None


def required_flags(channel: Channel | str, status: Status | int, result_on_paper: bool = True) -> list[str]:
    """The flags a dossier in this channel and status must have, in checklist order."""
    needed = {r.flag for r in RULES if r.applies(channel, status, result_on_paper)}
    return [flag for flag in FLAGS if flag in needed]


def missing(channel: Channel | str, status: Status | int, flags: dict[str, bool],
            result_on_paper: bool = True) -> list[Rule]:
    """The rules a dossier with these flags falls short of (empty: compliant)."""
    return [r for r in RULES if r.applies(channel, status, result_on_paper) and not flags.get(r.flag)]


def any_gap_sql(column: Callable[[str], Any] | None = None, *, procedure: bool = True) -> ColumnElement[bool]:
    """Short of any rule (over Dossier, or over ``column(name)`` as ``Rule.gap_sql``)."""
    return or_(*(r.gap_sql(column, procedure=procedure) for r in RULES))


PROCEDURE_RULES = tuple(r for r in RULES if r.result_on_paper is not None)   # rules that look at the procedure


def has_result_sql(column: Callable[[str], Any] | None = None) -> ColumnElement[bool]:
    """The dossier got its result (ready or returned): what the digitization rate and satisfaction count."""
    return ((column or _dossier_column)("status") + 0).in_(WITH_RESULT_CODES)


def fully_digitized_sql(column: Callable[[str], Any] | None = None) -> ColumnElement[bool]:
    """Both its components and its result are digitized (the numerator of the digitization rate)."""
    column = column or _dossier_column
    return and_(column("digitized_components") == true(), column("digitized_result") == true())


def tallies_sql(column: Callable[[str], Any] | None = None, *, procedure: bool = True) -> dict[str, Any]:
    """What one dossier adds to each digitization figure (0 or 1), in SQL over Dossier or over ``column(name)``.

    The one place for what the figures count (app.digitization sums them over a period; app.report_days
    keeps them per day): ``handled`` has a result, ``digitized`` has a result with components and result
    digitized; ``accepted`` was taken in (not merely registered online), ``identity`` and ``reused`` of
    those; ``gap_<rule>`` short of a rule, ``any_gap`` short of any. Whether the dossier falls in the
    period (finished in it for the first two, received in it for the next three) is the caller's.
    """
    column = column or _dossier_column

    def one(condition: ColumnElement[bool]) -> Any:
        return case((condition, 1), else_=0)

    status = column("status") + 0
    with_result = has_result_sql(column)
    accepted = status != int(Status.REGISTERED)
    gaps = {f"gap_{r.key}": r.gap_sql(column, procedure=procedure) for r in RULES}
    return {
        "handled": one(with_result),
        "digitized": one(and_(with_result, fully_digitized_sql(column))),
        "accepted": one(accepted),
        "identity": one(and_(accepted, column("identity_checked") == true())),
        "reused": one(and_(accepted, or_(column("reused_from_store") == true(),
                                         column("taken_from_national_store") == true()))),
        **{name: one(gap) for name, gap in gaps.items()},
        "any_gap": one(any_gap_sql(column, procedure=procedure)),
    }


# The finishing guard (DOMAIN.md §3: finishing needs, where required, the digitized result).
GUARD_REFUSE = "refuse"
GUARD_WARN = "warn"
FINISH_WITHOUT_RESULT = ("Thủ tục này trả kết quả bằng giấy: phải số hóa kết quả (đánh dấu “Đã số hóa kết quả”) "
                         "trước khi kết thúc hồ sơ {code}.")
FINISH_WARNING = "Kết thúc hồ sơ khi kết quả giấy chưa được số hóa"


def finish_problem(procedure: Procedure, dossier: Dossier) -> str | None:
    """Why finishing this dossier with a result would break the rule, or None."""
    if procedure.result_on_paper and not dossier.digitized_result:
        return FINISH_WITHOUT_RESULT.format(code=dossier.code)
    return None


def guard_finish(mode: str, procedure: Procedure, dossier: Dossier) -> str | None:
    """Called by app.dossiers.change_status before a dossier becomes "result ready".

    Refuses (ValidationError, nothing changed) or returns the warning to record,
    per the office setting ``paper_result_guard``.
    """
    problem = finish_problem(procedure, dossier)
    if problem is None:
        return None
    if mode == GUARD_WARN:
        return FINISH_WARNING
    raise ValidationError(problem)
