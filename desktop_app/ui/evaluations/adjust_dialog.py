"""加分/减分 items of one member's semester: points and reason per line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox, QDoubleSpinBox, QGridLayout, QGroupBox, QLabel, QLayout, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from desktop_app.domain.evaluation import Adjustment, fmt
from desktop_app.ui.widgets.form_problems import ProblemBanner, save_or_show
from desktop_app.ui.widgets.form_dialog import FormDialog


class _ItemList(QGroupBox):
    """Lines of (points, reason); blank lines are ignored."""

    def __init__(self, title: str, cap: float, items: tuple[Adjustment, ...], parent: QWidget | None = None):
        super().__init__(f"{title}（合计最多计 {fmt(cap)} 分）", parent)
        self.title = title
        self._grid = QGridLayout(self)
        self._grid.addWidget(QLabel("分值"), 0, 0)
        self._grid.addWidget(QLabel("事由"), 0, 1)
        self.lines: list[tuple[QDoubleSpinBox, QLineEdit]] = []
        self.add_button = QPushButton(f"添加一项{title}", self)
        self.add_button.clicked.connect(lambda: self.add_line())
        for item in items:
            self.add_line(item)
        if not items:
            self.add_line()

    def add_line(self, item: Adjustment | None = None) -> tuple[QDoubleSpinBox, QLineEdit]:
        spin = QDoubleSpinBox(self)
        spin.setRange(0, 100)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        reason = QLineEdit(self)
        reason.setPlaceholderText("如：区级优质课一等奖" if self.title == "加分" else "如：无故缺席党员活动日")
        reason.setMinimumWidth(320)
        if item is not None:
            spin.setValue(item.points)
            reason.setText(item.reason)
        row = len(self.lines) + 1
        self._grid.addWidget(spin, row, 0)
        self._grid.addWidget(reason, row, 1)
        self._grid.addWidget(self.add_button, row + 1, 0, 1, 2)
        self.lines.append((spin, reason))
        return spin, reason

    def items(self) -> list[Adjustment]:
        return [Adjustment(spin.value(), reason.text()) for spin, reason in self.lines
                if spin.value() or reason.text().strip()]


class AdjustmentsDialog(FormDialog):
    """Edits the items; `save(bonuses, deductions)` is the caller's service call (raises on bad input)."""

    def __init__(self, member_name: str, semester_label: str, scheme, bonuses, deductions, save,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"加分与减分 — {member_name}")
        self._save = save
        self.problems = ProblemBanner(self)
        self.bonuses = _ItemList("加分", scheme.bonus_cap, bonuses, self)
        self.deductions = _ItemList("减分", scheme.deduction_cap, deductions, self)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)
        layout.addWidget(QLabel(f"{member_name}　{semester_label}"))
        layout.addWidget(self.problems)
        layout.addWidget(self.bonuses)
        layout.addWidget(self.deductions)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        save_or_show(self, self.problems, "不能保存", lambda: self._save(self.bonuses.items(), self.deductions.items()))
