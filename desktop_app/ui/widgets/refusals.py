"""Running a service call from a screen: a refusal (UserError) becomes a message, never a crash.

Form dialogs use `save_or_show` (widgets/form_problems.py), which also puts field problems in
the dialog's banner; buttons and list actions use `run_service`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.services.errors import UserError
from desktop_app.ui import messages


def run_service(parent: QWidget, title: str, action: Callable[[], object]) -> bool:
    """Run `action`; a refusal is shown under `title` (nothing was changed) and False returned."""
    try:
        action()
    except UserError as exc:
        messages.refuse(parent, title, exc)
        return False
    return True
