"""工作台: this week, month and semester at a glance; every card opens the view behind it."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.pledges import PledgeStatus
from desktop_app.store.events import Topic
from desktop_app.ui.context import AppContext
from desktop_app.ui.dashboard.card_grid import CardGridLayout
from desktop_app.ui.dashboard.cards import FigureCard
from desktop_app.ui.dashboard.chart import MonthlyChart
from desktop_app.ui.widgets.background import BackgroundTask
from desktop_app.ui.widgets.first_paint import after_first_paint
from desktop_app.wiring import checked, resolve

if TYPE_CHECKING:
    from desktop_app.services.dashboard import Dashboard

REFRESH_DELAY_MS = 400  # several quick edits refresh the figures once


def _count(ledger, today):
    # Imported on the worker: the queries behind the figures are not needed for the first paint.
    from desktop_app.services.dashboard import build_dashboard

    return build_dashboard(ledger, today)


def _names(names: tuple[str, ...], limit: int = 6) -> str:
    shown = "、".join(names[:limit])
    return shown + (f" 等{len(names)}人" if len(names) > limit else "")


_SO_FAR = ("“截至今日应完成”按本期已过的在校日（学期内、除周末和登记的假期）折算，取整数；"
           "斜线后是整个期间的要求。\n红色：有人少于本人截至今日应完成的数（总数够了也可能有人落后）；"
           "绿色：无人落后。点击卡片查看名单，名单人数与卡片一致。")
TOOLTIPS = {
    "observations": "本周（周一至周日）全体人员的听课节数。\n" + _SO_FAR,
    "visits": "本月按量化要求计入的家访次数（任课教师等计电话家访，教辅后勤计服务走访）。\n" + _SO_FAR,
    "coverage": "本学期至少接到一次电话家访的学生占全体学生的比例。\n红色：还有学生未覆盖；点击查看各班覆盖情况。",
    "pledges": "本学年的承诺份数，按草拟、已公示、践诺中、已评议分列。点击打开承诺页。",
    "rectifications": "整改期限已过而仍未完成的整改项数。\n红色：有逾期项；点击查看逾期清单。",
    "due": "上月（每月前三天）或本月听课、家访记录的报送截止日期，以及已录入的数量。\n红色：离截止不到3天。",
    "development": "发展党员各培养对象下一步骤的期限：30天内到期的和已逾期的项数。\n红色：有逾期项；点击打开发展党员页。",
    "meetings": "本月按规定频次应开展而尚未开展的组织生活（支部党员大会、支委会、党小组会、党课等）项数，"
                "以及本学年已缺的项次。\n红色：本学年有缺项；点击打开组织生活页。",
}


def _quota_figure(card: FigureCard, glance) -> None:
    """Done against what is due so far; red only when someone is behind that."""
    running = glance.due != glance.required
    due = f"截至今日应完成 {glance.due}/{glance.required}" if running else f"应完成 {glance.required}"
    behind = glance.behind_names
    if behind:
        detail = f"{due}\n{len(behind)}人落后：{_names(behind)}"
    else:
        detail = f"{due}\n{'无人落后' if running else '全部达标'}"
    card.show_figure(f"{glance.done} / {glance.due}", detail, alert=bool(behind), good=not behind)


class DashboardTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.context = context
        self.today = today
        self.dashboard: Dashboard | None = None
        self._task: BackgroundTask | None = None
        self._stale = False
        self.heading = QLabel("工作台", self)
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        refresh = QPushButton("刷新(&R)", self)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(refresh)
        self.cards = {
            "observations": FigureCard("本周听课（完成/截至今日应完成）", self),
            "visits": FigureCard("本月家访（完成/截至今日应完成）", self),
            "coverage": FigureCard("本学期电话家访覆盖学生", self),
            "pledges": FigureCard("本学年承诺", self),
            "rectifications": FigureCard("逾期未完成的整改", self),
            "due": FigureCard("月度记录报送", self),
            "development": FigureCard("发展党员：30天内到期/逾期", self),
            "meetings": FigureCard("本月组织生活（待开展）", self),
        }
        for key, card in self.cards.items():
            card.setToolTip(TOOLTIPS[key])
        self.start_panel = self._start_panel()
        self.todo_label = QLabel(self)
        self.todo_label.setWordWrap(True)
        self.todo_label.setStyleSheet("QLabel { background: #fff3e0; color: #8a4b00; padding: 4px 8px; }")
        self.todo_label.linkActivated.connect(lambda _link: self._open_todos())
        self.todo_label.setVisible(False)
        self.card_grid = CardGridLayout()  # as many columns as the width holds
        for key, card in self.cards.items():
            self.card_grid.addWidget(card)
            card.clicked.connect(lambda key=key: self.open_behind(key))
        self.chart = MonthlyChart(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.start_panel)
        layout.addWidget(self.todo_label)
        layout.addLayout(self.card_grid)
        layout.addWidget(self.chart, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        context.watch(Topic, self._on_changed)  # every figure may move
        context.reloaded.connect(self.refresh)
        after_first_paint(self, self.refresh)  # the count's worker would slow the first paint down

    def _start_panel(self) -> QFrame:
        """On an empty ledger: what to do next."""
        panel = QFrame(self)
        panel.setObjectName("start")
        panel.setStyleSheet("QFrame#start { background: #fff8e1; border: 1px solid #f0d890; border-radius: 6px; }")
        text = QLabel("<b>台账还是空的。</b>先填写学校与学期，再导入党员名册；也可以先载入示例学校看看各页的样子。"
                      "按 F1 打开使用说明。", panel)
        text.setWordWrap(True)
        self.guide_button = QPushButton("打开首次使用向导…", panel)
        self.import_button = QPushButton("导入党员名册…", panel)
        # Imported on first click; checked now, so a misspelt target fails when the tab is built.
        guide = checked("desktop_app.ui.first_run:open_first_run_guide")
        roster = checked("desktop_app.ui.importing.dialog:open_import_dialog")
        self.guide_button.clicked.connect(lambda: self._open(guide))
        self.import_button.clicked.connect(lambda: self._open(roster, "members"))
        row = QHBoxLayout(panel)
        row.addWidget(text, 1)
        row.addWidget(self.guide_button)
        row.addWidget(self.import_button)
        panel.setVisible(False)
        return panel

    def _open(self, target: str, *args) -> None:
        resolve(target)(self.window(), *args)

    # --- figures ------------------------------------------------------------
    def _on_changed(self, _topics: frozenset[Topic]) -> None:
        self._timer.start()

    def refresh(self) -> None:
        if self._task is not None and self._task.running:
            self._stale = True
            return
        ledger, today = self.context.ledger, self.today
        self._task = BackgroundTask(lambda _progress: _count(ledger, today))
        self._task.signals.finished.connect(self.show_dashboard)
        self._task.start()

    def shutdown(self) -> None:
        """Let a running count finish before the window (and the ledger) goes away."""
        if self._task is not None:
            self._task.wait(30)

    @property
    def busy(self) -> bool:
        return self._task is not None and self._task.running

    def show_dashboard(self, dashboard: Dashboard) -> None:
        self.dashboard = d = dashboard
        self.heading.setText(f"工作台　{d.today:%Y年%m月%d日}　{d.school_year}学年　在册党员 {d.members} 人")
        self.start_panel.setVisible(d.people == 0)
        self._show_todos(d.todos)
        if d.people == 0:  # nothing to count yet: say what to do instead of showing green zeros
            for card in self.cards.values():
                card.show_figure("—", "导入党员名册后显示")
            self.chart.show_months(d.months)
            return
        _quota_figure(self.cards["observations"], d.observations_week)
        _quota_figure(self.cards["visits"], d.visits_month)
        if d.semester:
            self.cards["coverage"].show_figure(
                f"{d.coverage_share:.0%}", f"{d.students_phoned} / {d.students} 名学生",
                alert=d.students_phoned < d.students, good=d.students_phoned >= d.students > 0)
        else:
            self.cards["coverage"].show_figure("假期中", "当前不在学期内")
        pledges = d.pledges_by_status
        self.cards["pledges"].show_figure(
            str(sum(pledges.values())), "　".join(f"{PledgeStatus(code).label} {n}" for code, n in pledges.items()))
        self.cards["rectifications"].show_figure(
            str(d.overdue_rectifications),
            f"{d.overdue_rectifications} 项已过整改期限" if d.overdue_rectifications else "没有逾期项",
            alert=d.overdue_rectifications > 0, good=d.overdue_rectifications == 0)
        observations, visits = d.due_counts
        self.cards["due"].show_figure(
            f"{d.due_date.month}月{d.due_date.day}日",
            f"{d.due_month.label}的听课、家访记录应在此前报送；已录入听课 {observations} 节、家访 {visits} 次",
            alert=(d.due_date - d.today).days <= 3)
        self._show_development(d)
        self._show_meetings(d)
        self.chart.show_months(d.months)
        if self._stale:
            self._stale = False
            self.refresh()

    def _show_development(self, d: Dashboard) -> None:
        deadlines = d.development_deadlines
        late = [x for x in deadlines if x.overdue]
        lines = [f"{x.name} {x.what} {x.due:%m-%d}" + ("（逾期）" if x.overdue else "") for x in deadlines[:3]]
        more = f" 等{len(deadlines)}项" if len(deadlines) > 3 else ""
        self.cards["development"].show_figure(
            f"{len(deadlines)}", "；".join(lines) + more if deadlines else "没有临近的期限",
            alert=bool(late), good=not deadlines)

    def _show_meetings(self, d: Dashboard) -> None:
        glance = d.meetings
        due, missed = glance.due_this_month, glance.missed_this_year
        labels = [line.label for line in due]
        listed = "、".join(labels[:4]) + (f" 等{len(labels)}项" if len(labels) > 4 else "") if due else "本月应开展的都已开展"
        self.cards["meetings"].show_figure(
            f"{len(due)} 项", f"{listed}；本学年已缺 {len(missed)} 项次" if missed else f"{listed}；本学年没有缺项",
            alert=bool(missed), good=not due and not missed)

    def _show_todos(self, todos) -> None:
        self.todo_label.setVisible(bool(todos))
        if todos:
            shown = "；".join(escape(t.text) for t in todos[:3]) + (f" 等{len(todos)}条" if len(todos) > 3 else "")
            self.todo_label.setText(f"<b>待办 {len(todos)} 条</b>（导入时的提醒）：{shown}　<a href='open'>去处理</a>")
            self.todo_label.setToolTip("\n".join(t.text for t in todos))

    def _open_todos(self) -> None:
        d, window = self.dashboard, self.window()
        if d and d.todos and hasattr(window, "open_tab"):
            window.open_tab(d.todos[0].tab, **d.todos[0].criteria)

    # --- click-through ---------------------------------------------------------
    def open_behind(self, key: str) -> None:
        d, window = self.dashboard, self.window()
        if d is None or not hasattr(window, "open_tab"):
            return
        if key == "observations":
            window.open_tab("observations", view="quota", period=d.observations_week.period, behind_only=True,
                            today=d.today)
        elif key == "visits":
            window.open_tab("visits", view="quota", period=d.visits_month.period, behind_only=True, today=d.today)
        elif key == "coverage":
            window.open_tab("visits", view="coverage", period=d.semester)
        elif key == "pledges":
            window.open_tab("pledges", school_year=d.school_year)
        elif key == "rectifications":
            window.open_tab("rectifications", overdue=True)
        elif key == "development":
            window.open_tab("development", due=True)
        elif key == "due":
            window.open_tab("visits", view="records", period=d.due_month)
        elif key == "meetings":
            window.open_tab("meetings", view="due", period=d.meetings.month)
