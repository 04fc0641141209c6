"""The main window's tabs, in order. Each is created the first time it is shown.

A tab class takes (context, parent) and may offer `show_filtered(**criteria)` so the
dashboard can open the view behind a figure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str
    target: str  # "module:ClassName"


TABS: tuple[TabSpec, ...] = (
    TabSpec("dashboard", "工作台", "desktop_app.ui.dashboard.tab:DashboardTab"),
    TabSpec("members", "党员", "desktop_app.ui.members.tab:MembersTab"),
    TabSpec("students", "班级学生", "desktop_app.ui.students.tab:StudentsTab"),
    TabSpec("pledges", "承诺", "desktop_app.ui.pledges.tab:PledgesTab"),
    TabSpec("observations", "听课", "desktop_app.ui.observations.tab:ObservationsTab"),
    TabSpec("visits", "家访", "desktop_app.ui.visits.tab:VisitsTab"),
    TabSpec("meetings", "组织生活", "desktop_app.ui.meetings.tab:MeetingsTab"),
    TabSpec("rectifications", "整改", "desktop_app.ui.rectifications.tab:RectificationsTab"),
    TabSpec("development", "发展党员", "desktop_app.ui.development.tab:DevelopmentTab"),
    TabSpec("evaluations", "考核", "desktop_app.ui.evaluations.tab:EvaluationsTab"),
    TabSpec("prints", "印制", "desktop_app.ui.prints.tab:PrintCentreTab"),
)
