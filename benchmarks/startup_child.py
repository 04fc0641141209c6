"""Child process for the start-up benchmark: prints the seconds until the first paint, then quits.

    python benchmarks/startup_child.py app DATA_DIR   # the program started on that ledger (app.main)
    python benchmarks/startup_child.py bare           # a bare QMainWindow after the same imports

The parent passes its own launch time in BENCH_T0 (time.time()), so the figure includes
interpreter start-up and imports.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The imports the app makes before its first paint, for both modes.
import alembic.command  # noqa: E402,F401
import sqlalchemy.orm  # noqa: E402,F401
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    """Watches the whole application for the first paint of a main window."""

    def __init__(self, then):
        super().__init__()
        self.then = then

    def eventFilter(self, watched, event):  # noqa: N802, ANN001
        if event.type() == QEvent.Paint and self.then and isinstance(watched, QMainWindow):
            then, self.then = self.then, None
            QTimer.singleShot(0, lambda: then(watched))
        return False


def report_and_quit(app, extra=None):
    elapsed = time.time() - float(os.environ["BENCH_T0"])
    if extra:
        extra()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"painted {elapsed:.4f} peak_mb {peak:.1f}", flush=True)
    app.quit()


def visit_every_tab(app, window) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
    dashboard = window.tab_page("dashboard")
    while dashboard.busy:
        app.processEvents()


def main() -> None:
    mode = sys.argv[1]
    app = QApplication([sys.argv[0]])
    extra = (lambda window: visit_every_tab(app, window)) if mode == "app-all-tabs" else None
    watcher = FirstPaint(lambda window: report_and_quit(app, extra and (lambda: extra(window))))
    app.installEventFilter(watcher)
    if mode == "bare":
        window = QMainWindow()
        window.resize(1200, 760)
        window.show()
        app.exec()
        return
    from desktop_app.app import main as start_app  # the program's own start: lock, ledger, window

    start_app(["--data-dir", sys.argv[2]])


if __name__ == "__main__":
    main()
