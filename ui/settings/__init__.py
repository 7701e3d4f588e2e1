"""The settings window (Công cụ › Cài đặt…): its pages, in the order of its list.

Each entry is "module:Class", a ``ui.settings.base.SettingsPage``. A feature adds
its page here, or replaces one, and touches nothing else of the dialog.
"""

SETTINGS_PAGES: list[str] = [
    "ui.settings.office:OfficePage",
    "ui.settings.units:UnitsPage",
    "ui.settings.pages:CalendarPage",
    "ui.settings.pages:PrintingPage",
    "ui.settings.report:ReportPage",
    "ui.settings.pages:AlertsPage",
    "ui.settings.pages:RegisterPage",
    "ui.settings.pages:AccountsPage",
]
