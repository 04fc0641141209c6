"""Opens every dialog of tests/dialog_catalogue.py and every tab of the main window on the demo
school, as the test's parent process set the screen up (1366×768 at 125 %), and writes what it
measured as JSON: minimum and opened sizes, whether the confirming button is wholly visible.

    python -m tests.helpers.measure_dialogs DATA_DIR OUT.json SCREENSHOT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from desktop_app.app import build_main_window, make_application
from desktop_app.services.demo import fill_demo
from desktop_app.store.ledger import open_ledger
from desktop_app.ui import messages
from tests.dialog_catalogue import CASES

CONFIRM_TEXTS = ("保存", "确定")


def confirm_button(dialog: QDialog):
    """保存/确定, else the accepting button, else (a dialog that only shows something) any, e.g. 关闭."""
    accepting, others = [], []
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if button.text() in CONFIRM_TEXTS:
                return button
            accepting_role = box.buttonRole(button) in (QDialogButtonBox.AcceptRole, QDialogButtonBox.YesRole)
            (accepting if accepting_role else others).append(button)
    return (accepting or others or [None])[0]


def wholly_visible(widget: QWidget | None, window: QWidget) -> bool:
    if widget is None or not widget.isVisible():
        return False
    where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return window.rect().contains(where) and widget.visibleRegion().boundingRect() == widget.rect()


def size_of(size) -> list[int]:
    return [size.width(), size.height()]


def cards_cut_off(page: QWidget) -> list[str]:
    """工作台 cards reaching past the right edge of the tab (its scroll area has no horizontal bar)."""
    cards = getattr(page.screen, "cards", {})
    return [card.caption.text() for card in cards.values()
            if card.mapTo(page, QPoint(card.width(), 0)).x() > page.width()]


def main(data_dir: str, out: str, shots: str) -> None:
    app = make_application()
    messages.BRIDGE.headless = True  # a dialog that asks something fails loudly, never blocks
    shot_dir = Path(shots)
    shot_dir.mkdir(parents=True, exist_ok=True)
    ledger = open_ledger(Path(data_dir))
    fill_demo(ledger)
    window = build_main_window(ledger)
    window.show()
    app.processEvents()
    screen = app.primaryScreen().availableGeometry()
    results = {"screen": [screen.width(), screen.height()], "dialogs": [], "tabs": [],
               "window": {"maximized": window.isMaximized(), "minimum": size_of(window.minimumSizeHint())}}
    for case in CASES.values():
        dialog = case.open(ledger, window)
        dialog.show()
        app.processEvents()
        button = getattr(dialog, case.confirm) if case.confirm else confirm_button(dialog)
        path = shot_dir / f"fit_{case.name}.png"
        dialog.grab().save(str(path))
        results["dialogs"].append({
            "name": case.name,
            "minimum": size_of(dialog.minimumSize().expandedTo(dialog.minimumSizeHint())),
            "opened": size_of(dialog.size()),
            "button": button.text() if button is not None else None,
            "button_visible": wholly_visible(button, dialog),
            "screenshot": str(path),
        })
        QDialog.reject(dialog)  # never asks 放弃修改？: nothing was typed
        dialog.deleteLater()
        app.processEvents()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        path = shot_dir / f"fit_tab{index}.png"
        window.grab().save(str(path))
        page = window.tabs.widget(index)
        results["tabs"].append({"title": window.tabs.tabText(index), "minimum": size_of(page.minimumSizeHint()),
                                "cards_cut_off": cards_cut_off(page), "screenshot": str(path)})
    results["window"]["opened"] = size_of(window.size())
    results["window"]["minimum_after_tabs"] = size_of(window.minimumSizeHint())
    Path(out).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    window.close()
    ledger.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main(*sys.argv[1:4])
