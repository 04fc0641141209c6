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

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QBoxLayout, QComboBox, QDialog, QFrame,
    QLayout, QLineEdit, QPlainTextEdit, QScrollArea, QTextEdit, QVBoxLayout, QWidget,
)

from desktop_app.services.edits import EditConflict, expecting, opened
from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger
from desktop_app.ui import messages
from desktop_app.ui.widgets.edit_tracking import (
    CONFLICT_TITLE, Tracked, conflict_question, her_kept_edits, her_lost_edits, photograph, reload_report,
    their_changes,
)

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


def _value(widget: QWidget) -> tuple[bool, object]:
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and widget.isReadOnly():
        return False, None  # shows something (e.g. a QTextBrowser); nothing she typed
    if isinstance(widget, QLineEdit):
        return True, widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return True, widget.toPlainText()
    if isinstance(widget, QComboBox):
        return True, (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return True, widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return True, widget.isChecked()
    if isinstance(widget, QAbstractItemView):
        return True, _model_values(widget)
    return False, None


def field_inputs(dialog: QWidget) -> list[tuple[QWidget, object]]:
    """Every input of `dialog` with what it holds now, in a comparable form. Inputs of the windows it
    opened (a 请假记录 list, a quick-add form) are theirs, not the dialog's."""
    return [(widget, value) for widget in dialog.findChildren(QWidget) if widget.window() is dialog
            for is_input, value in [_value(widget)] if is_input]


def field_values(dialog: QWidget) -> list:
    """What every input of `dialog` holds now, in a comparable form."""
    return [value for _widget, value in field_inputs(dialog)]


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
    """The base of record dialogs. One that edits a stored record calls `track(...)` to load it:
    then a save (through `saving()`, which `run_or_show` uses) is refused when someone else saved
    the record after it was loaded, and she chooses 重新载入 or 继续编辑 (`resolve_conflict`)."""

    discard_text = "表单中有尚未保存的修改。放弃这些修改并关闭吗？"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._clean: list | None = None
        self._arranged = False
        self._tracked: Tracked | None = None
        self._loaded_photo: dict | None = None  # what a tracked dialog showed as loaded

    # --- the stored record this dialog edits ------------------------------------
    def track(self, ledger: Ledger, kind: Topic, record_id: int, load: Callable[[], None]) -> None:
        """Edit record `record_id` of `kind` (its table's topic): its version is read first, then `load` fills the fields."""
        self._tracked = Tracked(ledger, opened(ledger, kind, record_id), load)
        load()

    @contextmanager
    def saving(self) -> Iterator[None]:
        """Around the service call that saves: it writes only over the version this dialog loaded."""
        if self._tracked is None:
            yield
            return
        with expecting(self._tracked.loaded) as (claim,):
            yield
        self._tracked.at(claim.saved)  # a dialog that stays open saves over its own save next

    def resolve_conflict(self, conflict: EditConflict) -> None:
        """Someone saved (or deleted) the record first: nothing was written; she reloads or keeps editing."""
        if self._tracked is None or conflict.deleted:
            messages.refuse(self, CONFLICT_TITLE, f"{conflict}\n请关闭此窗口，再重新打开后修改。")
            return
        if not messages.confirm(self, CONFLICT_TITLE, conflict_question(conflict), yes="重新载入", no="继续编辑"):
            self._tracked.at(conflict.now)  # over what she was told of, and nothing saved since
            return
        loaded, hers = self._loaded_photo or {}, self._photograph()
        self._tracked.catch_up()
        self._tracked.load()
        reloaded = self._photograph()
        kept = her_kept_edits(loaded, hers, reloaded)
        if not kept:
            self.mark_clean()
        else:  # what she kept (a review she is writing, a file to attach) still asks before it is thrown away
            self._loaded_photo = reloaded
        messages.info(self, CONFLICT_TITLE,
                      reload_report(their_changes(loaded, reloaded), her_lost_edits(loaded, hers, reloaded)))

    def _photograph(self) -> dict:
        from desktop_app.ui.widgets.form_problems import ProblemBanner  # it builds on this module

        banner = self.findChild(ProblemBanner)
        return photograph(self, field_inputs(self), banner.field_labels() if banner else {})

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
        if self._tracked is not None:
            self._loaded_photo = self._photograph()

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
