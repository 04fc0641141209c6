"""Which record a FormDialog edits, and what to say when someone else saved it first.

After 重新载入 the dialog compares three photographs of what it shows: as loaded, as she left it,
and as reloaded. Each shown value is keyed by what she sees (its field's label, and a check box's
own text), so fields a load rebuilds still compare.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from PySide6.QtWidgets import QAbstractButton, QFormLayout, QGroupBox, QLabel, QLayout, QWidget

from desktop_app.services.edits import EditConflict, Loaded, reopened
from desktop_app.store.ledger import Ledger

CONFLICT_TITLE = "记录已被修改"
OTHER = "其他内容"
Photo = dict[tuple, object]


@dataclass
class Tracked:
    ledger: Ledger
    loaded: Loaded
    load: Callable[[], None]  # fills the dialog's fields from the ledger as it is now

    def catch_up(self) -> None:
        """Before a reload: saves go over the record's version as it is now (read before the fields)."""
        self.loaded = reopened(self.ledger, self.loaded)

    def at(self, version: int | None) -> None:
        """Saves go over `version`: the one her save made, or the one the conflict named (继续编辑)."""
        if version is not None:
            self.loaded = replace(self.loaded, version=version)


def conflict_question(conflict: EditConflict) -> str:
    return (f"{conflict}\n\n重新载入：显示对方保存的内容，您在此窗口中对这些内容的修改将放弃。\n"
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
    """Each field widget of the dialog → its label: the text of its form row's label as shown now
    (六谈 or 六问), else as `known` (the problem banner's names, for fields outside a form)."""
    labels: dict[QWidget, str] = {}
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            if label is None or label.widget() is None or field is None:
                continue
            text = _clean_label(getattr(label.widget(), "text", lambda: "")())
            for widget in ([field.widget()] if field.widget() is not None else _layout_widgets(field.layout())):
                labels.setdefault(widget, text)
    return {**known, **{widget: text for widget, text in labels.items() if text}}


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


def photograph(dialog: QWidget, inputs: Iterable[tuple[QWidget, object]], known: dict[QWidget, str]) -> Photo:
    """What the dialog shows: its inputs and the texts shown as form fields, keyed by what she sees."""
    labels = form_labels(dialog, known)
    shown = [*inputs, *((w, w.text()) for w in labels if isinstance(w, QLabel) and w.window() is dialog)]
    photo: Photo = {}
    seen: Counter = Counter()
    for widget, value in shown:
        own = widget.text() if isinstance(widget, QAbstractButton) else ""
        key = (field_label(widget, dialog, labels) or OTHER, type(widget).__name__, own)
        seen[key] += 1
        photo[(*key, seen[key])] = value
    return photo


def _names(keys: Iterable[tuple]) -> list[str]:
    return list(dict.fromkeys(key[0] for key in keys))


def their_changes(loaded: Photo, reloaded: Photo) -> list[str]:
    """The fields the other save changed."""
    return _names(k for k in {**loaded, **reloaded} if loaded.get(k) != reloaded.get(k))


def her_lost_edits(loaded: Photo, hers: Photo, reloaded: Photo) -> list[str]:
    """The fields she had changed whose text the reload replaced."""
    return _names(k for k in hers if hers[k] != loaded.get(k) and reloaded.get(k) != hers[k])


def her_kept_edits(loaded: Photo, hers: Photo, reloaded: Photo) -> bool:
    """Whether some of her changes are still on screen (things the reload does not fill, like a review)."""
    return any(reloaded.get(k) == hers[k] != loaded.get(k) for k in hers)


def reload_report(theirs: list[str], lost: list[str]) -> str:
    changed = "、".join(theirs) if theirs else "（此窗口显示的内容没有变化）"
    text = f"已载入对方保存的内容。\n对方修改了：{changed}。"
    return text + (f"\n您放弃的修改：{'、'.join(lost)}。" if lost else "")
