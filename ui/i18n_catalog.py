"""Labels defined in ``app/`` (which has no Qt) and shown in the window through ``tr(variable)``.

pyside6-lupdate only sees literals, so each such label is listed here once with
``QT_TR_NOOP``. ``app_labels()`` collects the same labels from the domain at run
time; tests/ui/test_languages.py fails when a label is added in ``app/`` but not
here (or not translated), so a new one cannot be forgotten.
"""

from __future__ import annotations

from ui.i18n import QT_TR_NOOP


def app_labels() -> list[str]:
    """Every label of app/ that the window passes through tr(): enums, actions, rules, rates, columns, audit."""
    from app import today
    from app.audit import ACTION_LABELS as AUDIT_ACTIONS
    from app.audit import TABLE_LABELS
    from app.deadlines import LEVEL_LABELS, Timing
    from app.digitization_rules import FLAGS, RULES
    from app.dossier_page import ACTION_LABELS, action_label
    from app.importing.columns import CATALOG_COLUMNS, DOSSIER_COLUMNS
    from app.letter_delivery import DeliveryVia
    from app.lifecycle import STATUS_LABELS, ApplicantKind, Channel, OnlineLevel, ResultDelivery, Status, TimeUnit
    from app.measures import GROUPINGS
    from app.printing.templates import FORMS
    from app.rates import RATE_LABELS
    from app.reports.outbox import STATUS_LABELS as OUTBOX_LABELS

    labels = [label for label, _marker in LEVEL_LABELS.values()]
    labels += STATUS_LABELS.values()
    for kind in (Channel, ApplicantKind, ResultDelivery, OnlineLevel, TimeUnit, Timing, DeliveryVia):
        labels += [member.label for member in kind]
    labels += ACTION_LABELS.values()
    labels += [action_label(current, Status.PROCESSING) for current in (Status.SUPPLEMENT, Status.FINANCIAL)]
    labels += FLAGS.values()
    labels += [text for rule in RULES for text in (rule.sentence, rule.short)]
    labels += GROUPINGS.values()
    labels += RATE_LABELS.values()
    labels += OUTBOX_LABELS.values()
    labels += [spec.title for spec in FORMS.values()]
    labels += [column.label for columns in (DOSSIER_COLUMNS, CATALOG_COLUMNS) for column in columns.values()]
    labels += today.CHANGE_PHRASES.values()
    labels += AUDIT_ACTIONS.values()
    labels += TABLE_LABELS.values()
    from app.settings import SPECS

    labels += [text for spec in SPECS for text in (spec.label, spec.help) if text]   # the settings window
    from app.holiday_decisions import SOURCE_LABELS

    labels += SOURCE_LABELS.values()
    from app import ratings

    for kind in (ratings.Level, ratings.Reason, ratings.Via):   # the return dialog, the rating tab, the lists
        labels += [member.label for member in kind]
    return list(dict.fromkeys(labels))


# The same labels as literals, for pyside6-lupdate (kept equal to app_labels() by a test).
CATALOG = (
    # where a day of the calendar comes from (app.holiday_decisions.SOURCE_LABELS)
    QT_TR_NOOP("Quyết định"),
    QT_TR_NOOP("Theo luật"),
    QT_TR_NOOP("Dự kiến"),
    QT_TR_NOOP("Chưa xác nhận"),
    QT_TR_NOOP("Cơ quan"),
    QT_TR_NOOP("Trong hạn"),
    QT_TR_NOOP("Chờ bổ sung"),
    QT_TR_NOOP("Sắp đến hạn"),
    QT_TR_NOOP("Hạn gửi phiếu xin lỗi: ngày mai"),
    QT_TR_NOOP("Phải gửi phiếu xin lỗi hôm nay"),
    QT_TR_NOOP("Đã lỡ hạn gửi phiếu xin lỗi"),
    QT_TR_NOOP("Quá hạn"),
    QT_TR_NOOP("Mới đăng ký"),
    QT_TR_NOOP("Được tiếp nhận"),
    QT_TR_NOOP("Không được tiếp nhận"),
    QT_TR_NOOP("Đang xử lý"),
    QT_TR_NOOP("Yêu cầu bổ sung giấy tờ"),
    QT_TR_NOOP("Yêu cầu thực hiện nghĩa vụ tài chính"),
    QT_TR_NOOP("Công dân yêu cầu rút hồ sơ"),
    QT_TR_NOOP("Dừng xử lý"),
    QT_TR_NOOP("Đã xử lý xong"),
    QT_TR_NOOP("Đã trả kết quả"),
    QT_TR_NOOP("Trực tiếp"),
    QT_TR_NOOP("Trực tuyến"),
    QT_TR_NOOP("Bưu chính công ích"),
    QT_TR_NOOP("Cá nhân"),
    QT_TR_NOOP("Tổ chức"),
    QT_TR_NOOP("Tại Bộ phận Một cửa"),
    QT_TR_NOOP("Qua bưu chính công ích"),
    QT_TR_NOOP("Tại quầy"),
    QT_TR_NOOP("Bưu chính"),
    QT_TR_NOOP("Thư điện tử"),
    QT_TR_NOOP("Tin nhắn"),
    QT_TR_NOOP("Cổng dịch vụ công"),
    QT_TR_NOOP("Điện thoại"),
    QT_TR_NOOP("Toàn trình"),
    QT_TR_NOOP("Một phần"),
    QT_TR_NOOP("Không trực tuyến"),
    QT_TR_NOOP("ngày làm việc"),
    QT_TR_NOOP("giờ làm việc"),
    QT_TR_NOOP("Trước hạn"),
    QT_TR_NOOP("Đúng hạn"),
    QT_TR_NOOP("Tiếp nhận hồ sơ trực tuyến"),
    QT_TR_NOOP("Chuyển xử lý"),
    QT_TR_NOOP("Yêu cầu bổ sung"),
    QT_TR_NOOP("Chờ nghĩa vụ tài chính"),
    QT_TR_NOOP("Có kết quả"),
    QT_TR_NOOP("Trả kết quả"),
    QT_TR_NOOP("Từ chối"),
    QT_TR_NOOP("Rút hồ sơ"),
    QT_TR_NOOP("Đã nhận hồ sơ bổ sung"),
    QT_TR_NOOP("Đã hoàn thành nghĩa vụ tài chính"),
    QT_TR_NOOP("Đã số hóa thành phần hồ sơ"),
    QT_TR_NOOP("Đã số hóa kết quả"),
    QT_TR_NOOP("Đã xác thực định danh điện tử (VNeID)"),
    QT_TR_NOOP("Tái sử dụng giấy tờ từ kho dữ liệu"),
    QT_TR_NOOP("Lấy giấy tờ từ kho dữ liệu quốc gia"),
    QT_TR_NOOP("Đã đính kèm văn bản đề nghị (từ chối, rút, dừng)"),
    QT_TR_NOOP("Hồ sơ nộp trực tiếp hoặc qua bưu chính chưa số hóa thành phần hồ sơ"),
    QT_TR_NOOP("Chưa số hóa thành phần"),
    QT_TR_NOOP("Hồ sơ đã có kết quả nhưng chưa số hóa kết quả giải quyết"),
    QT_TR_NOOP("Chưa số hóa kết quả"),
    QT_TR_NOOP("Chưa xác thực định danh điện tử (VNeID) của người nộp khi tiếp nhận"),
    QT_TR_NOOP("Chưa xác thực định danh"),
    QT_TR_NOOP("Hồ sơ bị từ chối, rút hoặc dừng xử lý chưa đính kèm văn bản đề nghị"),
    QT_TR_NOOP("Chưa đính kèm văn bản đề nghị"),
    QT_TR_NOOP("Đơn vị"),
    QT_TR_NOOP("Lĩnh vực"),
    QT_TR_NOOP("Cán bộ"),
    QT_TR_NOOP("TTHC đủ điều kiện được cung cấp DVCTT toàn trình"),
    QT_TR_NOOP("TTHC có phát sinh hồ sơ trực tuyến (trong số TTHC trực tuyến có hồ sơ)"),
    QT_TR_NOOP("Hồ sơ nộp trực tuyến"),
    QT_TR_NOOP("Hồ sơ xử lý trực tuyến (trong số hồ sơ của TTHC có DVCTT)"),
    QT_TR_NOOP("Hồ sơ giải quyết trước và đúng hạn (trong số hồ sơ đã giải quyết)"),
    QT_TR_NOOP("Hồ sơ giải quyết trước và đúng hạn (tính cả hồ sơ đang quá hạn)"),
    QT_TR_NOOP("Hồ sơ số hóa thành phần và kết quả"),
    QT_TR_NOOP("Thanh toán trực tuyến (hồ sơ trực tuyến có phí, lệ phí)"),
    QT_TR_NOOP("Hồ sơ trễ hạn có phiếu xin lỗi đúng hạn"),
    QT_TR_NOOP("Chờ gửi"),
    QT_TR_NOOP("Đã gửi"),
    QT_TR_NOOP("Gửi lỗi"),
    QT_TR_NOOP("Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    QT_TR_NOOP("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    QT_TR_NOOP("Mã hồ sơ"),
    QT_TR_NOOP("Ngày tiếp nhận"),
    QT_TR_NOOP("Hạn xử lý (ngày hẹn trả)"),
    QT_TR_NOOP("Mã thủ tục"),
    QT_TR_NOOP("Tên thủ tục"),
    QT_TR_NOOP("Đơn vị giải quyết"),
    QT_TR_NOOP("Người nộp (chủ hồ sơ)"),
    QT_TR_NOOP("Số giấy tờ tùy thân"),
    QT_TR_NOOP("Số điện thoại"),
    QT_TR_NOOP("Địa chỉ"),
    QT_TR_NOOP("Thư điện tử"),
    QT_TR_NOOP("Hình thức nộp"),
    QT_TR_NOOP("Trạng thái"),
    QT_TR_NOOP("Ngày có kết quả"),
    QT_TR_NOOP("Ngày trả kết quả"),
    QT_TR_NOOP("Lý do (từ chối, rút, dừng)"),
    QT_TR_NOOP("Ghi chú"),
    QT_TR_NOOP("Thời hạn giải quyết"),
    QT_TR_NOOP("Đơn vị thời hạn (ngày/giờ)"),
    QT_TR_NOOP("Mức độ trực tuyến"),
    QT_TR_NOOP("Có phí, lệ phí"),
    QT_TR_NOOP("Kết quả bản giấy"),
    QT_TR_NOOP("{n} hồ sơ đã chuyển sang quá hạn"),
    QT_TR_NOOP("{n} hồ sơ đã lỡ hạn gửi phiếu xin lỗi"),
    QT_TR_NOOP("{n} hồ sơ phải gửi phiếu xin lỗi hôm nay"),
    QT_TR_NOOP("Thêm"),
    QT_TR_NOOP("Sửa"),
    QT_TR_NOOP("Xóa"),
    QT_TR_NOOP("Sửa hàng loạt"),
    QT_TR_NOOP("Xóa hàng loạt"),
    QT_TR_NOOP("Thêm hàng loạt"),
    QT_TR_NOOP("Xóa dữ liệu mẫu"),
    QT_TR_NOOP("Xuất khóa"),
    QT_TR_NOOP("Nhập khóa"),
    QT_TR_NOOP("Khóa niêm phong nhật ký"),
    QT_TR_NOOP("Hồ sơ"),
    QT_TR_NOOP("Phiếu xin lỗi"),
    QT_TR_NOOP("Bổ sung hồ sơ"),
    QT_TR_NOOP("Thiết lập"),
    QT_TR_NOOP("Lịch nghỉ/làm bù"),
    QT_TR_NOOP("Tài khoản"),
    QT_TR_NOOP("Thông tin cơ quan"),
    QT_TR_NOOP("Thủ tục"),
    QT_TR_NOOP("Giờ làm việc"),
    QT_TR_NOOP("Các buổi làm việc, ví dụ 07:30-11:30,13:00-17:00."),
    QT_TR_NOOP("Giờ chốt buổi chiều (nhận sau giờ này tính từ ngày làm việc sau)"),
    QT_TR_NOOP("Thời gian bổ sung hồ sơ: tạm dừng (pause) hoặc tính lại (restart)"),
    QT_TR_NOOP("Mã nền tảng (2 chữ số) trong mã hồ sơ"),
    QT_TR_NOOP("Mẫu số phiếu xin lỗi"),
    QT_TR_NOOP("Khổ giấy phiếu xin lỗi, giấy tiếp nhận (A5 theo mẫu, hoặc A4)"),
    QT_TR_NOOP("Nơi nhận (mỗi dòng một nơi, in cuối phiếu xin lỗi)"),
    QT_TR_NOOP("Cảnh báo sắp đến hạn trước (ngày làm việc)"),
    QT_TR_NOOP("Giờ hiện thông báo cảnh báo (để trống: theo giờ làm việc)"),
    QT_TR_NOOP("Một khoảng giờ, ví dụ 07:00-17:30; ngoài giờ này và ngày nghỉ, thông báo chờ đến sáng."),
    QT_TR_NOOP("Kết thúc hồ sơ có kết quả giấy chưa số hóa: từ chối (refuse) hoặc cho phép kèm cảnh báo (warn)"),
    QT_TR_NOOP("Chỉ tiêu tỷ lệ số hóa (%)"),
    QT_TR_NOOP("Chỉ tiêu TTHC đủ điều kiện cung cấp DVCTT toàn trình (%)"),
    QT_TR_NOOP("Chỉ tiêu TTHC có phát sinh hồ sơ trực tuyến (%)"),
    QT_TR_NOOP("Chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến (%)"),
    QT_TR_NOOP("Chỉ tiêu tỷ lệ hồ sơ xử lý trực tuyến (%)"),
    QT_TR_NOOP("Chỉ tiêu tỷ lệ giải quyết trước và đúng hạn (%)"),
    QT_TR_NOOP("Chỉ tiêu tỷ lệ thanh toán trực tuyến (%)"),
    QT_TR_NOOP("Chỉ tiêu hồ sơ trễ hạn có phiếu xin lỗi đúng hạn (%)"),
    QT_TR_NOOP("Thư mục nhận báo cáo (ví dụ ổ mạng dùng chung)"),
    QT_TR_NOOP("Phải có sẵn và ghi được; để trống nếu chỉ gửi bằng thư điện tử."),
    QT_TR_NOOP("Nhắc gửi báo cáo cuối ngày lúc"),
    QT_TR_NOOP("Máy chủ thư đi (SMTP)"),
    QT_TR_NOOP("Cổng SMTP"),
    QT_TR_NOOP("Bảo mật SMTP: starttls, ssl hoặc none"),
    QT_TR_NOOP("Tên đăng nhập SMTP (để trống nếu máy chủ không yêu cầu)"),
    QT_TR_NOOP("Địa chỉ gửi báo cáo"),
    QT_TR_NOOP("Địa chỉ nhận báo cáo (nhiều địa chỉ cách nhau bởi dấu phẩy)"),
    # citizens' satisfaction (app.ratings, app.rates, app.settings)
    QT_TR_NOOP("Người dân hài lòng (trong số hồ sơ được đánh giá)"),
    QT_TR_NOOP("Người dân hài lòng với TTHC đất đai, xây dựng"),
    QT_TR_NOOP("Mức độ hài lòng (đánh giá)"),
    QT_TR_NOOP("Đánh giá hài lòng"),
    QT_TR_NOOP("Chỉ tiêu tỷ lệ người dân hài lòng (%)"),
    QT_TR_NOOP("Chỉ tiêu tỷ lệ hài lòng với TTHC đất đai, xây dựng (%)"),
    QT_TR_NOOP("Lĩnh vực tính theo chỉ tiêu hài lòng đất đai, xây dựng (mỗi dòng một lĩnh vực)"),
    QT_TR_NOOP("Tên lĩnh vực như trong danh mục thủ tục; không phân biệt hoa thường, dấu."),
    QT_TR_NOOP("Rất hài lòng"),
    QT_TR_NOOP("Hài lòng"),
    QT_TR_NOOP("Không hài lòng"),
    QT_TR_NOOP("Thời gian giải quyết"),
    QT_TR_NOOP("Thái độ phục vụ"),
    QT_TR_NOOP("Hướng dẫn"),
    QT_TR_NOOP("Hồ sơ phải bổ sung nhiều lần"),
    QT_TR_NOOP("Khác"),
    QT_TR_NOOP("Tại quầy"),
    QT_TR_NOOP("Điện thoại"),
    QT_TR_NOOP("Phiếu giấy"),
    QT_TR_NOOP("Cổng dịch vụ công"),
)
