"""The pages of the main window, in the order of the navigation bar.

Each entry is "module:Class"; the class is a ``ui.pages.base.Page``. A
feature adds its page here and touches nothing else of the main window.
"""

PAGES: list[str] = [
    "ui.pages.today:TodayPage",
    "ui.pages.register:RegisterPage",
]
