"""Where the ledger keeps its files, and where the app finds its own resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_app import APP_ID

DATA_DIR_ENV = "BRANCH_LEDGER_DATA_DIR"
DB_FILENAME = "ledger.sqlite3"

_HERE = Path(__file__).resolve().parent


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, appauthor=False, roaming=False))


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """`--data-dir` wins, then BRANCH_LEDGER_DATA_DIR, then the per-user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def ensure_private_dir(path: Path) -> Path:
    """Create a folder readable by the user only (mode 0700 on POSIX; Windows keeps its ACLs).

    A folder that already exists keeps its permissions: it may be one the user chose and shares.
    """
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    for created in missing:
        try:
            created.chmod(0o700)
        except OSError:
            pass
    return path


PRIVATE_UMASK = 0o077  # files 0600, folders 0700: the ledger holds personal data


def keep_files_private() -> None:
    """Everything this process creates is readable by the user only (POSIX; Windows keeps its ACLs)."""
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def make_private(*files: Path) -> None:
    """Files made by an older version (0644) become 0600; missing ones are skipped."""
    if os.name != "posix":
        return
    for path in files:
        try:
            if path.exists() and path.stat().st_mode & 0o077:
                path.chmod(0o600)
        except OSError:
            pass


def _bundled(name: str) -> Path:
    """A top-level repo folder (source tree), the frozen bundle, or the installed wheel copy."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    candidates.append(_HERE.parent / name)
    candidates.append(_HERE / f"_{name}")
    for candidate in candidates:
        if (candidate / ".branch-ledger").exists():
            return candidate
    raise FileNotFoundError(f"找不到程序自带的 {name} 文件夹（已查找：{', '.join(map(str, candidates))}）")


def migrations_dir() -> Path:
    return _bundled("migrations")


def resources_dir() -> Path:
    return _bundled("resources")


def font_path(filename: str) -> Path:
    return resources_dir() / "fonts" / filename
