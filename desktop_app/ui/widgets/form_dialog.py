"""FormDialog: the base of every dialog where she types a record.

Two promises, kept here once for every record dialog:

* **Nothing typed is thrown away silently.** When the dialog is first shown its fields are
  photographed; Esc, the title-bar ✕ and 取消 all end in `reject()`, which asks 放弃修改？ when
  the fields differ from that photograph. `mark_clean()` takes a new photograph (after 保存并继续).
  The main window asks every open FormDialog through `may_discard()` before it closes.
* **It fits her screen.** On first show the part between the problem banner and the bottom
  button row moves into a scroll area, and the dialog is sized to its contents but never larger
  than the screen's free area: on a 1366×768 laptop at 125 % the form scrolls and 保存 stays visible.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QBoxLayout, QComboBox, QDialog, QFrame,
    QLayout, QLineEdit, QPlainTextEdit, QScrollArea, QTextEdit, QVBoxLayout, QWidget,
)

from desktop_app.ui import messages

DISCARD_TITLE = "放弃修改？"
MAX_VIEW_ROWS = 2000  # a table larger than this is a listing, not something she typed
WINDOW_FRAME = QSize(16, 40)  # room the window manager's frame and title bar take


def _model_values(view: QAbstractItemView) -> tuple:
    model, root = view.model(), QModelIndex()
    if model is None or model.rowCount(root) > MAX_VIEW_ROWS:
        return ()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)  # private in list models
    return tuple(
        (model.index(row, column).data(Qt.DisplayRole), model.index(row, column).data(Qt.CheckStateRole))
        for row in range(model.rowCount(root)) for column in range(columns)
    )


def field_values(dialog: QWidget) -> list:
    """What every input of `dialog` holds now, in a comparable form."""
    values = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            values.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QAbstractSpinBox):
            values.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
        elif isinstance(widget, QAbstractItemView):
            values.append(_model_values(widget))
    return values


class FormScrollArea(QScrollArea):
    """A frameless scroll area that asks for the whole form, but can shrink to a few rows."""

    MIN_HEIGHT = 160

    def __init__(self, body: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setWidget(body)

    def _bar(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = self.widget().sizeHint()
        return QSize(hint.width() + self._bar(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        least = self.widget().minimumSizeHint()
        return QSize(least.width() + self._bar(), min(least.height(), self.MIN_HEIGHT))


def _take_items(layout: QLayout, start: int, end: int) -> list[tuple[object, int]]:
    """Remove items start..end-1 from `layout`, as (widget, layout or spacer, stretch)."""
    taken = []
    for _ in range(start, end):
        stretch = layout.stretch(start) if isinstance(layout, QBoxLayout) else 0
        item = layout.takeAt(start)
        taken.append((item, stretch))
    return taken


def scroll_middle(dialog: QWidget) -> FormScrollArea | None:
    """Move what lies between the leading banner/labels and the last row (the buttons) of the
    dialog's top layout into a FormScrollArea. Does nothing for a layout it does not understand."""
    layout = dialog.layout()
    if not isinstance(layout, QVBoxLayout) or layout.count() < 3:
        return None
    start = 0
    while start < layout.count() - 1 and _is_banner(layout.itemAt(start).widget()):
        start += 1
    end = layout.count() - 1  # the button row stays put
    if end - start < 1:
        return None
    body = QWidget(dialog)
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    for item, stretch in _take_items(layout, start, end):
        if item.widget() is not None:
            body_layout.addWidget(item.widget(), stretch)
        elif item.layout() is not None:
            inner = item.layout()
            inner.setParent(None)
            body_layout.addLayout(inner, stretch)
        else:
            body_layout.addItem(item)
    area = FormScrollArea(body, dialog)
    layout.insertWidget(start, area, 1)
    return area


def _is_banner(widget: QWidget | None) -> bool:
    from desktop_app.ui.widgets.form_problems import ProblemBanner

    return isinstance(widget, ProblemBanner)


def available_size(widget: QWidget) -> QSize:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() - WINDOW_FRAME


def fit_to_screen(dialog: QWidget) -> None:
    """Size the dialog to its contents (or its chosen size), bounded by the screen, and keep it on screen."""
    if dialog.layout() is not None:
        dialog.layout().activate()  # hints and the minimum size as the layout is now
    room = available_size(dialog)
    wanted = dialog.size().expandedTo(dialog.sizeHint()).boundedTo(room)
    dialog.resize(wanted.expandedTo(dialog.minimumSize()))
    screen = (dialog.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    frame = dialog.frameGeometry()
    x = min(max(frame.x(), screen.left()), max(screen.left(), screen.right() - frame.width()))
    y = min(max(frame.y(), screen.top()), max(screen.top(), screen.bottom() - frame.height()))
    dialog.move(x, y)


class FittedDialog(QDialog):
    """A dialog sized to its contents (or the size it chose) but never beyond the screen's free area."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if not self._fitted:
            self._fitted = True
            fit_to_screen(self)
        super().showEvent(event)


class FormDialog(FittedDialog):
    discard_text = "表单中有尚未保存的修改。放弃这些修改并关闭吗？"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._clean: list | None = None
        self._arranged = False

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt API
        if visible and not self._arranged:
            # Before the first show, while no child is on screen: moving shown widgets would hide them
            # until Qt's queued re-show.
            self._arranged = True
            focus = self.focusWidget()
            scroll_middle(self)
            if focus is not None:
                focus.setFocus()
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._clean is None:
            self.mark_clean()

    def mark_clean(self) -> None:
        """What the fields hold now counts as unchanged (on first show, and after 保存并继续)."""
        self._clean = field_values(self)

    def has_changes(self) -> bool:
        """Typed since shown, and still on screen (a saved, closed dialog has nothing to lose)."""
        return self._clean is not None and self.isVisible() and field_values(self) != self._clean

    def may_discard(self) -> bool:
        """True when closing loses nothing, or she agreed to lose it."""
        if not self.has_changes():
            return True
        return messages.confirm(self, DISCARD_TITLE, self.discard_text, danger=True, yes="放弃修改", no="继续编辑")

    def reject(self) -> None:
        if self.may_discard():
            super().reject()


def close_form_dialogs() -> bool:
    """Before the main window closes: each open record dialog with changes asks 放弃修改？.
    False (nothing closed) when she wants to keep editing any of them."""
    dialogs = [widget for widget in QApplication.topLevelWidgets()
               if isinstance(widget, FormDialog) and widget.isVisible()]
    if not all(dialog.may_discard() for dialog in dialogs):
        return False
    for dialog in dialogs:
        QDialog.reject(dialog)  # already agreed: end its exec() without asking again
    return True
