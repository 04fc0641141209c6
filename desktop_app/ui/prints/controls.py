"""The print centre's left-hand panel: what to print, for whom, and the print settings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.domain.collation import NameOrder
from desktop_app.services.prints import jobs
from desktop_app.services.prints.fonts import CHOICES, installed_file
from desktop_app.services.prints.options import MAX_OFFSET_MM, MAX_PENNANT_TEXT, MAX_PHONE, PrintOptions
from desktop_app.services.prints.page import PAPER, Offset
from desktop_app.services.prints.pennants import DEFAULT_MAIN_TEXT, MATERIALS, SIZES_CM, WORDINGS
from desktop_app.services.prints.stock import Stock

FULL_DESIGN = "印完整证书（边框、标题）"


class PeopleList(QListWidget):
    """A checkable list of the batch's people (or classes); everyone starts checked, and
    someone unchecked stays unchecked when the list is reloaded."""

    def set_items(self, items: list) -> None:
        previously_unchecked = {self.item(i).text() for i in range(self.count())
                                if self.item(i).checkState() == Qt.CheckState.Unchecked}
        self.clear()
        for record in items:
            entry = QListWidgetItem(getattr(record, "list_label", record.who), self)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            unchecked = record.who in previously_unchecked
            entry.setCheckState(Qt.CheckState.Unchecked if unchecked else Qt.CheckState.Checked)
            entry.setData(Qt.ItemDataRole.UserRole, record)

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.count()):
            self.item(i).setCheckState(state)

    def checked(self) -> list:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]


class PrintControls(QWidget):
    """Emits `selection_changed` when kind/year/choice change (the batch must be reloaded)
    and `options_changed` when font, paper, offset or the checked people change."""

    selection_changed = Signal()
    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox(self)
        for kind in jobs.KINDS:
            self.kind.addItem(kind.label, kind.key)
        self.year = QComboBox(self)
        self.choice = QComboBox(self)
        self.choice_label = QLabel("星级", self)
        self.people = PeopleList(self)
        self.people.setMinimumHeight(90)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #a15c00;")
        self.allow_unapproved = QCheckBox("仍按未审批的星级印制", self)
        self.allow_unapproved.setVisible(False)
        select_all, select_none = QPushButton("全选", self), QPushButton("全不选", self)
        select_all.clicked.connect(lambda: self.people.set_all(True))
        select_none.clicked.connect(lambda: self.people.set_all(False))

        what = QGroupBox("印什么", self)
        form = QFormLayout(what)
        form.addRow("种类", self.kind)
        form.addRow("学年", self.year)
        form.addRow(self.choice_label, self.choice)
        people_box = self.people_box = QGroupBox("人员 / 班级", self)
        people_layout = QVBoxLayout(people_box)
        buttons = QHBoxLayout()
        buttons.addWidget(select_all)
        buttons.addWidget(select_none)
        buttons.addStretch(1)
        people_layout.addLayout(buttons)
        people_layout.addWidget(self.people, 1)
        people_layout.addWidget(self.notes)
        people_layout.addWidget(self.allow_unapproved)

        self.font = QComboBox(self)
        for choice in CHOICES:
            available = installed_file(choice) is not None
            self.font.addItem(choice.label if available else f"{choice.label}（本机未安装）", choice.key)
        self.paper = QComboBox(self)
        for name in PAPER:
            self.paper.addItem(name, name)
        self.pennant_text = QLineEdit(self)
        self.pennant_text.setMaxLength(MAX_PENNANT_TEXT + 2)  # a space or / may mark where the columns break
        self.pennant_text.setToolTip("分两列时，可用空格或 / 标出断开处，如“爱岗敬业 优秀党员班”")
        self.pennant_size, self.pennant_material, self.pennant_wording = (
            self._choice_box([f"{size} cm" for size in SIZES_CM], list(SIZES_CM)),
            self._choice_box(MATERIALS), self._choice_box(WORDINGS))
        self.pennant_text.setPlaceholderText(DEFAULT_MAIN_TEXT)
        self.notice_order = QComboBox(self)
        for order in (NameOrder.STROKES, NameOrder.PINYIN):
            self.notice_order.addItem(order.label, order)
        self.notice_phone = QLineEdit(self)
        self.notice_phone.setMaxLength(MAX_PHONE)
        self.notice_phone.setPlaceholderText("公示名单上的监督电话")
        self.plaque_post = QCheckBox("桌牌在“共产党员”后印岗位", self)
        self.offset_x, self.offset_y = self._offset_box(), self._offset_box()
        self.save_settings = QPushButton("保存为默认设置", self)
        self.templates_button = QPushButton("证书正文模板…", self)
        self.stock = QComboBox(self)  # 套打: the certificate stock, or the full design
        self.stock.setToolTip("选一种证书纸，荣誉证书就只印文字，套打到买来的证书纸上")
        self.stock_button = QPushButton("证书纸位置…", self)
        self._stocks: dict[str, Stock] = {}
        settings = QGroupBox("打印设置", self)
        form = QFormLayout(settings)
        form.addRow("字体", self.font)
        form.addRow("锦旗正文", self.pennant_text)
        form.addRow("锦旗尺寸", self.pennant_size)
        form.addRow("锦旗材质", self.pennant_material)
        form.addRow("锦旗用语", self.pennant_wording)
        form.addRow("制作单纸张", self.paper)
        form.addRow("公示排序", self.notice_order)
        form.addRow("监督电话", self.notice_phone)
        form.addRow(self.plaque_post)
        form.addRow("偏移 X（向右）", self.offset_x)
        form.addRow("偏移 Y（向下）", self.offset_y)
        hint = QLabel("打印错位时，先印“校准页”量一量，再填偏移。", settings)
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow("荣誉证书", self.stock)
        form.addRow(self.stock_button)
        form.addRow(self.templates_button)
        form.addRow(self.save_settings)
        self._settings_form = form
        # The settings each kind uses; the rest are hidden while it is chosen (font, offsets and
        # 保存为默认设置 always show).
        self._kind_settings = {
            "pennants": (self.pennant_text, self.pennant_size, self.pennant_material, self.pennant_wording, self.paper),
            "notice": (self.notice_order, self.notice_phone),
            "plaques": (self.plaque_post,),
            "certificates": (self.stock, self.stock_button, self.templates_button),
            "stock_calibration": (self.stock, self.stock_button),
        }

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(what)
        layout.addWidget(people_box, 1)
        layout.addStretch(0)  # takes the people box's room while a kind has no list
        layout.addWidget(settings)

        for combo in (self.kind, self.year, self.choice):
            combo.currentIndexChanged.connect(self.selection_changed)
        self.kind.currentIndexChanged.connect(self._show_kind_settings)
        self._show_kind_settings()
        for combo in (self.font, self.paper, self.notice_order, self.pennant_size, self.pennant_material,
                      self.pennant_wording, self.stock):
            combo.currentIndexChanged.connect(self.options_changed)
        for check in (self.plaque_post, self.allow_unapproved):
            check.toggled.connect(self.options_changed)
        self.notice_phone.textChanged.connect(self.options_changed)
        for box in (self.offset_x, self.offset_y):
            box.valueChanged.connect(self.options_changed)
        self.people.itemChanged.connect(self.options_changed)
        self.pennant_text.textChanged.connect(self.options_changed)

    def _show_kind_settings(self) -> None:
        per_person = jobs.kind_by_key(self.kind_key()).per_person
        self.people_box.setVisible(per_person)  # a calibration page prints no one
        self.layout().setStretch(self.layout().indexOf(self.people_box) + 1, 0 if per_person else 1)
        wanted = set(self._kind_settings.get(self.kind_key(), ()))
        for widget in {w for widgets in self._kind_settings.values() for w in widgets}:
            self._settings_form.setRowVisible(widget, widget in wanted)

    def _choice_box(self, labels, values=None) -> QComboBox:
        box = QComboBox(self)
        for label, value in zip(labels, values or labels, strict=True):
            box.addItem(label, value)
        return box

    def _offset_box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
        box.setSingleStep(0.5)
        box.setDecimals(1)
        box.setSuffix(" mm")
        return box

    # --- values -------------------------------------------------------------------------------
    def kind_key(self) -> str:
        return self.kind.currentData()

    def school_year(self) -> str:
        return self.year.currentText()

    def filter_choice(self) -> str:
        return self.choice.currentText() if self.choice.count() else ""

    def options(self) -> PrintOptions:
        return PrintOptions(
            font_key=self.font.currentData(), offset=Offset(self.offset_x.value(), self.offset_y.value()),
            pennant_paper=self.paper.currentData(),
            pennant_text=self.pennant_text.text().strip() or DEFAULT_MAIN_TEXT,
            pennant_size=self.pennant_size.currentData(), pennant_material=self.pennant_material.currentData(),
            pennant_wording=self.pennant_wording.currentData(),
            notice_order=self.notice_order.currentData(), notice_phone=self.notice_phone.text().strip(),
            plaque_post=self.plaque_post.isChecked(),
            allow_unapproved=not self.allow_unapproved.isHidden() and self.allow_unapproved.isChecked(),
            stock=self._stocks.get(self.stock.currentData() or ""),
        )

    def set_stocks(self, stocks: list[Stock], current: str) -> None:
        """The stocks saved in the settings; `current` is the name chosen ("" = the full design)."""
        self._stocks = {s.name: s for s in stocks}
        self.stock.blockSignals(True)
        self.stock.clear()
        self.stock.addItem(FULL_DESIGN, "")
        for name in self._stocks:
            self.stock.addItem(f"套打：{name}", name)
        self.stock.setCurrentIndex(max(0, self.stock.findData(current)))
        self.stock.blockSignals(False)

    def show_unapproved_choice(self, needed: bool) -> None:
        """Plaques of a year not yet approved: printing them takes an explicit tick, every time."""
        self.allow_unapproved.blockSignals(True)
        self.allow_unapproved.setChecked(False)
        self.allow_unapproved.blockSignals(False)
        self.allow_unapproved.setVisible(needed)

    def set_options(self, options: PrintOptions) -> None:
        widgets = (self.font, self.paper, self.offset_x, self.offset_y, self.pennant_text, self.notice_order,
                   self.notice_phone, self.plaque_post, self.pennant_size, self.pennant_material, self.pennant_wording)
        for widget in widgets:
            widget.blockSignals(True)
        self.font.setCurrentIndex(max(0, self.font.findData(options.font_key)))
        self.paper.setCurrentIndex(max(0, self.paper.findData(options.pennant_paper)))
        self.offset_x.setValue(options.offset.x_mm)
        self.offset_y.setValue(options.offset.y_mm)
        self.pennant_text.setText(options.pennant_text)
        for box, value in ((self.pennant_size, options.pennant_size), (self.pennant_material, options.pennant_material),
                           (self.pennant_wording, options.pennant_wording)):
            box.setCurrentIndex(max(0, box.findData(value)))
        self.notice_order.setCurrentIndex(max(0, self.notice_order.findData(options.notice_order)))
        self.notice_phone.setText(options.notice_phone)
        self.plaque_post.setChecked(options.plaque_post)
        for widget in widgets:
            widget.blockSignals(False)

    def set_years(self, years: list[str], current: str) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItems(years)
        self.year.setCurrentIndex(max(0, self.year.findText(current)))
        self.year.blockSignals(False)

    def set_choices(self, label: str, values: list[str]) -> None:
        """The kind's extra choice (星级 / 荣誉称号); hidden for kinds without one."""
        keep = self.choice.currentText()
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItems(values)
        if keep in values:
            self.choice.setCurrentText(keep)
        self.choice.blockSignals(False)
        self.choice_label.setText(label or "")
        self.choice.setVisible(bool(label))
        self.choice_label.setVisible(bool(label))
        self.year.setEnabled(jobs.kind_by_key(self.kind_key()).needs_year)
