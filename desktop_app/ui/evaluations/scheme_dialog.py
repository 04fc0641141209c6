"""考核方案: the year's indicators, 加减分 caps, semester combination, star thresholds, who is evaluated."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget,
)

from desktop_app.domain.evaluation import fmt
from desktop_app.domain.numbers import NumberError, parse_number
from desktop_app.domain.scheme import (
    DEFAULT_GRADE_SHARES, GRADE_LABELS, TOTAL_POINTS, Combination, Indicator, IndicatorSource, Scheme, Thresholds,
)
from desktop_app.domain.scheme_choices import Clamping, NoQuotaRule, Rounding, SingleSemester
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.ui import messages
from desktop_app.ui.widgets.enum_combo import EnumCombo
from desktop_app.ui.widgets.form_problems import ProblemBanner, save_or_show
from desktop_app.ui.widgets.form_dialog import FormDialog

HEADERS = ("指标名称", "满分", "来源")


class IndicatorsModel(QAbstractTableModel):
    def __init__(self, indicators: tuple[Indicator, ...], parent=None):
        super().__init__(parent)
        self.items = list(indicators)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole) -> Any:  # noqa: N802
        return HEADERS[section] if orientation == Qt.Horizontal and role == Qt.DisplayRole else None

    def flags(self, index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable

    def data(self, index, role=Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ind = self.items[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return (ind.name, fmt(ind.max_points), IndicatorSource.label_of(ind.source))[index.column()]
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        ind = self.items[index.row()]
        text = str(value).strip()
        if index.column() == 0:
            ind = replace(ind, name=text)
        elif index.column() == 1:
            try:
                max_points = parse_number(text, 0, TOTAL_POINTS, f"{ind.name}的满分", required=True, unit="分")
            except NumberError as exc:
                parent = self.parent()
                messages.error(parent if isinstance(parent, QWidget) else None, "不能修改", str(exc))
                return False
            ind = replace(ind, max_points=max_points)
        else:
            source = IndicatorSource.from_label(text).value
            shares = dict(DEFAULT_GRADE_SHARES) if source == IndicatorSource.PLEDGE_REVIEW.value else {}
            ind = replace(ind, source=source, grade_shares=ind.grade_shares or shares)
        self.items[index.row()] = ind
        self.dataChanged.emit(index, index)
        return True

    def add(self) -> None:
        used = {i.key for i in self.items}
        n = 1
        while f"custom{n}" in used:
            n += 1
        self.beginInsertRows(QModelIndex(), len(self.items), len(self.items))
        self.items.append(Indicator(f"custom{n}", f"新指标{n}", 5))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.items[row]
            self.endRemoveRows()

    def total(self) -> float:
        return sum(i.max_points for i in self.items)


class SourceDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        box = QComboBox(parent)
        box.addItems(IndicatorSource.labels())
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(index.data(Qt.EditRole))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText(), Qt.EditRole)


def _spin(value: float, top: float = 100, decimals: int = 2, suffix: str = " 分") -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, top)
    spin.setDecimals(decimals)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class SchemeDialog(FormDialog):
    """Edits a scheme; `save(scheme)` is the service call (raises ValidationError / UserError)."""

    def __init__(self, scheme: Scheme, save, locked_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{scheme.school_year}学年考核方案")
        self.scheme, self._save = scheme, save
        self.problems = ProblemBanner(self)
        self.indicators = IndicatorsModel(scheme.indicators, self)
        self.view = QTableView(self)
        self.view.setModel(self.indicators)
        self.view.setItemDelegateForColumn(2, SourceDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.view.setColumnWidth(1, 70)
        self.view.setColumnWidth(2, 130)
        self.total_label = QLabel(self)
        self.indicators.dataChanged.connect(self._show_total)
        self.indicators.rowsInserted.connect(self._show_total)
        self.indicators.rowsRemoved.connect(self._show_total)
        add, remove = QPushButton("添加指标", self), QPushButton("删除所选指标", self)
        add.clicked.connect(self.indicators.add)
        remove.clicked.connect(lambda: self.indicators.remove(self.view.currentIndex().row()))
        row = QHBoxLayout()
        row.addWidget(self.total_label, 1)
        row.addWidget(add)
        row.addWidget(remove)

        self.bonus_cap, self.deduction_cap = _spin(scheme.bonus_cap), _spin(scheme.deduction_cap)
        self.combination = QComboBox(self)
        for item in Combination:
            self.combination.addItem(item.label, item.value)
        self.combination.setCurrentIndex(self.combination.findData(scheme.combination))
        self.first_weight = _spin(scheme.first_weight * 100, 100, 0, " %")
        self.combination.currentIndexChanged.connect(self._follow_combination)
        self._follow_combination()
        t = scheme.thresholds
        self.five, self.four, self.three = _spin(t.five), _spin(t.four), _spin(t.three)
        self.grade_spins = {}
        grades = QGridLayout()
        shares = next((i.grade_shares for i in scheme.indicators if i.grade_shares), DEFAULT_GRADE_SHARES)
        for n, (code, label) in enumerate(GRADE_LABELS.items()):
            spin = _spin(shares.get(code, DEFAULT_GRADE_SHARES[code]) * 100, 100, 0, " %")
            self.grade_spins[code] = spin
            grades.addWidget(QLabel(label), 0, 2 * n)
            grades.addWidget(spin, 0, 2 * n + 1)
        self.starred, self.scored_only = {}, {}
        who = QGridLayout()
        who.addWidget(QLabel("评定星级"), 0, 0)
        who.addWidget(QLabel("只打分、不评星"), 1, 0)
        for n, status in enumerate(PoliticalStatus, start=1):
            starred, scored = QCheckBox(status.label), QCheckBox(status.label)
            starred.setChecked(status.value in scheme.starred_statuses)
            scored.setChecked(status.value in scheme.scored_only_statuses)
            self.starred[status.value], self.scored_only[status.value] = starred, scored
            who.addWidget(starred, 0, n)
            who.addWidget(scored, 1, n)

        form = QFormLayout()
        form.addRow("加分上限", self.bonus_cap)
        form.addRow("减分上限", self.deduction_cap)
        form.addRow("学年合成", self.combination)
        form.addRow("第一学期权重", self.first_weight)
        form.addRow("五星级 ≥", self.five)
        form.addRow("四星级 ≥", self.four)
        form.addRow("三星级 ≥", self.three)
        rules = QGroupBox("加减分、学年合成与星级", self)
        rules.setLayout(form)
        grade_box = QGroupBox("承诺践诺评议等次 → 得分比例", self)
        grade_box.setLayout(grades)
        who_box = QGroupBox("考核对象（政治面貌）", self)
        who_box.setLayout(who)
        self.choices = {
            "no_quota": EnumCombo(NoQuotaRule, self), "clamping": EnumCombo(Clamping, self),
            "single_semester": EnumCombo(SingleSemester, self), "rounding": EnumCombo(Rounding, self),
        }
        choices_form = QFormLayout()
        for (name, combo), label in zip(self.choices.items(), ("岗位无此项任务时", "加分、减分与封顶",
                                                                "只有一个学期得分时", "对照分数线前")):
            combo.set_code(getattr(scheme, name))
            choices_form.addRow(label, combo)
        choices_box = QGroupBox("计分规则（影响星级，会写在考核表、明细和公示上）", self)
        choices_box.setLayout(choices_form)
        for label, widget in (("星级分数线", self.five), ("加减分上限", self.bonus_cap),
                              ("学期权重", self.first_weight), ("考核指标", self.view), ("考核对象", who_box)):
            self.problems.register(label, widget)

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if locked_text:
            notice = QLabel(f"【已锁定】{locked_text}，方案只能查看。", self)
            notice.setStyleSheet("QLabel { background: #fff3e0; color: #8a4b00; padding: 4px; }")
            layout.addWidget(notice)
            self.save_button.setEnabled(False)
        layout.addWidget(self.problems)
        layout.addWidget(QLabel("考核指标（双击修改；来源为“手工录入”以外的由记录计算，无记录时手工录入）"))
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        side = QHBoxLayout()
        side.addWidget(rules)
        right = QVBoxLayout()
        right.addWidget(grade_box)
        right.addWidget(who_box)
        right.addWidget(choices_box)
        side.addLayout(right, 1)
        layout.addLayout(side)
        layout.addWidget(buttons)
        self.resize(860, 640)
        self._show_total()

    def _follow_combination(self, *_args) -> None:
        self.first_weight.setEnabled(self.combination.currentData() == Combination.WEIGHTED.value)

    def _show_total(self, *_args) -> None:
        total = self.indicators.total()
        self.total_label.setText(f"各项满分合计 {fmt(total)} 分" + ("" if round(total, 2) == 100 else "（应为 100 分）"))

    def edited_scheme(self) -> Scheme:
        shares = {code: spin.value() / 100 for code, spin in self.grade_spins.items()}
        indicators = tuple(
            replace(i, grade_shares=shares) if i.source == IndicatorSource.PLEDGE_REVIEW.value else i
            for i in self.indicators.items
        )
        return replace(
            self.scheme, indicators=indicators, bonus_cap=self.bonus_cap.value(),
            deduction_cap=self.deduction_cap.value(), combination=self.combination.currentData(),
            first_weight=self.first_weight.value() / 100,
            thresholds=Thresholds(self.five.value(), self.four.value(), self.three.value()),
            starred_statuses=tuple(code for code, box in self.starred.items() if box.isChecked()),
            scored_only_statuses=tuple(code for code, box in self.scored_only.items() if box.isChecked()),
            **{name: combo.code() for name, combo in self.choices.items()},
        )

    def _accept(self) -> None:
        save_or_show(self, self.problems, self.windowTitle(), lambda: self._save(self.edited_scheme()))
