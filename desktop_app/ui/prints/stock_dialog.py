"""证书纸位置: where the texts go on a bought certificate stock (套打), in mm from the sheet's
left and top edges, saved by name. 印校准页 checks them against a real sheet."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QDoubleSpinBox, QGridLayout, QLabel, QVBoxLayout, QWidget,
)

from desktop_app.services.errors import UserError
from desktop_app.services.prints.stock import SHEET_H_MM, SHEET_W_MM, Stock, load_stocks, save_stock
from desktop_app.ui import messages
from desktop_app.ui.widgets.form_dialog import FormDialog

TITLE = "证书纸位置（套打）"
ROWS = (
    ("姓名行（左端、基线）", "recipient_x", "recipient_y", None, None),
    ("正文框（左、上、宽、高）", "citation_x", "citation_y", "citation_w", "citation_h"),
    ("落款单位（中心、基线）", "issuer_x", "issuer_y", None, None),
    ("日期（中心、基线）", "date_x", "date_y", None, None),
    ("证书编号（左端、基线）", "number_x", "number_y", None, None),
)


class StockDialog(FormDialog):
    """Edit a stock's positions; `saved` is the stock after 保存. 取消/Esc/✕ ask before dropping changes."""

    def __init__(self, ledger, current: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.saved: Stock | None = None
        self.setWindowTitle(TITLE)
        self.stocks = {s.name: s for s in load_stocks(ledger)} or {Stock().name: Stock()}
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.addItems(list(self.stocks))
        self.boxes: dict[str, QDoubleSpinBox] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel("证书纸名称", self), 0, 0)
        grid.addWidget(self.name, 0, 1, 1, 4)
        for row, (label, *keys) in enumerate(ROWS, start=1):
            grid.addWidget(QLabel(label, self), row, 0)
            for column, key in enumerate(keys, start=1):
                if key:
                    grid.addWidget(self._box(key), row, column)
        hint = QLabel("单位 mm，从证书纸（A4 横向）的左边、上边量起。保存后，在“印什么”里选“证书纸校准页”印出来，"
                      "叠在证书纸上对着光核对。", self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.name.currentTextChanged.connect(self._show)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.name.setCurrentText(current if current in self.stocks else self.name.itemText(0))
        self._show(self.name.currentText())

    def _box(self, key: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0, SHEET_W_MM if key.endswith(("_x", "_w")) else SHEET_H_MM)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setSuffix(" mm")
        self.boxes[key] = box
        return box

    def _show(self, name: str) -> None:
        stock = self.stocks.get(name)
        if stock is None:  # a new name starts from the positions shown
            return
        for key, box in self.boxes.items():
            box.setValue(getattr(stock, key))

    def stock(self) -> Stock:
        values = {key: box.value() for key, box in self.boxes.items()}
        return replace(Stock(), name=self.name.currentText().strip(), **values)

    def _save(self) -> None:
        stock = self.stock()
        try:
            save_stock(self.ledger, stock)
        except UserError as exc:
            messages.error(self, TITLE, str(exc))
            return
        self.saved = stock
        self.accept()

