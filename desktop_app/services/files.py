"""Writing a file so that it appears whole or not at all.

Every file the app writes for the user (workbooks, PDFs, Word files, templates, reports, backups)
goes to a temporary name in the target's own folder, is flushed to disk, and only then renamed
onto the final name: a crash, a kill or a full disk leaves the previous file as it was. The
temporary names end in `.partial` so leftovers of a crash can be recognised and removed.
"""

from __future__ import annotations

import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.services.errors import UserError
from desktop_app.store.backup import backup_dir
from desktop_app.store.reasons import about_file

PARTIAL_SUFFIX = ".partial"
PRIVATE_FILE_MODE = 0o600
LEFTOVER_AGE_S = 600  # a younger temp file may belong to a writer that is still running


def partial_name(path: Path) -> Path:
    """A fresh temporary name beside `path` (unique, so two writers never share one)."""
    return path.with_name(f"{path.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")


@contextmanager
def atomic_output(path: os.PathLike | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path`, on any error it is removed.

    The caller writes the whole file to the yielded path (by any library); nothing is visible under
    `path` until the block has finished without an error.
    """
    path = Path(path)
    partial = partial_name(path)
    clear_leftovers(path.parent, only_for=path.name)  # a crash's temp copies of this same file
    try:
        yield partial
        _fsync(partial)
        _make_private(partial)
        os.replace(partial, path)
        _fsync_folder(path.parent)
    except PermissionError as exc:
        _discard(partial)
        raise UserError(f"无法保存“{path}”：文件可能正在被其他程序打开，或文件夹没有写入权限。") from exc
    except OSError as exc:
        _discard(partial)
        raise UserError(about_file("保存", path, exc)) from exc
    except BaseException:
        _discard(partial)
        raise


def atomic_write_bytes(path: os.PathLike | str, data: bytes) -> Path:
    with atomic_output(path) as partial:
        partial.write_bytes(data)
    return Path(path)


def atomic_copy(source: os.PathLike | str, path: os.PathLike | str) -> Path:
    """A copy of `source` (e.g. a previewed PDF) that appears at `path` whole or not at all."""
    with atomic_output(path) as partial:
        shutil.copyfile(source, partial)
    return Path(path)


def clear_leftovers(folder: os.PathLike | str, older_than_s: float = LEFTOVER_AGE_S, only_for: str = "") -> int:
    """Remove temporary files a crash left in `folder` (only ours, and not ones still being written).

    With `only_for`, only the temp copies of that one file name (before writing it again).
    """
    removed = 0
    now = time.time()
    try:
        candidates = [p for p in Path(folder).iterdir()
                      if _is_leftover(p.name) and p.name.startswith(only_for)]
    except OSError:
        return 0
    for candidate in candidates:
        try:
            if candidate.is_file() and now - candidate.stat().st_mtime > older_than_s:
                candidate.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def _is_leftover(name: str) -> bool:
    """`x.partial`, `x.3f2a.partial`, their SQLite `-journal`, and a restore's `.restoring` file."""
    stem = name.removesuffix("-journal")
    return stem.endswith((PARTIAL_SUFFIX, ".restoring"))


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _make_private(path: Path) -> None:
    if os.name == "posix":
        try:
            path.chmod(PRIVATE_FILE_MODE)
        except OSError:
            pass


def _discard(partial: Path) -> None:
    try:
        partial.unlink(missing_ok=True)
    except OSError:
        pass


def clear_data_folder_leftovers(data_dir: Path) -> int:
    """Temp files a crash left in the data folder and backups/ (never the ledger's own -journal)."""
    return clear_leftovers(data_dir) + clear_leftovers(backup_dir(data_dir))
