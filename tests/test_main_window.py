"""The main window opens in Chinese with every tab and remembers its geometry."""

from __future__ import annotations

from conftest import save_screenshot

from desktop_app.app import build_main_window


def test_main_window_shows_chinese_tabs(main_window):
    titles = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert titles[:2] == ["工作台", "党员"]
    assert {"承诺", "听课", "家访", "考核"} <= set(titles)
    assert main_window.windowTitle().startswith("党建台账")
    for i in range(main_window.tabs.count()):
        main_window.tabs.setCurrentIndex(i)
        save_screenshot(main_window, f"main_window_tab{i}")


def test_window_geometry_is_remembered(ui_app, ledger, qtbot):
    first = build_main_window(ledger)
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentIndex(1)  # first: the 党员 tab needs more room than the 工作台, whose cards wrap
    first.resize(first.minimumSizeHint().width() + 40, first.minimumSizeHint().height() + 30)
    chosen = first.size()
    assert (chosen.width(), chosen.height()) != (1200, 760)  # not the first-start default
    first.close()
    second = build_main_window(ledger)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == chosen
    assert second.tabs.currentIndex() == 1


def test_the_window_still_answers_which_screen_it_is_on(main_window):
    """MainWindow once named its tab lookup `screen(key)`, hiding QWidget.screen(): any code asking a
    window for its screen (fit_to_screen, the problem banner growing its window) broke on it."""
    from PySide6.QtGui import QScreen

    from desktop_app.ui.widgets.form_dialog import available_size

    assert isinstance(main_window.screen(), QScreen)
    assert available_size(main_window).width() > 0
    assert main_window.tab_page("members") is not None
