<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>MotCua</name>
    <message>
        <location filename="../../ui/about.py" line="33" />
        <location filename="../../ui/admin_hooks.py" line="59" />
        <source>Giới thiệu MotCua Desk</source>
        <translation>About MotCua Desk</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="37" />
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="38" />
        <source>Sổ theo dõi hồ sơ thủ tục hành chính cho Bộ phận Một cửa: hạn giải quyết theo ngày làm việc, phiếu xin lỗi, số hóa, báo cáo.</source>
        <translation>Dossier register for the one-stop desk: working-day deadlines, apology letters, digitization, reports.</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="40" />
        <location filename="../../ui/i18n.py" line="80" />
        <source>Sổ hồ sơ</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="52" />
        <location filename="../../ui/users.py" line="60" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="46" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="47" />
        <source>Khôi phục từ bản sao lưu…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="48" />
        <source>Kiểm tra nhật ký thay đổi</source>
        <translation>Verify the audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="49" />
        <source>Tài khoản cán bộ…</source>
        <translation>Officer accounts…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="50" />
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="51" />
        <location filename="../../ui/admin_hooks.py" line="95" />
        <location filename="../../ui/login.py" line="108" />
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="70" />
        <location filename="../../ui/users.py" line="17" />
        <source>Cán bộ tiếp nhận</source>
        <translation>Reception officer</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="70" />
        <location filename="../../ui/users.py" line="17" />
        <source>Lãnh đạo đơn vị</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="71" />
        <location filename="../../ui/users.py" line="18" />
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="72" />
        <source>Đăng nhập: {name} ({role})</source>
        <translation>Logged in: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="84" />
        <source>Sao lưu hằng ngày không thành công: {error}</source>
        <translation>The daily backup failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="95" />
        <source>Ngôn ngữ mới được dùng từ lần mở ứng dụng sau.</source>
        <translation>The new language is used from the next start of the application.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="107" />
        <source>Đã sao lưu</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="107" />
        <source>Đã sao lưu và kiểm tra toàn vẹn:
{file}</source>
        <translation>Backed up and checked for integrity:
{file}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="110" />
        <source>Đang sao lưu sổ hồ sơ…</source>
        <translation>Backing up the register…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="111" />
        <source>Không sao lưu được</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="124" />
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="125" />
        <source>Sổ hồ sơ SQLite (*.sqlite3)</source>
        <translation>SQLite register (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="129" />
        <source>Khôi phục sổ hồ sơ</source>
        <translation>Restore the register</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="130" />
        <source>Thay toàn bộ sổ hồ sơ hiện tại bằng bản sao lưu
{file}?

Trạng thái hiện tại sẽ được sao lưu trước; những gì nhập sau thời điểm sao lưu sẽ không còn trong sổ.</source>
        <translation>Replace the whole current register with the backup
{file}?

The current state is backed up first; whatever was entered after the backup was taken will no longer be in the register.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="140" />
        <location filename="../../ui/recovery.py" line="45" />
        <source>Không khôi phục được</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="145" />
        <location filename="../../ui/recovery.py" line="47" />
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="145" />
        <source>Đã khôi phục sổ hồ sơ. Trạng thái trước đó được lưu tại:
{file}</source>
        <translation>The register has been restored. The previous state was saved to:
{file}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="156" />
        <location filename="../../ui/admin_hooks.py" line="158" />
        <location filename="../../ui/pages/history.py" line="26" />
        <source>Nhật ký thay đổi</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="160" />
        <location filename="../../ui/pages/history.py" line="119" />
        <source>Đang kiểm tra chuỗi băm của nhật ký…</source>
        <translation>Checking the hash chain of the audit trail…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="164" />
        <location filename="../../ui/admin_hooks.py" line="167" />
        <location filename="../../ui/admin_hooks.py" line="172" />
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="164" />
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="167" />
        <source>Mật khẩu mới (ít nhất 8 ký tự):</source>
        <translation>New password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="172" />
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="87" />
        <source>Sổ mẫu: đã đăng nhập là quản trị viên “{name}”, mật khẩu “{password}”.</source>
        <translation>Demo register: logged in as administrator “{name}”, password “{password}”.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="24" />
        <source>Hồ sơ đã được người khác sửa</source>
        <translation>The dossier was changed by someone else</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="26" />
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="35" />
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="36" />
        <source>Đã xảy ra lỗi không mong đợi; thao tác vừa rồi chưa hoàn tất và sổ hồ sơ không bị thay đổi.
Chi tiết đã được ghi vào nhật ký. Anh/chị có thể tiếp tục làm việc.</source>
        <translation>An unexpected error occurred; the last action was not completed and the register was not changed.
The details were written to the log. You can go on working.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="65" />
        <source>Tạo tài khoản quản trị</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="66" />
        <source>Sổ hồ sơ này chưa có quản trị viên. Hãy tạo tài khoản quản trị: tài khoản này tạo tài khoản cho các cán bộ, sửa lịch ngày nghỉ và thông tin cơ quan.</source>
        <translation>This register has no administrator yet. Create the administrator account: it creates the officers' accounts and changes the calendar of days off and the office information.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74" />
        <location filename="../../ui/login.py" line="106" />
        <location filename="../../ui/users.py" line="32" />
        <location filename="../../ui/users.py" line="49" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="75" />
        <location filename="../../ui/users.py" line="33" />
        <location filename="../../ui/users.py" line="49" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="76" />
        <location filename="../../ui/users.py" line="35" />
        <source>Mật khẩu (ít nhất 8 ký tự)</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="77" />
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="78" />
        <source>Tạo tài khoản</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="79" />
        <location filename="../../ui/login.py" line="110" />
        <location filename="../../ui/main_window.py" line="68" />
        <location filename="../../ui/recovery.py" line="37" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="84" />
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93" />
        <source>Đăng nhập để làm việc với sổ hồ sơ.</source>
        <translation>Log in to work with the register.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="96" />
        <source>Đăng nhập — MotCua Desk</source>
        <translation>Log in — MotCua Desk</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="105" />
        <source>Ngôn ngữ giao diện; áp dụng từ lần mở sau.</source>
        <translation>Language of the interface; applies from the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="107" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="109" />
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="29" />
        <source>MotCua Desk</source>
        <translation>MotCua Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>&amp;Hồ sơ</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="31" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="34" />
        <source>Mọi cán bộ</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="35" />
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="41" />
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="43" />
        <source>Kiểm tra chuỗi băm</source>
        <translation>Verify hash chain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="45" />
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="45" />
        <location filename="../../ui/pages/history.py" line="52" />
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="46" />
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="52" />
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="52" />
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="52" />
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="52" />
        <source>Đối tượng</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="53" />
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="114" />
        <source> (chỉ hiện {n} sự kiện mới nhất)</source>
        <translation> (only the newest {n} events shown)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="115" />
        <source>{n} sự kiện</source>
        <translation>{n} events</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="23" />
        <source>Sổ hồ sơ bị hỏng</source>
        <translation>The register is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="25" />
        <source>Sổ hồ sơ bị hỏng và không tìm thấy bản sao lưu nào dùng được.</source>
        <translation>The register is damaged and no usable backup was found.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="30" />
        <source>Sổ hồ sơ bị hỏng: SQLite báo lỗi khi kiểm tra toàn vẹn.</source>
        <translation>The register is damaged: SQLite reports errors in its integrity check.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="32" />
        <source>Khôi phục từ bản sao lưu tốt gần nhất, lúc {when}?

Tệp hỏng được giữ lại trong thư mục sao lưu để kiểm tra; những gì nhập sau thời điểm sao lưu cần nhập lại.</source>
        <translation>Restore the newest good backup, taken at {when}?

The damaged file is kept in the backup folder for inspection; whatever was entered after the backup must be entered again.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="36" />
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="48" />
        <source>Đã khôi phục sổ hồ sơ từ bản sao lưu lúc {when}.</source>
        <translation>The register was restored from the backup taken at {when}.</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="98" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="99" />
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="157" />
        <source>Lỗi không mong đợi, thao tác chưa hoàn tất. Chi tiết đã ghi vào nhật ký.</source>
        <translation>Unexpected error; the action was not completed. The details were written to the log.</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="24" />
        <source>Tài khoản mới</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="34" />
        <location filename="../../ui/users.py" line="49" />
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="46" />
        <source>Tài khoản cán bộ</source>
        <translation>Officer accounts</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="49" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="54" />
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="54" />
        <source>Đặt mật khẩu…</source>
        <translation>Set password…</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="55" />
        <source>Khóa / mở khóa</source>
        <translation>Lock / unlock</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="55" />
        <source>Đổi vai trò…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="84" />
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="84" />
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="86" />
        <source>chưa đặt mật khẩu</source>
        <translation>no password set</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="107" />
        <source>Đặt mật khẩu</source>
        <translation>Set password</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="107" />
        <source>Mật khẩu mới cho {name}:</source>
        <translation>New password for {name}:</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="124" />
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="80" />
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="81" />
        <source>Trong hạn</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="81" />
        <source>Chờ bổ sung</source>
        <translation>Waiting for papers</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="81" />
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="82" />
        <source>Hạn gửi phiếu xin lỗi: ngày mai</source>
        <translation>Apology letter due tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="82" />
        <source>Phải gửi phiếu xin lỗi hôm nay</source>
        <translation>Apology letter due today</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="83" />
        <source>Đã lỡ hạn gửi phiếu xin lỗi</source>
        <translation>Apology deadline missed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="83" />
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
</context>
</TS>