"""Which record a FormDialog edits, and what to say when someone else saved it first.

The dialog's fields are photographed widget by widget (`field_values`); after 重新载入 the
widgets whose value changed are named by the labels she sees beside them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLayout, QWidget

from desktop_app.services.edits import EditConflict, Loaded, reopened
from desktop_app.store.ledger import Ledger

CONFLICT_TITLE = "记录已被修改"


@dataclass
class Tracked:
    ledger: Ledger
    loaded: Loaded
    load: Callable[[], None]  # fills the dialog's fields from the ledger as it is now

    def catch_up(self) -> None:
        """From now on, saves go over the record's version as it is now."""
        self.loaded = reopened(self.ledger, self.loaded)


def conflict_question(conflict: EditConflict) -> str:
    return (f"{conflict}\n\n重新载入：显示对方保存的内容，放弃您在此窗口中的修改。\n"
            "继续编辑：保留您填写的内容；再次点“保存”时，将用您的内容覆盖对方的修改。")


def _layout_widgets(layout: QLayout | None) -> list[QWidget]:
    if layout is None:
        return []
    found = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            found.append(item.widget())
        found += _layout_widgets(item.layout())
    return found


def _clean_label(text: str) -> str:
    return re.sub(r"<[^>]+>|[*＊:：\s]", "", text or "")


def form_labels(dialog: QWidget, known: dict[QWidget, str]) -> dict[QWidget, str]:
    """Each field widget of the dialog → its label: as `known` (the problem banner's names), else the
    text of its form row's label."""
    labels = dict(known)
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            if label is None or label.widget() is None or field is None:
                continue
            text = _clean_label(getattr(label.widget(), "text", lambda: "")())
            for widget in ([field.widget()] if field.widget() is not None else _layout_widgets(field.layout())):
                labels.setdefault(widget, text)
    return labels


def field_label(widget: QWidget, dialog: QWidget, labels: dict[QWidget, str]) -> str | None:
    """What she calls the field `widget` belongs to: its form row's label, else its group box's title."""
    current = widget
    while current is not None and current is not dialog:
        if labels.get(current):
            return labels[current]
        if isinstance(current, QGroupBox) and current.title():
            return _clean_label(current.title())
        current = current.parentWidget()
    return None


def changed_labels(dialog: QWidget, before: list[tuple[QWidget, object]], after: list[tuple[QWidget, object]],
                   known: dict[QWidget, str]) -> list[str]:
    """The labels of the fields whose value differs between two photographs of `dialog`."""
    if [w for w, _ in before] != [w for w, _ in after]:
        return ["表格内容"]  # the rows themselves changed (another number of people, …)
    labels = form_labels(dialog, known)
    named = [field_label(widget, dialog, labels) or "其他内容"
             for (widget, old), (_w, new) in zip(before, after) if old != new]
    return list(dict.fromkeys(named))
