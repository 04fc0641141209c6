"""导出 → 季度报表 / 学期报表 / 学年报表: choose the period, write the workbook off the GUI thread.

The same workbook as `python -m desktop_app export quarterly`; 停止 abandons it before anything
is written, and when it is done 打开所在文件夹 shows her the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QVBoxLayout, QWidget,
)

from desktop_app.services.exports.quarterly import export_quarterly
from desktop_app.services.settings import school_profile
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.exports.period_picker import ReportPeriodPicker
from desktop_app.ui.widgets.background import BackgroundTask
from desktop_app.ui.widgets.folders import documents_folder, open_folder_of
from desktop_app.ui.widgets.task_dialog import TaskDialog

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
_last_folder: dict[str, Path] = {}


class ReportDialog(TaskDialog):
    def __init__(self, context: AppContext, kind: str = "quarter", parent: QWidget | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self.setWindowTitle("导出报表")
        self._context = context
        self.task: BackgroundTask | None = None
        self.written: Path | None = None

        self.picker = ReportPeriodPicker(context.ledger, today or date.today(), self)
        self.picker.set_kind(kind)
        self.show_ids = QCheckBox("名册中显示完整身份证号（默认只显示前后几位）", self)
        form = QFormLayout()
        form.addRow("报表期间", self.picker)
        form.addRow("", self.show_ids)

        self.status = QLabel("选好期间后点“导出…”，选择保存位置。", self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.folder_button = QPushButton("打开所在文件夹", self)
        self.folder_button.setVisible(False)
        self.export_button = QPushButton("导出…", self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton("关闭", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addStretch()
        layout.addLayout(buttons)

        self.picker.changed.connect(self._on_period_changed)
        self.export_button.clicked.connect(lambda: self.choose_and_export())
        self.close_button.clicked.connect(self.reject)
        self.folder_button.clicked.connect(lambda: open_folder_of(self.written))

    def suggested_name(self) -> str:
        period = self.picker.period()
        return f"{school_profile(self._context.ledger).branch_title}{period.label}报表.xlsx"  # 第四季度报表

    def choose_and_export(self) -> None:
        try:
            folder = _last_folder.get("dir") or documents_folder()
            name = self.suggested_name()
        except ValueError as exc:  # a school year whose semester dates cannot be read
            messages.error(self, "导出报表", str(exc))
            return
        path, _filter = QFileDialog.getSaveFileName(self, "保存报表", str(folder / name), XLSX_FILTER)
        if path:
            self.start_export(path)

    def start_export(self, path: str | Path) -> None:
        if self.busy:
            return
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        _last_folder["dir"] = path.parent
        ledger, period, mask = self._context.ledger, self.picker.period(), not self.show_ids.isChecked()
        self.task = BackgroundTask(lambda progress: export_quarterly(ledger, period, path, mask_ids=mask, progress=progress),
                                   failure_message="导出时发生了意外错误，没有写入文件。详情已记入日志文件。")
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.finished.connect(self._on_finished)
        self.task.signals.failed.connect(self._on_failed)
        self.task.signals.cancelled.connect(self._on_cancelled)
        self.written = None
        self.status.setText(f"正在导出{period.label}报表…")
        self._set_busy(True)
        self.task.start()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.picker.setEnabled(not busy)
        self.show_ids.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.folder_button.setVisible(not busy and self.written is not None)
        self.close_button.setText("停止" if busy else "关闭")

    def _on_period_changed(self) -> None:
        self.written = None
        self.folder_button.setVisible(False)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total} 张工作表")

    def _work_ended(self) -> None:
        self.task = None
        self._set_busy(False)

    @Slot(object)
    def _on_finished(self, path: Path) -> None:
        self.written = Path(path)
        self._work_ended()
        self.status.setText(f"已导出：{self.written}")

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._work_ended()
        self.status.setText("没有导出。")
        messages.error(self, "导出报表", message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._work_ended()
        self.status.setText("已停止，没有写入文件。")


def open_report_dialog(main_window, kind: str = "quarter") -> ReportDialog:  # noqa: ANN001
    dialog = ReportDialog(main_window.context, kind, main_window)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog
