"""The 印制 tab (print centre): choose what to print, preview it in-app, then save or print.

The PDF is generated on a pool thread (`BackgroundTask`) into a private temporary folder
and previewed with QtPdf; 保存PDF… and 打印… use exactly the previewed file, so what the
user looked at is what comes out. Any change to the choice makes the preview stale.
"""

from __future__ import annotations

from datetime import date
from itertools import count
from pathlib import Path

from PySide6.QtCore import Qt, QTemporaryDir
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog, QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea, QSizePolicy,
    QSplitter, QVBoxLayout, QWidget,
)

from desktop_app.domain.calendar import school_year_of
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations.queries import evaluated_years
from desktop_app.services.files import atomic_copy
from desktop_app.services.honours import list_honours
from desktop_app.services.pledges.queries import pledge_years
from desktop_app.services.prints import jobs, sources
from desktop_app.services.prints.options import load_options, save_options
from desktop_app.services.prints.stock import load_stocks
from desktop_app.services.settings import configured_school_years
from desktop_app.store.events import Topic
from desktop_app.ui import messages
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets.background import BackgroundTask
from desktop_app.ui.prints.controls import PrintControls
from desktop_app.ui.prints.log_dialog import PrintLogDialog
from desktop_app.ui.prints.printing import prepare_printer, print_document
from desktop_app.ui.prints.stock_dialog import StockDialog
from desktop_app.ui.prints.templates_dialog import CitationTemplatesDialog
from desktop_app.ui.widgets.refusals import run_service

TITLE = "印制"

TOPICS = {Topic.HONOUR, Topic.PLEDGE, Topic.MEMBER, Topic.EVALUATION, Topic.SCHOOL_CLASS, Topic.SETTING}


class PrintCentreTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.batch: jobs.Batch | None = None
        self.task: BackgroundTask | None = None
        self.preview_path: Path | None = None  # the file shown, while it matches the choices
        self._temp = QTemporaryDir()
        self._printer: QPrinter | None = None
        self._numbers = count(1)

        self.controls = PrintControls(self)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocument(self.document)
        self.status = QLabel("选好种类和人员后，点“生成预览”。", self)
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.preview_button = QPushButton("生成预览", self)
        self.save_button = QPushButton("保存为PDF…", self)
        self.word_button = QPushButton("保存为Word…", self)
        self.word_button.setToolTip("可编辑的 Word 文档（承诺书、公示名单、荣誉证书）")
        self.print_button = QPushButton("打印…", self)
        self.log_button = QPushButton("印制记录…", self)
        self.preview_items: list = []  # the records in the preview, with their certificate numbers
        self.preview_button.setDefault(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.preview_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.word_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.log_button)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.status, 2)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.view, 1)
        left = QScrollArea(self)  # the settings stay reachable on a small screen
        left.setWidget(self.controls)
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setMinimumWidth(self.controls.minimumSizeHint().width() + 12)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.preview_button.clicked.connect(self.generate_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        self.print_button.clicked.connect(self.print_pdf)
        self.controls.save_settings.clicked.connect(self._save_settings)
        self.controls.templates_button.clicked.connect(self.edit_templates)
        self.controls.stock_button.clicked.connect(self.edit_stock)
        self.log_button.clicked.connect(self.show_log)
        self.controls.selection_changed.connect(self.reload)
        self.controls.options_changed.connect(self._stale)
        context.watch(TOPICS, self._on_changed)
        context.reloaded.connect(self._reset)
        self._reset()

    # --- loading ------------------------------------------------------------------------------
    def _years(self) -> list[str]:
        ledger = self.context.ledger
        years = set(configured_school_years(ledger)) | set(pledge_years(ledger))
        years |= {row.school_year for row in list_honours(ledger)} | evaluated_years(ledger)
        return sorted(years, reverse=True)

    def _reset(self) -> None:
        options = load_options(self.context.ledger)
        self.controls.set_options(options)
        self.controls.set_stocks(load_stocks(self.context.ledger), options.stock.name if options.stock else "")
        self.controls.set_years(self._years(), school_year_of(date.today()))
        self.reload()

    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        year = self.controls.school_year()
        self.controls.set_years(self._years(), year)
        self.reload()

    def reload(self) -> None:
        """Gather the records for the chosen kind, year and level/title."""
        controls = self.controls
        kind = jobs.kind_by_key(controls.kind_key())
        ledger = self.context.ledger
        controls.set_choices(kind.filter_label, jobs.filter_choices(ledger, kind, controls.school_year()))
        try:
            self.batch = jobs.load_batch(ledger, kind.key, controls.school_year(), controls.filter_choice(),
                                         order=controls.options().notice_order)
        except UserError as exc:
            self.batch = None
            controls.show_unapproved_choice(False)
            controls.people.set_items([])
            controls.notes.setText(str(exc))
            self._stale()
            return
        controls.people.set_items(self.batch.items)
        controls.people.setEnabled(kind.per_person)
        self.word_button.setEnabled(kind.word)
        controls.show_unapproved_choice(self.batch.unapproved)
        notes = list(self.batch.notes)
        if kind.per_person and not self.batch.items:
            notes.append(jobs.empty_message(self.batch))
        controls.notes.setText("\n".join(notes))
        self._stale()

    # --- preview ------------------------------------------------------------------------------
    def _stale(self, *_args) -> None:
        self.preview_path = None
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        if self.document.pageCount():
            self.status.setText("选择已改动，请重新生成预览。")

    def _chosen_items(self) -> list | None:
        """The checked records without those whose text no font can draw (after asking)."""
        items = self.controls.people.checked()
        problems = jobs.glyph_problems(items, self.controls.options())
        if not problems:
            return items
        listing = "\n".join(p.message for p in problems)
        if not messages.confirm(self, TITLE, f"以下内容有字体里没有的字，印出来会缺字：\n{listing}\n\n"
                                             "跳过这些，只印其余的吗？（也可以先改正名字或换用字体）"):
            return None
        skipped = {p.who for p in problems}
        return [item for item in items if item.who not in skipped]

    def _ready_to_render(self) -> bool:
        """Refuses plaques of an unapproved year unless ticked; names a missing font and asks."""
        options = self.controls.options()
        if self.batch.unapproved and not options.allow_unapproved:
            messages.warn(self, TITLE, jobs.unapproved_message(self.batch.school_year))
            return False
        missing = jobs.missing_font(options)
        return not missing or messages.confirm(self, TITLE, f"{jobs.font_fallback_note(missing)}\n\n继续生成吗？")

    def generate_preview(self) -> None:
        if self.batch is None or (self.task is not None and self.task.running):
            return
        if not self._ready_to_render():
            return
        items = self._chosen_items()
        if items is None:
            return
        if self.batch.kind.per_person and not items:
            messages.warn(self, TITLE, jobs.empty_message(self.batch) if not self.batch.items else "请至少勾选一项。")
            return
        batch, options = self.batch, self.controls.options()
        try:
            items = jobs.prepare(self.context.ledger, batch, items)
        except UserError as exc:
            messages.error(self, TITLE, str(exc))
            return
        self.preview_items = items
        path = Path(self._temp.path()) / f"preview-{next(self._numbers)}.pdf"

        def job(progress):
            return jobs.render(batch, items, str(path), options, progress), path

        self.task = BackgroundTask(job, failure_message="生成时发生了意外错误，没有生成文件。详情已记入日志文件。")
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.finished.connect(self._on_rendered)
        self.task.signals.failed.connect(self._on_failed)
        self._busy(True)
        self.status.setText(f"正在生成{batch.kind.label}…")
        self.task.start()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.preview_button.setEnabled(not busy)
        self.controls.setEnabled(not busy)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_failed(self, message: str) -> None:
        self._busy(False)
        self._printer = None
        self.status.setText("没有完成。")
        messages.error(self, TITLE, message)

    def _on_rendered(self, result) -> None:
        pages, path = result
        self._busy(False)
        self.document.close()
        self.document.load(str(path))
        self.preview_path = path
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.status.setText(f"{self.batch.kind.label}：共 {pages} 页。请检查预览后保存或打印。")

    def page_count(self) -> int:
        return self.document.pageCount()

    # --- output -------------------------------------------------------------------------------
    def _default_name(self, suffix: str = ".pdf") -> str:
        kind = self.batch.kind if self.batch else jobs.KINDS[0]
        year = f"{self.controls.school_year()}学年" if kind.needs_year else ""
        choice = self.controls.filter_choice().replace(jobs.ALL_CHOICE, "").replace(sources.NOTICE_POSTED, "")
        return f"{year}{choice.replace('（含草拟）', '')}{kind.label}{suffix}"

    def save_word(self) -> None:
        """The checked records as a Word document she can edit (no preview needed: Word is the preview)."""
        if self.batch is None or not self.batch.kind.word:
            return
        items = self.controls.people.checked()
        if not items:
            messages.warn(self, TITLE, jobs.empty_message(self.batch) if not self.batch.items else "请至少勾选一项。")
            return
        path, _filter = QFileDialog.getSaveFileName(self, "保存为Word", self._default_name(".docx"),
                                                    "Word 文档 (*.docx)")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".docx") else Path(path + ".docx")
        try:
            items = jobs.prepare(self.context.ledger, self.batch, items)
            jobs.write_word(self.batch, items, target, self.controls.options())
            self._record("word", str(target), items)
        except UserError as exc:
            messages.error(self, TITLE, str(exc))
            return
        self.status.setText(f"已保存 Word 文档：{target}")

    def save_pdf(self) -> None:
        if self.preview_path is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, "保存PDF", self._default_name(), "PDF 文件 (*.pdf)")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            atomic_copy(self.preview_path, target)
        except UserError as exc:
            messages.error(self, TITLE, str(exc))
            return
        self._record("pdf", str(target), self.preview_items)
        self.status.setText(f"已保存：{target}")

    def print_pdf(self) -> None:
        if self.preview_path is None or not self.document.pageCount():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.document)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"打印{self.batch.kind.label}")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.send_to_printer(printer)

    def send_to_printer(self, printer: QPrinter) -> None:
        """Paint the previewed pages on `printer` on a pool thread (Qt paints on a QPrinter from
        any thread); the worker opens its own QPdfDocument, so no widget or GUI object is shared."""
        path = self.preview_path
        self._printer = printer  # kept alive until the job ends

        def job(progress):
            document = QPdfDocument()
            try:
                if document.load(str(path)) != QPdfDocument.Error.None_:
                    raise UserError("预览文件无法读取，请重新生成预览。")
                return print_document(document, printer, progress)
            except RuntimeError:
                raise UserError("打印机无法打开，请检查打印机是否连接、是否缺纸。") from None
            finally:
                document.close()

        self.task = BackgroundTask(job, failure_message="打印时发生了意外错误，请检查打印机后重试。详情已记入日志文件。")
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.finished.connect(self._on_printed)
        self.task.signals.failed.connect(self._on_failed)
        self._busy(True)
        self.status.setText("正在发送到打印机…")
        self.task.start()

    def _on_printed(self, pages: int) -> None:
        self._busy(False)
        if self._printer is not None:
            self._record("printer", self._printer.printerName() or self._printer.outputFileName(), self.preview_items)
        self._printer = None
        self.status.setText(f"已发送到打印机：{pages} 页。")

    def _record(self, output: str, target: str, items: list) -> None:
        jobs.record(self.context.ledger, self.batch, items, output, target, self.controls.filter_choice())

    def show_log(self) -> None:
        PrintLogDialog(self.context.ledger, self).exec()

    def edit_stock(self) -> None:
        current = self.controls.options().stock
        dialog = StockDialog(self.context.ledger, current.name if current else "", self)
        if dialog.exec() and dialog.saved is not None:
            self.controls.set_stocks(load_stocks(self.context.ledger), dialog.saved.name)
            self.status.setText(f"证书纸“{dialog.saved.name}”的位置已保存；可先印“证书纸校准页”核对。")
            self._stale()

    def edit_templates(self) -> None:
        titles = jobs.filter_choices(self.context.ledger, jobs.kind_by_key("certificates"), self.controls.school_year())
        if CitationTemplatesDialog(self.context.ledger, titles[1:], self).exec():
            self.status.setText("证书正文模板已保存，重新生成预览即可看到。")
            self._stale()

    def _save_settings(self) -> None:
        if run_service(self, TITLE, lambda: save_options(self.context.ledger, self.controls.options())):
            self.status.setText("打印设置已保存。")
