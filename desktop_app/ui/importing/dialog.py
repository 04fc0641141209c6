"""File → 导入Excel: choose a kind and a workbook, see every good and bad row, then import.

Parsing and writing run on a pool thread (BackgroundTask) so a 10,000-row file keeps the
window responsive; the dialog works the same for every kind in the import registry.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from desktop_app.services import importing
from desktop_app.services.errors import UserError
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets.background import BackgroundTask
from desktop_app.ui.widgets.record_table import Column, record_table
from desktop_app.ui.widgets.task_dialog import TaskDialog

XLSX_FILTER = "Excel 工作簿 (*.xlsx *.xlsm)"
# What an import reads: old .xls from grade offices and WPS/LibreOffice .ods too
IMPORT_FILTER = "表格文件 (*.xlsx *.xlsm *.xls *.xlsb *.ods);;所有文件 (*)"
_last_folder: dict[str, str] = {"dir": ""}

GOOD_COLUMNS = (
    Column("行号", lambda r: r.row, align_right=True, width=60),
    Column("操作", lambda r: r.action, width=60),
    Column("内容", lambda r: r.summary),
)
BAD_COLUMNS = (
    Column("行号", lambda p: p.row, align_right=True, width=60),
    Column("列", lambda p: p.column or "整行", width=110),
    Column("原因", lambda p: p.reason, tooltip=lambda p: p.reason, highlight=lambda p: True),
)
WARNING_COLUMNS = (
    Column("行号", lambda p: p.row, align_right=True, width=60),
    Column("列", lambda p: p.column or "整行", width=110),
    Column("提醒", lambda p: p.reason, tooltip=lambda p: p.reason),
)


class ImportDialog(TaskDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, kind: str | None = None):
        super().__init__(parent)
        self.setWindowTitle("导入Excel")
        self.resize(860, 620)
        self._context = context
        self.preview: importing.ImportPreview | None = None
        self.result: importing.ImportResult | None = None
        self.task: BackgroundTask | None = None

        self.kind_combo = QComboBox(self)
        for key, label in importing.available_kinds():
            self.kind_combo.addItem(label, key)
        if kind and self.kind_combo.findData(kind) >= 0:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText("请选择要导入的表格文件（.xlsx、.xls 或 .ods）")
        self.choose_button = QPushButton("选择文件…", self)
        self.template_button = QPushButton("下载模板…", self)
        top = QHBoxLayout()
        top.addWidget(QLabel("导入类型：", self))
        top.addWidget(self.kind_combo)
        top.addSpacing(12)
        top.addWidget(QLabel("文件：", self))
        top.addWidget(self.file_edit, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.template_button)

        self.summary_label = QLabel("选择文件后，先检查每一行，确认前不会写入任何数据。", self)
        self.summary_label.setWordWrap(True)
        self.good_model, _proxy, self.good_view = record_table(GOOD_COLUMNS, self)
        self.bad_model, _proxy, self.bad_view = record_table(BAD_COLUMNS, self)
        self.warning_model, _proxy, self.warning_view = record_table(WARNING_COLUMNS, self)
        self.good_box = self._boxed("可导入的行", self.good_view)
        self.bad_box = self._boxed("错误行", self.bad_view)
        self.warning_box = self._boxed("提醒", self.warning_view)
        self.warning_box.setVisible(False)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.good_box)
        splitter.addWidget(self.bad_box)
        splitter.addWidget(self.warning_box)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.import_button = QPushButton("导入", self)
        self.import_button.setDefault(True)
        self.report_button = QPushButton("保存错误报告…", self)
        self.cancel_button = QPushButton("取消", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        for button in (self.import_button, self.report_button, self.cancel_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(lambda: save_template_dialog(self, kind=self.kind))
        self.import_button.clicked.connect(self.start_import)
        self.report_button.clicked.connect(lambda: self.save_error_report())
        self.cancel_button.clicked.connect(self.reject)
        self._update_buttons()

    @staticmethod
    def _boxed(title: str, view) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addWidget(view)
        return box

    # --- state --------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _update_buttons(self) -> None:
        busy = self.busy
        ready = self.preview is not None and bool(self.preview.good_rows)
        for widget in (self.kind_combo, self.choose_button, self.template_button):
            widget.setEnabled(not busy)
        self.import_button.setEnabled(ready and not busy)
        self.report_button.setEnabled(self.preview is not None and bool(self.preview.bad_rows) and not busy)
        self.cancel_button.setText("停止" if busy else "取消")

    def _show_preview(self, checked: importing.ImportPreview | None) -> None:
        self.preview = checked
        self.good_model.set_rows(checked.good_rows if checked else [])
        self.bad_model.set_rows(checked.problems if checked else [])
        warnings = checked.warnings if checked else []
        self.warning_model.set_rows(warnings)
        good = len(checked.good_rows) if checked else 0
        bad = len(checked.bad_rows) if checked else 0
        self.good_box.setTitle(f"可导入的行（{good}）")
        self.bad_box.setTitle(f"错误行（{bad}）")
        self.warning_box.setTitle(f"提醒（{len(warnings)}）：照常导入，并列入待办")
        self.warning_box.setVisible(bool(warnings))
        if checked:
            lines = [f"{checked.label}：{checked.summary()}（工作表“{checked.sheet_name}”，表头在第 {checked.header_row} 行）"]
            if checked.bad_rows:
                lines.append("有错误的行不会导入：请改正后重新选择文件，或点“导入”时选择跳过错误行。")
            if warnings:
                lines.append("有提醒的行照常导入，缺的内容列入工作台的待办，补上即可。")
            if checked.ignored_columns:
                lines.append("已忽略无法识别的列：" + "、".join(checked.ignored_columns))
            lines += checked.notes
            self.summary_label.setText("\n".join(lines))
        self._update_buttons()

    # --- choosing -----------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "选择要导入的 Excel 或 WPS 表格", _last_folder["dir"], IMPORT_FILTER)
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        _last_folder["dir"] = str(Path(path).parent)
        self.file_edit.setText(str(path))
        self.start_preview()

    def _on_kind_changed(self) -> None:
        if self.file_edit.text():
            self.start_preview()

    # --- background work ----------------------------------------------------------------
    def _run(self, job, on_finished, status: str) -> None:
        self._show_progress(status)
        task = BackgroundTask(job, cancelled_error=importing.ImportCancelled)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(on_finished)
        task.signals.failed.connect(self._on_failed)
        task.signals.cancelled.connect(self._on_cancelled)
        self.task = task
        task.start()
        self._update_buttons()

    def start_preview(self) -> None:
        if self.busy:
            return
        self._show_preview(None)
        ledger, kind, path = self._context.ledger, self.kind, Path(self.file_edit.text())
        self._run(lambda progress: importing.preview(ledger, kind, path, progress),
                  self._on_previewed, f"正在检查“{path.name}”…")

    def start_import(self) -> None:
        checked = self.preview
        if checked is None or self.busy or not checked.good_rows:
            return
        skip = bool(checked.bad_rows)
        if skip and not messages.confirm(
            self, "跳过错误行",
            f"有 {len(checked.bad_rows)} 行错误，它们不会导入。\n"
            f"是否跳过错误行，只导入其余 {len(checked.good_rows)} 行？",
        ):
            return
        ledger = self._context.ledger
        self._run(lambda progress: importing.commit(ledger, checked, skip_bad_rows=skip, progress=progress),
                  self._on_committed, f"正在导入 {len(checked.good_rows)} 行…")

    def _show_progress(self, status: str) -> None:
        self.summary_label.setText(status)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total} 行" if total else f"{done} 行")

    def _work_ended(self) -> None:
        self.progress.setVisible(False)
        self.task = None

    @Slot(object)
    def _on_previewed(self, checked) -> None:
        self._work_ended()
        self._show_preview(checked)

    @Slot(object)
    def _on_committed(self, result) -> None:
        self._work_ended()
        self.result = result
        self._update_buttons()
        messages.info(self, "导入完成", result.summary())
        self.accept()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._work_ended()
        self.summary_label.setText(message)
        self._update_buttons()
        messages.error(self, "导入Excel", message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._work_ended()
        self.summary_label.setText("已停止，没有写入任何数据。")
        self._update_buttons()

    # --- report and closing -------------------------------------------------------------
    def save_error_report(self, path: str | Path | None = None) -> Path | None:
        if self.preview is None or not self.preview.bad_rows:
            return None
        if path is None:
            suggested = str(Path(_last_folder["dir"]) / f"{self.preview.path.stem}_错误行.xlsx")
            path, _filter = QFileDialog.getSaveFileName(self, "保存错误报告", suggested, XLSX_FILTER)
            if not path:
                return None
        try:
            saved = importing.write_error_report(self.preview, path)
        except UserError as exc:
            messages.refuse(self, "保存错误报告", exc)
            return None
        messages.info(self, "保存错误报告", f"已把 {len(self.preview.bad_rows)} 个错误行保存到：\n{saved}")
        return saved


def open_import_dialog(main_window, kind: str | None = None) -> ImportDialog:
    dialog = ImportDialog(main_window.context, main_window, kind)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog


def save_template_dialog(parent, kind: str | None = None, path: str | Path | None = None) -> Path | None:
    kinds = importing.available_kinds()
    if kind is None:
        labels = [label for _key, label in kinds]
        label, ok = QInputDialog.getItem(parent, "下载导入模板", "模板类型：", labels, 0, False)
        if not ok:
            return None
        kind = kinds[labels.index(label)][0]
    label = dict(kinds).get(kind, kind)
    if path is None:
        suggested = str(Path(_last_folder["dir"]) / f"{label}导入模板.xlsx")
        path, _filter = QFileDialog.getSaveFileName(parent, "保存导入模板", suggested, XLSX_FILTER)
        if not path:
            return None
    try:
        saved = importing.write_template(kind, path)
    except UserError as exc:
        messages.refuse(parent, "下载导入模板", exc)
        return None
    messages.info(parent, "下载导入模板", f"已保存{label}导入模板：\n{saved}")
    return saved
