"""Change notification: after a commit the store says which topics changed; screens listen.

Topics are plain strings such as "member", "school_class", "student", "pledge", "observation",
"visit", "suggestion", "evaluation", "honour", "setting". Qt-free on purpose: the UI wraps it
in a signal.
"""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[set[str]], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def publish(self, topics: set[str]) -> None:
        for listener in list(self._listeners):
            listener(topics)
