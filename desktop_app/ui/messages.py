"""One road for messages to the user, so tests can answer and record them.

Screens call `error`, `info`, `warn` and `confirm` rather than QMessageBox directly; a refused
action (a service's UserError) goes through `refuse`. Problems with single fields are not
messages: they belong in the dialog's ProblemBanner (ui/widgets/form_problems.py). Tests set
`BRIDGE.headless`: then `BRIDGE.answers` holds the replies `confirm` should give (True/False) and
`BRIDGE.shown` records every message as (level, title, text) instead of opening a modal box. The
running app records nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QMessageBox, QWidget


@dataclass
class MessageBridge:
    headless: bool = False  # tests: record instead of showing modal boxes
    answers: list[bool] = field(default_factory=list)
    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def texts(self, level: str | None = None) -> list[str]:
        return [text for lvl, _title, text in self.shown if level is None or lvl == level]


BRIDGE = MessageBridge()


def _show(level: str, parent: QWidget | None, title: str, text: str) -> None:
    if BRIDGE.headless:
        BRIDGE.shown.append((level, title, text))
        return
    box = {"error": QMessageBox.critical, "warn": QMessageBox.warning, "info": QMessageBox.information}[level]
    box(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    _show("error", parent, title, text)


def refuse(parent: QWidget | None, title: str, reason: object) -> None:
    """The one way to say a whole action was refused (a UserError or its text): nothing was changed."""
    error(parent, title, str(reason))


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _show("warn", parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    _show("info", parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, *, danger: bool = False,
            yes: str | None = None, no: str | None = None) -> bool:
    """Yes/No; `yes`/`no` name the buttons by what they do (e.g. 放弃修改 / 继续编辑)."""
    if BRIDGE.headless:
        BRIDGE.shown.append(("confirm", title, text))
        if not BRIDGE.answers:
            raise AssertionError(f"unexpected confirmation asked: {title}: {text}")
        return BRIDGE.answers.pop(0)
    box = QMessageBox(QMessageBox.Warning if danger else QMessageBox.Question, title, text,
                      QMessageBox.Yes | QMessageBox.No, parent)
    box.setDefaultButton(QMessageBox.No if danger else QMessageBox.Yes)
    if yes:
        box.button(QMessageBox.Yes).setText(yes)
    if no:
        box.button(QMessageBox.No).setText(no)
    return box.exec() == QMessageBox.Yes
