"""The pages of the main window, in the order of the navigation bar.

Each entry is "module:Class"; the class is a ``ui.pages.base.Page``. A
feature adds its page here and touches nothing else of the main window.
"""

PAGES: list[str] = [
    "ui.pages.today:TodayPage",
    "ui.pages.register:RegisterPage",
    "ui.pages.digitization:DigitizationPage",
    "ui.pages.reports:ReportsPage",
    "ui.pages.history:HistoryPage",
]

# Functions "module:function" called as function(window, desk) once the main
# window is built: a feature adds its menu actions (window.menus["file"],
# ["tools"], ["help"]), timers or tray notices here.
WINDOW_HOOKS: list[str] = [
    "ui.letters.menu:install",
    "ui.importing:hook",
    "ui.pages.report_reminder:install",
    "ui.admin_hooks:hook",
    "ui.settings.hook:install",
    "ui.calendar_page:install",
    "ui.register_check:install",
    "ui.shortcuts:install",
]
