"""Change notification: after a commit the store says which topics changed; screens listen.

A topic is a `Topic` member, never a free string: the bus and `Ledger.transaction()` refuse a
name that is not one, so a misspelt topic fails loudly instead of leaving a screen stale. Qt-free on
purpose: the UI wraps the bus in a signal (ui/context.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum


class Topic(StrEnum):
    """What a committed change touched; a screen showing that data reloads."""

    MEMBER = "member"
    SCHOOL_CLASS = "school_class"
    STUDENT = "student"
    CULTIVATION = "cultivation"
    PLEDGE = "pledge"
    OBSERVATION = "observation"
    VISIT = "visit"
    SUGGESTION = "suggestion"
    RECTIFICATION = "rectification"
    EVALUATION = "evaluation"
    HONOUR = "honour"
    SETTING = "setting"
    MEETING = "meeting"
    HEART_TO_HEART_TALK = "heart_to_heart_talk"
    DEVELOPMENT = "development"
    PRINT_RECORD = "print_record"


def as_topics(names: Iterable[Topic | str]) -> frozenset[Topic]:
    """The topics named; ValueError for a name that is no `Topic` (a typo must not pass)."""
    topics = set()
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"change topic must be a Topic, not {name!r}")
        topics.add(Topic(name))
    return frozenset(topics)


Listener = Callable[[frozenset[Topic]], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def publish(self, topics: Iterable[Topic | str]) -> None:
        checked = as_topics(topics)
        for listener in list(self._listeners):
            listener(checked)
