"""Shared fixtures: a real ledger file in a temp folder, upgraded by the real migrations."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop_app.store.ledger import Ledger, open_ledger  # noqa: E402

SCREENSHOT_DIR = Path(os.environ.get("BRANCH_LEDGER_SCREENSHOTS", Path(__file__).resolve().parent.parent / "build" / "screenshots"))


_FIGURES: list[str] = []


@pytest.fixture
def figures() -> list[str]:
    """Measured figures a test wants printed at the end of the run (kills survived, files rejected …)."""
    return _FIGURES


def pytest_terminal_summary(terminalreporter):
    if _FIGURES:
        terminalreporter.section("figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """Tests marked `both_engines` run their `ledger` once on each engine (ids …[sqlite], …[postgresql]);
    `sqlite_only` (with its reason) keeps one test of such a module on the ledger file."""
    definition = metafunc.definition
    if ("ledger" in metafunc.fixturenames and definition.get_closest_marker("both_engines")
            and not definition.get_closest_marker("sqlite_only")):
        metafunc.parametrize("ledger", ENGINES, indirect=True)


def cli_target(ledger: Ledger) -> list[str]:
    """The command-line options naming `ledger`: its folder, or its server database."""
    if ledger.on_server:
        return ["--database-url", ledger.engine.url.render_as_string(hide_password=False)]
    return ["--data-dir", str(ledger.data_dir)]


@pytest.fixture
def ledger(request, data_dir: Path):
    """A ledger at head: a file in a temp folder, or (marked both_engines) a fresh PostgreSQL database."""
    engine = getattr(request, "param", "sqlite")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    target = request.getfixturevalue("pg_ledger_url") if engine == "postgresql" else data_dir
    opened: Ledger = open_ledger(target)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def ui_app(qapp):
    """The QApplication set up as the real app sets it up: Chinese Qt strings, bundled fonts."""
    from desktop_app.app import install_translations
    from desktop_app.ui.fonts import install_fonts

    install_translations(qapp)
    install_fonts(qapp)
    return qapp


@pytest.fixture(autouse=True)
def message_bridge():
    """Messages are recorded instead of shown; confirmations take answers from `answers`."""
    from desktop_app.ui import messages

    bridge = messages.BRIDGE
    bridge.headless, bridge.answers, bridge.shown = True, [], []
    yield bridge
    leftover = list(bridge.answers)
    bridge.headless, bridge.answers, bridge.shown = False, [], []
    assert not leftover, f"confirmations prepared but never asked: {leftover}"


@pytest.fixture
def main_window(ui_app, ledger, qtbot):
    from desktop_app.app import build_main_window

    window = build_main_window(ledger)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def save_screenshot(widget, name: str) -> Path:
    """Render a widget to build/screenshots/NAME.png for a person to look at."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path



@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """The test is over: record dialogs it left open with typed text close without asking 放弃修改？
    (before pytest-qt closes its widgets, which would ask). Tests of the question ask it themselves."""
    from PySide6.QtWidgets import QApplication, QDialog

    if QApplication.instance() is not None:
        from desktop_app.ui.widgets.form_dialog import FormDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, FormDialog) and widget.isVisible():
                QDialog.reject(widget)
    yield


@pytest.fixture(scope="session")
def pg_cluster():
    """One throw-away PostgreSQL cluster for the run (fails, never skips, without the binaries)."""
    from pg_cluster import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh empty database on the throw-away cluster."""
    return pg_cluster.fresh_database()


@pytest.fixture(scope="session")
def pg_head_template(pg_cluster) -> str:
    """The name of a database upgraded to head by the real migrations, once per run, for copying."""
    from sqlalchemy.engine import make_url

    url = pg_cluster.fresh_database()
    open_ledger(url).close()
    return make_url(url).database


@pytest.fixture
def pg_ledger_url(pg_cluster, pg_head_template) -> str:
    """A fresh database already at head (a copy of the template: much faster than upgrading each time)."""
    return pg_cluster.fresh_database(template=pg_head_template)


def shown_dialog(parent):
    """The dialog `parent` has open (the newest visible one), or None: what the user sees now."""
    from PySide6.QtWidgets import QDialog

    shown = [d for d in parent.findChildren(QDialog) if d.isVisible()]
    return shown[-1] if shown else None
