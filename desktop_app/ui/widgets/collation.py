"""Chinese names in the order people expect: by pinyin (阿强, 陈静, 李明, 王芳, 张晓明), as Excel does.

The database orders text by code point, which looks random for Chinese names. Qt's collator
for the Chinese locale orders by pinyin (ICU on Linux/macOS, the system on Windows).

    rows = sorted_by_name(rows, key=lambda r: r.name)
    rank = name_ranks(rows, key=lambda r: r.name, id_of=lambda r: r.id)   # id → position, a sort key
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cmp_to_key
from typing import Any, TypeVar

from PySide6.QtCore import QCollator, QLocale

T = TypeVar("T")
_COLLATOR = QCollator(QLocale(QLocale.Chinese, QLocale.China))


def sorted_by_name(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    compare = cmp_to_key(_COLLATOR.compare)
    return sorted(items, key=lambda item: compare(key(item) or ""))


def name_ranks(items: Iterable[T], key: Callable[[T], str], id_of: Callable[[T], Any]) -> dict[Any, int]:
    """Each item's position in pinyin order: an int a table can sort a name column by."""
    return {id_of(item): i for i, item in enumerate(sorted_by_name(items, key))}
