"""放弃修改？ tests: a dialog shown on its own, and the questions it asked."""

from __future__ import annotations


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def questions(bridge) -> list[str]:
    """The titles of the confirmations asked so far (answered from bridge.answers)."""
    return [title for level, title, _text in bridge.shown if level == "confirm"]
