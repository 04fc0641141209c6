"""The ten-year benchmark: our figures side by side with the raw libraries doing the same work.

    python benchmarks/run.py [--data-dir DIR] [--rounds 3]

Without --data-dir the ten-year ledger is generated first (benchmarks/ten_year_ledger.py,
a few minutes). Prints, in one run: start-up to the first painted window vs a bare PySide6
window after the same imports; the quarterly, semester and school-year workbooks vs raw openpyxl
writing the same cells (and each sheet); 60 plaques vs raw reportlab; a keystroke in the visits filter; importing
10,000 visit rows vs openpyxl reading them; keystroke-to-results in the search window for 1-, 2-
and 3-character queries; peak memory with the ledger open.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {
    "start-up": "≤ 1.3× bare window",
    "quarterly workbook": "≤ 1.5× raw openpyxl",
    "semester workbook": "≤ 1.5× raw openpyxl",
    "school-year workbook": "≤ 1.5× raw openpyxl",
    "60 plaques": "< 1 s",
    "visits filter keystroke": "< 100 ms",
    "search 1 character": "p95 ≤ 50 ms",
    "search 2 characters": "p95 ≤ 50 ms",
    "search 3+ characters": "p95 ≤ 50 ms",
    "peak memory": "< 400 MB",
    "import 10,000 visits": "< 10 s",
}


def line(name: str, ours: str, baseline: str = "", ratio: str = "") -> None:
    print(f"{name:<28} {ours:>14} {baseline:>16} {ratio:>8}   target {TARGETS.get(name, '')}")


def child(mode: str, data_dir: Path | None, pycache: Path | None = None) -> tuple[float, float]:
    env = dict(os.environ, BENCH_T0=repr(time.time()))
    if pycache is not None:  # compiled once, as an installed or packaged program is
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    args = [sys.executable, str(HERE / "startup_child.py"), mode] + ([str(data_dir)] if data_dir else [])
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300).stdout
    fields = next(l for l in out.splitlines() if l.startswith("painted")).split()
    return float(fields[1]), float(fields[3])


def bench_startup(data_dir: Path, scratch: Path, rounds: int) -> None:
    """Bare and ours alternate, so a burst of load on the shared machine hits both alike."""
    pycache = scratch / "pycache"
    child("bare", None, pycache), child("app", data_dir, pycache)  # warm-up: writes the bytecode caches
    bare, ours = [], []
    for _ in range(rounds):
        (data_dir / "window.ini").unlink(missing_ok=True)  # open on the first tab, as on a first start
        bare.append(child("bare", None, pycache)[0])
        ours.append(child("app", data_dir, pycache)[0])
    bare_s, ours_s = statistics.median(bare), statistics.median(ours)
    line("start-up", f"{ours_s:.2f} s", f"bare {bare_s:.2f} s", f"{ours_s / bare_s:.2f}×")
    _, peak = child("app-all-tabs", data_dir, pycache)
    line("peak memory", f"{peak:.0f} MB", "all tabs opened")


def raw_openpyxl(source: Path, target: Path) -> tuple[float, dict[str, float]]:
    """Write the very cells of our workbook with bare openpyxl: no styles, no print setup.
    Returns the whole time (cells and save) and the time each sheet's cells took."""
    from openpyxl import Workbook, load_workbook

    book = load_workbook(source)
    sheets = [(s.title, [list(r) for r in s.iter_rows(values_only=True)]) for s in book.worksheets]
    per_sheet = {}
    start = time.perf_counter()
    raw = Workbook()
    raw.remove(raw.active)
    for title, rows in sheets:
        begun = time.perf_counter()
        sheet = raw.create_sheet(title)
        for row in rows:
            sheet.append(row)
        per_sheet[title] = time.perf_counter() - begun
    raw.save(target)
    return time.perf_counter() - start, per_sheet


def _our_workbook(ledger, period, path: Path) -> tuple[float, dict[str, float]]:
    """export_quarterly timed: the whole, and each sheet (its figures and cells)."""
    from desktop_app.services.exports.quarterly import export_quarterly

    per_sheet: dict[str, float] = {}
    start = time.perf_counter()
    export_quarterly(ledger, period, path, timings=per_sheet)
    return time.perf_counter() - start, per_sheet


def bench_workbooks(data_dir: Path, scratch: Path, rounds: int) -> None:
    from desktop_app.domain import report_period
    from desktop_app.domain.calendar import school_year_of
    from desktop_app.services.exports.quarterly import build_workbook
    from desktop_app.services.settings import semester_dates
    from desktop_app.store.ledger import open_ledger

    ledger = open_ledger(data_dir)
    year = school_year_of(date.today())
    last_year = f"{int(year[:4]) - 1}-{year[:4]}"
    workbooks = (("quarterly workbook", report_period.quarter(int(year[:4]), 4)),
                 ("semester workbook", report_period.semester(semester_dates(ledger, last_year), 1)),
                 ("school-year workbook", report_period.school_year(last_year)))
    started = time.perf_counter()
    build_workbook(ledger, workbooks[0][1])  # imports the sheet modules: the first export of a session
    print(f"{'':<28} first quarterly export of a session, importing the sheet modules: "
          f"{time.perf_counter() - started:.2f} s (not in the rounds below)")
    for name, period in workbooks:
        ours, raws, sheets, raw_sheets = [], [], {}, {}
        for n in range(rounds):
            path = scratch / f"{name}.xlsx"
            whole, per_sheet = _our_workbook(ledger, period, path)
            raw, raw_per_sheet = raw_openpyxl(path, scratch / f"raw-{name}.xlsx")
            ours.append(whole)
            raws.append(raw)
            for title, spent in per_sheet.items():
                sheets.setdefault(title, []).append(spent)
                raw_sheets.setdefault(title, []).append(raw_per_sheet.get(title, 0.0))
        ratios = sorted(o / r for o, r in zip(ours, raws))
        ours_median, raw_median = statistics.median(ours), statistics.median(raws)
        line(name, f"{ours_median:.3f} s", f"openpyxl {raw_median:.3f} s", f"{ours_median / raw_median:.2f}×")
        print(f"{'':<28} {rounds} rounds, ratio each round {ratios[0]:.2f}–{ratios[-1]:.2f}×; each sheet: "
              "its figures and styled cells | raw openpyxl appending its cells (saving not included)")
        for title, spent in sheets.items():
            raw_cells = statistics.median(raw_sheets[title])
            print(f"{'':<4}{title:<20} {statistics.median(spent) * 1000:10.1f} ms {raw_cells * 1000:14.1f} ms")
    ledger.close()


def bench_plaques() -> None:
    sys.path.insert(0, str(HERE))
    import plaques

    batch = plaques.cards()
    plaques.font_set()
    plaques.ours(batch[:1])
    plaques.plain_reportlab(batch[:1])
    ours = min(plaques.ours(batch)[0] for _ in range(3))
    plain = min(plaques.plain_reportlab(batch)[0] for _ in range(3))
    line("60 plaques", f"{ours:.3f} s", f"reportlab {plain:.3f} s", f"{ours / plain:.2f}×")


def _keystrokes(records, texts=("王", "王芳", "王", "", "家长", "家", "", "了解学生", "电话", "高二", "没有这样")) -> list[float]:
    from PySide6.QtWidgets import QApplication

    times = []
    for text in texts:
        start = time.perf_counter()
        box = records.filters.search
        box.blockSignals(True)  # no pause timer: the figure is the work done once typing pauses
        box.setText(text)
        box.blockSignals(False)
        records.filters.searchChanged.emit(text)
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return times


def bench_keystroke(data_dir: Path) -> None:
    from desktop_app.app import build_main_window, make_application
    from desktop_app.store.ledger import open_ledger

    make_application([sys.argv[0]])
    ledger = open_ledger(data_dir)
    window = build_main_window(ledger)
    window.show()
    records = window.open_tab("visits").records
    last_autumn = date(date.today().year - 1, 11, 1)
    records.filters.period_bar.show_date(last_autumn, "semester")
    records.reload()
    times = _keystrokes(records)
    line("visits filter keystroke", f"{statistics.median(times) * 1000:.0f} ms",
         f"{records.model.rowCount():,} rows (semester)", f"max {max(times) * 1000:.0f} ms")
    bar = records.filters.period_bar
    start = time.perf_counter()
    bar.unit_combo.setCurrentIndex(bar.unit_combo.findData("all"))  # 全部年份: the newest rows, filtered in SQL
    shown = time.perf_counter() - start
    times = _keystrokes(records)
    total = ledger.engine.connect().exec_driver_sql("SELECT count(*) FROM visit").scalar()
    line("visits filter keystroke", f"{statistics.median(times) * 1000:.0f} ms",
         f"{total:,} rows (全部年份)", f"max {max(times) * 1000:.0f} ms")
    print(f"{'':<28} choosing 全部年份 took {shown * 1000:.0f} ms")
    window.close()
    ledger.close()


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def bench_search(data_dir: Path, rounds: int) -> None:
    """Keystroke to results in the search window: the query and filling the grouped list."""
    import sqlite3

    from desktop_app.app import build_main_window, make_application
    from desktop_app.store.ledger import open_ledger
    from desktop_app.ui.search.dialog import open_search

    make_application([sys.argv[0]])
    ledger = open_ledger(data_dir)
    conn = sqlite3.connect(data_dir / "ledger.sqlite3")
    names = [r[0] for r in conn.execute("SELECT name FROM member UNION ALL SELECT name FROM student")]
    conn.close()
    queries = {
        "search 1 character": sorted({n[0] for n in names})[:20],
        "search 2 characters": sorted({n[:2] for n in names if len(n) >= 2})[:20],
        "search 3+ characters": sorted({n for n in names if len(n) >= 3})[:10]
        + ["了解学生", "课堂组织", "沟通在校表现", "教学目标明确", "家访记录", "没有这样的话", "高二(3)班",
           "数学组", "学习情况", "示范课"],
    }
    window = build_main_window(ledger)
    dialog = open_search(window)
    for name, texts in queries.items():
        times = []
        for _ in range(rounds):
            for text in texts:
                start = time.perf_counter()
                dialog.set_query(text)
                times.append(time.perf_counter() - start)
        line(name, f"p95 {_p95(times) * 1000:.0f} ms", f"median {statistics.median(times) * 1000:.0f} ms",
             f"max {max(times) * 1000:.0f} ms")
    window.close()
    ledger.close()


def bench_import(data_dir: Path) -> None:
    out = subprocess.run([sys.executable, str(HERE / "import_visits.py"), "--rows", "10000"],
                         capture_output=True, text=True, timeout=900).stdout
    wall = {}
    for text in out.splitlines():
        for key in ("openpyxl read-only pass", "our import in total"):
            if text.startswith(key):
                wall[key] = float(text[len(key):].split()[0])
    total, read = wall.get("our import in total"), wall.get("openpyxl read-only pass")
    if total is None or read is None:
        print(out)
        return
    line("import 10,000 visits", f"{total:.2f} s", f"openpyxl read {read:.2f} s", f"{total / read:.1f}×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="an existing ten-year ledger folder")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="+", choices=sorted(SECTIONS), help="run only these parts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        data_dir = args.data_dir
        if data_dir is None:
            from ten_year_ledger import generate

            data_dir = scratch / "ten-year"
            started = time.perf_counter()
            counts = generate(data_dir)
            print(f"generated: {counts} in {time.perf_counter() - started:.0f} s")
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} cores, load average {load} (1, 5, 15 min) at the start")
        print(f"{'what':<28} {'ours':>14} {'baseline':>16} {'ratio':>8}")
        for section in args.only or SECTIONS:
            SECTIONS[section](data_dir, scratch, args.rounds)
    return 0


SECTIONS = {
    "startup": bench_startup,
    "workbooks": bench_workbooks,
    "plaques": lambda data_dir, scratch, rounds: bench_plaques(),
    "keystroke": lambda data_dir, scratch, rounds: bench_keystroke(data_dir),
    "search": lambda data_dir, scratch, rounds: bench_search(data_dir, rounds),
    "import": lambda data_dir, scratch, rounds: bench_import(data_dir),
}


if __name__ == "__main__":
    sys.exit(main())
