"""Word lists and the sample catalog for demo registers.

Names and procedures look like a real ward's: common Vietnamese family names in
roughly their real shares, procedures of several fields with their statutory
processing times.
"""

FAMILY_NAMES = (
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 4), ("Phan", 4),
    ("Vũ", 3), ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2), ("Ngô", 2), ("Dương", 1),
    ("Lý", 1), ("Đinh", 1), ("Trương", 1), ("Đoàn", 1), ("Lương", 1),
)
MIDDLE_MALE = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Ngọc", "Xuân", "Đình", "Hoàng", "Tấn")
MIDDLE_FEMALE = ("Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Thùy", "Phương", "Mỹ", "Hồng", "Bích")
GIVEN_MALE = ("An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa",
              "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tài", "Thắng",
              "Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Hưng", "Đạt", "Kiên", "Lâm", "Tùng")
GIVEN_FEMALE = ("Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Lan", "Linh",
                "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thủy", "Trang",
                "Trinh", "Tuyết", "Uyên", "Vân", "Yến", "Diệp", "Ngọc", "Huệ", "Duyên", "Ánh")
COMPANY_WORDS = ("Thành Đạt", "Phú Gia", "Hưng Thịnh", "Đồng Tâm", "Việt Tiến", "Sao Mai", "Minh Phát",
                 "An Khang", "Đại Lộc", "Tân Hiệp", "Bình Minh", "Hòa Bình", "Trường Sơn", "Ánh Dương")
COMPANY_KINDS = ("Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Doanh nghiệp tư nhân")
STREETS = ("Phạm Văn Thuận", "Võ Thị Sáu", "Đồng Khởi", "Nguyễn Ái Quốc", "Hà Huy Giáp", "Cách Mạng Tháng Tám",
           "Huỳnh Văn Nghệ", "Nguyễn Văn Trị", "Lý Thường Kiệt", "Trần Quốc Toản", "Bùi Văn Hòa", "Đặng Văn Trơn")
QUARTERS = ("Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Khu phố 5", "Tổ 7", "Tổ 12", "Ấp Tân Mai")
WARDS = ("phường Trần Biên", "phường Tam Hiệp", "phường Biên Hòa", "phường Long Bình", "phường Hố Nai")
PHONE_PREFIXES = ("090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036", "037",
                  "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "088")

UNITS = (
    ("VHXH", "Phòng Văn hóa - Xã hội"),
    ("KT", "Phòng Kinh tế"),
    ("TP", "Phòng Tư pháp - Hộ tịch"),
    ("ĐĐ", "Bộ phận Địa chính - Đất đai"),
    ("XD", "Bộ phận Quản lý đô thị - Xây dựng"),
    ("CA", "Công an phường"),
    ("VP", "Văn phòng HĐND và UBND phường"),
)

# code, name, field, processing value, unit, online level, fee-bearing, result on paper, unit code, weight
PROCEDURES = (
    ("1.001193", "Đăng ký khai sinh", "Hộ tịch", 0, "day", "full", False, True, "TP", 14),
    ("1.000656", "Đăng ký khai tử", "Hộ tịch", 0, "day", "full", False, True, "TP", 3),
    ("1.000894", "Đăng ký kết hôn", "Hộ tịch", 0, "day", "partial", False, True, "TP", 4),
    ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, "day", "full", False, True, "TP", 6),
    ("1.001022", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch", 3, "day", "partial",
     True, True, "TP", 2),
    ("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 0, "day", "partial",
     True, True, "TP", 16),
    ("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 0, "day", "none",
     True, True, "TP", 6),
    ("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "Chứng thực", 2, "day",
     "none", True, True, "TP", 2),
    ("1.012799", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Đất đai", 10,
     "day", "partial", True, True, "ĐĐ", 14),
    ("1.012803", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", 20, "day", "partial", True, True,
     "ĐĐ", 6),
    ("1.004227", "Tách thửa hoặc hợp thửa đất", "Đất đai", 15, "day", "partial", True, True, "ĐĐ", 5),
    ("1.011634", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", 15, "day", "full", True, True, "XD", 7),
    ("1.001612", "Đăng ký thành lập hộ kinh doanh", "Đăng ký kinh doanh", 3, "day", "full", True, True, "KT", 5),
    ("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Đăng ký kinh doanh", 3, "day", "full",
     True, True, "KT", 2),
    ("1.001266", "Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình", "Lao động - Xã hội", 5, "day",
     "full", False, True, "VHXH", 2),
    ("1.001776", "Thực hiện trợ cấp xã hội hằng tháng đối với người cao tuổi", "Bảo trợ xã hội", 7, "day",
     "full", False, True, "VHXH", 2),
    ("1.010829", "Giải quyết chế độ mai táng phí đối với cựu chiến binh", "Người có công", 5, "day", "partial",
     False, True, "VHXH", 1),
    ("1.004945", "Đăng ký thường trú", "Cư trú", 7, "day", "full", True, False, "CA", 5),
    ("1.004194", "Đăng ký tạm trú", "Cư trú", 3, "day", "full", True, False, "CA", 4),
    ("1.003596", "Giải quyết khiếu nại lần đầu", "Khiếu nại, tố cáo", 30, "day", "none", False, True, "VP", 2),
    ("1.000775", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 4, "hour", "full", True, False, "TP", 5),
)
