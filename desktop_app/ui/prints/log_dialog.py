"""印制记录: what was saved or printed from the print centre, newest first, with the
certificate numbers each run carried."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.services.prints.records import recent_prints
from desktop_app.ui.widgets.record_table import Column, record_table
from desktop_app.ui.widgets.form_dialog import FittedDialog

COLUMNS = (
    Column("时间", lambda r: r.printed_at, width=130),
    Column("内容", lambda r: r.what, width=300),
    Column("方式", lambda r: r.output_label, width=70),
    Column("份数", lambda r: r.copies, align_right=True, width=50),
    Column("证书编号", lambda r: r.numbers, width=200),
    Column("保存位置 / 打印机", lambda r: r.target, width=240),
)


class PrintLogDialog(FittedDialog):
    def __init__(self, ledger, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("印制记录")
        self.model, _proxy, self.view = record_table(COLUMNS, self, export_title="印制记录")
        rows = recent_prints(ledger)
        self.model.set_rows(rows)
        note = QLabel("保存为 PDF、Word 或发送到打印机的每一次都记在这里（最近 200 次）。" if rows
                      else "还没有保存或打印过。", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(960, 440)
