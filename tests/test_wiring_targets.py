"""Every tab, menu action, workbook sheet, import kind, demo kind and command resolves for real.

Nothing is optional: a misspelt target raises here (and the window does not build) instead of
turning into a greyed-out action, a missing sheet or a skipped demo kind.
"""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtGui import QAction

from desktop_app.cli.main import build_parser, command_names, first_word, main
from desktop_app.services import demo
from desktop_app.services.exports.quarterly import SHEET_MODULES, _sheet_builders
from desktop_app.services.importing.registry import KINDS, load_spec
from desktop_app.ui.tabs import TABS
from desktop_app.wiring import checked, resolve


def menu_targets(window) -> dict[str, str]:
    """Menu text → "module:function" of every action that opens a screen of its own."""
    found = {}
    pending = [menu.menu() for menu in window.menuBar().actions() if menu.menu()]
    while pending:
        for action in pending.pop().actions():
            if action.menu():
                pending.append(action.menu())
            elif isinstance(action, QAction) and action.data():
                found[action.text()] = action.data()
    return found


def test_a_wrong_target_raises_instead_of_going_quiet():
    with pytest.raises(ModuleNotFoundError):
        checked("desktop_app.ui.backup_action:restore_from_file")
    with pytest.raises(ModuleNotFoundError):
        resolve("desktop_app.ui.backup_action:restore_from_file")
    with pytest.raises(AttributeError):
        resolve("desktop_app.ui.backup_actions:restore_from_fiel")


def test_every_tab_builds_its_real_screen(main_window):
    for spec in TABS:
        screen = main_window.tab_page(spec.key)
        assert type(screen) is resolve(spec.target), spec.key


def test_every_menu_action_resolves_to_a_function_taking_the_window(main_window):
    targets = menu_targets(main_window)
    assert {"导入Excel(&I)…", "备份台账(&B)…", "从备份恢复(&R)…", "学校与学期(&P)…"} <= set(targets)
    for text, target in targets.items():
        assert callable(resolve(target)), text
    assert all(action.isEnabled() for action in main_window.menuBar().actions())


def test_every_sheet_import_kind_and_demo_kind_resolves():
    assert len(_sheet_builders()) == len(SHEET_MODULES)
    assert all(callable(build) for build in _sheet_builders())
    for kind in KINDS:
        assert load_spec(kind).kind == kind
    assert [demo.kind_name(m) for m in demo.DEMO_KINDS] == ["people", "pledges", "records", "rectifications", "evaluations", "meetings", "development", "prints"]
    assert all(callable(module.add_demo) for module in demo.DEMO_KINDS)


def _leaf_parsers(parser: argparse.ArgumentParser, path=()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
    for action in subs:
        for name, child in action.choices.items():
            yield from _leaf_parsers(child, (*path, name))


def test_every_command_has_its_function():
    parser = build_parser()
    assert {"import", "template", "backup", "restore", "check", "demo", "evaluate", "print", "export"} <= set(command_names(parser))
    leaves = list(_leaf_parsers(parser))
    assert len(leaves) >= len(command_names(parser))
    for path, leaf in leaves:
        assert callable(leaf.get_default("func")), " ".join(path)


def test_a_misspelt_command_says_so_and_lists_the_commands(data_dir, capsys):
    assert main(["exprot", "quarterly"]) == 2
    err = capsys.readouterr().err
    assert "未知命令：exprot" in err and "export" in err and "import" in err
    assert main(["--data-dir", str(data_dir), "chek"]) == 2
    assert "未知命令：chek" in capsys.readouterr().err
    assert not any(data_dir.iterdir()), "nothing is opened or written for an unknown command"


def test_only_an_argument_list_without_a_word_opens_the_window():
    assert first_word([]) is None
    assert first_word(["--data-dir", "D:/台账", "--quit-after", "500"]) is None
    assert first_word(["-platform", "offscreen"]) is None
    assert first_word(["--data-dir", "x", "exprot", "quarterly"]) == "exprot"
    assert first_word(["--database-url", "postgresql+psycopg://u@h/db", "check"]) == "check"
