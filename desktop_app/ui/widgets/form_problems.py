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
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.people import FieldProblem
from desktop_app.services.errors import UserError, ValidationError
from desktop_app.ui import messages
from desktop_app.ui.widgets.form_dialog import available_size

_MARK = "problem"
_STYLE = "QLabel { background: #fdecea; color: #b71c1c; border: 1px solid #f5c2c0; border-radius: 3px; padding: 6px; }"
# Applies to the marked widget and, for composite fields, the inputs inside it.
_FIELD_STYLE = "QLineEdit, QComboBox, QPlainTextEdit { border: 1px solid #d32f2f; background: #fff8f7; }"


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

    def problems(self) -> list[FieldProblem]:
        return list(self._problems)

    def texts(self) -> list[str]:
        """The messages shown, e.g. ["姓名：必须填写"], for tests and logs."""
        return [str(p) for p in self._problems]

    def show_problems(self, problems: Iterable[FieldProblem]) -> None:
        self.clear_problems()
        self._problems = list(problems)
        if not self._problems:
            return
        items = "".join(f"<li>{escape(str(p))}</li>" for p in self._problems)
        self.setText(f"<b>请修改以下内容后再保存：</b><ul style='margin:0'>{items}</ul>")
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

    def clear_problems(self) -> None:
        for widget in self._marked:
            widget.setProperty(_MARK, False)
            widget.setStyleSheet("")
            widget.setToolTip("")
        self._marked, self._problems = [], []
        self.clear()
        self.setVisible(False)



def save_or_show(dialog: QDialog, banner: ProblemBanner, title: str, save: Callable[[], object], *,
                 grow: bool = False) -> bool:
    """Run `save` and close the dialog; True when saved.

    A ValidationError lists its problems in `banner` (with `grow`, the dialog grows to make room);
    any other UserError is shown as a message titled `title`. Either way the dialog stays open.
    """
    try:
        save()
    except ValidationError as exc:
        banner.show_problems(exc.problems)
        if grow:
            dialog.resize(dialog.size().expandedTo(dialog.sizeHint()).boundedTo(available_size(dialog)))
        return False
    except UserError as exc:
        messages.error(dialog, title, str(exc))
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
