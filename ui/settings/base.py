"""What every settings page shares: the values read in the background, and fields built from the
declarations of ``app.settings`` that say why a value is refused as the officer types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from app.catalog import OfficeInfo
from app.errors import AppError
from app.settings import SPECS, Group, Settings, SettingSpec, coerce
from app.units import UnitView
from ui.i18n import tr

ERROR_STYLE = "color: #b00020;"
HELP_STYLE = "color: #555;"
LABEL_STYLE = "font-weight: bold;"


@dataclass(frozen=True)
class Snapshot:
    """Everything the pages show, read in one background query."""

    settings: Settings
    office: OfficeInfo
    units: list[UnitView]
    can_manage: bool
    password_stored: bool
    keyring: bool
    leads_unit: int | None = None   # the unit a head of unit leads (and may keep right)


class SettingsPage(QWidget):
    """One page: ``load`` shows the snapshot; the dialog's Save collects ``setting_changes`` and
    ``office_changes`` of every page (one transaction), after refusing if any ``problem`` is left."""

    key = ""
    title = ""           # QT_TR_NOOP("…") in the subclass
    edited = Signal()

    def __init__(self, desk, dialog):
        super().__init__()
        self.desk, self.dialog = desk, dialog
        self.snapshot: Snapshot | None = None

    def load(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot

    def setting_changes(self) -> dict[str, Any]:
        return {}

    def office_changes(self) -> dict[str, str]:
        return {}

    def extra_work(self) -> list[Callable]:
        """Actions (session, ctx) to run in the same transaction as the save (e.g. a password)."""
        return []

    def problem(self) -> str | None:
        return None

    def saved(self) -> None:
        pass


class Field(QWidget):
    """An input with its reason under it; ``check(value)`` raises AppError for a refused value."""

    edited = Signal()

    def __init__(self, name: str, editor: QWidget, check: Callable[[Any], Any], help_text: str = ""):
        super().__init__()
        self.editor, self.check = editor, check
        editor.setObjectName(name)
        self.error = QLabel()
        self.error.setObjectName(name + "_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        if help_text:
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            hint.setStyleSheet(HELP_STYLE)
            layout.addWidget(hint)
        layout.addWidget(self.error)
        signal = {QLineEdit: "textChanged", QPlainTextEdit: "textChanged", QSpinBox: "valueChanged",
                  QComboBox: "currentIndexChanged"}[type(editor)]
        getattr(editor, signal).connect(self._changed)

    def _changed(self, *_) -> None:
        self.validate()
        self.edited.emit()

    def value(self) -> Any:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        if isinstance(editor, QSpinBox):
            return editor.value()
        return editor.currentData()

    def set_value(self, value: Any) -> None:
        editor = self.editor
        editor.blockSignals(True)
        if isinstance(editor, QLineEdit):
            editor.setText(str(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        else:
            index = editor.findData(value)
            editor.setCurrentIndex(index if index >= 0 else 0)
        editor.blockSignals(False)
        self.validate()

    def validate(self) -> str | None:
        """The reason the value is refused (shown under the field), or None."""
        try:
            self.check(self.value())
        except AppError as error:
            self.error.setText(str(error))
            self.error.show()
            return str(error)
        self.error.hide()
        return None


def spec_editor(spec: SettingSpec) -> QWidget:
    allowed = getattr(spec.check, "allowed", None)
    if allowed:
        combo = QComboBox()
        for value in allowed:
            combo.addItem(value, value)
        return combo
    if spec.type is int:
        spin = QSpinBox()
        low, high = getattr(spec.check, "bounds", (0, 1_000_000))
        spin.setRange(low, high)
        return spin
    if spec.multiline:
        text = QPlainTextEdit()
        text.setFixedHeight(90)
        return text
    return QLineEdit()


class SpecPage(SettingsPage):
    """A page built from the declarations of its ``group``; ``custom`` keys are laid out by a subclass."""

    group: Group = Group.REGISTER
    custom: tuple[str, ...] = ()

    def __init__(self, desk, dialog):
        super().__init__(desk, dialog)
        self.fields: dict[str, Field] = {}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.WrapAllRows)   # long labels above their field, never clipped
        for spec in SPECS:
            if spec.group is self.group and spec.key not in self.custom:
                self.add_spec(spec)

    def add_spec(self, spec: SettingSpec, editor: QWidget | None = None, row_widget: QWidget | None = None,
                 position: int = -1) -> Field:
        field = Field(spec.key, editor or spec_editor(spec), lambda value, key=spec.key: coerce(key, value),
                      tr(spec.help) if spec.help else "")
        field.edited.connect(self.edited)
        self.fields[spec.key] = field
        label = QLabel(tr(spec.label))
        label.setStyleSheet(LABEL_STYLE)
        self.form.insertRow(position, label, row_widget or field)
        return field

    def load(self, snapshot: Snapshot) -> None:
        super().load(snapshot)
        for key, field in self.fields.items():
            field.set_value(getattr(snapshot.settings, key))

    def setting_changes(self) -> dict[str, Any]:
        if self.snapshot is None:
            return {}
        changes = {}
        for key, field in self.fields.items():
            try:
                value = coerce(key, field.value())
            except AppError:
                value = field.value()   # refused: ``problem`` says so before anything is saved
            if value != getattr(self.snapshot.settings, key):
                changes[key] = value
        return changes

    def problem(self) -> str | None:
        for field in self.fields.values():
            reason = field.validate()
            if reason:
                return reason
        return None
