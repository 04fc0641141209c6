"""People listed in the order people expect: by pinyin (阿强, 陈静, 李明, 王芳, 张晓明), as Excel does,
or for official lists such as a 公示 by 姓氏笔画 (strokes of the surname, then of the given name).

The database orders text by code point, which looks random for Chinese names (何, 侯, 冯, 吕).
Every table, picker, workbook and print that lists people sorts with this one helper::

    rows = sorted_by_name(rows, key=lambda r: r.name)
    rows = sorted_by_name(rows, key=lambda r: r.name, order=NameOrder.STROKES)
    Column("姓名", ..., sort_key=lambda r: name_key(r.name))    # a table column's sort key

Readings and stroke counts come from Unicode's Unihan data (resources/collation/hanzi.tsv,
made by tools/make_hanzi_table.py). Within one stroke count, characters follow their pinyin:
the strict 起笔 rule (横竖撇点折) needs stroke-order data the table does not carry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache, lru_cache
from typing import TypeVar

from desktop_app.paths import resources_dir

T = TypeVar("T")


class NameOrder(Enum):
    PINYIN = "pinyin"
    STROKES = "strokes"

    @property
    def label(self) -> str:
        return {NameOrder.PINYIN: "按拼音", NameOrder.STROKES: "按姓氏笔画"}[self]


# Surnames read differently from the character's everyday reading (曾 céng → zēng as a surname).
_SURNAME_READINGS = {
    "曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "区": "ou1", "查": "zha1", "朴": "piao2",
    "盖": "ge3", "覃": "qin2", "缪": "miao4", "翟": "zhai2", "乐": "yue4", "召": "shao4", "员": "yun4",
    "种": "chong2", "秘": "bi4", "繁": "po2", "洗": "xian3", "隗": "wei3", "句": "gou1",
}
_SEPARATOR = "\x01"  # below every letter and digit: 张 sorts before 张三


@cache
def _hanzi() -> dict[str, tuple[str, int]]:
    table: dict[str, tuple[str, int]] = {}
    with open(resources_dir() / "collation" / "hanzi.tsv", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            code, reading, strokes = line.rstrip("\n").split("\t")
            table[chr(int(code, 16))] = (reading, int(strokes))
    return table


def _char_key(char: str, order: NameOrder, surname: bool) -> str:
    known = _hanzi().get(char)
    if known is None:  # letters, digits and marks: letters among the pinyin, case ignored
        return ("00" if order is NameOrder.STROKES else "") + char.casefold() + "0" + char
    reading, strokes = known
    if surname:
        reading = _SURNAME_READINGS.get(char, reading)
    prefix = f"{strokes:02d}" if order is NameOrder.STROKES else ""
    return prefix + reading.replace("v", "u") + char  # ü beside u, as dictionaries and Excel do: 卢 吕 罗


@lru_cache(maxsize=65536)
def _key(name: str, order: NameOrder) -> str:
    name = name.strip()
    return _SEPARATOR.join(_char_key(char, order, i == 0) for i, char in enumerate(name))


def name_key(name: str | None, order: NameOrder = NameOrder.PINYIN) -> str:
    """A text that sorts like the name in `order`; blank names sort first."""
    return _key(name or "", order)


def sorted_by_name(items: Iterable[T], key: Callable[[T], str | None] = lambda item: item,  # type: ignore[assignment,return-value]
                   order: NameOrder = NameOrder.PINYIN) -> list[T]:
    return sorted(items, key=lambda item: name_key(key(item), order))

