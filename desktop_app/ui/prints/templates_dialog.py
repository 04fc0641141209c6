"""证书正文模板: the citation printed for each honour, with {姓名} {学年} {荣誉} {班级} filled
in for each certificate. An honour without its own text uses the default."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.services.errors import UserError
from desktop_app.services.honours import CLASS_TITLE, COMMON_TITLES
from desktop_app.services.prints.certificates import PLACEHOLDERS, fill_template
from desktop_app.services.prints.sources import citation_templates, save_citation_templates, template_for
from desktop_app.ui import messages
from desktop_app.ui.widgets.form_dialog import FormDialog

TITLE = "证书正文模板"
EXAMPLE = {"姓名": "王晓明", "学年": "2025-2026", "班级": "高二(3)班"}


class CitationTemplatesDialog(FormDialog):
    def __init__(self, ledger, titles: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.setWindowTitle(TITLE)
        self.templates = citation_templates(ledger)
        self.title = QComboBox(self)
        self.title.addItems(list(dict.fromkeys([*COMMON_TITLES, *titles, *self.templates])))
        self.text = QPlainTextEdit(self)
        self.text.setMinimumHeight(90)
        self.example = QLabel(self)
        self.example.setWordWrap(True)
        self.example.setStyleSheet("color: #555;")
        hint = QLabel("可用占位符：" + "、".join("{" + p + "}" for p in PLACEHOLDERS) + "，印制时换成每张证书的内容。", self)
        hint.setWordWrap(True)
        reset = QPushButton("恢复默认正文", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        form = QFormLayout()
        form.addRow("荣誉称号", self.title)
        form.addRow("证书正文", self.text)
        form.addRow("示例", self.example)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(reset)
        layout.addWidget(buttons)
        self._shown = ""
        self.title.currentTextChanged.connect(self._show)
        self.text.textChanged.connect(self._update_example)
        reset.clicked.connect(self._reset)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self._show(self.title.currentText())
        self.resize(620, 360)

    def _keep_current(self) -> None:
        if self._shown:
            text = self.text.toPlainText().strip()
            default = template_for({}, self._shown, self._shown == CLASS_TITLE)
            if text and text != default:
                self.templates[self._shown] = text
            else:
                self.templates.pop(self._shown, None)

    def _show(self, title: str) -> None:
        self._keep_current()
        self._shown = title
        self.text.setPlainText(template_for(self.templates, title, title == CLASS_TITLE))

    def _reset(self) -> None:
        self.text.setPlainText(template_for({}, self._shown, self._shown == CLASS_TITLE))

    def _update_example(self) -> None:
        self.example.setText(fill_template(self.text.toPlainText(), 荣誉=self._shown, **EXAMPLE))

    def _save(self) -> None:
        self._keep_current()
        try:
            save_citation_templates(self.ledger, self.templates)
        except UserError as exc:
            messages.error(self, TITLE, str(exc))
            return
        self.accept()
