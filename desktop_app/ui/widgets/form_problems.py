"""Showing validation problems inside a form: a red list at the top and red-edged fields.

A dialog keeps itself open on bad input and shows every `FieldProblem` at once::

    self.problems = ProblemBanner(self)           # put it at the top of the dialog's layout
    self.problems.register("姓名", self.name_edit) # field label as the rules name it → widget
    ...
    self.problems.show_problems(error.problems)   # lists them, marks the fields, focuses the first
    self.problems.clear_problems()

or, for the usual "call the service, then close" step, `save_or_show(self, self.problems, "未能保存", write)`.

The labels are the Chinese field names the domain rules use (FieldProblem.field), so the
message the user reads names the field they see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import nullcontext
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget,
)

from desktop_app.domain.problems import FieldProblem
from desktop_app.services.edits import EditConflict
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.ui import messages
from desktop_app.ui.widgets.form_dialog import FormDialog, available_size

_MARK = "problem"
_STYLE = "QLabel { background: #fdecea; color: #b71c1c; border: 1px solid #f5c2c0; border-radius: 3px; padding: 6px; }"
# Applies to the marked widget and, for composite fields, the inputs inside it. A styled border drops
# the native frame; the padding gives back its height, or the typed text would be cut in half.
_FIELD_STYLE = ("QLineEdit, QComboBox, QPlainTextEdit { border: 1px solid #d32f2f; background: #fff8f7;"
                " padding: 2px 1px; }")


class ProblemBanner(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setVisible(False)
        self._fields: dict[str, QWidget] = {}
        self._marked: list[QWidget] = []
        self._problems: list[FieldProblem] = []

    def register(self, label: str, widget: QWidget) -> None:
        self._fields[label] = widget

    def field_labels(self) -> dict[QWidget, str]:
        """Each registered widget → the first label it was registered under (what she calls it)."""
        labels: dict[QWidget, str] = {}
        for label, widget in self._fields.items():
            labels.setdefault(widget, label)
        return labels

    def register_form(self, form: QFormLayout) -> None:
        """Every row of `form` under its label's text (without the required-field star)."""
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            if label and field and isinstance(label.widget(), QLabel) and field.widget():
                self.register(label.widget().text().replace("*", "").strip(" ：:"), field.widget())

    def problems(self) -> list[FieldProblem]:
        return list(self._problems)

    def texts(self) -> list[str]:
        """The messages shown, e.g. ["姓名：必须填写"], for tests and logs."""
        return [str(p) for p in self._problems]

    def show_problems(self, problems: Iterable[FieldProblem]) -> None:
        shown_before = self.height() if self.isVisible() else 0
        self.clear_problems()
        self._problems = list(problems)
        if not self._problems:
            return
        self._show_list()
        self.setVisible(True)
        first = None
        for problem in self._problems:
            widget = self._fields.get(problem.field)
            if widget is None:
                continue
            widget.setProperty(_MARK, True)
            widget.setStyleSheet(_FIELD_STYLE)
            widget.setToolTip(problem.message)
            self._marked.append(widget)
            first = first or widget
        if first is not None:
            first.setFocus()
        if not self._grow_window(shown_before):
            # No room left on the screen: one line naming the fields (each red field's tooltip has the reason).
            self._show_line()
            self._grow_window(shown_before)

    def _show_list(self) -> None:
        items = "".join(f"<li>{escape(str(p) if p.field else p.message)}</li>" for p in self._problems)
        self.setText(f"<b>请修改以下内容后再保存：</b><ul style='margin:0'>{items}</ul>")
        self.setToolTip("")

    def _show_line(self) -> None:
        fields = "、".join(dict.fromkeys(p.field or p.message for p in self._problems))
        self.setText(f"<b>请修改以下 {len(self._problems)} 处后再保存：</b>{escape(fields)}（红框处，鼠标停留可看原因）")
        self.setToolTip("\n".join(str(p) if p.field else p.message for p in self._problems))

    def show_texts(self, texts: Iterable[str]) -> None:
        """Problems the dialog found itself, as "字段：问题" texts (the widgets' own `problem()`)."""
        self.show_problems(FieldProblem(*text.split("：", 1)) if "：" in text else FieldProblem("", text)
                           for text in texts)

    def _grow_window(self, shown_before: int) -> bool:
        """Grow the dialog by the banner's height, so the form keeps its own; False when the screen
        has no room for all of it."""
        window = self.window()
        layout = window.layout()
        if window is self or layout is None or window.isMaximized() or window.isFullScreen():
            return True
        margins = layout.contentsMargins()
        width = window.width() - margins.left() - margins.right()
        banner = max(self.heightForWidth(width), self.sizeHint().height())
        extra = banner + (layout.spacing() if not shown_before else 0) - shown_before
        wanted = window.height() + max(extra, 0)
        room = available_size(window).height()
        window.resize(window.width(), max(min(wanted, room), window.height()))
        return wanted <= room

    def clear_problems(self) -> None:
        for widget in self._marked:
            widget.setProperty(_MARK, False)
            widget.setStyleSheet("")
            widget.setToolTip("")
        self._marked, self._problems = [], []
        self.clear()
        self.setVisible(False)



def run_or_show(banner: ProblemBanner, title: str, action: Callable[[], object]) -> bool:
    """Run `action`; True when it went through.

    A ValidationError lists its problems in `banner` (its dialog grows to make room); any other
    UserError is the whole action refused, shown by `messages.refuse`. Nothing was changed then.
    In a FormDialog editing a stored record, `action` saves only over the version the dialog
    loaded; when someone saved first, the dialog asks 重新载入 / 继续编辑.
    """
    dialog = banner.window()
    editing = isinstance(dialog, FormDialog)
    try:
        with dialog.saving() if editing else nullcontext():
            action()
    except EditConflict as exc:
        banner.clear_problems()
        if editing:
            dialog.resolve_conflict(exc)
        else:
            messages.refuse(dialog, title, exc)
        return False
    except ValidationError as exc:
        banner.show_problems(exc.problems)
        return False
    except UserError as exc:
        messages.refuse(banner.window(), title, exc)
        return False
    banner.clear_problems()
    return True


def save_or_show(dialog: QDialog, banner: ProblemBanner, title: str, save: Callable[[], object]) -> bool:
    """Run `save` and close the dialog; True when saved. Refusals as in `run_or_show`, dialog left open."""
    if not run_or_show(banner, title, save):
        return False
    dialog.accept()
    return True


def lay_out_form(dialog: QDialog, banner: ProblemBanner, form: QLayout, save: Callable[[], object]) -> QPushButton:
    """The usual record dialog: problems banner on top, the form, 保存/取消; returns 保存."""
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, dialog)
    save_button = buttons.button(QDialogButtonBox.Save)
    save_button.setText("保存")
    buttons.button(QDialogButtonBox.Cancel).setText("取消")
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(banner)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return save_button
