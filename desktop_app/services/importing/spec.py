"""How one kind of record is read from Excel: its columns, and how rows become records.

An importer module defines `SPEC = ImportSpec(...)`. The framework (reader, preview, commit,
templates, error reports) is the same for every kind; a spec only says what is particular.
Cell parsers take the stripped, non-blank cell value and return the stored value, or raise
ValueError with a Chinese reason (the column is named separately, so the reason need not).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop_app.domain import idcard
from desktop_app.domain.dates import parse_date
from desktop_app.domain.vocab import LABEL_ALIASES, LabelledEnum, split_list

CellParser = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    """One column of the template; `key` names the value in `RowCells`."""

    key: str
    header: str  # Chinese header as in the template, without the * mark
    parse: CellParser | None = None  # default: text
    required: bool = False
    aliases: tuple[str, ...] = ()  # other headers people use for the same column
    example: Any = ""  # the template's example row
    choices: tuple[str, ...] = ()  # offered as a drop-down in the template
    note: str = ""  # shown as the header's comment in the template

    @property
    def template_header(self) -> str:
        return f"{self.header}*" if self.required else self.header

    def parse_cell(self, value: Any) -> Any:
        return (self.parse or text())(value)


class RowError(Exception):
    """A problem with one row found by a spec's `build`: `column` is a Column.key or header."""

    def __init__(self, column: str, reason: str):
        super().__init__(f"{column}：{reason}")
        self.column = column
        self.reason = reason


class RowErrors(Exception):
    """Several problems with one row at once (e.g. from validate_member)."""

    def __init__(self, errors: Iterable[RowError]):
        self.errors = list(errors)
        super().__init__("；".join(str(e) for e in self.errors))


@dataclass
class RowCells:
    """The parsed cells of one row: `get(key)` is None when blank; `has(key)` if the file has the column."""

    values: dict[str, Any]
    present: frozenset[str]
    row_number: int = 0

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        return default if value is None else value

    def has(self, key: str) -> bool:
        return key in self.present


@dataclass(frozen=True)
class ImportSpec:
    """What is particular to one kind of import.

    - load(session) -> ctx: look-up data read once per preview and once per commit
      (existing records, roster by name, classes by name...).
    - build(cells, ctx) -> record: a plain record; raise RowError/RowErrors for bad rows.
    - match(record, ctx) -> key | None: the existing record this row updates (its id, or
      anything your `write` accepts), None to insert.
    - write(session, record, key, ctx): insert or update; runs inside the commit's one
      transaction. Rows are flushed in batches, so a new row has no id yet: to let a later
      row of the same file match it, put the new ORM object itself in ctx (see members.py).
    - identity(record) -> keys: rows sharing any key with an earlier row of the file are bad rows.
    - describe(record) -> str: a short text for the preview table (e.g. the name).
    - warnings(record) -> RowErrors: what is stored all the same but needs seeing to (提醒, listed as
      to-dos), e.g. a review of 一般 without its reason. Errors keep a row out; warnings do not.
    """

    kind: str
    label: str  # 党员, 班级, 学生 ...
    columns: tuple[Column, ...]
    load: Callable[[Any], Any]
    build: Callable[[RowCells, Any], Any]
    match: Callable[[Any, Any], int | None]
    write: Callable[[Any, Any, int | None, Any], None]
    identity: Callable[[Any], Iterable[Hashable]] = lambda record: ()
    describe: Callable[[Any], str] = str
    warnings: Callable[[Any], Iterable[RowError]] = lambda record: ()
    topics: tuple[str, ...] = ()
    sheet_title: str = ""
    notes: tuple[str, ...] = field(default=())  # extra lines for the template's 说明 sheet

    def column(self, key_or_header: str) -> Column | None:
        for column in self.columns:
            if key_or_header in (column.key, column.header, *column.aliases):
                return column
        return None

    @property
    def required_columns(self) -> list[Column]:
        return [c for c in self.columns if c.required]


# --- cell parsers ---------------------------------------------------------------------------

def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def text(max_length: int | None = None) -> CellParser:
    def parse(value: Any) -> str:
        result = _as_text(value)
        if max_length and len(result) > max_length:
            raise ValueError(f"不能超过{max_length}个字（现有{len(result)}个）")
        return result

    return parse


def date_cell(*, allow_year_month: bool = False) -> CellParser:
    def parse(value: Any) -> date | None:
        try:
            return parse_date(value, allow_year_month=allow_year_month)
        except OverflowError:  # a number too large for a float (parse_date lets it through)
            raise ValueError(f"“{_as_text(value)[:20]}…”不是有效日期") from None

    return parse


def _lookup(enum: type[LabelledEnum]) -> Callable[[str], str]:
    """label, code or a common short form → code, from a dict built once (imports call it per cell)."""
    table = {key: member.value for member in enum for key in (member.value, member.label)}
    table.update((alias, member.value) for alias, member in LABEL_ALIASES.get(enum, {}).items())
    offered = "、".join(enum.labels())

    def find(item: str) -> str:
        try:
            return table[item]
        except KeyError:
            raise ValueError(f"“{item}”不是可选项（可选：{offered}）") from None

    return find


def choice(enum: type[LabelledEnum]) -> CellParser:
    """A code from its Chinese label (or the code itself)."""
    find = _lookup(enum)

    def parse(value: Any) -> str:
        return find(_as_text(value))

    return parse


def choices(enum: type[LabelledEnum]) -> CellParser:
    """Several codes from labels separated by 、 ， , and the like."""
    find = _lookup(enum)

    def parse(value: Any) -> list[str]:
        return list(dict.fromkeys(find(item) for item in split_list(_as_text(value))))

    return parse


def text_list(max_items: int | None = None) -> CellParser:
    def parse(value: Any) -> list[str]:
        items = list(dict.fromkeys(split_list(_as_text(value))))
        if max_items and len(items) > max_items:
            raise ValueError(f"最多填写{max_items}项")
        return items

    return parse


def id_number() -> CellParser:
    def parse(value: Any) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise ValueError("被 Excel 存成了数字，末几位可能已丢失；请把该列设为“文本”后重新填写")
        number = idcard.normalise(_as_text(value))
        reason = idcard.validate(number)
        if reason:
            raise ValueError(reason)
        return number

    return parse


def phone() -> CellParser:
    def parse(value: Any) -> str:
        result = _as_text(value)
        if not all(ch.isdigit() or ch in " -+()（）转" for ch in result):
            raise ValueError(f"“{result}”不像电话号码（只能包含数字、空格、短横线和加号）")
        if len(result) > 30:
            raise ValueError("不能超过30个字符")
        return result

    return parse


def integer(minimum: int | None = None, maximum: int | None = None) -> CellParser:
    def parse(value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError(f"“{_as_text(value)}”不是整数")
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(f"“{value:g}”不是整数")
            number = int(value)
        elif isinstance(value, int):
            number = value
        else:
            item = _as_text(value)
            try:
                number = int(item)
            except ValueError:
                raise ValueError(f"“{item}”不是整数") from None
        if minimum is not None and number < minimum:
            raise ValueError(f"不能小于{minimum}")
        if maximum is not None and number > maximum:
            raise ValueError(f"不能大于{maximum}")
        return number

    return parse


def number(minimum: float | None = None, maximum: float | None = None) -> CellParser:
    def parse(value: Any) -> float:
        if isinstance(value, bool):
            raise ValueError(f"“{_as_text(value)}”不是数字")
        item = value if isinstance(value, (int, float)) else _as_text(value)
        try:
            result = float(item)
        except (ValueError, OverflowError):
            raise ValueError(f"“{item}”不是数字") from None
        if result != result or result in (float("inf"), float("-inf")):
            raise ValueError("不是有效的数字")
        if minimum is not None and result < minimum:
            raise ValueError(f"不能小于{minimum:g}")
        if maximum is not None and result > maximum:
            raise ValueError(f"不能大于{maximum:g}")
        return result

    return parse


def yes_no() -> CellParser:
    def parse(value: Any) -> bool:
        if isinstance(value, bool):
            return value
        item = _as_text(value)
        if item in ("是", "有", "Y", "y", "1", "√", "✓"):
            return True
        if item in ("否", "无", "N", "n", "0", "×"):
            return False
        raise ValueError(f"“{item}”应填“是”或“否”")

    return parse
