"""工作台 cards wrap to the window's width: no card, and no caption, is cut off on the right."""

from __future__ import annotations

from datetime import date

from conftest import save_screenshot
from helpers.dashboard import dashboard_on
from helpers.known_branch import make_known_branch
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from desktop_app.ui.dashboard.card_grid import CardGridLayout

TODAY = date(2025, 12, 10)
MAXIMISED_AT_125 = (1090, 611)  # her 1366×768 laptop at 125 %, in logical pixels
NARROW = (620, 580)


def _laid_out_at(main_window, qtbot, size):
    main_window.showNormal()
    main_window.resize(*size)
    qtbot.waitUntil(lambda: main_window.size().width() == size[0])
    tab = main_window.tab_page("dashboard")
    viewport = tab.parentWidget()
    qtbot.waitUntil(lambda: tab.width() == viewport.width())
    return tab, viewport


def _cut_off(tab, viewport) -> list[str]:
    cut = []
    for card in tab.cards.values():
        right = card.mapTo(viewport, QPoint(card.width(), 0)).x()
        if right > viewport.width() or card.caption.width() < card.caption.sizeHint().width():
            cut.append(card.caption.text())
    return cut


def _columns(tab) -> int:
    return len({card.x() for card in tab.cards.values()})


def test_cards_fit_the_maximised_window_and_a_narrow_one(ledger, main_window, qtbot):
    make_known_branch(ledger)
    dashboard_on(main_window, qtbot, TODAY)

    tab, viewport = _laid_out_at(main_window, qtbot, MAXIMISED_AT_125)
    assert isinstance(viewport.parentWidget(), QScrollArea)
    assert _cut_off(tab, viewport) == []
    assert _columns(tab) == 4  # eight cards, two rows
    wide_page = tab.height()
    save_screenshot(main_window, "dashboard_reflow_wide")

    tab, viewport = _laid_out_at(main_window, qtbot, NARROW)
    assert _cut_off(tab, viewport) == []
    assert _columns(tab) == 2
    assert tab.height() > wide_page  # four rows of cards: the page is as tall as the rows need, no taller
    save_screenshot(main_window, "dashboard_reflow_narrow")


def test_the_rows_are_balanced(ui_app, qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    grid = CardGridLayout(holder, least_width=100, spacing=10)
    for _ in range(8):
        grid.addWidget(QLabel("卡片", holder))
    assert grid.cell_width() == 100
    # Room for 5, 3 and 1 cards: 4 + 4, 3 + 3 + 2, then one per row.
    assert [grid.columns_for(width) for width in (540, 330, 100, 50)] == [4, 3, 1, 1]
