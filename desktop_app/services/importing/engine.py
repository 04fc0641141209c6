"""Preview (read and check, write nothing) and commit (all good rows in one transaction)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.services.errors import UserError
from desktop_app.services.importing import reader
from desktop_app.services.importing.hygiene import clean_cell
from desktop_app.services.importing.registry import load_spec
from desktop_app.services.importing.spec import ImportSpec, RowCells, RowError, RowErrors
from desktop_app.store.ledger import Ledger
from desktop_app.store.reasons import reason
from desktop_app.store.schema import LedgerError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total or 0 if unknown); may raise ImportCancelled
PROGRESS_EVERY = 250
FLUSH_EVERY = 500
ADD, UPDATE = "新增", "更新"


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("导入已取消，没有写入任何数据。")


@dataclass(frozen=True)
class RowProblem:
    row: int  # Excel row number
    column: str  # the header as written in the file ("" when about the whole row)
    reason: str

    def __str__(self) -> str:
        where = f"〔{self.column}〕" if self.column else ""
        return f"第 {self.row} 行 {where}：{self.reason}"


@dataclass
class GoodRow:
    row: int
    record: Any
    existing_id: int | None
    summary: str
    warnings: list[RowProblem] = field(default_factory=list)  # stored all the same; listed as to-dos

    @property
    def action(self) -> str:
        return ADD if self.existing_id is None else UPDATE


@dataclass
class BadRow:
    row: int
    values: dict[str, Any]  # Column.key → the cell as read
    problems: list[RowProblem]

    @property
    def reason(self) -> str:
        return "；".join(f"{p.column}：{p.reason}" if p.column else p.reason for p in self.problems)


@dataclass
class ImportPreview:
    kind: str
    label: str
    path: Path
    sheet_name: str
    header_row: int
    headers: dict[str, str]  # Column.key → header as written, in file order
    good_rows: list[GoodRow] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. the template's example row was skipped

    @property
    def to_add(self) -> int:
        return sum(1 for r in self.good_rows if r.existing_id is None)

    @property
    def to_update(self) -> int:
        return len(self.good_rows) - self.to_add

    @property
    def problems(self) -> list[RowProblem]:
        """Errors: these rows are not imported."""
        return [p for bad in self.bad_rows for p in bad.problems]

    @property
    def warnings(self) -> list[RowProblem]:
        """提醒: these rows are imported, and what they lack becomes a to-do."""
        return [w for good in self.good_rows for w in good.warnings]

    def summary(self) -> str:
        text = f"新增 {self.to_add}，更新 {self.to_update}，错误 {len(self.bad_rows)}"
        warned = sum(1 for good in self.good_rows if good.warnings)
        return text + (f"，提醒 {warned}" if warned else "")


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    skipped: int
    warned: int = 0  # rows imported with a 提醒 (listed as to-dos)

    def summary(self) -> str:
        text = f"已导入：新增 {self.added}，更新 {self.updated}"
        text += f"，跳过错误行 {self.skipped}" if self.skipped else ""
        return text + (f"；其中 {self.warned} 行有提醒，已列入待办" if self.warned else "")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_row(spec: ImportSpec, layout_headers: dict[str, str], cells: dict[str, Any], row: int
              ) -> tuple[RowCells | None, list[RowProblem]]:
    """Parse each present cell; required blanks and parser ValueErrors become problems."""
    values: dict[str, Any] = {}
    problems: list[RowProblem] = []
    for column in spec.columns:
        if column.key not in layout_headers:
            continue
        header = layout_headers[column.key]
        try:
            raw = clean_cell(column.key, cells.get(column.key))
        except ValueError as exc:
            problems.append(RowProblem(row, header, str(exc)))
            continue
        if _blank(raw):
            values[column.key] = None
            if column.required:
                problems.append(RowProblem(row, header, "必须填写"))
            continue
        try:
            values[column.key] = column.parse_cell(raw.strip() if isinstance(raw, str) else raw)
        except ValueError as exc:
            problems.append(RowProblem(row, header, str(exc) or "内容无法识别"))
    if problems:
        return None, problems
    return RowCells(values, frozenset(layout_headers), row), []


def _column_header(spec: ImportSpec, headers: dict[str, str], name: str) -> str:
    column = spec.column(name)
    if column is None:
        return name
    return headers.get(column.key, column.header)


def build_row(spec: ImportSpec, headers: dict[str, str], cells: RowCells, ctx: Any
              ) -> tuple[Any, list[RowProblem]]:
    try:
        return spec.build(cells, ctx), []
    except RowErrors as exc:
        errors = exc.errors
    except RowError as exc:
        errors = [exc]
    except ValueError as exc:
        errors = [RowError("", str(exc))]
    return None, [RowProblem(cells.row_number, _column_header(spec, headers, e.column), e.reason) for e in errors]


def preview(ledger: Ledger, kind: str, path: str | Path, progress: Progress | None = None) -> ImportPreview:
    """Read and check the workbook; nothing is written. File-level problems raise UserError."""
    spec = load_spec(kind)
    path = Path(path)
    workbook = reader.open_workbook(path)
    try:
        layout = reader.find_layout(workbook, spec, path.name, reader.sheet_order(workbook, spec))
        ordered = dict(sorted(layout.headers.items(), key=lambda kv: layout.positions[kv[0]]))
        result = ImportPreview(spec.kind, spec.label, path, layout.sheet_name, layout.header_row,
                               ordered, ignored_columns=layout.ignored)
        total = layout.total_rows or 0
        with ledger.reading() as session:
            ctx = spec.load(session)
        seen: dict[Any, int] = {}
        done = 0
        merges = workbook[layout.sheet_name].merges()
        for row_number, cells in reader.data_rows(workbook, layout, merges):
            done += 1
            if progress and done % PROGRESS_EVERY == 0:
                progress(done, total if total >= done else 0)  # 0: total unknown
            raw = {key: cells[i] if i < len(cells) else None for key, i in layout.positions.items()}
            if all(_blank(v) for v in raw.values()):
                continue
            if row_number == layout.header_row + 1 and _is_example(spec, raw):
                result.notes.append(f"第 {row_number} 行是模板中的示例行，已跳过。")
                continue
            _check_row(spec, ordered, raw, row_number, ctx, seen, result)
        if progress:
            progress(done, done)
    finally:
        workbook.close()
    if not result.good_rows and not result.bad_rows:
        raise UserError(f"“{path.name}”的表头下面没有数据行。")
    log.info("import preview %s: %d good, %d bad", kind, len(result.good_rows), len(result.bad_rows))
    return result


def _is_example(spec: ImportSpec, raw: dict[str, Any]) -> bool:
    """The grey example row of a downloaded template (just below the header), left in by the user."""
    def same(value: Any, example: Any) -> bool:
        return ("" if value is None else str(value).strip()) == str(example)

    return all(same(value, spec.column(key).example) for key, value in raw.items())


def _check_row(spec, headers, raw, row_number, ctx, seen, result: ImportPreview) -> None:
    cells, problems = parse_row(spec, headers, raw, row_number)
    record = None
    if cells is not None:
        record, problems = build_row(spec, headers, cells, ctx)
    if not problems:
        keys = list(spec.identity(record))
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            problems = [RowProblem(row_number, "", f"与第 {earlier} 行重复（同一{spec.label}出现两次）")]
        else:
            seen.update((k, row_number) for k in keys)
    if problems:
        result.bad_rows.append(BadRow(row_number, raw, problems))
        return
    warnings = [RowProblem(row_number, _column_header(spec, headers, w.column), w.reason) for w in spec.warnings(record)]
    result.good_rows.append(GoodRow(row_number, record, spec.match(record, ctx), spec.describe(record), warnings))


def commit(ledger: Ledger, preview_: ImportPreview, *, skip_bad_rows: bool = False,
           progress: Progress | None = None) -> ImportResult:
    """Write every good row in one transaction: all of them, or on any failure none."""
    if preview_.bad_rows and not skip_bad_rows:
        raise UserError(
            f"“{preview_.path.name}”有 {len(preview_.bad_rows)} 行错误，整个文件未导入。"
            "请改正后重新导入，或选择跳过错误行。"
        )
    if not preview_.good_rows:
        raise UserError(f"“{preview_.path.name}”没有可以导入的行。")
    spec = load_spec(preview_.kind)
    total = len(preview_.good_rows)
    added = updated = 0
    batch: list[int] = []  # Excel rows written since the last flush
    flushing = False
    try:
        with ledger.transaction(*spec.topics) as session:
            ctx = spec.load(session)
            for done, good in enumerate(preview_.good_rows, 1):
                batch.append(good.row)
                existing = spec.match(good.record, ctx)
                spec.write(session, good.record, existing, ctx)
                if existing is not None:
                    updated += 1
                else:
                    added += 1
                if done % FLUSH_EVERY == 0:
                    flushing = True
                    session.flush()  # in batches: one flush per row is ten times slower
                    flushing, batch = False, []
                if progress and done % PROGRESS_EVERY == 0:
                    progress(done, total)
            flushing = True  # the last batch is flushed as the transaction commits
    except (UserError, LedgerError):  # LedgerReadOnly says itself which file and why
        raise
    except Exception as exc:
        log.exception("import commit failed (rolled back)")
        raise UserError(
            f"导入“{preview_.path.name}”失败（{_where(batch, flushing)}：{reason(exc)}），已全部撤销，没有写入任何数据。"
        ) from exc
    if progress:
        progress(total, total)
    log.info("import commit %s: %d added, %d updated", preview_.kind, added, updated)
    return ImportResult(added, updated, len(preview_.bad_rows), sum(1 for good in preview_.good_rows if good.warnings))


def _where(batch: list[int], flushing: bool) -> str:
    if not batch:
        return "提交时"
    if flushing and len(batch) > 1:
        return f"第 {min(batch)}–{max(batch)} 行之间"
    return f"第 {batch[-1]} 行"
