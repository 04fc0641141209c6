"""Where the ledger lives: --data-dir, BRANCH_LEDGER_DATA_DIR, the per-user folder; private on POSIX."""

from __future__ import annotations

import os
import stat

from desktop_app.cli.main import main
from desktop_app.paths import DATA_DIR_ENV, default_data_dir, resolve_data_dir
from desktop_app.store.ledger import open_ledger


def test_explicit_folder_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "flag") == (tmp_path / "flag").resolve()
    assert resolve_data_dir(None) == (tmp_path / "env").resolve()
    monkeypatch.delenv(DATA_DIR_ENV)
    assert resolve_data_dir(None) == default_data_dir()
    assert "BranchLedger" in str(default_data_dir())


def test_cli_uses_the_environment_variable(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert main(["demo"]) == 0
    assert (tmp_path / "from-env" / "ledger.sqlite3").exists()
    assert main(["check"]) == 0
    assert "from-env" in capsys.readouterr().out


def test_cli_data_dir_flag_beats_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert main(["--data-dir", str(tmp_path / "from-flag"), "demo"]) == 0
    assert (tmp_path / "from-flag" / "ledger.sqlite3").exists()
    assert not (tmp_path / "from-env").exists()


def test_new_data_folder_logs_and_backups_are_private(tmp_path):
    folder = tmp_path / "new" / "ledger-data"
    open_ledger(folder).close()
    assert main(["--data-dir", str(folder), "check"]) == 0
    open_ledger(folder, startup_backup=True).close()
    for path in (folder, folder.parent, folder / "logs", folder / "backups"):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o700, path


def test_an_existing_folder_keeps_its_permissions(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    open_ledger(folder).close()
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o755
