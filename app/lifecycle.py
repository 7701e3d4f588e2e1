"""The words of the register and the dossier lifecycle (DOMAIN.md §3).

Status codes are those provincial systems use when syncing with the national
portal, so an import maps one to one.
"""

from __future__ import annotations

import enum

from app.errors import TransitionError, ValidationError


class Status(enum.IntEnum):
    REGISTERED = 1  # registered online, not yet accepted
    ACCEPTED = 2
    REFUSED = 3
    PROCESSING = 4
    SUPPLEMENT = 5  # waiting for supplementary papers: the clock is stopped
    FINANCIAL = 6  # waiting for the applicant's financial obligation
    WITHDRAWN = 7
    STOPPED = 8
    RESULT_READY = 9
    RETURNED = 10

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_finished(self) -> bool:
        return self in FINISHED


STATUS_LABELS = {
    Status.REGISTERED: "Mới đăng ký",
    Status.ACCEPTED: "Được tiếp nhận",
    Status.REFUSED: "Không được tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.SUPPLEMENT: "Yêu cầu bổ sung giấy tờ",
    Status.FINANCIAL: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.RESULT_READY: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}

FINISHED = frozenset({Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RESULT_READY, Status.RETURNED})
OPEN = tuple(s for s in Status if s not in FINISHED)
# Closing without a result: the reason is required and recorded.
CLOSED_WITH_REASON = frozenset({Status.REFUSED, Status.WITHDRAWN, Status.STOPPED})

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.REGISTERED: frozenset({Status.ACCEPTED, Status.REFUSED, Status.WITHDRAWN}),
    Status.ACCEPTED: frozenset({Status.PROCESSING, Status.SUPPLEMENT, Status.FINANCIAL, Status.REFUSED,
                                Status.WITHDRAWN, Status.STOPPED, Status.RESULT_READY}),
    Status.PROCESSING: frozenset({Status.SUPPLEMENT, Status.FINANCIAL, Status.WITHDRAWN, Status.STOPPED,
                                  Status.RESULT_READY}),
    Status.SUPPLEMENT: frozenset({Status.PROCESSING, Status.WITHDRAWN, Status.STOPPED}),
    Status.FINANCIAL: frozenset({Status.PROCESSING, Status.WITHDRAWN, Status.STOPPED, Status.RESULT_READY}),
    Status.RESULT_READY: frozenset({Status.RETURNED}),
    Status.REFUSED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.STOPPED: frozenset(),
    Status.RETURNED: frozenset(),
}


def check_transition(current: Status, target: Status) -> None:
    if target not in TRANSITIONS[current]:
        if not TRANSITIONS[current]:
            raise TransitionError(
                f"Hồ sơ đã ở trạng thái “{current.label}”, không thể chuyển sang “{target.label}”."
            )
        allowed = ", ".join(f"“{s.label}”" for s in sorted(TRANSITIONS[current]))
        raise TransitionError(
            f"Không thể chuyển hồ sơ từ “{current.label}” sang “{target.label}”. "
            f"Từ trạng thái này chỉ có thể chuyển sang: {allowed}."
        )


class Channel(str, enum.Enum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    POSTAL = "postal"

    @property
    def label(self) -> str:
        return {"in_person": "Trực tiếp", "online": "Trực tuyến", "postal": "Bưu chính công ích"}[self.value]


class ApplicantKind(str, enum.Enum):
    PERSON = "person"
    ORGANISATION = "organisation"

    @property
    def label(self) -> str:
        return {"person": "Cá nhân", "organisation": "Tổ chức"}[self.value]


class OnlineLevel(str, enum.Enum):
    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"

    @property
    def label(self) -> str:
        return {"full": "Toàn trình", "partial": "Một phần", "none": "Không trực tuyến"}[self.value]


class TimeUnit(str, enum.Enum):
    DAY = "day"
    HOUR = "hour"

    @property
    def label(self) -> str:
        return {"day": "ngày làm việc", "hour": "giờ làm việc"}[self.value]


class ResultDelivery(str, enum.Enum):
    AT_DESK = "desk"
    POSTAL = "postal"
    ONLINE = "online"

    @property
    def label(self) -> str:
        return {"desk": "Tại Bộ phận Một cửa", "postal": "Qua bưu chính công ích", "online": "Trực tuyến"}[self.value]


def parse_enum(enum_type, value, what: str):
    """An enum member from its value, or a Vietnamese message listing the valid ones."""
    try:
        return enum_type(value)
    except ValueError:
        valid = ", ".join(str(m.value) for m in enum_type)
        raise ValidationError(f"{what} không hợp lệ: “{value}”. Giá trị hợp lệ: {valid}.") from None
