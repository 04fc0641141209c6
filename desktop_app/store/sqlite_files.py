"""Opening SQLite files by path so that any legal folder name works (#, %, ?, spaces, Chinese).

A `file:` URI must be percent-encoded: an unencoded `#` or `?` cuts the path short and SQLite
silently opens (or creates) another file. Read-only opens therefore go through Path.as_uri();
writable opens pass the plain path with URIs off.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def read_only_uri(path: Path | str, *, immutable: bool = False) -> str:
    return Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def connect_read_only(path: Path | str, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection that can neither write nor create: a missing file raises sqlite3.Error.

    In a read-only folder SQLite cannot create the -shm a WAL file needs even for reading; the
    file is then opened as immutable (nobody can change it there), which needs no -shm.
    """
    path = Path(path)
    immutable = in_read_only_folder(path) and not Path(f"{path}-shm").exists()
    return sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True, check_same_thread=check_same_thread)


def in_read_only_folder(path: Path | str) -> bool:
    """True when the file's folder (or the existing file itself) cannot be written by this process."""
    path = Path(path)
    folder_locked = path.parent.exists() and not os.access(path.parent, os.W_OK)
    return folder_locked or (path.exists() and not os.access(path, os.W_OK))


def connect_writable(path: Path | str, *, timeout: float = 5.0) -> sqlite3.Connection:
    return sqlite3.connect(str(Path(path)), uri=False, timeout=timeout)


def quick_check_problems(path: Path | str) -> list[str]:
    """SQLite's quick_check on a read-only connection; [] when the file's pages are sound."""
    conn = connect_read_only(path)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows
