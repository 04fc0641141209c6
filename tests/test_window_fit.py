"""Her screen: 1366×768 at 125 % leaves about 1092×580 logical pixels. Every dialog in
tests/dialog_catalogue.py and every tab must fit that with 保存/确定 wholly visible.

Qt takes the scale factor and the screen size once per process, so the dialogs are opened in a
child process set up as her laptop (tests/helpers/measure_dialogs.py); its screenshots are the
build/screenshots/fit_*.png files to look at.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SCREENSHOT_DIR
from PySide6.QtWidgets import QDialog

import desktop_app.ui
from tests.dialog_catalogue import CASES

HER_ROOM = (1092, 580)
LAPTOP = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit")
    config = folder / "laptop.json"
    config.write_text(json.dumps(LAPTOP), encoding="utf-8")
    (folder / "data").mkdir()
    out = folder / "measured.json"
    env = dict(os.environ, QT_SCALE_FACTOR="1.25", QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.measure_dialogs", str(folder / "data"), str(out), str(SCREENSHOT_DIR)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _fits(size) -> bool:
    return size[0] <= HER_ROOM[0] and size[1] <= HER_ROOM[1]


def test_the_child_process_had_her_screen(measured):
    assert measured["screen"] == [1093, 614]  # 1366×768 / 1.25


def test_every_dialog_fits_with_its_button_visible(measured, figures):
    assert [d["name"] for d in measured["dialogs"]] == list(CASES)
    for dialog in measured["dialogs"]:
        assert _fits(dialog["minimum"]), f"{dialog['name']} needs at least {dialog['minimum']}"
        assert _fits(dialog["opened"]), f"{dialog['name']} opened at {dialog['opened']}"
        assert dialog["button_visible"], f"{dialog['name']}: “{dialog['button']}” is not wholly visible"
        assert Path(dialog["screenshot"]).is_file()
    tallest = max(measured["dialogs"], key=lambda d: d["opened"][1])
    figures.append(f"fit: {len(measured['dialogs'])} dialogs fit 1092×580 at 125 %; tallest opens at "
                   f"{tallest['opened'][1]} px ({tallest['name']})")


def test_the_main_window_opens_maximised_and_every_tab_fits(measured):
    window = measured["window"]
    assert window["maximized"]
    assert _fits(window["minimum"]) and _fits(window["minimum_after_tabs"]), window
    for tab in measured["tabs"]:
        assert _fits(tab["minimum"]), f"the {tab['title']} tab needs at least {tab['minimum']}"
        assert tab["cards_cut_off"] == [], f"the {tab['title']} tab cuts off {tab['cards_cut_off']}"


def _dialog_classes() -> set[str]:
    names = set()
    for info in pkgutil.walk_packages(desktop_app.ui.__path__, "desktop_app.ui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__ and not name.startswith("_"):
                names.add(name)
    return names


def test_every_dialog_class_has_a_case():
    bases = {"FittedDialog", "FormDialog", "RecordDialog", "TaskDialog"}  # their subclasses are the dialogs
    covered = {name.rsplit(".", 1)[-1] for name in CASES}
    missing = _dialog_classes() - bases - covered
    assert not missing, f"add these to tests/dialog_catalogue.py: {sorted(missing)}"
