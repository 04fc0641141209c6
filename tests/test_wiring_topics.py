"""Change topics are a typed enum: a misspelt one fails, and every published topic has a screen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop_app.services.members import list_members
from desktop_app.store.events import Topic
from desktop_app.store.models import Member
from desktop_app.ui.tabs import TABS

SERVICES = Path(__file__).resolve().parent.parent / "desktop_app" / "services"
# Screens that reload on everything or only refresh their own frame, not a view of the data.
NOT_A_VIEW = {"DashboardTab", "MainWindow"}
# Topics no open screen shows, with the reason. The test below fails once a screen watches one, so an
# entry cannot outlive its reason.
NO_SCREEN_YET = {
    Topic.PRINT_RECORD: "印制记录 is a dialog that reads the log each time it opens",
}


def published_topics() -> dict[Topic, list[str]]:
    """Every `Topic.X` a service module names (they name topics only to publish them), by module."""
    found: dict[Topic, list[str]] = {}
    for path in sorted(SERVICES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Topic":
                found.setdefault(Topic[node.attr], []).append(path.relative_to(SERVICES).as_posix())
    return found


def test_a_misspelt_topic_is_refused_before_anything_is_written(ledger):
    with pytest.raises(ValueError):
        with ledger.transaction("members") as session:
            session.add(Member(name="不该写入", political_status="full_member", posts=[], backbone_titles=[]))
    assert list_members(ledger) == []
    with pytest.raises(TypeError):
        with ledger.transaction(Topic.MEMBER, 3):
            pass
    with pytest.raises(ValueError):
        ledger.bus.publish({"visits"})


def test_the_bus_hands_listeners_topic_members(ledger):
    heard = []
    ledger.bus.subscribe(heard.append)
    with ledger.transaction("member", Topic.SCHOOL_CLASS):
        pass
    assert heard == [frozenset({Topic.MEMBER, Topic.SCHOOL_CLASS})]
    assert all(isinstance(topic, Topic) for topic in heard[0])


def test_screens_watch_with_the_enum_only(main_window):
    screen = main_window.tab_page("members")
    with pytest.raises(TypeError):
        main_window.context.watch({"member"}, screen.reload)
    with pytest.raises(TypeError):
        main_window.context.watch({Topic.MEMBER}, lambda _topics: None)


def test_every_topic_a_service_publishes_reloads_a_screen_that_shows_it(main_window):
    for spec in TABS:
        main_window.tab_page(spec.key)
    published = published_topics()
    assert set(published) == set(Topic), f"topics nothing publishes: {set(Topic) - set(published)}"
    unwatched = {topic: where for topic, where in published.items()
                 if not set(main_window.context.watchers(topic)) - NOT_A_VIEW}
    assert set(unwatched) == set(NO_SCREEN_YET), f"published but no screen reloads on them: {unwatched}"


def test_the_record_views_reload_on_their_records(main_window):
    """The views reported stale when a topic was misspelt: each names what it shows."""
    for spec in TABS:
        main_window.tab_page(spec.key)
    watchers = main_window.context.watchers
    assert "CoverageView" in watchers(Topic.VISIT)
    assert "QuotaView" in watchers(Topic.VISIT) and "QuotaView" in watchers(Topic.OBSERVATION)
    assert "VisitsTab" in watchers(Topic.VISIT) and "ObservationsTab" in watchers(Topic.OBSERVATION)
    assert "RectificationsTab" in watchers(Topic.RECTIFICATION)
    assert "PledgesTab" in watchers(Topic.PLEDGE) and "EvaluationsTab" in watchers(Topic.EVALUATION)
    assert "StudentsTab" in watchers(Topic.STUDENT) and "MembersTab" in watchers(Topic.CULTIVATION)
    assert "PrintCentreTab" in watchers(Topic.HONOUR)
    assert "MeetingsTab" in watchers(Topic.MEETING) and "DueView" in watchers(Topic.HEART_TO_HEART_TALK)
    assert "DevelopmentTab" in watchers(Topic.DEVELOPMENT)
