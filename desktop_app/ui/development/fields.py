"""Small inputs the step pages share: a named person, a vote, an optional number, a list of dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desktop_app.domain.dates import parse_dates
from desktop_app.domain.development.record import Vote
from desktop_app.services.development.mapping import PersonRef
from desktop_app.store.ledger import Ledger
from desktop_app.ui.widgets.member_picker import MemberPicker

UNSET = "未填"


class PersonField(MemberPicker):
    """A member picker that keeps an imported name not (yet) in the roster until she picks someone."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None, placeholder: str = "输入姓名查找"):
        super().__init__(ledger, parent, placeholder=placeholder)
        self._unlisted: str | None = None

    def set_ref(self, ref: PersonRef | None) -> None:
        self._unlisted = ref.name if ref is not None and ref.member_id is None else None
        self.set_member_id(ref.member_id if ref is not None else None)
        if self._unlisted:
            self.lineEdit().setPlaceholderText(f"{self._unlisted}（不在名册中，可从列表选择）")

    def ref(self) -> PersonRef | None:
        member = self.member()
        if member is not None:
            return PersonRef(member.name, member.id)
        if not self.currentText().strip() and self._unlisted:
            return PersonRef(self._unlisted)
        return None


def optional_spin(parent: QWidget, maximum: int = 9999) -> QSpinBox:
    """A count that may be left empty: the lowest value reads 未填 and means None."""
    spin = QSpinBox(parent)
    spin.setRange(-1, maximum)
    spin.setSpecialValueText(UNSET)
    spin.setValue(-1)
    return spin


def optional_hours(parent: QWidget) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(-0.5, 999)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setSpecialValueText(UNSET)
    spin.setSuffix(" 学时")
    spin.setValue(-0.5)
    return spin


def spin_value(spin) -> float | int | None:
    return None if spin.value() == spin.minimum() else spin.value()


def set_spin(spin, value) -> None:
    spin.setValue(spin.minimum() if value is None else value)


class VoteField(QWidget):
    """应到 / 实到 / 赞成 of a 支部大会, each counted among those entitled to vote."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entitled, self.present, self.in_favour = (optional_spin(self) for _ in range(3))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, spin in (("应到", self.entitled), ("实到", self.present), ("赞成", self.in_favour)):
            layout.addWidget(QLabel(label, self))
            layout.addWidget(spin)
            spin.valueChanged.connect(self.changed)
        layout.addStretch(1)

    def vote(self) -> Vote:
        return Vote(spin_value(self.entitled), spin_value(self.present), spin_value(self.in_favour))

    def set_vote(self, vote: Vote) -> None:
        for spin, value in ((self.entitled, vote.entitled), (self.present, vote.present),
                            (self.in_favour, vote.in_favour)):
            set_spin(spin, value)


class DateListField(QLineEdit):
    """Several dates in one line, e.g. the half-yearly 考察: 2023-11-01、2024-05-06."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("每次考察的日期，用顿号分隔，如 2023-11-01、2024-05-06")

    def dates(self) -> list[date]:
        """The dates, or ValueError with a Chinese reason."""
        return parse_dates(self.text())

    def set_dates(self, days: list[date]) -> None:
        self.setText("、".join(d.isoformat() for d in days))
