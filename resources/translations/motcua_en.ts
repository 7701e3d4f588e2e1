<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>MotCua</name>
    <message>
        <location filename="../../ui/about.py" line="33" />
        <location filename="../../ui/admin_hooks.py" line="55" />
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
        <location filename="../../ui/pages/register.py" line="60" />
        <location filename="../../ui/settings/pages.py" line="62" />
        <location filename="../../ui/shortcuts.py" line="31" />
        <location filename="../../ui/shortcuts.py" line="32" />
        <location filename="../../ui/shortcuts.py" line="33" />
        <source>Sổ hồ sơ</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="52" />
        <location filename="../../ui/calendar_page.py" line="364" />
        <location filename="../../ui/importing/dialog.py" line="157" />
        <location filename="../../ui/settings/dialog.py" line="96" />
        <location filename="../../ui/users.py" line="70" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="41" />
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="42" />
        <source>Khôi phục từ bản sao lưu…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="43" />
        <source>Kiểm tra nhật ký thay đổi</source>
        <translation>Verify the audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="44" />
        <location filename="../../ui/settings/pages.py" line="77" />
        <source>Tài khoản cán bộ…</source>
        <translation>Officer accounts…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="45" />
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="46" />
        <location filename="../../ui/admin_hooks.py" line="231" />
        <location filename="../../ui/admin_hooks.py" line="234" />
        <location filename="../../ui/admin_hooks.py" line="241" />
        <location filename="../../ui/i18n_catalog.py" line="176" />
        <source>Xóa dữ liệu mẫu</source>
        <translation>Remove demo data</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="47" />
        <location filename="../../ui/admin_hooks.py" line="120" />
        <location filename="../../ui/login.py" line="119" />
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="75" />
        <location filename="../../ui/users.py" line="27" />
        <source>Cán bộ tiếp nhận</source>
        <translation>Reception officer</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="75" />
        <location filename="../../ui/users.py" line="27" />
        <source>Lãnh đạo đơn vị</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="76" />
        <location filename="../../ui/users.py" line="28" />
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="77" />
        <source>Đăng nhập: {name} ({role})</source>
        <translation>Logged in: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="98" />
        <source>Sao lưu hằng ngày không thành công: {error}</source>
        <translation>The daily backup failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="120" />
        <source>Ngôn ngữ mới được dùng từ lần mở ứng dụng sau.</source>
        <translation>The new language is used from the next start of the application.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="127" />
        <source>Đã sao lưu</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="127" />
        <source>Đã sao lưu và kiểm tra toàn vẹn:
{file}</source>
        <translation>Backed up and checked for integrity:
{file}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="134" />
        <source>Đang sao lưu sổ hồ sơ…</source>
        <translation>Backing up the register…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="135" />
        <source>Không sao lưu được</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="149" />
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="149" />
        <source>Sổ hồ sơ SQLite (*.sqlite3)</source>
        <translation>SQLite register (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="154" />
        <source>Khôi phục sổ hồ sơ</source>
        <translation>Restore the register</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="155" />
        <source>Thay toàn bộ sổ hồ sơ hiện tại bằng bản sao lưu
{file}?

Trạng thái hiện tại sẽ được sao lưu trước; những gì nhập sau thời điểm sao lưu sẽ không còn trong sổ.</source>
        <translation>Replace the whole current register with the backup
{file}?

The current state is backed up first; whatever was entered after the backup was taken will no longer be in the register.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="173" />
        <location filename="../../ui/recovery.py" line="44" />
        <source>Không khôi phục được</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="231" />
        <source>Sổ không có dữ liệu mẫu.</source>
        <translation>The register has no demo data.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="235" />
        <source>Xóa {dossiers} hồ sơ mẫu (cùng {letters} phiếu xin lỗi, lịch sử và các lần bổ sung) và danh mục mẫu không còn dùng?

Hồ sơ thật và số phiếu đã cấp không thay đổi; việc xóa được ghi vào nhật ký thay đổi.</source>
        <translation>Remove {dossiers} demo dossiers (with {letters} apology letters, their history and supplements) and the demo catalog entries no longer used?

Real dossiers and the letter numbers already issued do not change; the removal is recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="243" />
        <source>Đang xóa dữ liệu mẫu…</source>
        <translation>Removing the demo data…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="247" />
        <source>Đang tìm dữ liệu mẫu…</source>
        <translation>Looking for demo data…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="167" />
        <location filename="../../ui/recovery.py" line="46" />
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="167" />
        <source>Đã khôi phục sổ hồ sơ. Trạng thái trước đó được lưu tại:
{file}</source>
        <translation>The register has been restored. The previous state was saved to:
{file}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="178" />
        <source>Đang khôi phục sổ hồ sơ…</source>
        <translation>Restoring the register…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="188" />
        <location filename="../../ui/admin_hooks.py" line="190" />
        <location filename="../../ui/pages/history.py" line="48" />
        <source>Nhật ký thay đổi</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="192" />
        <location filename="../../ui/pages/history.py" line="145" />
        <source>Đang kiểm tra chuỗi băm của nhật ký…</source>
        <translation>Checking the hash chain of the audit trail…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="196" />
        <location filename="../../ui/admin_hooks.py" line="199" />
        <location filename="../../ui/admin_hooks.py" line="204" />
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="196" />
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="199" />
        <source>Mật khẩu mới (ít nhất 8 ký tự):</source>
        <translation>New password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../ui/admin_hooks.py" line="204" />
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="91" />
        <source>Sổ mẫu: đã đăng nhập là quản trị viên “{name}”, mật khẩu “{password}”.</source>
        <translation>Demo register: logged in as administrator “{name}”, password “{password}”.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="42" />
        <source>Hồ sơ đã được người khác sửa</source>
        <translation>The dossier was changed by someone else</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="42" />
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70" />
        <source>Sổ hồ sơ bị hỏng: SQLite báo “{problem}”.</source>
        <translation>The register is damaged: SQLite reports “{problem}”.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75" />
        <source>Bản sao lưu tốt gần nhất là lúc {when}. Khôi phục từ bản đó? Tệp hỏng được giữ lại trong thư mục sao lưu; những gì nhập sau thời điểm sao lưu cần nhập lại.</source>
        <translation>The newest good backup is from {when}. Restore it? The damaged file is kept in the backup folder; anything entered after that backup must be entered again.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="78" />
        <source>Không tìm thấy bản sao lưu nào dùng được trong thư mục sao lưu.</source>
        <translation>No usable backup was found in the backup folder.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="101" />
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="102" />
        <source>Đã xảy ra lỗi không mong đợi; thao tác vừa rồi chưa hoàn tất và sổ hồ sơ không bị thay đổi.
Chi tiết đã được ghi vào nhật ký. Anh/chị có thể tiếp tục làm việc.</source>
        <translation>An unexpected error occurred; the last action was not completed and the register was not changed.
The details were written to the log. You can go on working.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74" />
        <source>Tạo tài khoản quản trị</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="75" />
        <source>Sổ hồ sơ này chưa có quản trị viên. Hãy tạo tài khoản quản trị: tài khoản này tạo tài khoản cho các cán bộ, sửa lịch ngày nghỉ và thông tin cơ quan.</source>
        <translation>This register has no administrator yet. Create the administrator account: it creates the officers' accounts and changes the calendar of days off and the office information.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="83" />
        <location filename="../../ui/login.py" line="117" />
        <location filename="../../ui/users.py" line="42" />
        <location filename="../../ui/users.py" line="59" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="84" />
        <location filename="../../ui/users.py" line="43" />
        <location filename="../../ui/users.py" line="59" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="85" />
        <location filename="../../ui/users.py" line="45" />
        <source>Mật khẩu (ít nhất 8 ký tự)</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="86" />
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="87" />
        <source>Tạo tài khoản</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="88" />
        <location filename="../../ui/login.py" line="121" />
        <location filename="../../ui/main_window.py" line="97" />
        <location filename="../../ui/recovery.py" line="36" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93" />
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="103" />
        <source>Đăng nhập để làm việc với sổ hồ sơ.</source>
        <translation>Log in to work with the register.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="106" />
        <source>Đăng nhập — MotCua Desk</source>
        <translation>Log in — MotCua Desk</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="116" />
        <source>Ngôn ngữ giao diện; áp dụng từ lần mở sau.</source>
        <translation>Language of the interface; applies from the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="118" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="120" />
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/alerts.py" line="90" />
        <location filename="../../ui/errors.py" line="129" />
        <location filename="../../ui/main_window.py" line="68" />
        <source>MotCua Desk</source>
        <translation>MotCua Desk</translation>
    </message>
    <message>
        <location filename="../../ui/alerts.py" line="133" />
        <source>Từ lần mở trước: {changes}.</source>
        <translation>Since you last opened the desk: {changes}.</translation>
    </message>
    <message>
        <location filename="../../ui/alerts.py" line="159" />
        <source>Cảnh báo hạn xử lý</source>
        <translation>Deadline alert</translation>
    </message>
    <message>
        <location filename="../../ui/alerts.py" line="169" />
        <source>Đang tính cảnh báo…</source>
        <translation>Computing alerts…</translation>
    </message>
    <message>
        <location filename="../../ui/alerts.py" line="178" />
        <source>Không có hồ sơ cần cảnh báo.</source>
        <translation>No dossiers need attention.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>&amp;Hồ sơ</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78" />
        <source>Tiếp nhận hồ sơ mới…</source>
        <translation>Receive a new dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>Tìm hồ sơ</source>
        <translation>Find a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>Mở hồ sơ vừa tiếp nhận</source>
        <translation>Open the dossier just received</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145" />
        <source>Đã tiếp nhận hồ sơ {code}. Ctrl+Shift+O: mở hồ sơ.</source>
        <translation>Dossier {code} received. Ctrl+Shift+O: open the dossier.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="70" />
        <location filename="../../ui/i18n_catalog.py" line="145" />
        <location filename="../../ui/pages/digitization.py" line="42" />
        <location filename="../../ui/pages/history.py" line="53" />
        <location filename="../../ui/pages/today.py" line="159" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="23" />
        <location filename="../../ui/register_model.py" line="37" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="71" />
        <source>Hẹn theo lịch mới</source>
        <translation>Due date by the new calendar</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="77" />
        <source> — ngày hẹn rơi vào ngày nghỉ</source>
        <translation> — due date falls on a day off</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="85" />
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="118" />
        <source>Lưu giờ làm việc</source>
        <translation>Save office hours</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="123" />
        <location filename="../../ui/i18n_catalog.py" line="188" />
        <source>Giờ làm việc</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="125" />
        <source>Các buổi:</source>
        <translation>Sessions:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="127" />
        <source>Giờ chốt buổi chiều (nhận sau giờ này tính từ ngày làm việc sau):</source>
        <translation>Afternoon cut-off (received after it counts from the next working day):</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="143" />
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="143" />
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="143" />
        <source>Nghỉ / làm việc</source>
        <translation>Day off / working</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="143" />
        <source>Tên ngày</source>
        <translation>Name of the day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="144" />
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="144" />
        <source>Căn cứ / ghi chú</source>
        <translation>Basis / note</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="151" />
        <source>Nạp tệp quyết định nghỉ lễ…</source>
        <translation>Load a holiday decision file…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="155" />
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="166" />
        <location filename="../../ui/calendar_page.py" line="242" />
        <source>Nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="168" />
        <location filename="../../ui/calendar_page.py" line="242" />
        <source>Làm việc</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="176" />
        <source>Ghi chú / căn cứ, ví dụ số văn bản thông báo</source>
        <translation>Note / basis, e.g. the number of the notice</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="177" />
        <source>Đặt ngày của cơ quan…</source>
        <translation>Set the office's day…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="180" />
        <source>Xác nhận ngày chưa xác nhận…</source>
        <translation>Confirm an unconfirmed day…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="183" />
        <source>Bỏ điều chỉnh của cơ quan…</source>
        <translation>Remove the office's adjustment…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="186" />
        <source>Ngày nghỉ, ngày làm việc của cơ quan</source>
        <translation>The office's days off and working days</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="193" />
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="236" />
        <source>Lịch nghỉ Tết Nguyên Đán {year} chưa có quyết định chính thức: các ngày “Dự kiến” do máy tính theo âm lịch. Khi có văn bản, nạp tệp quyết định hoặc đặt ngày của cơ quan.</source>
        <translation>The Lunar New Year (Tet) {year} holiday has no official decision yet: the “Provisional” days are computed from the lunar calendar. When the decision is published, load the decision file or set the office's days.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="289" />
        <source>Đã lưu giờ làm việc. Hạn của hồ sơ tiếp nhận từ nay tính theo giờ mới; ngày hẹn đã hứa giữ nguyên.</source>
        <translation>Office hours saved. Dossiers received from now on are due by the new hours; due dates already promised stay as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="315" />
        <source>Ngày {day}: ảnh hưởng đến hồ sơ đang giải quyết</source>
        <translation>{day}: effect on open dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="319" />
        <source>Chọn tệp quyết định nghỉ lễ</source>
        <translation>Choose a holiday decision file</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="319" />
        <source>Tệp quyết định (*.json);;Mọi tệp (*)</source>
        <translation>Decision files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="327" />
        <source>Không đọc được tệp “{name}”: {why}</source>
        <translation>Cannot read the file “{name}”: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="332" />
        <source>Nạp tệp quyết định nghỉ lễ: ảnh hưởng đến hồ sơ đang giải quyết</source>
        <translation>Load a holiday decision file: effect on open dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="342" />
        <source>Đã hủy: lịch làm việc không đổi.</source>
        <translation>Cancelled: the calendar is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="99" />
        <location filename="../../ui/calendar_page.py" line="361" />
        <location filename="../../ui/settings/pages.py" line="18" />
        <source>Lịch làm việc</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="374" />
        <source>Lịch làm việc…</source>
        <translation>Working calendar…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="56" />
        <source>Mọi cán bộ</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="43" />
        <source>Hình thức</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="48" />
        <source>Thành phần</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="48" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="49" />
        <source>Định danh</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="50" />
        <source>Văn bản đề nghị</source>
        <translation>Request letter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="162" />
        <location filename="../../ui/pages/digitization.py" line="256" />
        <location filename="../../ui/pages/register.py" line="77" />
        <source>Mọi đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="164" />
        <source>Tìm theo tên, mã hồ sơ, số điện thoại…</source>
        <translation>Search by name, dossier code, phone number…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="183" />
        <location filename="../../ui/pages/history.py" line="57" />
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="183" />
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="184" />
        <source>Tính theo</source>
        <translation>Group by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="189" />
        <source>Hồ sơ thiếu số hóa:</source>
        <translation>Dossiers short of digitization:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="247" />
        <source>Mọi nguyên nhân</source>
        <translation>All causes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="285" />
        <source>Đang tính tỷ lệ số hóa…</source>
        <translation>Computing digitization rates…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="301" />
        <source>đạt</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="302" />
        <source>chưa đạt</source>
        <translation>not met</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="303" />
        <source>Từ ngày {start} đến ngày {end}</source>
        <translation>From {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="305" />
        <source>{period}: tỷ lệ số hóa {rate} ({part}/{whole} hồ sơ có kết quả), chỉ tiêu {target}</source>
        <translation>{period}: digitization rate {rate} ({part}/{whole} dossiers with a result), target {target}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="308" />
        <source>xác thực định danh {identity} · tái sử dụng dữ liệu {reuse} ({received} hồ sơ tiếp nhận)</source>
        <translation>identity checked {identity} · data reused {reuse} ({received} dossiers received)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="313" />
        <source>Tỷ lệ số hóa theo</source>
        <translation>Digitization rate by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="325" />
        <location filename="../../ui/pages/today.py" line="271" />
        <source>{n} hồ sơ</source>
        <translation>{n} dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="327" />
        <source>(hiện {shown} hồ sơ mới nhất; lọc thêm để thu hẹp)</source>
        <translation>(showing the newest {shown} dossiers; filter further to narrow it down)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="328" />
        <source>nhấp đúp để mở hồ sơ, đánh dấu ngay ở các cột bên phải.</source>
        <translation>double-click to open a dossier, or tick the boxes in the columns on the right.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="63" />
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="65" />
        <source>Kiểm tra chuỗi băm</source>
        <translation>Verify hash chain</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="56" />
        <location filename="../../ui/i18n_catalog.py" line="180" />
        <location filename="../../ui/pages/history.py" line="67" />
        <location filename="../../ui/settings/units.py" line="37" />
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="57" />
        <location filename="../../ui/letters/tab.py" line="46" />
        <location filename="../../ui/pages/today.py" line="107" />
        <location filename="../../ui/ratings/tab.py" line="41" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="35" />
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="64" />
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="71" />
        <location filename="../../ui/dossier/window.py" line="65" />
        <source>Xử lý</source>
        <translation>Processing</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="68" />
        <location filename="../../ui/dossier/window.py" line="176" />
        <location filename="../../ui/i18n_catalog.py" line="130" />
        <location filename="../../ui/pages/history.py" line="67" />
        <location filename="../../ui/pages/history.py" line="74" />
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="72" />
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="120" />
        <source>Lưu thay đổi (Ctrl+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="134" />
        <source>Đổi ngày hẹn trả…</source>
        <translation>Change the due date…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="151" />
        <source>Hồ sơ {code} — {name}</source>
        <translation>Dossier {code} — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="162" />
        <source>Hạn gửi phiếu xin lỗi</source>
        <translation>Apology deadline</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="163" />
        <source>Đã có phiếu xin lỗi số</source>
        <translation>Apology letter no.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="194" />
        <source>Trạng thái hiện tại</source>
        <translation>Current status</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="196" />
        <source>Có kết quả lúc</source>
        <translation>Result ready at</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="198" />
        <source>Trả kết quả lúc</source>
        <translation>Result returned at</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="202" />
        <source>Hồ sơ đã kết thúc, không còn thao tác xử lý.</source>
        <translation>The dossier is closed; no further processing steps.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="289" />
        <location filename="../../ui/settings/report.py" line="76" />
        <source>Chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="289" />
        <source>Các thay đổi chưa được lưu. Bỏ các thay đổi này?</source>
        <translation>The changes have not been saved. Discard them?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="68" />
        <location filename="../../ui/pages/register.py" line="123" />
        <location filename="../../ui/pages/register.py" line="124" />
        <location filename="../../ui/pages/reports.py" line="179" />
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="74" />
        <location filename="../../ui/pages/outbox_dialog.py" line="29" />
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="24" />
        <location filename="../../ui/dossier/window.py" line="68" />
        <location filename="../../ui/pages/history.py" line="74" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="23" />
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="74" />
        <location filename="../../ui/shortcuts.py" line="84" />
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="74" />
        <source>Đối tượng</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="68" />
        <location filename="../../ui/pages/history.py" line="75" />
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="140" />
        <source> (chỉ hiện {n} sự kiện mới nhất)</source>
        <translation> (only the newest {n} events shown)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/history.py" line="141" />
        <source>{n} sự kiện</source>
        <translation>{n} events</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="69" />
        <location filename="../../ui/recovery.py" line="22" />
        <source>Sổ hồ sơ bị hỏng</source>
        <translation>The register is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="24" />
        <source>Sổ hồ sơ bị hỏng và không tìm thấy bản sao lưu nào dùng được.</source>
        <translation>The register is damaged and no usable backup was found.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="29" />
        <source>Sổ hồ sơ bị hỏng: SQLite báo lỗi khi kiểm tra toàn vẹn.</source>
        <translation>The register is damaged: SQLite reports errors in its integrity check.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="31" />
        <source>Khôi phục từ bản sao lưu tốt gần nhất, lúc {when}?

Tệp hỏng được giữ lại trong thư mục sao lưu để kiểm tra; những gì nhập sau thời điểm sao lưu cần nhập lại.</source>
        <translation>Restore the newest good backup, taken at {when}?

The damaged file is kept in the backup folder for inspection; whatever was entered after the backup must be entered again.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="35" />
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="47" />
        <source>Đã khôi phục sổ hồ sơ từ bản sao lưu lúc {when}.</source>
        <translation>The register was restored from the backup taken at {when}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="81" />
        <source>Khôi phục bản sao lưu tốt gần nhất…</source>
        <translation>Restore the newest good backup…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="22" />
        <source>Thời điểm có kết quả</source>
        <translation>Result ready at</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="23" />
        <source>Thời điểm trả kết quả</source>
        <translation>Result returned at</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="27" />
        <source>Giấy tờ cần bổ sung (*)</source>
        <translation>Documents to supplement (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="28" />
        <source>Lý do từ chối (*)</source>
        <translation>Reason for refusal (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="29" />
        <source>Lý do rút hồ sơ (*)</source>
        <translation>Reason for withdrawal (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="30" />
        <source>Lý do dừng xử lý (*)</source>
        <translation>Reason for stopping (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="34" />
        <location filename="../../ui/dossier/receive.py" line="156" />
        <location filename="../../ui/dossier/window.py" line="68" />
        <location filename="../../ui/dossier/window.py" line="119" />
        <location filename="../../ui/i18n_catalog.py" line="161" />
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="39" />
        <source>Hình thức nhận kết quả</source>
        <translation>Result delivered</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="47" />
        <source>Thực hiện</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="87" />
        <location filename="../../ui/dossier/action_dialog.py" line="48" />
        <location filename="../../ui/dossier/action_dialog.py" line="89" />
        <location filename="../../ui/dossier/receive.py" line="163" />
        <location filename="../../ui/importing/mapping.py" line="68" />
        <location filename="../../ui/letters/delivery_dialog.py" line="151" />
        <location filename="../../ui/ratings/dialog.py" line="40" />
        <location filename="../../ui/tasks.py" line="254" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="53" />
        <source>Thời gian chờ bổ sung không tính vào thời hạn giải quyết.</source>
        <translation>Time spent waiting for documents does not count towards the processing time.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="81" />
        <source>Đổi ngày hẹn trả</source>
        <translation>Change the due date</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="85" />
        <source>Ngày hẹn trả mới</source>
        <translation>New due date</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="86" />
        <source>Lý do (*)</source>
        <translation>Reason (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="88" />
        <source>Đổi hạn</source>
        <translation>Change due date</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/action_dialog.py" line="93" />
        <source>Trễ hạn do cơ quan thì phải gửi phiếu xin lỗi (thẻ “Phiếu xin lỗi”), không đổi hạn ở đây.</source>
        <translation>If the office is late, send an apology letter (the “Apology letter” tab) instead of changing the due date here.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="77" />
        <location filename="../../ui/tasks.py" line="255" />
        <source>Đang xử lý</source>
        <translation>Processing</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="324" />
        <source>Lỗi không mong đợi, thao tác chưa hoàn tất. Chi tiết đã ghi vào nhật ký.</source>
        <translation>Unexpected error; the action was not completed. The details were written to the log.</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="34" />
        <source>Tài khoản mới</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="44" />
        <location filename="../../ui/users.py" line="59" />
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="56" />
        <source>Tài khoản cán bộ</source>
        <translation>Officer accounts</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="158" />
        <location filename="../../ui/i18n_catalog.py" line="157" />
        <location filename="../../ui/pages/digitization.py" line="43" />
        <location filename="../../ui/pages/outbox_dialog.py" line="30" />
        <location filename="../../ui/register_model.py" line="42" />
        <location filename="../../ui/settings/units.py" line="38" />
        <location filename="../../ui/users.py" line="59" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="29" />
        <source>Tên đơn vị trong sổ (*)</source>
        <translation>Unit name in the register (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="30" />
        <location filename="../../ui/settings/units.py" line="36" />
        <source>Tên in trên văn bản</source>
        <translation>Name printed on documents</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="32" />
        <source>Chức vụ người ký (ví dụ TRƯỞNG PHÒNG)</source>
        <translation>Signer's title (e.g. HEAD OF DIVISION)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="33" />
        <source>Họ tên người ký</source>
        <translation>Signer's full name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="34" />
        <source>Ký hiệu văn bản</source>
        <translation>Document symbol</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="36" />
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="37" />
        <source>Ký hiệu</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="37" />
        <source>Lãnh đạo (tài khoản)</source>
        <translation>Head of unit (account)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="150" />
        <location filename="../../ui/settings/units.py" line="46" />
        <location filename="../../ui/settings/units.py" line="81" />
        <source>Đơn vị giải quyết</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="57" />
        <source>tên đăng nhập của lãnh đạo đơn vị (được tự sửa thông tin đơn vị)</source>
        <translation>login name of the head of unit (who may edit the unit's details)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="58" />
        <source>Tài khoản lãnh đạo đơn vị</source>
        <translation>Head of unit's account</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="59" />
        <source>Điền đủ tên in, cơ quan chủ quản, chức vụ và họ tên người ký thì phiếu xin lỗi của hồ sơ thuộc đơn vị được in và ký theo đơn vị; thiếu một mục thì theo thông tin cơ quan.</source>
        <translation>With the printed name, parent agency, signer's title and full name all filled in, apology letters for the unit's dossiers are printed and signed in the unit's name; if any is missing, the office information is used.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="98" />
        <location filename="../../ui/users.py" line="64" />
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="98" />
        <source>Sửa tên, người ký…</source>
        <translation>Edit name, signer…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="99" />
        <source>Gộp vào đơn vị khác…</source>
        <translation>Merge into another unit…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="100" />
        <source>Ngừng dùng / dùng lại</source>
        <translation>Deactivate / reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="108" />
        <source>Phiếu xin lỗi của hồ sơ được in và ký theo đơn vị giải quyết khi đơn vị có đủ tên in, cơ quan chủ quản và người ký; nếu không, theo thông tin cơ quan.</source>
        <translation>A dossier's apology letter is printed and signed in the name of its handling unit when the unit has a printed name, a parent agency and a signer; otherwise in the office's name.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="122" />
        <source>theo cơ quan</source>
        <translation>as the office</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="124" />
        <source>đã gộp vào {name}</source>
        <translation>merged into {name}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="126" />
        <source>đang dùng</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="126" />
        <source>ngừng dùng</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="170" />
        <source>Đã thêm đơn vị “{name}”.</source>
        <translation>Unit “{name}” added.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="189" />
        <source>Đã lưu đơn vị “{name}”.</source>
        <translation>Unit “{name}” saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="199" />
        <source>Gộp đơn vị</source>
        <translation>Merge units</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="199" />
        <source>Gộp “{name}” ({n} hồ sơ, {p} thủ tục) vào đơn vị:</source>
        <translation>Merge “{name}” ({n} dossiers, {p} procedures) into the unit:</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="205" />
        <source>Đã gộp “{source}” vào “{target}”.</source>
        <translation>“{source}” merged into “{target}”.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/units.py" line="212" />
        <source>Đã cập nhật đơn vị “{name}”.</source>
        <translation>Unit “{name}” updated.</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="64" />
        <source>Đặt mật khẩu…</source>
        <translation>Set password…</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="65" />
        <source>Khóa / mở khóa</source>
        <translation>Lock / unlock</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="65" />
        <source>Đổi vai trò…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="92" />
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="92" />
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="94" />
        <source>chưa đặt mật khẩu</source>
        <translation>no password set</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="116" />
        <source>Đặt mật khẩu</source>
        <translation>Set password</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="116" />
        <source>Mật khẩu mới cho {name}:</source>
        <translation>New password for {name}:</translation>
    </message>
    <message>
        <location filename="../../ui/users.py" line="133" />
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="101" />
        <location filename="../../ui/pages/today.py" line="197" />
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="62" />
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="63" />
        <source>Theo luật</source>
        <translation>By law</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="64" />
        <source>Dự kiến</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="65" />
        <source>Chưa xác nhận</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="66" />
        <location filename="../../ui/settings/office.py" line="36" />
        <source>Cơ quan</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="67" />
        <location filename="../../ui/pages/reports.py" line="126" />
        <location filename="../../ui/warning_style.py" line="41" />
        <source>Trong hạn</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="68" />
        <location filename="../../ui/pages/today.py" line="37" />
        <location filename="../../ui/warning_style.py" line="40" />
        <source>Chờ bổ sung</source>
        <translation>Awaiting documents</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="69" />
        <location filename="../../ui/pages/today.py" line="36" />
        <location filename="../../ui/warning_style.py" line="39" />
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="70" />
        <location filename="../../ui/pages/today.py" line="33" />
        <source>Hạn gửi phiếu xin lỗi: ngày mai</source>
        <translation>Apology letter due tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="71" />
        <location filename="../../ui/pages/today.py" line="32" />
        <source>Phải gửi phiếu xin lỗi hôm nay</source>
        <translation>Apology letter due today</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="72" />
        <location filename="../../ui/pages/today.py" line="34" />
        <source>Đã lỡ hạn gửi phiếu xin lỗi</source>
        <translation>Apology deadline missed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="73" />
        <location filename="../../ui/pages/reports.py" line="126" />
        <location filename="../../ui/pages/today.py" line="35" />
        <location filename="../../ui/warning_style.py" line="35" />
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="74" />
        <source>Mới đăng ký</source>
        <translation>Registered online</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="75" />
        <source>Được tiếp nhận</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="76" />
        <source>Không được tiếp nhận</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="78" />
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>Documents requested</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="79" />
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Awaiting fees and charges</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="80" />
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawn by the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="81" />
        <source>Dừng xử lý</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="82" />
        <source>Đã xử lý xong</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="83" />
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="84" />
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="86" />
        <source>Bưu chính công ích</source>
        <translation>Public postal service</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="87" />
        <source>Cá nhân</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="88" />
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="89" />
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop desk</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="90" />
        <source>Qua bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="91" />
        <location filename="../../ui/i18n_catalog.py" line="234" />
        <source>Tại quầy</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="92" />
        <source>Bưu chính</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="94" />
        <source>Tin nhắn</source>
        <translation>Text message</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="95" />
        <location filename="../../ui/i18n_catalog.py" line="237" />
        <source>Cổng dịch vụ công</source>
        <translation>Public service portal</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="97" />
        <source>Toàn trình</source>
        <translation>Fully online</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="98" />
        <source>Một phần</source>
        <translation>Partly online</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="99" />
        <source>Không trực tuyến</source>
        <translation>Not online</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="101" />
        <source>giờ làm việc</source>
        <translation>working hours</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="102" />
        <location filename="../../ui/pages/reports.py" line="125" />
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="103" />
        <location filename="../../ui/pages/reports.py" line="125" />
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="104" />
        <source>Tiếp nhận hồ sơ trực tuyến</source>
        <translation>Accept online dossier</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="105" />
        <source>Chuyển xử lý</source>
        <translation>Send for processing</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="106" />
        <source>Yêu cầu bổ sung</source>
        <translation>Request documents</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="107" />
        <source>Chờ nghĩa vụ tài chính</source>
        <translation>Await fees and charges</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="108" />
        <location filename="../../ui/pages/reports.py" line="121" />
        <source>Có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="109" />
        <source>Trả kết quả</source>
        <translation>Return result</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="110" />
        <source>Từ chối</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="111" />
        <source>Rút hồ sơ</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="112" />
        <source>Đã nhận hồ sơ bổ sung</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="113" />
        <source>Đã hoàn thành nghĩa vụ tài chính</source>
        <translation>Fees and charges paid</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="114" />
        <source>Đã số hóa thành phần hồ sơ</source>
        <translation>Dossier components digitized</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="115" />
        <source>Đã số hóa kết quả</source>
        <translation>Result digitized</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="116" />
        <source>Đã xác thực định danh điện tử (VNeID)</source>
        <translation>Electronic identity checked (VNeID)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="117" />
        <source>Tái sử dụng giấy tờ từ kho dữ liệu</source>
        <translation>Documents reused from the data store</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="118" />
        <source>Lấy giấy tờ từ kho dữ liệu quốc gia</source>
        <translation>Documents taken from the national data store</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="119" />
        <source>Đã đính kèm văn bản đề nghị (từ chối, rút, dừng)</source>
        <translation>Request letter attached (refusal, withdrawal, stop)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="120" />
        <source>Hồ sơ nộp trực tiếp hoặc qua bưu chính chưa số hóa thành phần hồ sơ</source>
        <translation>In-person or postal dossier whose components are not digitized</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="121" />
        <source>Chưa số hóa thành phần</source>
        <translation>Components not digitized</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="122" />
        <source>Hồ sơ đã có kết quả nhưng chưa số hóa kết quả giải quyết</source>
        <translation>Dossier with a result that is not digitized</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="123" />
        <source>Chưa số hóa kết quả</source>
        <translation>Result not digitized</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="124" />
        <source>Chưa xác thực định danh điện tử (VNeID) của người nộp khi tiếp nhận</source>
        <translation>Applicant's electronic identity (VNeID) not checked at reception</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="125" />
        <source>Chưa xác thực định danh</source>
        <translation>Identity not checked</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="126" />
        <source>Hồ sơ bị từ chối, rút hoặc dừng xử lý chưa đính kèm văn bản đề nghị</source>
        <translation>Refused, withdrawn or stopped dossier without the request letter attached</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="127" />
        <source>Chưa đính kèm văn bản đề nghị</source>
        <translation>Request letter not attached</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="135" />
        <source>Hồ sơ giải quyết trước và đúng hạn (trong số hồ sơ đã giải quyết)</source>
        <translation>Dossiers settled early or on time (among dossiers settled)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="136" />
        <source>Hồ sơ giải quyết trước và đúng hạn (tính cả hồ sơ đang quá hạn)</source>
        <translation>Dossiers settled early or on time (counting dossiers now overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="171" />
        <source>Sửa</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="172" />
        <source>Xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="173" />
        <source>Sửa hàng loạt</source>
        <translation>Bulk change</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="174" />
        <source>Xóa hàng loạt</source>
        <translation>Bulk delete</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="175" />
        <source>Thêm hàng loạt</source>
        <translation>Bulk add</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="177" />
        <source>Xuất khóa</source>
        <translation>Key exported</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="178" />
        <source>Nhập khóa</source>
        <translation>Key imported</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="179" />
        <source>Khóa niêm phong nhật ký</source>
        <translation>Audit seal key</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="182" />
        <source>Bổ sung hồ sơ</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="183" />
        <source>Thiết lập</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="184" />
        <source>Lịch nghỉ/làm bù</source>
        <translation>Day off / make-up day</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="185" />
        <location filename="../../ui/settings/pages.py" line="68" />
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="186" />
        <source>Thông tin cơ quan</source>
        <translation>Office information</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="189" />
        <source>Các buổi làm việc, ví dụ 07:30-11:30,13:00-17:00.</source>
        <translation>Working sessions, e.g. 07:30-11:30,13:00-17:00.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="190" />
        <source>Giờ chốt buổi chiều (nhận sau giờ này tính từ ngày làm việc sau)</source>
        <translation>Afternoon cut-off (received after it counts from the next working day)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="191" />
        <source>Thời gian bổ sung hồ sơ: tạm dừng (pause) hoặc tính lại (restart)</source>
        <translation>Time of a supplement request: paused (pause) or restarted (restart)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="192" />
        <source>Mã nền tảng (2 chữ số) trong mã hồ sơ</source>
        <translation>Platform code (2 digits) in the dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="193" />
        <source>Mẫu số phiếu xin lỗi</source>
        <translation>Apology letter form number</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="194" />
        <source>Khổ giấy phiếu xin lỗi, giấy tiếp nhận (A5 theo mẫu, hoặc A4)</source>
        <translation>Paper size of apology letters and receipts (A5 as in the form, or A4)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="195" />
        <source>Nơi nhận (mỗi dòng một nơi, in cuối phiếu xin lỗi)</source>
        <translation>Recipients (one per line, printed at the end of the apology letter)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="196" />
        <source>Cảnh báo sắp đến hạn trước (ngày làm việc)</source>
        <translation>Warn of an approaching deadline (working days before)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="197" />
        <source>Giờ hiện thông báo cảnh báo (để trống: theo giờ làm việc)</source>
        <translation>Hours to show warnings (empty: the office hours)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="198" />
        <source>Một khoảng giờ, ví dụ 07:00-17:30; ngoài giờ này và ngày nghỉ, thông báo chờ đến sáng.</source>
        <translation>A time range, e.g. 07:00-17:30; outside it and on days off, notifications wait until the morning.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="199" />
        <source>Kết thúc hồ sơ có kết quả giấy chưa số hóa: từ chối (refuse) hoặc cho phép kèm cảnh báo (warn)</source>
        <translation>Closing a dossier whose paper result is not digitized: refuse (refuse) or allow with a warning (warn)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="200" />
        <source>Chỉ tiêu tỷ lệ số hóa (%)</source>
        <translation>Digitization rate target (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="201" />
        <source>Chỉ tiêu TTHC đủ điều kiện cung cấp DVCTT toàn trình (%)</source>
        <translation>Target: procedures eligible for full online service (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="202" />
        <source>Chỉ tiêu TTHC có phát sinh hồ sơ trực tuyến (%)</source>
        <translation>Target: online procedures with online dossiers (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="203" />
        <source>Chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến (%)</source>
        <translation>Target: dossiers submitted online (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="204" />
        <source>Chỉ tiêu tỷ lệ hồ sơ xử lý trực tuyến (%)</source>
        <translation>Target: dossiers processed online (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="205" />
        <source>Chỉ tiêu tỷ lệ giải quyết trước và đúng hạn (%)</source>
        <translation>Target: settled early or on time (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="206" />
        <source>Chỉ tiêu tỷ lệ thanh toán trực tuyến (%)</source>
        <translation>Target: online payment (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="207" />
        <source>Chỉ tiêu hồ sơ trễ hạn có phiếu xin lỗi đúng hạn (%)</source>
        <translation>Target: late dossiers with an apology letter in time (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="208" />
        <source>Thư mục nhận báo cáo (ví dụ ổ mạng dùng chung)</source>
        <translation>Folder receiving the reports (e.g. a shared network drive)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="209" />
        <source>Phải có sẵn và ghi được; để trống nếu chỉ gửi bằng thư điện tử.</source>
        <translation>Must exist and be writable; leave empty to send by e-mail only.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="210" />
        <source>Nhắc gửi báo cáo cuối ngày lúc</source>
        <translation>Remind to send the end-of-day report at</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="211" />
        <source>Máy chủ thư đi (SMTP)</source>
        <translation>Outgoing mail server (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="212" />
        <source>Cổng SMTP</source>
        <translation>SMTP port</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="213" />
        <source>Bảo mật SMTP: starttls, ssl hoặc none</source>
        <translation>SMTP security: starttls, ssl or none</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="214" />
        <source>Tên đăng nhập SMTP (để trống nếu máy chủ không yêu cầu)</source>
        <translation>SMTP user name (empty if the server requires none)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="215" />
        <source>Địa chỉ gửi báo cáo</source>
        <translation>Reports sent from</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="216" />
        <source>Địa chỉ nhận báo cáo (nhiều địa chỉ cách nhau bởi dấu phẩy)</source>
        <translation>Reports sent to (several addresses separated by commas)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="218" />
        <source>Người dân hài lòng (trong số hồ sơ được đánh giá)</source>
        <translation>Citizens satisfied (of the rated dossiers)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="219" />
        <source>Người dân hài lòng với TTHC đất đai, xây dựng</source>
        <translation>Citizens satisfied with land and construction procedures</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="220" />
        <source>Mức độ hài lòng (đánh giá)</source>
        <translation>Satisfaction (rating)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="221" />
        <source>Đánh giá hài lòng</source>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="222" />
        <source>Chỉ tiêu tỷ lệ người dân hài lòng (%)</source>
        <translation>Target rate of satisfied citizens (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="223" />
        <source>Chỉ tiêu tỷ lệ hài lòng với TTHC đất đai, xây dựng (%)</source>
        <translation>Target satisfaction rate for land and construction procedures (%)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="224" />
        <source>Lĩnh vực tính theo chỉ tiêu hài lòng đất đai, xây dựng (mỗi dòng một lĩnh vực)</source>
        <translation>Fields counted under the land and construction satisfaction target (one field per line)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="225" />
        <source>Tên lĩnh vực như trong danh mục thủ tục; không phân biệt hoa thường, dấu.</source>
        <translation>Field names as in the procedure catalog; case and diacritics are ignored.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="226" />
        <location filename="../../ui/pages/reports.py" line="122" />
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="227" />
        <location filename="../../ui/pages/reports.py" line="122" />
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="228" />
        <location filename="../../ui/pages/reports.py" line="122" />
        <source>Không hài lòng</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="229" />
        <source>Thời gian giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="230" />
        <source>Thái độ phục vụ</source>
        <translation>Attitude of the staff</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="231" />
        <source>Hướng dẫn</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="232" />
        <source>Hồ sơ phải bổ sung nhiều lần</source>
        <translation>Dossier had to be supplemented several times</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="233" />
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="236" />
        <source>Phiếu giấy</source>
        <translation>Paper form</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="173" />
        <location filename="../../ui/i18n_catalog.py" line="128" />
        <location filename="../../ui/pages/digitization.py" line="43" />
        <location filename="../../ui/pages/reports.py" line="124" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="24" />
        <location filename="../../ui/register_model.py" line="40" />
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="173" />
        <location filename="../../ui/i18n_catalog.py" line="129" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="24" />
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="131" />
        <source>TTHC đủ điều kiện được cung cấp DVCTT toàn trình</source>
        <translation>Procedures eligible for full online service</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="132" />
        <source>TTHC có phát sinh hồ sơ trực tuyến (trong số TTHC trực tuyến có hồ sơ)</source>
        <translation>Online procedures with online dossiers (among online procedures with dossiers)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="133" />
        <source>Hồ sơ nộp trực tuyến</source>
        <translation>Dossiers submitted online</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="134" />
        <source>Hồ sơ xử lý trực tuyến (trong số hồ sơ của TTHC có DVCTT)</source>
        <translation>Dossiers processed online (among dossiers of procedures with online service)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="137" />
        <source>Hồ sơ số hóa thành phần và kết quả</source>
        <translation>Dossiers with components and result digitized</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="138" />
        <source>Thanh toán trực tuyến (hồ sơ trực tuyến có phí, lệ phí)</source>
        <translation>Online payment (fee-bearing online dossiers)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="139" />
        <source>Hồ sơ trễ hạn có phiếu xin lỗi đúng hạn</source>
        <translation>Late dossiers with an apology letter in time</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="140" />
        <source>Chờ gửi</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="141" />
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="142" />
        <source>Gửi lỗi</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="143" />
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology letter and new return date</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="146" />
        <source>Ngày tiếp nhận</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="147" />
        <source>Hạn xử lý (ngày hẹn trả)</source>
        <translation>Due date (return date)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="148" />
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="149" />
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="151" />
        <source>Người nộp (chủ hồ sơ)</source>
        <translation>Applicant (dossier holder)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="152" />
        <source>Số giấy tờ tùy thân</source>
        <translation>Identity document number</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="153" />
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="158" />
        <source>Ngày có kết quả</source>
        <translation>Result date</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="159" />
        <source>Ngày trả kết quả</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="160" />
        <source>Lý do (từ chối, rút, dừng)</source>
        <translation>Reason (refusal, withdrawal, stop)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="162" />
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="163" />
        <source>Đơn vị thời hạn (ngày/giờ)</source>
        <translation>Time unit (days/hours)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="164" />
        <source>Mức độ trực tuyến</source>
        <translation>Online level</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="165" />
        <source>Có phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="166" />
        <source>Kết quả bản giấy</source>
        <translation>Paper result</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="167" />
        <source>{n} hồ sơ đã chuyển sang quá hạn</source>
        <translation>{n} dossier(s) became overdue</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="168" />
        <source>{n} hồ sơ đã lỡ hạn gửi phiếu xin lỗi</source>
        <translation>{n} dossier(s) missed the apology deadline</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="169" />
        <source>{n} hồ sơ phải gửi phiếu xin lỗi hôm nay</source>
        <translation>{n} dossier(s) need an apology letter today</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="18" />
        <location filename="../../ui/pages/digitization.py" line="143" />
        <source>Số hóa</source>
        <translation>Digitization</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="39" />
        <source>Có thay đổi chưa lưu.</source>
        <translation>There are unsaved changes.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="41" />
        <source>Lưu danh mục số hóa</source>
        <translation>Save digitization checklist</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="43" />
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="50" />
        <source>Chữ đậm: mục bắt buộc với hồ sơ này (theo hình thức nộp và trạng thái).</source>
        <translation>Bold: required for this dossier (by channel and status).</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="80" />
        <source>Bắt buộc với hồ sơ này</source>
        <translation>Required for this dossier</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="91" />
        <source>đánh dấu</source>
        <translation>ticked</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="91" />
        <source>bỏ đánh dấu</source>
        <translation>unticked</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="93" />
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="115" />
        <source>Hồ sơ đáp ứng đủ yêu cầu số hóa.</source>
        <translation>The dossier meets every digitization requirement.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="118" />
        <source>Còn thiếu:</source>
        <translation>Missing:</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/digitization_tab.py" line="132" />
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/procedure_picker.py" line="42" />
        <source>Gõ mã hoặc tên thủ tục (không cần dấu), rồi chọn</source>
        <translation>Type a procedure code or name (diacritics optional), then choose</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="67" />
        <source>Bỏ hồ sơ đang nhập?</source>
        <translation>Discard the dossier being entered?</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="72" />
        <location filename="../../ui/dossier/receive.py" line="160" />
        <location filename="../../ui/shortcuts.py" line="34" />
        <location filename="../../ui/shortcuts.py" line="36" />
        <location filename="../../ui/shortcuts.py" line="37" />
        <location filename="../../ui/shortcuts.py" line="38" />
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive dossier</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="98" />
        <location filename="../../ui/dossier/receive.py" line="279" />
        <source>Chọn thủ tục để tính ngày hẹn trả.</source>
        <translation>Choose a procedure to compute the due date.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="104" />
        <source>Hẹn ngày khác (phải ghi lý do)</source>
        <translation>Set another due date (reason required)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="107" />
        <source>Lý do hẹn ngày khác thời hạn của thủ tục</source>
        <translation>Reason for a due date other than the procedure's time</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="112" />
        <location filename="../../ui/dossier/window.py" line="111" />
        <source>Đã nộp phí, lệ phí</source>
        <translation>Fees and charges paid</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="113" />
        <location filename="../../ui/dossier/window.py" line="111" />
        <source>Thanh toán trực tuyến</source>
        <translation>Paid online</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="120" />
        <source>Mỗi dòng một loại giấy tờ (in trên giấy tiếp nhận)</source>
        <translation>One kind of document per line (printed on the receipt)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="121" />
        <source>In giấy tiếp nhận và hẹn trả kết quả sau khi tiếp nhận</source>
        <translation>Print the receipt slip after receiving</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="128" />
        <source>Thủ tục (*)</source>
        <translation>Procedure (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="129" />
        <location filename="../../ui/dossier/window.py" line="93" />
        <source>Người nộp (*)</source>
        <translation>Applicant (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="131" />
        <source>Người nộp là</source>
        <translation>The applicant is</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="109" />
        <source>Là</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="132" />
        <location filename="../../ui/dossier/window.py" line="93" />
        <source>Số CCCD / mã số</source>
        <translation>ID card no. / code</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="134" />
        <location filename="../../ui/dossier/window.py" line="94" />
        <location filename="../../ui/i18n_catalog.py" line="96" />
        <location filename="../../ui/i18n_catalog.py" line="235" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="24" />
        <location filename="../../ui/settings/office.py" line="20" />
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="135" />
        <location filename="../../ui/dossier/window.py" line="94" />
        <location filename="../../ui/i18n_catalog.py" line="93" />
        <location filename="../../ui/i18n_catalog.py" line="155" />
        <location filename="../../ui/settings/office.py" line="21" />
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="137" />
        <location filename="../../ui/dossier/window.py" line="95" />
        <location filename="../../ui/i18n_catalog.py" line="154" />
        <location filename="../../ui/settings/office.py" line="19" />
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="138" />
        <location filename="../../ui/dossier/window.py" line="174" />
        <location filename="../../ui/i18n_catalog.py" line="156" />
        <location filename="../../ui/register_model.py" line="41" />
        <source>Hình thức nộp</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="139" />
        <source>Thời điểm tiếp nhận</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="140" />
        <source>Ngày hẹn trả kết quả</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="155" />
        <source>Giấy tờ đã nhận</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="175" />
        <location filename="../../ui/pages/digitization.py" line="44" />
        <location filename="../../ui/pages/reports.py" line="124" />
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="162" />
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="228" />
        <source>Không có thủ tục nào khớp “{text}”: gõ mã hoặc vài chữ của tên thủ tục.</source>
        <translation>No procedure matches “{text}”: type the code or a few words of the procedure's name.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="230" />
        <source>“{text}” khớp {n} thủ tục: chọn một trong danh sách (mũi tên xuống rồi Enter).</source>
        <translation>“{text}” matches {n} procedures: choose one from the list (Down arrow, then Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="253" />
        <source>Hồ sơ đang nhập chưa được tiếp nhận. Bỏ những gì đã nhập và đóng?</source>
        <translation>The dossier being entered has not been received. Discard what was entered and close?</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="263" />
        <source>Danh mục thủ tục còn trống: hãy nhập danh mục thủ tục trước (Tệp → Nhập danh mục thủ tục).</source>
        <translation>The procedure catalog is empty: import it first (File → Import procedure catalog).</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="289" />
        <source>{weekday}, {date} lúc {time} ({processing}; tính từ {start})</source>
        <translation>{weekday}, {date} at {time} ({processing}; counted from {start})</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="296" />
        <source>Nếu không kịp, phải gửi phiếu xin lỗi chậm nhất ngày {day}.</source>
        <translation>If it cannot be met, an apology letter must be sent by {day} at the latest.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/receive.py" line="225" />
        <location filename="../../ui/dossier/receive.py" line="304" />
        <source>Chưa chọn thủ tục: gõ mã hoặc tên thủ tục rồi chọn trong danh sách.</source>
        <translation>No procedure chosen: type a procedure code or name, then choose it in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="39" />
        <location filename="../../ui/settings/office.py" line="12" />
        <source>Tên cơ quan (*)</source>
        <translation>Office name (*)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="40" />
        <location filename="../../ui/settings/office.py" line="13" />
        <location filename="../../ui/settings/units.py" line="31" />
        <source>Cơ quan chủ quản</source>
        <translation>Parent agency</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="41" />
        <location filename="../../ui/settings/office.py" line="14" />
        <source>Địa danh (ghi trên văn bản)</source>
        <translation>Place name (printed on documents)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="42" />
        <location filename="../../ui/settings/office.py" line="15" />
        <source>Mã định danh cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="43" />
        <source>Người đứng đầu</source>
        <translation>Head of office</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="44" />
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="49" />
        <source>Chào mừng đến MotCua Desk</source>
        <translation>Welcome to MotCua Desk</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="56" />
        <source>Ví dụ: {example}</source>
        <translation>Example: {example}</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="59" />
        <source>Xem thử với sổ mẫu…</source>
        <translation>Try with the demo register…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="61" />
        <source>Mở một cửa sổ riêng trên sổ mẫu {n} hồ sơ trong tệp tạm; sổ của cơ quan không bị thay đổi.</source>
        <translation>Opens a separate window on a demo register of {n} dossiers in a temporary file; the office's register is not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="74" />
        <source>Sổ hồ sơ còn trống. Nhập thông tin cơ quan để in phiếu, báo cáo đúng tên. Muốn xem bàn làm việc hoạt động thế nào, mở sổ mẫu trong một cửa sổ riêng: sổ của cơ quan vẫn trống.</source>
        <translation>The register is empty. Enter the office details so that letters and reports carry the right name. To see how the desk works, open the demo register in a separate window: the office's register stays empty.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="86" />
        <source>Sổ mẫu đang mở trong một cửa sổ riêng (đăng nhập sẵn); đóng cửa sổ đó là sổ mẫu được xóa. Sổ của cơ quan vẫn trống.</source>
        <translation>The demo register is open in a separate window (already logged in); closing that window deletes it. The office's register stays empty.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="89" />
        <source>Không mở được cửa sổ sổ mẫu. Có thể chạy: python main.py --demo</source>
        <translation>Could not open the demo register window. You can run: python main.py --demo</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="97" />
        <source>Cần nhập tên cơ quan</source>
        <translation>Enter the office name</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="69" />
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="89" />
        <location filename="../../ui/first_run.py" line="70" />
        <location filename="../../ui/pages/report_reminder.py" line="62" />
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="109" />
        <source>Đang chuẩn bị sổ hồ sơ…</source>
        <translation>Preparing the register…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/__init__.py" line="13" />
        <source>Nhập hồ sơ từ tệp Excel/CSV…</source>
        <translation>Import dossiers from Excel/CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/__init__.py" line="17" />
        <source>Nhập danh mục thủ tục…</source>
        <translation>Import procedure catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="54" />
        <source>Bảng tính (*.xlsx *.xlsm *.xls *.ods *.csv);;Tất cả các tệp (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="69" />
        <source>Nhập hồ sơ từ tệp</source>
        <translation>Import dossiers from a file</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="69" />
        <source>Nhập danh mục thủ tục</source>
        <translation>Import procedure catalog</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="73" />
        <source>Chọn tệp Excel hoặc CSV xuất từ hệ thống một cửa của tỉnh. Ứng dụng nhận cột theo tiêu đề, cho xem trước, rồi ghi tất cả hoặc không ghi gì.</source>
        <translation>Choose an Excel or CSV file exported from the provincial one-stop system. Columns are recognised by their headers; you see a preview, then everything is written or nothing.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="75" />
        <source>Chọn tệp danh mục thủ tục hành chính (mã, tên, lĩnh vực, thời hạn giải quyết, mức độ trực tuyến, phí, kết quả bản giấy).</source>
        <translation>Choose a file with the catalog of administrative procedures (code, name, field, processing time, online level, fees, paper result).</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="83" />
        <source>Chưa chọn tệp</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="84" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="88" />
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="91" />
        <source>Cách ghép cột được ghi nhớ theo nguồn; mặc định lấy từ tên tệp.</source>
        <translation>The column mapping is remembered per source; by default the source comes from the file name.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="92" />
        <source>Ghép cột…</source>
        <translation>Map columns…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="97" />
        <source>Nguồn:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="100" />
        <source>Chọn một tệp để xem trước.</source>
        <translation>Choose a file to preview.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="130" />
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="130" />
        <location filename="../../ui/settings/units.py" line="36" />
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="130" />
        <source>Lý do không nhập được</source>
        <translation>Reason not imported</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="142" />
        <source>Bỏ qua các dòng lỗi và nhập các dòng hợp lệ</source>
        <translation>Skip the rows with errors and import the valid ones</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="151" />
        <source>Mở báo cáo</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="154" />
        <source>Nhập vào sổ</source>
        <translation>Import into register</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="171" />
        <source>Chọn tệp để nhập</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="196" />
        <location filename="../../ui/importing/dialog.py" line="207" />
        <source>Đang đọc tệp…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="216" />
        <source>&lt;b&gt;Tệp có cột chưa nhận ra.&lt;/b&gt; Hãy ghép cột: </source>
        <translation>&lt;b&gt;The file has columns that were not recognised.&lt;/b&gt; Map the columns: </translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="220" />
        <source>&lt;b&gt;Tệp có hai cột cho cùng một thông tin:&lt;/b&gt; </source>
        <translation>&lt;b&gt;The file has two columns for the same information:&lt;/b&gt; </translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="222" />
        <source>. Hãy chọn “Bỏ qua” cho một cột.</source>
        <translation>. Choose “Skip” for one of them.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="251" />
        <location filename="../../ui/importing/dialog.py" line="261" />
        <source>Đang xem trước…</source>
        <translation>Previewing…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="267" />
        <source>&lt;b&gt;Xem trước&lt;/b&gt; — chưa ghi gì vào sổ.</source>
        <translation>&lt;b&gt;Preview&lt;/b&gt; — nothing has been written to the register yet.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="268" />
        <source>&lt;b&gt;Xem trước&lt;/b&gt; — chưa ghi gì vào danh mục.</source>
        <translation>&lt;b&gt;Preview&lt;/b&gt; — nothing has been written to the catalog yet.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="269" />
        <source>Thêm mới: &lt;b&gt;{a}&lt;/b&gt; · Cập nhật: &lt;b&gt;{u}&lt;/b&gt; · Không đổi: &lt;b&gt;{n}&lt;/b&gt; · Không nhập được: &lt;b&gt;{r}&lt;/b&gt;</source>
        <translation>New: &lt;b&gt;{a}&lt;/b&gt; · Updated: &lt;b&gt;{u}&lt;/b&gt; · Unchanged: &lt;b&gt;{n}&lt;/b&gt; · Not imported: &lt;b&gt;{r}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="273" />
        <source>Tệp “{name}”: {rows} dòng dữ liệu, tiêu đề ở dòng {header}</source>
        <translation>File “{name}”: {rows} data rows, header on row {header}</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="276" />
        <source>, mã hóa {enc}</source>
        <translation>, encoding {enc}</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="279" />
        <source>Đánh giá hài lòng ghi nhận: &lt;b&gt;{n}&lt;/b&gt; hồ sơ (điểm đọc theo thang 1–{scale}).</source>
        <translation>Satisfaction ratings recorded: &lt;b&gt;{n}&lt;/b&gt; dossiers (points read on a 1–{scale} scale).</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="282" />
        <source>Cột bỏ qua (không nhận ra): </source>
        <translation>Ignored columns (not recognised): </translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="284" />
        <source> — bấm “Ghép cột…” nếu cần lấy.</source>
        <translation> — click “Map columns…” if you need them.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="291" />
        <source>&lt;b&gt;{n} thủ tục chưa có trong danh mục&lt;/b&gt; (khớp theo mã hoặc tên không được):</source>
        <translation>&lt;b&gt;{n} procedures are not in the catalog&lt;/b&gt; (no match by code or name):</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="294" />
        <source>{code} — {name} ({rows} dòng)</source>
        <translation>{code} — {name} ({rows} rows)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="295" />
        <source>(không mã)</source>
        <translation>(no code)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="295" />
        <source>(không tên)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="296" />
        <source>Tạo {n} thủ tục mới này khi nhập (thời hạn giải quyết để trống, cần bổ sung sau)</source>
        <translation>Create these {n} new procedures while importing (processing time left empty, to be completed later)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="304" />
        <source>&lt;b&gt;{n} đơn vị giải quyết chưa có&lt;/b&gt; (tên trong tệp không khớp đơn vị nào):</source>
        <translation>&lt;b&gt;{n} handling units do not exist&lt;/b&gt; (names in the file that match no unit):</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="307" />
        <source>{name} ({rows} dòng)</source>
        <translation>{name} ({rows} rows)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="308" />
        <source>Tạo {n} đơn vị mới này khi nhập</source>
        <translation>Create these {n} new units when importing</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="325" />
        <source>Không có dòng lỗi.</source>
        <translation>No rows with errors.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="327" />
        <source>Dòng không nhập được: {n} (hiện {m} dòng đầu; đủ cả trong báo cáo)</source>
        <translation>Rows that cannot be imported: {n} (first {m} shown; all are in the report)</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="330" />
        <source>Dòng không nhập được: {n}</source>
        <translation>Rows that cannot be imported: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="346" />
        <source>Tệp không có gì mới để nhập.</source>
        <translation>The file has nothing new to import.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="348" />
        <source>Tệp có dòng lỗi: sửa tệp rồi chọn lại, hoặc đánh dấu “Bỏ qua các dòng lỗi” để nhập các dòng hợp lệ.</source>
        <translation>The file has rows with errors: correct the file and choose it again, or tick “Skip the rows with errors” to import the valid rows.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="351" />
        <source>Hãy xác nhận tạo các thủ tục chưa có trong danh mục, hoặc nhập danh mục thủ tục trước.</source>
        <translation>Confirm creating the procedures that are not in the catalog, or import the procedure catalog first.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="353" />
        <source>Hãy xác nhận tạo các đơn vị giải quyết chưa có, hoặc thêm/sửa tên đơn vị trước.</source>
        <translation>Confirm creating the missing handling units, or add/rename the units first.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="357" />
        <source>Nhập {n} hồ sơ vào sổ</source>
        <translation>Import {n} dossiers into the register</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="359" />
        <source>Nhập {n} thủ tục</source>
        <translation>Import {n} procedures</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="367" />
        <source>Đang nhập…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="383" />
        <source>Đang nhập hồ sơ vào sổ…</source>
        <translation>Importing dossiers into the register…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="383" />
        <source>Đang nhập danh mục…</source>
        <translation>Importing the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="390" />
        <location filename="../../ui/pages/register.py" line="229" />
        <source>hồ sơ</source>
        <translation>dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="390" />
        <source>thủ tục</source>
        <translation>procedures</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="393" />
        <source>&lt;b&gt;Đã nhập xong.&lt;/b&gt; Thêm mới {a} {w}, cập nhật {u}, không đổi {n}, bỏ qua {r} dòng lỗi.</source>
        <translation>&lt;b&gt;Import finished.&lt;/b&gt; New {a} {w}, updated {u}, unchanged {n}, skipped {r} rows with errors.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="396" />
        <source>&lt;br&gt;Đã tạo {c} thủ tục mới.</source>
        <translation>&lt;br&gt;{c} new procedures created.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="397" />
        <source>&lt;br&gt;Đã ghi nhận {n} đánh giá hài lòng.</source>
        <translation>&lt;br&gt;{n} satisfaction ratings recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="399" />
        <source>&lt;br&gt;Báo cáo (bảng tính Excel) đã lưu: {path}</source>
        <translation>&lt;br&gt;Report (Excel workbook) saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="402" />
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/importing/dialog.py" line="420" />
        <source>Không thực hiện được.</source>
        <translation>Could not be done.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="24" />
        <source>Ghép cột của tệp với sổ hồ sơ</source>
        <translation>Map the file's columns to the register</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="29" />
        <source>Chọn cột tương ứng cho từng tiêu đề của tệp (cột có dấu * là bắt buộc). Cách ghép được ghi nhớ cho nguồn “{source}”: lần sau tệp cùng nguồn sẽ tự nhận.</source>
        <translation>Choose the matching column for each header of the file (columns marked * are required). The mapping is remembered for the source “{source}”: next time a file from the same source is recognised automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="35" />
        <source>Còn thiếu: </source>
        <translation>Missing: </translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="39" />
        <source>Hai cột cho cùng một thông tin: </source>
        <translation>Two columns for the same information: </translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="40" />
        <source>. Chọn “Bỏ qua” cho cột không dùng.</source>
        <translation>. Choose “Skip” for the column not used.</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="45" />
        <source>Tiêu đề trong tệp</source>
        <translation>Header in the file</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="45" />
        <source>Là cột</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="54" />
        <source>— Bỏ qua —</source>
        <translation>— Ignore —</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="67" />
        <source>Ghép và xem trước</source>
        <translation>Map and preview</translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="86" />
        <source>Mỗi cột chỉ được chọn một lần: </source>
        <translation>Each column can be chosen only once: </translation>
    </message>
    <message>
        <location filename="../../ui/importing/mapping.py" line="91" />
        <source>Chưa chọn cột bắt buộc: </source>
        <translation>Required columns not chosen: </translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="29" />
        <source>Đã phát hành phiếu số</source>
        <translation>Issued letter no.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="29" />
        <source>hẹn trả mới</source>
        <translation>new due date</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="30" />
        <source>ghi nhận gửi muộn</source>
        <translation>recorded as sent late</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="181" />
        <location filename="../../ui/letters/actions.py" line="31" />
        <location filename="../../ui/letters/actions.py" line="46" />
        <location filename="../../ui/letters/tab.py" line="18" />
        <source>Phiếu xin lỗi</source>
        <translation>Apology letter</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="44" />
        <source>Lưu ý: bản in lại khác bản đã phát hành (thông tin cơ quan, người nộp hoặc mẫu phiếu đã thay đổi sau ngày phát hành).</source>
        <translation>Note: this reprint differs from the issued letter (the office details, the applicant or the template changed after the issue date).</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="50" />
        <source>Đang dựng phiếu…</source>
        <translation>Building the letter…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="63" />
        <source>Còn hồ sơ chưa có phiếu</source>
        <translation>Dossiers without a letter</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="64" />
        <source>Có</source>
        <translation>There are</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="64" />
        <source>hồ sơ phải gửi phiếu xin lỗi hôm nay (hoặc đã lỡ hạn) nhưng chưa lập phiếu. Lập phiếu cho từng hồ sơ trước khi in?</source>
        <translation>dossiers that need an apology letter today (or have missed the deadline) but have none yet. Issue a letter for each one before printing?</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="86" />
        <source>Phiếu xin lỗi hôm nay</source>
        <translation>Today's apology letters</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="87" />
        <source>Chưa có phiếu xin lỗi nào phát hành ngày</source>
        <translation>No apology letter was issued on</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="89" />
        <source>Phiếu xin lỗi ngày</source>
        <translation>Apology letters of</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="92" />
        <source>Đang dựng các phiếu xin lỗi…</source>
        <translation>Building the apology letters…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="106" />
        <source>Mở hồ sơ</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="109" />
        <source>Đóng giấy tiếp nhận và mở hồ sơ vừa tiếp nhận (Ctrl+O)</source>
        <translation>Close the receipt and open the dossier just received (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="144" />
        <location filename="../../ui/letters/actions.py" line="103" />
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment slip</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="122" />
        <source>Đang dựng giấy tiếp nhận…</source>
        <translation>Building the receipt slip…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="127" />
        <location filename="../../ui/letters/menu.py" line="35" />
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Dossier logbook</translation>
    </message>
    <message>
        <location filename="../../ui/letters/actions.py" line="129" />
        <source>Đang dựng sổ theo dõi hồ sơ…</source>
        <translation>Building the dossier logbook…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="51" />
        <source>Lập phiếu xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Issue an apology letter with a new return date</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="53" />
        <source>Đang tải hồ sơ…</source>
        <translation>Loading the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="59" />
        <source>Chọn lý do thường gặp hoặc gõ lý do cụ thể</source>
        <translation>Choose a common reason or type a specific one</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="71" />
        <source>Tôi xác nhận phát hành phiếu muộn (phiếu sẽ được ghi nhận là gửi muộn)</source>
        <translation>I confirm issuing a late letter (it will be recorded as sent late)</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="88" />
        <source>Lý do chậm trả:</source>
        <translation>Reason for the delay:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="89" />
        <source>Ngày hẹn trả mới:</source>
        <translation>New due date:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="91" />
        <source>Ngày phát hành phiếu:</source>
        <translation>Issue date:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="92" />
        <source>Người ký:</source>
        <translation>Signer:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="94" />
        <source>Phát hành và xem phiếu</source>
        <translation>Issue and view the letter</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="123" />
        <source>Hẹn trả hiện tại:</source>
        <translation>Current due date:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="124" />
        <source>hạn gửi phiếu xin lỗi:</source>
        <translation>apology deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="130" />
        <source>Anh/chị lập phiếu; bản in được trình người ký ký và đóng dấu.</source>
        <translation>You prepare the letter; the printout is presented to the signer to sign and stamp.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="151" />
        <source>Thêm {n} ngày làm việc — {weekday}, {date}, 17:00</source>
        <translation>Adds {n} working days — {weekday}, {date}, 17:00</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="155" />
        <source>{date} là ngày nghỉ ({note}); hãy chọn ngày làm việc.</source>
        <translation>{date} is a day off ({note}); choose a working day.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="162" />
        <source>Phiếu này là muộn: hạn gửi phiếu xin lỗi là {weekday}, {deadline} (một ngày làm việc trước ngày hẹn trả). Phiếu lập ngày {made} đã qua hạn đó; phiếu sẽ được ghi nhận là gửi muộn.</source>
        <translation>This letter is late: the apology deadline was {weekday}, {deadline} (one working day before the due date). The letter made on {made} is past it; it will be recorded as sent late.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="167" />
        <source>Ghi lùi ngày phát hành không làm phiếu thành đúng hạn.</source>
        <translation>Backdating the issue date does not make the letter on time.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="196" />
        <source>Phiếu sẽ in thành {n} trang (lý do dài): phần ký nằm ở trang cuối cùng đoạn kết; hãy rút gọn lý do nếu muốn phiếu một trang.</source>
        <translation>The letter will print on {n} pages (long reason): the signature is on the last page with the closing; shorten the reason for a one-page letter.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="170" />
        <source>Thêm</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="100" />
        <source>ngày làm việc</source>
        <translation>working days</translation>
    </message>
    <message>
        <location filename="../../ui/letters/issue_dialog.py" line="213" />
        <source>Đang phát hành phiếu…</source>
        <translation>Issuing the letter…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/menu.py" line="17" />
        <location filename="../../ui/pages/today.py" line="151" />
        <source>In các phiếu xin lỗi hôm nay…</source>
        <translation>Print today's apology letters…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/menu.py" line="19" />
        <source>In sổ theo dõi hồ sơ…</source>
        <translation>Print the dossier logbook…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/menu.py" line="21" />
        <source>Mẫu phiếu in…</source>
        <translation>Print templates…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/menu.py" line="41" />
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/menu.py" line="42" />
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="93" />
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="106" />
        <source>Không mở được máy in.</source>
        <translation>The printer could not be opened.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="137" />
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="138" />
        <source>Lưu thành tệp PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="155" />
        <source>Lưu thành tệp PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="162" />
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="162" />
        <source>Không ghi được tệp</source>
        <translation>Could not write the file</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="25" />
        <source>Lập phiếu xin lỗi…</source>
        <translation>Issue apology letter…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="26" />
        <source>Xem và in phiếu</source>
        <translation>View and print the letter</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="65" />
        <source>Hồ sơ chưa có phiếu xin lỗi.</source>
        <translation>This dossier has no apology letter.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="66" />
        <source>Chỉ lập được phiếu cho hồ sơ đang giải quyết (không chờ bổ sung, chưa kết thúc).</source>
        <translation>A letter can only be issued for a dossier in progress (not waiting for documents, not closed).</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="69" />
        <source>Người ký phiếu (nếu lập)</source>
        <translation>Signer of the letter (if made)</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="73" />
        <source>gửi muộn</source>
        <translation>sent late</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="75" />
        <source>Số phiếu</source>
        <translation>Letter no.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="76" />
        <source>Ngày phát hành</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="78" />
        <source>Hẹn trả trước phiếu</source>
        <translation>Due date before the letter</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="200" />
        <location filename="../../ui/letters/tab.py" line="77" />
        <location filename="../../ui/ratings/tab.py" line="59" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="24" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="79" />
        <source>Hẹn trả mới</source>
        <translation>New due date</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="80" />
        <location filename="../../ui/settings/units.py" line="37" />
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="82" />
        <location filename="../../ui/letters/tab.py" line="90" />
        <source>SHA-256 bản PDF</source>
        <translation>SHA-256 of the PDF</translation>
    </message>
    <message>
        <location filename="../../ui/letters/tab.py" line="84" />
        <source>Phiếu xin lỗi đã phát hành:</source>
        <translation>Apology letter issued:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/template_editor.py" line="56" />
        <source>Mẫu phiếu in</source>
        <translation>Print templates</translation>
    </message>
    <message>
        <location filename="../../ui/letters/template_editor.py" line="83" />
        <source>Lưu mẫu của cơ quan</source>
        <translation>Save the office's template</translation>
    </message>
    <message>
        <location filename="../../ui/letters/template_editor.py" line="84" />
        <source>Khôi phục mẫu gốc</source>
        <translation>Restore the original template</translation>
    </message>
    <message>
        <location filename="../../ui/letters/template_editor.py" line="107" />
        <source>Chỗ điền (* bắt buộc):</source>
        <translation>Placeholders (* required):</translation>
    </message>
    <message>
        <location filename="../../ui/letters/template_editor.py" line="124" />
        <source>Mẫu hợp lệ. Bản xem trước dùng dữ liệu mẫu.</source>
        <translation>The template is valid. The preview uses sample data.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/template_editor.py" line="133" />
        <source>Không lưu được mẫu</source>
        <translation>Could not save the template</translation>
    </message>
    <message>
        <location filename="../../ui/letters/template_editor.py" line="136" />
        <source>Đã lưu mẫu của cơ quan vào</source>
        <translation>The office's template was saved to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization_charts.py" line="59" />
        <source>Tỷ lệ số hóa theo đơn vị</source>
        <translation>Digitization rate by unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization_charts.py" line="64" />
        <source>Đạt chỉ tiêu</source>
        <translation>Target met</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization_charts.py" line="64" />
        <location filename="../../ui/pages/reports.py" line="90" />
        <source>Chưa đạt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization_charts.py" line="95" />
        <location filename="../../ui/pages/digitization_charts.py" line="137" />
        <source>Chỉ tiêu {target}</source>
        <translation>Target {target}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization_charts.py" line="121" />
        <source>Tỷ lệ số hóa theo tuần</source>
        <translation>Digitization rate by week</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization_charts.py" line="123" />
        <source>Tỷ lệ số hóa</source>
        <translation>Digitization rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization_charts.py" line="148" />
        <source>Tuần bắt đầu ngày</source>
        <translation>Week starting</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="29" />
        <source>Ngày báo cáo</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="29" />
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="29" />
        <source>Nơi nhận</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="30" />
        <source>Lần thử</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="30" />
        <source>Lần thử cuối</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="30" />
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="41" />
        <source>Hộp thư đi — báo cáo</source>
        <translation>Outbox — reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="50" />
        <source>Gửi lại các báo cáo chưa gửi</source>
        <translation>Resend unsent reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="51" />
        <source>Lưu bản sao…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="73" />
        <source>Hộp thư đi trống.</source>
        <translation>The outbox is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="74" />
        <source>{n} báo cáo; {waiting} chưa gửi được.</source>
        <translation>{n} reports; {waiting} not sent yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="95" />
        <source>Đang gửi lại báo cáo…</source>
        <translation>Resending reports…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="109" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="110" />
        <source>Lưu bản sao báo cáo</source>
        <translation>Save a copy of the report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="120" />
        <source>Đang lưu bản sao…</source>
        <translation>Saving a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox_dialog.py" line="109" />
        <location filename="../../ui/pages/reports.py" line="464" />
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="37" />
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="38" />
        <location filename="../../ui/pages/reports.py" line="126" />
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="39" />
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="67" />
        <source>Tìm theo tên, mã hồ sơ, số điện thoại, CCCD (gõ có dấu hay không dấu đều được)</source>
        <translation>Search by name, dossier code, phone number, ID card number (with or without diacritics)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="73" />
        <source>Mọi mức cảnh báo</source>
        <translation>All warning levels</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="79" />
        <source>Mọi lĩnh vực</source>
        <translation>All fields</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="81" />
        <source>Mọi hình thức nộp</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="90" />
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="123" />
        <source>Nhận từ</source>
        <translation>Received from</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="124" />
        <source>Hẹn trả từ</source>
        <translation>Due from</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="164" />
        <source>Chú giải:</source>
        <translation>Legend:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="187" />
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="229" />
        <source>hồ sơ khớp bộ lọc</source>
        <translation>dossiers match the filters</translation>
    </message>
    <message>
        <location filename="../../ui/pages/report_reminder.py" line="50" />
        <source>Chưa gửi báo cáo cuối ngày</source>
        <translation>End-of-day report not sent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/report_reminder.py" line="53" />
        <source>Chưa gửi báo cáo cuối ngày {day} (nhắc lúc {at}).</source>
        <translation>End-of-day report not sent for {day} (reminder at {at}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/report_reminder.py" line="58" />
        <source>Nhắc gửi báo cáo cuối ngày</source>
        <translation>End-of-day report reminder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/report_reminder.py" line="59" />
        <source>Cấp trên cần nhận báo cáo trước giờ hết ngày làm việc.</source>
        <translation>The end-of-day report must reach the higher level before the end of the working day.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/report_reminder.py" line="61" />
        <source>Lập báo cáo ngay</source>
        <translation>Prepare the report now</translation>
    </message>
    <message>
        <location filename="../../ui/pages/report_reminder.py" line="78" />
        <source>Báo cáo cuối ngày…</source>
        <translation>End-of-day report…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="90" />
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="95" />
        <source>{part}/{whole}</source>
        <translation>{part}/{whole}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="101" />
        <source>Được đánh giá: {rated}/{returned} ({share})</source>
        <translation>Rated: {rated}/{returned} ({share})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="103" />
        <source>Số hồ sơ được người dân đánh giá trong số hồ sơ có kết quả trong kỳ</source>
        <translation>Dossiers rated by citizens out of the dossiers with a result in the period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="119" />
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="119" />
        <source>Tuần này</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="119" />
        <source>Quý này</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="119" />
        <source>Năm nay</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="121" />
        <source>Được đánh giá</source>
        <translation>Rated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="121" />
        <source>Tỷ lệ được đánh giá</source>
        <translation>Share rated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="123" />
        <source>Tỷ lệ hài lòng</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="123" />
        <source>Mục tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="124" />
        <source>Trực tiếp, BC</source>
        <translation>In person, postal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="125" />
        <source>Kỳ trước</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="125" />
        <source>Đã giải quyết</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="127" />
        <source>Đúng hạn, tính cả quá hạn (%)</source>
        <translation>On time, overdue counted (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="146" />
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="163" />
        <source>Xem</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="164" />
        <source>Xuất báo cáo cuối ngày</source>
        <translation>Export end-of-day report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="165" />
        <source>Lập tệp Excel báo cáo cuối ngày, ghi vào thư mục nhận và gửi thư nếu đã khai báo máy chủ thư</source>
        <translation>Build the end-of-day Excel report, save it to the report folder and e-mail it if a mail server is set up</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="167" />
        <source>Xuất Biểu II.06a…</source>
        <translation>Export Form II.06a…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="168" />
        <source>Hộp thư đi</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="169" />
        <source>Hồ sơ không hài lòng…</source>
        <translation>Unsatisfied dossiers…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="175" />
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="177" />
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="194" />
        <source>Hồ sơ tiếp nhận trong kỳ theo đơn vị</source>
        <translation>Dossiers received in the period by unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="195" />
        <source>12 tuần gần nhất: tỷ lệ đúng hạn và trực tuyến (%)</source>
        <translation>Last 12 weeks: on-time and online rates (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="208" />
        <source>Mức độ hài lòng của người dân</source>
        <translation>Citizens' satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="222" />
        <source>Biểu II.06a — kết quả giải quyết TTHC</source>
        <translation>Form II.06a — results of administrative procedures</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="309" />
        <source>Mức độ hài lòng của người dân theo {grouping} (hồ sơ có kết quả trong kỳ)</source>
        <translation>Citizens' satisfaction by {grouping} (dossiers with a result in the period)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="315" />
        <source>Đất đai, xây dựng</source>
        <translation>Land, construction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="332" />
        <source>Lĩnh vực đất đai, xây dựng: chỉ tiêu riêng</source>
        <translation>Land and construction fields: their own target</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="491" />
        <source>Đã lưu báo cáo cuối ngày {day} vào thư mục {folder} và gửi tới {email}</source>
        <translation>End-of-day report for {day} saved in the folder {folder} and sent to {email}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="494" />
        <source>Đã lưu báo cáo cuối ngày {day} vào thư mục {folder}</source>
        <translation>End-of-day report for {day} saved in the folder {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="495" />
        <source>Đã gửi báo cáo cuối ngày {day} tới {email}</source>
        <translation>End-of-day report for {day} sent to {email}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="120" />
        <location filename="../../ui/pages/reports.py" line="247" />
        <source>Tùy chọn</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="97" />
        <source>{part}/{whole} · mục tiêu {target}</source>
        <translation>{part}/{whole} · target {target}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="266" />
        <source>Đang tính…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="268" />
        <source>Đang tính các chỉ tiêu…</source>
        <translation>Computing the indicators…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="274" />
        <source>Từ ngày {start} đến ngày {end} — số liệu tính đến {as_of}. Tiếp nhận {received}, đã giải quyết {finished} (đúng hạn {on_time}; tính cả hồ sơ đang quá hạn {on_time_overdue}), đang giải quyết {in_progress}.</source>
        <translation>From {start} to {end} — figures as of {as_of}. Received {received}, settled {finished} (on time {on_time}; counting overdue dossiers {on_time_overdue}), in progress {in_progress}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="289" />
        <location filename="../../ui/pages/reports.py" line="315" />
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="85" />
        <location filename="../../ui/pages/reports.py" line="124" />
        <location filename="../../ui/pages/reports.py" line="354" />
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="354" />
        <source>Trực tiếp, bưu chính</source>
        <translation>In person, postal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="355" />
        <source>Kỳ trước chuyển sang</source>
        <translation>Carried over from the previous period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="127" />
        <location filename="../../ui/pages/reports.py" line="383" />
        <source>Đúng hạn (%)</source>
        <translation>On time (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="384" />
        <source>Trực tuyến (%)</source>
        <translation>Online (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="429" />
        <source>Chọn thư mục lưu báo cáo cuối ngày</source>
        <translation>Choose the folder for the end-of-day report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="441" />
        <source>Đang lập báo cáo cuối ngày…</source>
        <translation>Preparing the end-of-day report…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="456" />
        <source>Báo cáo cuối ngày chưa gửi được, đã giữ trong hộp thư đi</source>
        <translation>The end-of-day report could not be sent; it is kept in the outbox</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="457" />
        <source>Chưa gửi được báo cáo</source>
        <translation>The report could not be sent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="458" />
        <source>Báo cáo đã được giữ trong hộp thư đi và có thể gửi lại.</source>
        <translation>The report is kept in the outbox and can be sent again.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="464" />
        <source>Lưu Biểu II.06a</source>
        <translation>Save Form II.06a</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="476" />
        <source>Đã ghi {file}</source>
        <translation>Saved {file}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="477" />
        <source>Đang lập Biểu II.06a…</source>
        <translation>Preparing Form II.06a…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="145" />
        <source>Xem trong Sổ hồ sơ</source>
        <translation>Show in the Register</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="148" />
        <source>Lập phiếu xin lỗi cho hồ sơ đang chọn…</source>
        <translation>Issue an apology letter for the selected dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="159" />
        <location filename="../../ui/register_model.py" line="36" />
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="70" />
        <location filename="../../ui/pages/digitization.py" line="42" />
        <location filename="../../ui/pages/today.py" line="159" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="23" />
        <location filename="../../ui/register_model.py" line="38" />
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/digitization.py" line="42" />
        <source>Còn thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/dossier/window.py" line="172" />
        <location filename="../../ui/i18n_catalog.py" line="187" />
        <location filename="../../ui/pages/digitization.py" line="43" />
        <location filename="../../ui/pages/today.py" line="159" />
        <location filename="../../ui/register_model.py" line="39" />
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="38" />
        <source>Tiếp nhận hôm nay</source>
        <translation>Received today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="39" />
        <source>Trả kết quả hôm nay</source>
        <translation>Returned today</translation>
    </message>
    <message>
        <location filename="../../ui/calendar_page.py" line="70" />
        <location filename="../../ui/dossier/window.py" line="160" />
        <location filename="../../ui/pages/today.py" line="160" />
        <location filename="../../ui/register_model.py" line="44" />
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="40" />
        <source>Thiếu số hóa (từ đầu tháng)</source>
        <translation>Digitization gaps (month to date)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="41" />
        <source>Phiếu xin lỗi chưa giao</source>
        <translation>Apology letters not delivered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="43" />
        <source>Người dân không hài lòng (mới từ hôm qua)</source>
        <translation>Unsatisfied citizens (new since yesterday)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="160" />
        <location filename="../../ui/register_model.py" line="45" />
        <source>Thời gian còn lại</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="199" />
        <source>Hôm nay là ngày nghỉ; ngày làm việc tiếp theo: {day}.</source>
        <translation>Today is a day off; next working day: {day}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="206" />
        <source>Lịch nghỉ Tết Nguyên Đán {year} chưa có quyết định chính thức: hạn giải quyết qua Tết đang tính theo lịch dự kiến ({first} – {last}). Khi có văn bản, cập nhật ở Công cụ › Lịch làm việc.</source>
        <translation>The Lunar New Year (Tet) {year} break has no official decision yet: deadlines across it are counted on the provisional calendar ({first} – {last}). When the decision is published, update it in Tools › Working calendar.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="53" />
        <location filename="../../ui/letters/delivery_dialog.py" line="85" />
        <source>Ghi nhận đã giao phiếu…</source>
        <translation>Record the letter's delivery…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="65" />
        <location filename="../../ui/pages/today.py" line="253" />
        <source>đang tải…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="65" />
        <location filename="../../ui/letters/delivery_dialog.py" line="86" />
        <source>Giao phiếu</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="75" />
        <source>Đã giao</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="80" />
        <source>Sửa thông tin giao phiếu…</source>
        <translation>Edit the delivery details…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="82" />
        <source>Chưa giao cho người nộp</source>
        <translation>Not yet delivered to the applicant</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="84" />
        <source>Gửi thư lỗi</source>
        <translation>E-mail failed</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="107" />
        <source>Sửa thông tin giao phiếu</source>
        <translation>Edit the delivery details</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="107" />
        <source>Giao phiếu xin lỗi</source>
        <translation>Deliver the apology letter</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="109" />
        <source>Phiếu xin lỗi số {number} — hồ sơ {code}</source>
        <translation>Apology letter no. {number} — dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="128" />
        <source>Ví dụ: số vận đơn bưu chính, người nhận thay</source>
        <translation>E.g. postal tracking number, person receiving on behalf</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="131" />
        <source>Vì sao sửa (bắt buộc)</source>
        <translation>Why the correction (required)</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="141" />
        <source>Cách giao:</source>
        <translation>Delivered by:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="142" />
        <source>Thời điểm giao:</source>
        <translation>Delivered at:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="143" />
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="145" />
        <source>Lý do sửa:</source>
        <translation>Reason for the correction:</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="176" />
        <source>Phiếu (PDF) sẽ được gửi tới {address} qua máy chủ thư đi; chỉ ghi là đã giao khi máy chủ đã nhận thư.</source>
        <translation>The letter (PDF) will be sent to {address} through the outgoing mail server; it is recorded as delivered only when the server has accepted the message.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="178" />
        <source>Hồ sơ chưa có địa chỉ thư điện tử của người nộp: hãy bổ sung vào hồ sơ, hoặc chọn cách giao khác.</source>
        <translation>The dossier has no e-mail address for the applicant: add it to the dossier, or choose another way of delivery.</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="179" />
        <source>Gửi thư</source>
        <translation>Send e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="181" />
        <location filename="../../ui/settings/dialog.py" line="92" />
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="181" />
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="204" />
        <source>Đang gửi phiếu qua thư điện tử…</source>
        <translation>Sending the letter by e-mail…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/delivery_dialog.py" line="221" />
        <source>Chưa gửi được thư; phiếu vẫn là chưa giao và thư được giữ trong hộp thư đi để gửi lại.</source>
        <translation>The e-mail could not be sent; the letter stays undelivered and the message is kept in the outbox to be sent again.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="268" />
        <source>{shown} hồ sơ khẩn nhất trong {total}; xem tất cả trong Sổ hồ sơ</source>
        <translation>The {shown} most urgent dossiers of {total}; see them all in the Register</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today.py" line="316" />
        <source>chọn một hồ sơ trong danh sách</source>
        <translation>choose a dossier in the list</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="87" />
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="87" />
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="87" />
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="87" />
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="88" />
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="88" />
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="88" />
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="89" />
        <source>{n} ngày</source>
        <translation>{n} d</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="89" />
        <source>{n} giờ</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="89" />
        <source>{n} phút</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="90" />
        <source>Còn {time}</source>
        <translation>{time} left</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="90" />
        <source>Quá hạn {time}</source>
        <translation>{time} overdue</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="117" />
        <location filename="../../ui/i18n.py" line="123" />
        <source>trong ngày</source>
        <translation>within the day</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="127" />
        <source>{n} ngày làm việc</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="127" />
        <source>{n} giờ làm việc</source>
        <translation>{n} working hours</translation>
    </message>
    <message>
        <location filename="../../ui/register_model.py" line="43" />
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/warning_style.py" line="36" />
        <source>Lỡ hạn xin lỗi</source>
        <translation>Apology missed</translation>
    </message>
    <message>
        <location filename="../../ui/warning_style.py" line="37" />
        <source>Xin lỗi hôm nay</source>
        <translation>Apology today</translation>
    </message>
    <message>
        <location filename="../../ui/warning_style.py" line="38" />
        <source>Xin lỗi ngày mai</source>
        <translation>Apology tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/warning_style.py" line="99" />
        <source>Hạn gửi phiếu xin lỗi: {day} (ngày làm việc kế tiếp)</source>
        <translation>Apology letter due: {day} (next working day)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="62" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="130" />
        <source>Chỉ quản trị viên được đổi cài đặt; anh/chị chỉ xem được.</source>
        <translation>Only administrators may change the settings; you can only view them.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="152" />
        <source>Chưa lưu: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="157" />
        <source>Không có gì thay đổi.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="171" />
        <source>Đã lưu {n} thay đổi.</source>
        <translation>{n} changes saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="181" />
        <source>Đang lưu cài đặt…</source>
        <translation>Saving the settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/hook.py" line="14" />
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/office.py" line="16" />
        <source>Chức vụ người đứng đầu</source>
        <translation>Title of the head of office</translation>
    </message>
    <message>
        <location filename="../../ui/settings/office.py" line="17" />
        <source>Họ tên người đứng đầu</source>
        <translation>Full name of the head of office</translation>
    </message>
    <message>
        <location filename="../../ui/settings/office.py" line="18" />
        <source>Ký hiệu văn bản (ví dụ TTPVHCC)</source>
        <translation>Document symbol (e.g. TTPVHCC)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/office.py" line="22" />
        <source>Nơi nhận báo cáo</source>
        <translation>Report recipient</translation>
    </message>
    <message>
        <location filename="../../ui/settings/office.py" line="42" />
        <source>In ở đầu phiếu xin lỗi, giấy tiếp nhận và báo cáo. Đơn vị giải quyết có người ký riêng thì phiếu của đơn vị in theo đơn vị (trang “Đơn vị giải quyết”).</source>
        <translation>Printed at the top of apology letters, receipts and reports. A handling unit with its own signer has its letters printed in the unit's name (page “Handling unit”).</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="36" />
        <source>Phiếu và mẫu in</source>
        <translation>Letters and print templates</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="41" />
        <source>Sửa mẫu phiếu xin lỗi, giấy tiếp nhận…</source>
        <translation>Edit the apology letter, receipt templates…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="56" />
        <source>Cảnh báo và chỉ tiêu</source>
        <translation>Warnings and targets</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="73" />
        <source>Tài khoản cán bộ: tạo, đặt mật khẩu, khóa, đổi vai trò (quản trị viên). Vai trò: cán bộ tiếp nhận, lãnh đạo đơn vị (ký phiếu), quản trị viên.</source>
        <translation>Officer accounts: create, set passwords, lock, change roles (administrator). Roles: receiving officer, head of unit (signs letters), administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="80" />
        <source>Đổi mật khẩu của tôi…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/report.py" line="22" />
        <source>Báo cáo cuối ngày</source>
        <translation>End-of-day report</translation>
    </message>
    <message>
        <location filename="../../ui/settings/report.py" line="30" />
        <source>Chọn thư mục…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/report.py" line="43" />
        <source>Mật khẩu SMTP (lưu trong kho mật khẩu của máy, không bao giờ hiện lại)</source>
        <translation>SMTP password (kept in this computer's password store, never shown again)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/report.py" line="49" />
        <source>Gửi thử</source>
        <translation>Send a test</translation>
    </message>
    <message>
        <location filename="../../ui/settings/report.py" line="62" />
        <source>Thư mục nhận báo cáo</source>
        <translation>Folder receiving the reports</translation>
    </message>
    <message>
        <location filename="../../ui/settings/report.py" line="72" />
        <source>Máy này không có kho mật khẩu (keyring): không lưu được mật khẩu</source>
        <translation>This computer has no password store (keyring): the password cannot be saved</translation>
    </message>
    <message>
        <location filename="../../ui/settings/report.py" line="74" />
        <source>Đã lưu (không hiển thị); nhập để thay</source>
        <translation>Saved (hidden); type to replace</translation>
    </message>
    <message>
        <location filename="../../ui/settings/report.py" line="102" />
        <source>Đang gửi thư thử…</source>
        <translation>Sending a test e-mail…</translation>
    </message>
    <message>
        <location filename="../../ui/register_check.py" line="25" />
        <location filename="../../ui/register_check.py" line="42" />
        <source>Kiểm tra sổ</source>
        <translation>Check register</translation>
    </message>
    <message>
        <location filename="../../ui/register_check.py" line="27" />
        <source>Kiểm tra toàn vẹn toàn bộ tệp sổ hồ sơ (chạy nền, vài giây với sổ lớn)</source>
        <translation>Check the integrity of the whole register file (runs in the background, a few seconds for a large register)</translation>
    </message>
    <message>
        <location filename="../../ui/register_check.py" line="43" />
        <source>Sổ hồ sơ nguyên vẹn ({size} MB, kiểm tra trong {seconds} giây).</source>
        <translation>The register is intact ({size} MB, checked in {seconds} s).</translation>
    </message>
    <message>
        <location filename="../../ui/register_check.py" line="52" />
        <source>Đang kiểm tra toàn vẹn sổ hồ sơ…</source>
        <translation>Checking the register's integrity…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="31" />
        <source>Từ ô tìm kiếm xuống danh sách kết quả (chọn dòng đầu)</source>
        <translation>From the search box down to the results (first row selected)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="32" />
        <source>Mở hồ sơ đang chọn trong danh sách</source>
        <translation>Open the dossier selected in the list</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="33" />
        <source>Rời danh sách sang các bộ lọc</source>
        <translation>Leave the list for the filters</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="35" />
        <source>Trong ô Thủ tục: chọn thủ tục đang tô sáng, hoặc thủ tục duy nhất khớp chữ đã gõ</source>
        <translation>In the Procedure box: choose the highlighted procedure, or the only one matching what was typed</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="36" />
        <source>Trong ô Thủ tục: đi qua danh sách thủ tục khớp</source>
        <translation>In the Procedure box: move through the matching procedures</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="38" />
        <source>Đóng (hỏi trước nếu đã nhập gì)</source>
        <translation>Close (asks first if anything was entered)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="39" />
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="39" />
        <source>Đóng giấy tiếp nhận và mở hồ sơ vừa tiếp nhận</source>
        <translation>Close the receipt and open the dossier just received</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="40" />
        <location filename="../../ui/shortcuts.py" line="41" />
        <source>Cửa sổ hồ sơ</source>
        <translation>Dossier window</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="40" />
        <source>Lưu thay đổi của hồ sơ</source>
        <translation>Save the dossier's changes</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="41" />
        <source>Đóng hồ sơ</source>
        <translation>Close the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="43" />
        <source>Chuyển trang</source>
        <translation>Switch page</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="44" />
        <source>Cửa sổ chính</source>
        <translation>Main window</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="79" />
        <location filename="../../ui/shortcuts.py" line="116" />
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="84" />
        <source>Ở đâu</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="84" />
        <source>Phím</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/dialog.py" line="19" />
        <source>Sửa đánh giá của người dân</source>
        <translation>Correct the citizen's rating</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/dialog.py" line="19" />
        <source>Ghi nhận đánh giá của người dân</source>
        <translation>Record the citizen's rating</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/dialog.py" line="20" />
        <source>Mức đánh giá (bấm phím số)</source>
        <translation>Rating (press a number key)</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/dialog.py" line="30" />
        <location filename="../../ui/ratings/tab.py" line="62" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="25" />
        <source>Cách đánh giá</source>
        <translation>How it was given</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/dialog.py" line="31" />
        <source>Thời điểm đánh giá</source>
        <translation>When it was given</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/dialog.py" line="33" />
        <source>Lý do sửa (*)</source>
        <translation>Reason for the correction (*)</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/dialog.py" line="39" />
        <source>Lưu đánh giá</source>
        <translation>Save rating</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/dialog.py" line="53" />
        <source>Chọn mức đánh giá (phím 1, 2 hoặc 3).</source>
        <translation>Choose a rating (key 1, 2 or 3).</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/picker.py" line="32" />
        <source>Người dân đánh giá (bấm phím số; có thể bỏ qua)</source>
        <translation>Citizen's rating (press a number key; may be skipped)</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/picker.py" line="50" />
        <source>Bỏ qua</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/picker.py" line="56" />
        <source>Lý do không hài lòng (chọn một hoặc nhiều):</source>
        <translation>Reasons for dissatisfaction (choose one or more):</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/picker.py" line="67" />
        <source>Ý kiến của người dân (nếu có)</source>
        <translation>Citizen's comment (if any)</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/picker.py" line="124" />
        <source>Chưa đánh giá — bỏ qua được; có thể ghi nhận sau ở thẻ “Đánh giá” của hồ sơ.</source>
        <translation>Not rated — may be skipped; it can be recorded later on the dossier's “Rating” tab.</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/picker.py" line="126" />
        <source>Đã chọn: {level}</source>
        <translation>Chosen: {level}</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/picker.py" line="132" />
        <source>Chọn ít nhất một lý do không hài lòng (phím 4–8), hoặc bấm 0 để bỏ qua đánh giá.</source>
        <translation>Choose at least one reason for dissatisfaction (keys 4–8), or press 0 to skip the rating.</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/tab.py" line="19" />
        <source>Đánh giá</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/tab.py" line="28" />
        <location filename="../../ui/ratings/tab.py" line="55" />
        <source>Ghi nhận đánh giá…</source>
        <translation>Record rating…</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/tab.py" line="53" />
        <source>Người dân chưa đánh giá hồ sơ này.</source>
        <translation>The citizen has not rated this dossier.</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/tab.py" line="54" />
        <source>Hồ sơ chưa có kết quả nên chưa đánh giá được.</source>
        <translation>The dossier has no result yet, so it cannot be rated.</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/tab.py" line="57" />
        <source>Mức đánh giá</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/tab.py" line="61" />
        <location filename="../../ui/ratings/unhappy_dialog.py" line="25" />
        <source>Ý kiến</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/tab.py" line="63" />
        <source>Người ghi nhận</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/tab.py" line="65" />
        <source>Sửa đánh giá…</source>
        <translation>Correct rating…</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/unhappy_dialog.py" line="23" />
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/unhappy_dialog.py" line="34" />
        <source>Hồ sơ người dân không hài lòng</source>
        <translation>Dossiers citizens were unsatisfied with</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/unhappy_dialog.py" line="59" />
        <source>{n} hồ sơ người dân không hài lòng</source>
        <translation>{n} dossiers citizens were unsatisfied with</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/unhappy_dialog.py" line="61" />
        <source>{n} mới từ hôm qua (tô vàng)</source>
        <translation>{n} new since yesterday (highlighted in yellow)</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/unhappy_dialog.py" line="63" />
        <source>hiện {n} mới nhất</source>
        <translation>showing the {n} newest</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/unhappy_dialog.py" line="64" />
        <source>Nhấp đúp một dòng để mở hồ sơ.</source>
        <translation>Double-click a row to open the dossier.</translation>
    </message>
    <message>
        <location filename="../../ui/ratings/unhappy_dialog.py" line="70" />
        <source>(chưa rõ lý do)</source>
        <translation>(reason not given)</translation>
    </message>
</context>
</TS>
